/**
 * @module QARTOD spike test in the GTSPP/Argo form, made time-aware: the spike of a value is its distance from the
 * straight line between its previous and next values, taken at the value's own time, minus half the difference of
 * those neighbours — |V − L(t)| − |V₊ − V₋| / 2. With regular sampling L(t) is the neighbours' mean, which is the
 * Argo/GTSPP test; subtracting the half-difference keeps the neighbours of a spike (and steep but smooth changes)
 * from being flagged. A value farther than the suspect / fail thresholds is suspect / fails. A value without both
 * neighbours within the allowed distance in time — the newest value of a live series, or one next to a gap — is not
 * evaluated; the live processor re-evaluates it when the next value arrives.
 */
import type { SpikeConfig } from "./config";
import type { QcFlag } from "./flags";
import { hasNumber, type QcSample } from "./sample";

/** The spike size of `series[i]` (distance from the neighbours' line less their half-difference), or null without usable neighbours. */
export function spikeSize(series: readonly QcSample[], i: number, maxNeighbourMs: number): number | null {
  const s = series[i];
  if (!hasNumber(s)) return null;
  let p = i - 1;
  while (p >= 0 && !hasNumber(series[p])) p--;
  let n = i + 1;
  while (n < series.length && !hasNumber(series[n])) n++;
  if (p < 0 || n >= series.length) return null;
  const prev = series[p], next = series[n];
  if (s.t - prev.t > maxNeighbourMs || next.t - s.t > maxNeighbourMs || next.t === prev.t) return null;
  const line = prev.value! + ((next.value! - prev.value!) * (s.t - prev.t)) / (next.t - prev.t);
  return Math.abs(s.value - line) - Math.abs(next.value! - prev.value!) / 2;
}

/**
 * Flags of a time-sorted series.
 * @example spikeTest([{ t: 0, value: 1 }, { t: 60_000, value: 9 }, { t: 120_000, value: 1 }], { suspect: 2, fail: 5, maxNeighbourSeconds: 600 }) // [2, 4, 2]
 */
export function spikeTest(series: readonly QcSample[], c: SpikeConfig | null): QcFlag[] {
  return series.map((_, i) => {
    if (!c) return 2;
    const size = spikeSize(series, i, c.maxNeighbourSeconds * 1000);
    if (size === null) return 2;
    if (c.fail !== null && size > c.fail) return 4;
    return size > c.suspect ? 3 : 1;
  });
}
