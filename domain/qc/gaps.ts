/**
 * @module Detector: long unexplained gaps. An analyser that goes quiet for hours without saying why — no stop (F),
 * maintenance (M), fault (D), calibration (C) or communication (B) mark on the values around the gap, and no
 * recorded explanation (e.g. an accepted maintenance window) — may be switched off while it would have shown an
 * exceedance. Rule: consecutive values ≥ `minGapHours` apart, or the last value ≥ `minGapHours` before the end of
 * the window (an open gap). Serious from 24 h.
 */
import { hours, factorZh, type Finding } from "./finding";
import { NOT_OPERATING_FLAGS, type QcSample } from "./sample";

/** Settings. */
export interface GapOptions {
  minGapHours: number;
  /** Marks that explain a gap when they bound it. */
  explainingFlags: readonly string[];
  /** Periods known to explain silence (maintenance records, accepted reviews), epoch ms. */
  explained: readonly { from: number; to: number }[];
  /** End of the window looked at (now, for live data); null: no open gap is reported. */
  windowEnd: number | null;
}

/** Defaults: 6 h, the not-operating marks, no explanations, no open gap. */
export const DEFAULT_GAPS: GapOptions = { minGapHours: 6, explainingFlags: NOT_OPERATING_FLAGS, explained: [], windowEnd: null };

/** Share of [from, to] covered by the explanations. */
function coveredShare(from: number, to: number, explained: GapOptions["explained"]): number {
  let covered = 0;
  for (const e of explained) covered += Math.max(0, Math.min(to, e.to) - Math.max(from, e.from));
  return to > from ? Math.min(1, covered / (to - from)) : 0;
}

/**
 * The unexplained gaps of a time-sorted series (values with or without numbers count as data).
 * @example detectGaps("w21003", series, { ...DEFAULT_GAPS, windowEnd: Date.now() })
 */
export function detectGaps(factor: string, series: readonly QcSample[], o: GapOptions): Finding[] {
  const minMs = o.minGapHours * 3_600_000;
  const explains = (s: QcSample | undefined) => Boolean(s?.flag && o.explainingFlags.includes(s.flag));
  const out: Finding[] = [];
  const report = (from: number, to: number, open: boolean, before: QcSample | undefined, after: QcSample | undefined) => {
    if (to - from < minMs) return;
    if (explains(before) || explains(after)) return;
    if (coveredShare(from, to, o.explained) >= 0.5) return;
    const h = hours(from, to);
    out.push({
      rule: "unexplained_gap",
      factors: [factor],
      from,
      to,
      severity: to - from >= 24 * 3_600_000 ? "serious" : "warning",
      numbers: { hours: h, minGapHours: o.minGapHours, open: open ? 1 : 0, flagBefore: before?.flag ?? null, flagAfter: after?.flag ?? null },
      summary: open
        ? `${factorZh(factor)} 已 ${h} 小时没有数据，之前的数据未标记停运、维护、故障或校准`
        : `${factorZh(factor)} 中断 ${h} 小时，前后数据均未标记停运、维护、故障或校准`,
    });
  };
  for (let i = 1; i < series.length; i++) report(series[i - 1].t, series[i].t, false, series[i - 1], series[i]);
  const last = series[series.length - 1];
  if (last && o.windowEnd !== null) report(last.t, o.windowEnd, true, last, undefined);
  return out;
}
