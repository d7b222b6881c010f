/**
 * @module Number formats of the second group's pages: rates as percentages, figures with thousands separators.
 */

/** 0.8734 → "87.3%"; null → "—". */
export const percent = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);

/** 1234567.8 → "1,234,567.8"; null → "—". */
export const figure = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: digits }));
