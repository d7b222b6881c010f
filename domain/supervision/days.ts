/**
 * @module Calendar-day arithmetic in Asia/Shanghai (UTC+8, no DST) for the supervision rules of the seed plan
 * 四(四)「严格督查督办」: deadlines, lateness and ladder intervals are counted in whole local calendar days.
 * A date string names a local day; an epoch-ms instant is placed on the local day it falls in.
 */

/** A local (Asia/Shanghai) calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** A local date string or an instant in epoch milliseconds. */
export type DateInput = IsoDate | number;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of the local day `d` falls on.
 * @example dayNumber("1970-01-02") // 1
 * @example dayNumber(Date.UTC(2022, 4, 17, 16)) // 19130 — 2022-05-18 00:00 in Shanghai
 */
export function dayNumber(d: DateInput): number {
  if (typeof d === "number") {
    if (!Number.isFinite(d)) throw new RangeError(`not an instant: ${d}`);
    return Math.floor((d + SHANGHAI_OFFSET_MS) / DAY_MS);
  }
  const m = ISO_DATE.exec(d);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  // Date.UTC rolls "2022-02-30" over to March; the round trip catches it.
  if (isoDate(n) !== d) throw new RangeError(`no such date: ${d}`);
  return n;
}

/**
 * The "YYYY-MM-DD" of a day number.
 * @example isoDate(19130) // "2022-05-18"
 */
export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local date of a date or instant.
 * @example toIsoDate(Date.UTC(2022, 4, 30, 16, 30)) // "2022-05-31" (00:30 next morning in Shanghai)
 */
export function toIsoDate(d: DateInput): IsoDate {
  return isoDate(dayNumber(d));
}

/**
 * Whole local days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween("2022-05-30", "2022-06-02") // 3
 */
export function daysBetween(from: DateInput, to: DateInput): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The local date `n` days after `d`.
 * @example addDays("2022-12-30", 3) // "2023-01-02"
 */
export function addDays(d: DateInput, n: number): IsoDate {
  return isoDate(dayNumber(d) + n);
}

/**
 * The local calendar year of a date or instant.
 * @example yearOf(Date.UTC(2022, 11, 31, 16)) // 2023
 */
export function yearOf(d: DateInput): number {
  return Number(toIsoDate(d).slice(0, 4));
}
