/**
 * @module Detector: a fixed value with jitter. A number typed in and dithered (12.3, 12.4, 12.3, 12.2, 12.3 …) keeps
 * returning to the same value, never leaves a narrow band, and — unlike a real process, whose neighbouring values
 * are alike — its steps do not persist: the lag-1 autocorrelation is near zero or negative. Rule per block of
 * `blockHours`: ≥ `minCount` normal values, at least 2 distinct, ≥ `minModeShare` exactly at the most frequent value,
 * all within ±`jitter` of it, and lag-1 autocorrelation ≤ `maxAutocorr`. Consecutive flagged blocks form one
 * finding. A value that never changes at all is the flat-line test's case, not this one.
 */
import { hours, num, pct, factorZh, type Finding } from "./finding";
import { isNormalMeasurement, withValues, type QcSample } from "./sample";

/** Settings. */
export interface JitterOptions {
  /** Band around the fixed value (factor units). */
  jitter: number;
  blockHours: number;
  minCount: number;
  minModeShare: number;
  maxAutocorr: number;
}

/** Defaults (jitter comes from the analyser's resolution: two steps). */
export const DEFAULT_JITTER = { blockHours: 6, minCount: 24, minModeShare: 0.4, maxAutocorr: 0.2 } as const;

/** Lag-1 autocorrelation of values (0 for a constant series). */
export function lag1Autocorrelation(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let num0 = 0, den = 0;
  for (let i = 0; i < n; i++) {
    den += (values[i] - mean) ** 2;
    if (i > 0) num0 += (values[i] - mean) * (values[i - 1] - mean);
  }
  return den === 0 ? 0 : num0 / den;
}

/** The most frequent value (values compared after rounding to 1e-9) and its count. */
function modeOf(values: readonly number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v * 1e9) / 1e9;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = { value: NaN, count: 0 };
  for (const [value, count] of counts) if (count > best.count || (count === best.count && value < best.value)) best = { value, count };
  return best;
}

interface Block {
  from: number;
  to: number;
  values: number;
  mode: number;
  modeShare: number;
  distinct: number;
  autocorr: number;
}

/**
 * Stretches of fixed-value jitter in a time-sorted series.
 * @example detectJitter("w01018", series, { jitter: 0.2, ...DEFAULT_JITTER })
 */
export function detectJitter(factor: string, series: readonly QcSample[], o: JitterOptions): Finding[] {
  const s = withValues(series).filter(isNormalMeasurement);
  if (!s.length || !(o.jitter > 0)) return [];
  const blockMs = o.blockHours * 3_600_000;
  const start = Math.floor(s[0].t / blockMs) * blockMs;
  const flagged: Block[] = [];
  for (let i = 0; i < s.length; ) {
    const b = Math.floor((s[i].t - start) / blockMs);
    let j = i;
    while (j < s.length && Math.floor((s[j].t - start) / blockMs) === b) j++;
    const block = s.slice(i, j);
    i = j;
    if (block.length < o.minCount) continue;
    const vs = block.map((x) => x.value);
    const mode = modeOf(vs);
    const distinct = new Set(vs.map((v) => Math.round(v * 1e9))).size;
    const within = vs.every((v) => Math.abs(v - mode.value) <= o.jitter + 1e-9);
    const autocorr = lag1Autocorrelation(vs);
    const modeShare = mode.count / vs.length;
    if (distinct >= 2 && within && modeShare >= o.minModeShare && autocorr <= o.maxAutocorr) {
      flagged.push({ from: block[0].t, to: block[block.length - 1].t, values: vs.length, mode: mode.value, modeShare, distinct, autocorr });
    }
  }
  // Merge blocks around the same value that follow each other (the next starts within one block length).
  const out: Finding[] = [];
  for (let k = 0; k < flagged.length; ) {
    let m = k;
    while (m + 1 < flagged.length && flagged[m + 1].mode === flagged[m].mode && flagged[m + 1].from - flagged[m].to <= blockMs) m++;
    const group = flagged.slice(k, m + 1);
    k = m + 1;
    const first = group[0], last = group[group.length - 1];
    const values = group.reduce((a, g) => a + g.values, 0);
    const modeShare = group.reduce((a, g) => a + g.modeShare * g.values, 0) / values;
    const autocorr = Math.max(...group.map((g) => g.autocorr));
    out.push({
      rule: "fixed_jitter",
      factors: [factor],
      from: first.from,
      to: last.to,
      severity: group.length >= 2 ? "serious" : "warning",
      numbers: { mode: first.mode, jitter: o.jitter, values, modeShare, distinct: Math.max(...group.map((g) => g.distinct)), autocorr, blocks: group.length, hours: hours(first.from, last.to) },
      summary: `${factorZh(factor)} ${hours(first.from, last.to)} 小时内 ${values} 个值均在 ${num(first.mode)} ± ${num(o.jitter)} 以内，${pct(modeShare)} 恰为 ${num(first.mode)}，相邻值自相关 ${num(autocorr)}（真实过程通常明显为正）`,
    });
  }
  return out;
}
