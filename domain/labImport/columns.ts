/**
 * @module The lab-result file layout (Qingliu's own template): one row per measured value, columns 站点, 采样时间,
 * 因子, 数值, 单位, 检出限, 备注, found by their header text so the order may differ and extra columns are ignored.
 */

/** The template's columns, in template order. */
export const LAB_COLUMNS = ["站点", "采样时间", "因子", "数值", "单位", "检出限", "备注"] as const;

/** One column of the template. */
export type LabColumn = (typeof LAB_COLUMNS)[number];

/** Columns a file must have; 单位, 检出限 and 备注 may be missing altogether (then every cell counts as empty). */
export const REQUIRED_COLUMNS: readonly LabColumn[] = ["站点", "采样时间", "因子", "数值"];

/** An example row for the downloadable template, in template order. */
export const TEMPLATE_EXAMPLE: readonly string[][] = [
  ["S01", "2024-05-06 09:30", "氨氮", "0.82", "mg/L", "0.025", ""],
  ["大沙河府城断面", "2024-05-06 09:30", "w20111", "<0.04", "µg/L", "0.04", "未检出"],
];

// Header cells are matched loosely: spaces, a trailing "(单位)" or "（…）" note and case do not matter.
const normaliseHeader = (h: string) => h.replace(/[\s\u3000]/g, "").replace(/[（(].*[)）]$/, "").toLowerCase();

/**
 * Where each template column is in `header` (0-based), or the missing required columns.
 * @example locateColumns(["因子", "站点", "采样时间", "数值"]) // { ok: true, index: { 因子: 0, 站点: 1, … } }
 */
export function locateColumns(
  header: readonly string[],
): { ok: true; index: Partial<Record<LabColumn, number>> } | { ok: false; missing: LabColumn[] } {
  const index: Partial<Record<LabColumn, number>> = {};
  header.forEach((h, i) => {
    const name = normaliseHeader(h ?? "");
    const col = LAB_COLUMNS.find((c) => c === name);
    if (col && index[col] === undefined) index[col] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}
