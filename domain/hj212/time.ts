/**
 * @module HJ 212-2017 Table 3/4 time fields: QN `YYYYMMDDhhmmsszzz` and DataTime/BeginTime/EndTime/SystemTime
 * `YYYYMMDDhhmmss`, all in China Standard Time (UTC+8, no daylight saving).
 */

const CST_MS = 8 * 3600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Formats an instant as `YYYYMMDDhhmmss` in UTC+8.
 * @example formatHjTime(new Date("2016-08-01T00:58:57Z")) // "20160801085857"
 */
export function formatHjTime(at: Date): string {
  const d = new Date(at.getTime() + CST_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * Formats an instant as a QN, `YYYYMMDDhhmmsszzz` in UTC+8.
 * @example formatQn(new Date("2016-08-01T00:58:57.223Z")) // "20160801085857223"
 */
export function formatQn(at: Date): string {
  return formatHjTime(at) + pad(new Date(at.getTime()).getUTCMilliseconds(), 3);
}

/**
 * Reads `YYYYMMDDhhmmss` (optionally followed by 3 digits of milliseconds) as UTC+8 and returns an ISO 8601 string
 * with a `+08:00` offset, or null when it is not a real calendar time.
 * @example parseHjTime("20160801084000") // "2016-08-01T08:40:00+08:00"
 */
export function parseHjTime(s: string): string | null {
  if (s.length !== 14 && s.length !== 17) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const y = +s.slice(0, 4), mo = +s.slice(4, 6), d = +s.slice(6, 8);
  const h = +s.slice(8, 10), mi = +s.slice(10, 12), se = +s.slice(12, 14);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const ms = s.length === 17 ? "." + s.slice(14) : "";
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}${ms}+08:00`;
}
