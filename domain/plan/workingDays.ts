/**
 * @module Working days (工作日) for deadlines such as 「印发后5个工作日内」「每季度结束后10个工作日内」. The domain
 * knows no calendar of China's statutory holidays (法定节假日) nor their make-up working days (调休): a working day
 * here is Monday to Friday, weekends skipped only, so a count across 清明 or 国庆 ends earlier than the official one
 * (the person confirming the import may move such a date). As in 民法典 §201, the day the count starts from is not
 * counted.
 */

/** ISO weekday of an ISO date: Monday 1 … Sunday 7. */
const weekday = (d: Date) => d.getUTCDay() || 7;

/**
 * True on Monday to Friday (statutory holidays are not known, see the module comment).
 * @example isWorkingDay("2024-06-01") // false (a Saturday)
 */
export function isWorkingDay(iso: string): boolean {
  return weekday(new Date(`${iso}T00:00:00Z`)) <= 5;
}

/**
 * The `n`-th working day after `iso` (that day itself not counted); `n` ≥ 1.
 * @example addWorkingDays("2024-03-31", 10) // "2024-04-12"
 */
export function addWorkingDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (weekday(d) <= 5) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * The `n`-th working day of month `m` (1–12) of year `y`, e.g. 「每月前5个工作日内」.
 * @example nthWorkingDayOfMonth(2024, 6, 5) // "2024-06-07"
 */
export function nthWorkingDayOfMonth(y: number, m: number, n: number): string {
  const before = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return addWorkingDays(before, n);
}
