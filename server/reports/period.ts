/**
 * @module Report months: Beijing-time calendar months "YYYY-MM" (China has one time zone, UTC+8, no DST) — the
 * month before an instant, its first and last days, its bounds as instants, and its Chinese label.
 */
import { monthWindow } from "../routes/readings/assessment";
import { formatShanghai } from "../../domain/labImport/time";

/** A month "YYYY-MM" with a real month number. */
export const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The Beijing month containing `t`. */
export function monthOf(t: Date): string {
  return formatShanghai(t).slice(0, 7);
}

/**
 * The Beijing month before the one containing `t` — what the report task generates on the 1st.
 * @example previousMonth(new Date("2024-06-01T00:30:00+08:00")) // "2024-05"
 */
export function previousMonth(t: Date): string {
  const [y, m] = monthOf(t).split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** First and last day (ISO dates) of a month. */
export function monthDays(period: string): { first: string; last: string } {
  const [y, m] = period.split("-").map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, "0")}` };
}

/** The instants bounding a Beijing month: [from, to). */
export function monthBounds(period: string): { from: Date; to: Date } {
  return monthWindow(period);
}

/**
 * Chinese label of a month.
 * @example periodLabel("2024-05") // "2024年5月"
 */
export function periodLabel(period: string): string {
  const [y, m] = period.split("-").map(Number);
  return `${y}年${m}月`;
}

/** Whether a month has ended by `now` (a report of a month not yet over is refused). */
export function monthEnded(period: string, now: Date): boolean {
  return monthBounds(period).to.getTime() <= now.getTime();
}
