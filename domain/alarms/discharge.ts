/**
 * @module Daily discharge evaluation of an outlet against its permit (project decision 9): the day's mean of the
 * valid hourly values (China days, UTC+8; HJ 212-2017 App. D builds a day from 1–24 hours) is compared with the
 * permit's upper (or lower) limit; a day with fewer than `minHours` valid hours is not evaluated (setting; default
 * 18, i.e. 75% — a project choice, not a quoted rule). An exceeding day is a violation; its exceedance multiple is
 * (mean − limit) / limit. Values marked other than N/T, failed by QC or rejected in review do not enter.
 */
import { breaks, type AppliedLimit } from "./conditions";

/** One valid hourly value. */
export interface HourValue {
  /** Hour start, epoch ms. */
  t: number;
  value: number;
}

/** One evaluated day. */
export interface DischargeDay {
  /** China day "YYYY-MM-DD". */
  day: string;
  mean: number;
  max: number;
  hours: number;
  exceeded: boolean;
  /** (mean − upper) / upper, or (lower − mean) / lower for a lower bound; 0 when within. */
  exceedMultiple: number;
}

const CHINA_MS = 8 * 3_600_000;

/** The China day of an instant. */
export function chinaDay(t: number): string {
  return new Date(t + CHINA_MS).toISOString().slice(0, 10);
}

/**
 * Evaluates each China day of hourly values against a limit.
 * @example dischargeDays(hours, { upper: 100, lower: null }, 18)
 */
export function dischargeDays(values: readonly HourValue[], limit: AppliedLimit, minHours = 18): DischargeDay[] {
  const byDay = new Map<string, number[]>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    const d = chinaDay(v.t);
    let xs = byDay.get(d);
    if (!xs) byDay.set(d, (xs = []));
    xs.push(v.value);
  }
  const out: DischargeDay[] = [];
  for (const [day, xs] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (xs.length < minHours) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const exceeded = breaks(mean, limit);
    let exceedMultiple = 0;
    if (exceeded && limit.upper !== null && mean > limit.upper && limit.upper > 0) exceedMultiple = (mean - limit.upper) / limit.upper;
    else if (exceeded && limit.lower !== null && mean < limit.lower && limit.lower > 0) exceedMultiple = (limit.lower - mean) / limit.lower;
    out.push({ day, mean, max: Math.max(...xs), hours: xs.length, exceeded, exceedMultiple });
  }
  return out;
}
