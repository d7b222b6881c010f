/**
 * @module Sampling times of lab sheets. A time without an offset is Beijing time (Asia/Shanghai, UTC+8 all year:
 * China has kept no daylight saving time since 1991), the way field staff write it; an explicit offset or Z wins.
 */

/** Beijing time's offset from UTC, minutes. */
export const SHANGHAI_OFFSET_MINUTES = 480;

const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:：时](\d{1,2})(?:(?:[:：]|分)(\d{1,2})(?:\.\d+)?秒?|分)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A parsed time, or why not. */
export type ParsedTime = { ok: true; t: Date } | { ok: false; reason: string };

/**
 * Parses "2024-05-06 09:30", "2024/5/6 9:30:00", "2024年5月6日 9时30分", "2024-05-06" (midnight) or ISO with
 * an offset ("2024-05-06T01:30:00Z").
 * @example parseSampleTime("2024-05-06 09:30") // 2024-05-06T01:30:00.000Z
 */
export function parseSampleTime(text: string): ParsedTime {
  const m = LOCAL.exec(text.trim());
  if (!m) return { ok: false, reason: `采样时间“${text}”格式无法识别（应为 2024-05-06 09:30）` };
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March: a rolled-over date was not a real one.
  if (back.getUTCMonth() !== parts[1] - 1 || back.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
    return { ok: false, reason: `采样时间“${text}”不是有效日期时间` };
  }
  let offset = SHANGHAI_OFFSET_MINUTES;
  if (zone && zone.toUpperCase() === "Z") offset = 0;
  else if (zone) {
    const z = zone.replace(":", "");
    offset = (z[0] === "-" ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  }
  return { ok: true, t: new Date(utc - offset * 60_000) };
}

/** The Beijing-time wall clock of an instant, "YYYY-MM-DD HH:mm:ss". */
export function formatShanghai(t: Date): string {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19).replace("T", " ");
}
