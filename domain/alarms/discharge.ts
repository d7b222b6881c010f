/**
 * @module Daily discharge evaluation of an outlet against its permit (project decision 9): the day's mean of the
 * valid hourly values (China days, UTC+8; HJ 212-2017 App. D builds a day from 1–24 hours) is compared with the
 * permit's upper (or lower) limit; a day with fewer than `minHours` valid hours is not evaluated (setting; default
 * 18, i.e. 75% — a project choice, not a quoted rule). An exceeding day is a violation; its exceedance multiple is
 * (mean − limit) / limit. Values marked other than N/T, failed by QC (unless a reviewer accepted them) or rejected in review do not enter.
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

/** Valid hours a China day needs to be evaluated (the project's 75%, see the module note). */
export const MIN_VALID_HOURS = 18;

/** The China day of an instant. */
export function chinaDay(t: number): string {
  return new Date(t + CHINA_MS).toISOString().slice(0, 10);
}

/**
 * Evaluates each China day of hourly values against a limit.
 * @example dischargeDays(hours, { upper: 100, lower: null }, 18)
 */
export function dischargeDays(values: readonly HourValue[], limit: AppliedLimit, minHours = MIN_VALID_HOURS): DischargeDay[] {
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

/**
 * The China days among `days` that have fewer than `minHours` valid hours, with how many they have (0 for none):
 * the days that are not evaluated, so a violation recorded on one no longer stands.
 * @example shortDays(hours, ["2026-03-01"], 18) // [{ day: "2026-03-01", hours: 12 }]
 */
export function shortDays(values: readonly HourValue[], days: readonly string[], minHours = MIN_VALID_HOURS): { day: string; hours: number }[] {
  const n = new Map<string, number>();
  for (const v of values) if (Number.isFinite(v.value)) n.set(chinaDay(v.t), (n.get(chinaDay(v.t)) ?? 0) + 1);
  return [...new Set(days)].sort().map((day) => ({ day, hours: n.get(day) ?? 0 })).filter((d) => d.hours < minHours);
}

/** The China days from the one holding `from` to the one holding `to` (inclusive), oldest first. */
export function chinaDaysBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let d = chinaDay(from); d <= chinaDay(to); d = chinaDay(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000)) out.push(d);
  return out;
}
