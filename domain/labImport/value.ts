/**
 * @module A lab value cell: a number, or a result below the detection limit written as "<0.01", "0.01L" (the
 * convention of Chinese monitoring reports: the limit followed by L), "ND" or "未检出" (which
 * then need the 检出限 column). Below-DL results are stored as the limit with the below-DL marker; the ½·DL rule
 * is applied by the assessment (project decision 4), not here.
 */

/** A parsed value cell, still in the sheet's unit. */
export type ParsedValue =
  | { ok: true; value: number; belowDl: boolean; detectionLimit: number | null }
  | { ok: false; reason: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NOT_DETECTED = new Set(["nd", "n.d.", "未检出", "未检测出", "<dl", "<检出限"]);

/** A number cell (half-width, thousands separators not allowed: "1,5" is ambiguous); NaN when not a number. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/[\uff0b-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return NUMBER.test(t) ? Number(t) : Number.NaN;
}

/**
 * Parses the 数值 cell together with the 检出限 cell.
 * @example parseLabValue("<0.01", "") // { ok: true, value: 0.01, belowDl: true, detectionLimit: 0.01 }
 * @example parseLabValue("未检出", "0.025") // { ok: true, value: 0.025, belowDl: true, detectionLimit: 0.025 }
 */
export function parseLabValue(valueText: string, dlText: string): ParsedValue {
  const v = valueText.trim();
  const dlRaw = dlText.trim();
  const dl = dlRaw === "" ? null : parseNumber(dlRaw);
  if (dl !== null && !(dl > 0)) return { ok: false, reason: `检出限“${dlText}”不是正数` };
  if (v === "") return { ok: false, reason: "数值为空" };
  const lower = v.toLowerCase().replace(/[\s\u3000]/g, "").replace(/＜/g, "<");
  if (NOT_DETECTED.has(lower)) {
    if (dl === null) return { ok: false, reason: `“${v}”须同时填写检出限` };
    return { ok: true, value: dl, belowDl: true, detectionLimit: dl };
  }
  const below = /^<(.+)$/.exec(lower) ?? /^(.+)l$/.exec(lower);
  if (below) {
    const limit = parseNumber(below[1]);
    if (!(limit > 0)) return { ok: false, reason: `“${v}”中的检出限不是正数` };
    return { ok: true, value: limit, belowDl: true, detectionLimit: limit };
  }
  const n = parseNumber(v);
  if (Number.isNaN(n)) return { ok: false, reason: `数值“${v}”不是数字` };
  // A number under the stated limit is itself a below-DL result (环办监测函〔2020〕82号 item 7 treats it so).
  if (dl !== null && n < dl) return { ok: true, value: dl, belowDl: true, detectionLimit: dl };
  return { ok: true, value: n, belowDl: false, detectionLimit: dl };
}
