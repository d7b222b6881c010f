/**
 * @module Beijing-time windows of the monitoring reports: a month "YYYY-MM" or a day "YYYY-MM-DD" as UTC instants
 * (China has no daylight saving, so UTC+8 all year), and the months or days between two of them.
 */

const SHIFT = 8 * 3_600_000;

/** The instant a Beijing month begins. */
export function monthStart(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1) - SHIFT);
}

/** The instant a Beijing day begins. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHIFT);
}

/** The months from `from` to `to`, inclusive, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The Beijing day of an instant, "YYYY-MM-DD". */
export function beijingDay(t: Date): string {
  return new Date(t.getTime() + SHIFT).toISOString().slice(0, 10);
}
