/**
 * @module Detector: variation within 2% of the instrument range for a long time. A real water body and a real
 * analyser move; a series whose whole spread (max − min) stays within `fraction` of the measuring range (量程) for
 * `minHours` or more looks held. Each finding is a maximal stretch found greedily (sliding min/max); a gap longer
 * than `maxGapMs` ends a stretch. Only normal (N/T) values count. Serious from twice the minimum duration.
 */
import { hours, num, pct, factorZh, type Finding } from "./finding";
import { isNormalMeasurement, withValues, type QcSample } from "./sample";

/** Settings. */
export interface NarrowVariationOptions {
  rangeMin: number;
  rangeMax: number;
  /** Largest spread as a share of the range. */
  fraction: number;
  minHours: number;
  maxGapMs: number;
}

/** Defaults: 2% of the range for 24 h; a 2-h gap ends a stretch. */
export const DEFAULT_NARROW_VARIATION = { fraction: 0.02, minHours: 24, maxGapMs: 2 * 3_600_000 } as const;

/**
 * The stretches of narrow variation in a time-sorted series.
 * @example detectNarrowVariation("w01018", series, { rangeMin: 0, rangeMax: 500, ...DEFAULT_NARROW_VARIATION })
 */
export function detectNarrowVariation(factor: string, series: readonly QcSample[], o: NarrowVariationOptions): Finding[] {
  const span = o.rangeMax - o.rangeMin;
  if (!(span > 0)) return [];
  const s = withValues(series).filter(isNormalMeasurement);
  const band = o.fraction * span;
  const minMs = o.minHours * 3_600_000;
  const out: Finding[] = [];
  const emit = (l: number, r: number) => {
    if (r <= l || s[r].t - s[l].t < minMs) return;
    let lo = Infinity, hi = -Infinity;
    for (let i = l; i <= r; i++) {
      lo = Math.min(lo, s[i].value);
      hi = Math.max(hi, s[i].value);
    }
    const h = hours(s[l].t, s[r].t);
    out.push({
      rule: "narrow_variation",
      factors: [factor],
      from: s[l].t,
      to: s[r].t,
      severity: s[r].t - s[l].t >= 2 * minMs ? "serious" : "warning",
      numbers: { rangeMin: o.rangeMin, rangeMax: o.rangeMax, band, min: lo, max: hi, variation: (hi - lo) / span, values: r - l + 1, hours: h },
      summary: `${factorZh(factor)} ${h} 小时内最大值 ${num(hi)} 与最小值 ${num(lo)} 相差 ${num(hi - lo)}，仅为量程 ${num(o.rangeMin)}–${num(o.rangeMax)} 的 ${pct((hi - lo) / span)}（阈值 ${pct(o.fraction)}）`,
    });
  };
  // Monotonic deques of indices give the window's min and max in amortised O(1).
  let l = 0;
  let maxQ: number[] = [], minQ: number[] = [];
  for (let r = 0; r < s.length; r++) {
    if (r > l && s[r].t - s[r - 1].t > o.maxGapMs) {
      emit(l, r - 1);
      l = r;
      maxQ = [];
      minQ = [];
    }
    while (maxQ.length && s[maxQ[maxQ.length - 1]].value <= s[r].value) maxQ.pop();
    maxQ.push(r);
    while (minQ.length && s[minQ[minQ.length - 1]].value >= s[r].value) minQ.pop();
    minQ.push(r);
    while (s[maxQ[0]].value - s[minQ[0]].value > band + 1e-12) {
      // [l, r−1] was within the band: if it lasted long enough it is a maximal stretch — report it, start at r.
      if (s[r - 1].t - s[l].t >= minMs) {
        emit(l, r - 1);
        l = r;
        maxQ = [r];
        minQ = [r];
        break;
      }
      l++;
      while (maxQ[0] < l) maxQ.shift();
      while (minQ[0] < l) minQ.shift();
    }
  }
  if (s.length) emit(l, s.length - 1);
  return out;
}
