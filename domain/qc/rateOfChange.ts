/**
 * @module QARTOD rate-of-change test per unit time: |Δvalue| / Δt between a value and the previous value with a
 * number, in units per hour, against the setting — so a series sampled every 30 s and one sampled hourly are judged
 * on the same physical rate. A previous value farther back than the setting is not compared (not evaluated).
 */
import type { RateOfChangeConfig } from "./config";
import type { QcFlag } from "./flags";
import { hasNumber, type QcSample } from "./sample";

/** The rate of change into `series[i]` in units per hour, or null without a usable previous value. */
export function ratePerHour(series: readonly QcSample[], i: number, maxIntervalMs: number): number | null {
  const s = series[i];
  if (!hasNumber(s)) return null;
  let p = i - 1;
  while (p >= 0 && !hasNumber(series[p])) p--;
  if (p < 0) return null;
  const dt = s.t - series[p].t;
  if (dt <= 0 || dt > maxIntervalMs) return null;
  return Math.abs(s.value - series[p].value!) / (dt / 3_600_000);
}

/**
 * Flags of a time-sorted series.
 * @example rateOfChangeTest([{ t: 0, value: 1 }, { t: 600_000, value: 2 }], { maxPerHour: 3, maxIntervalSeconds: 3600 }) // [2, 3] — 6 per hour
 */
export function rateOfChangeTest(series: readonly QcSample[], c: RateOfChangeConfig | null): QcFlag[] {
  return series.map((_, i) => {
    if (!c) return 2;
    const rate = ratePerHour(series, i, c.maxIntervalSeconds * 1000);
    if (rate === null) return 2;
    return rate > c.maxPerHour ? 3 : 1;
  });
}
