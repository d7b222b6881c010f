/**
 * @module QARTOD flat-line test, time-aware: how long the series has stayed within ±tolerance of the current value
 * (walking back over consecutive values with numbers), measured in time rather than in counts so irregular
 * sampling does not change the verdict. Unchanged for the suspect duration is suspect, for the fail duration fails.
 * A run is broken by a value outside the tolerance or by a gap longer than `maxGapMs` (an instrument that was off
 * is not "stuck").
 */
import type { FlatLineConfig } from "./config";
import type { QcFlag } from "./flags";
import { hasNumber, type QcSample } from "./sample";

/** How long (ms) the values up to `series[i]` have stayed within ±tolerance of it; null without a number. */
export function flatDuration(series: readonly QcSample[], i: number, tolerance: number, maxGapMs = Infinity): number | null {
  if (!hasNumber(series[i])) return null;
  const v = series[i].value as number;
  let start = series[i].t;
  let later = series[i].t;
  for (let j = i - 1; j >= 0; j--) {
    const s = series[j];
    if (!hasNumber(s)) continue;
    if (later - s.t > maxGapMs) break;
    // A small epsilon keeps decimal values (0.1 + 0.2) equal when the tolerance is 0.
    if (Math.abs(s.value - v) > tolerance + 1e-9 * Math.max(1, Math.abs(v))) break;
    start = s.t;
    later = s.t;
  }
  return series[i].t - start;
}

/**
 * Flags of a time-sorted series.
 * @example flatLineTest(hourly([5, 5, 5, 5]), { tolerance: 0, suspectSeconds: 7200, failSeconds: 10800 }) // [1, 1, 3, 4]
 */
export function flatLineTest(series: readonly QcSample[], c: FlatLineConfig | null, maxGapMs = Infinity): QcFlag[] {
  return series.map((_, i) => {
    if (!c) return 2;
    const d = flatDuration(series, i, c.tolerance, maxGapMs);
    if (d === null) return 2;
    if (c.failSeconds !== null && d >= c.failSeconds * 1000) return 4;
    return d >= c.suspectSeconds * 1000 ? 3 : 1;
  });
}
