/**
 * @module Registry spreadsheets as text: a registry declares its columns once (header, kind, whether required, an
 * example and a note), and the same declaration drives the downloadable template, the export and the import.
 * Import reads text cells (the server turns .xlsx cells into text) into typed values with a reason for every bad
 * cell, row by row, so the user gets one report for the whole file; an export read back gives the same values
 * (round trip). References to other records (unit, river, river chief …) are written by name and resolved
 * through lookups the caller supplies.
 */
import { dayNumber } from "../supervision/days";

/** How a cell is read and written. */
export type CellKind = "text" | "number" | "integer" | "date" | "enum" | "boolean" | "ref";

/** One option of an enum column: stored value and the label written in the sheet. */
export interface EnumOption {
  value: string;
  label: string;
}

/** One column of a registry sheet. */
export interface SheetColumn {
  /** Field of the record the column fills. */
  key: string;
  /** Header text, e.g. "编号". */
  header: string;
  kind: CellKind;
  /** An empty cell is an error. */
  required?: boolean;
  /** `enum`: the options (labels are matched after trimming; the value itself is accepted too). */
  options?: readonly EnumOption[];
  /** `ref`: which lookup resolves the name (e.g. "unit", "river", "chief"). */
  ref?: string;
  /** `text`: most characters. */
  maxLength?: number;
  /** `number`/`integer`: bounds (inclusive). */
  min?: number;
  max?: number;
  /** Example cell of the template. */
  example: string;
  /** What to write, for the template's 说明 sheet. */
  note: string;
  /** Column width in characters. */
  width?: number;
}

/** A registry's sheet. */
export interface SheetSpec {
  /** Worksheet name, e.g. "入河排污口". */
  sheetName: string;
  columns: readonly SheetColumn[];
  /** The column whose value identifies a record (an existing value updates that record); its header finds the header row. */
  keyColumn: string;
  /** Columns whose values together must be unique in the file (default: the key column alone). */
  uniqueBy?: readonly string[];
}

/** Resolves names of one kind of referenced record. */
export interface RefLookup {
  /** The id of the record called `name`, or null when there is none. */
  idOf(name: string): string | null;
  /** The name to write for an id. */
  nameOf(id: string): string | undefined;
}

/** A value read from a cell. */
export type CellValue = string | number | boolean | null;

/** One good row. */
export interface SheetRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  row: number;
  /** Values by column key; empty cells are null. */
  values: Record<string, CellValue>;
}

/** One bad row with every reason. */
export interface SheetRowError {
  row: number;
  reasons: string[];
  /** The row's cells by header, for the report. */
  cells: Record<string, string>;
}

/** What a sheet held. */
export interface ParsedSheet {
  /** Data rows seen (non-empty). */
  rows: number;
  good: SheetRow[];
  errors: SheetRowError[];
  /** A problem with the whole file (no header row, missing columns), or null. */
  fileError: string | null;
}

const norm = (s: string) => s.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
const ISO = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** Reads one date cell ("2022-05-31", "2022/5/31", "2022年5月31日") as YYYY-MM-DD, or throws with a reason. */
export function readDate(text: string): string {
  const m = ISO.exec(text.trim());
  if (!m) throw new Error("日期格式应为 YYYY-MM-DD");
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  try {
    dayNumber(iso);
  } catch {
    throw new Error(`没有这一天：${text.trim()}`);
  }
  return iso;
}

const YES = new Set(["是", "有", "Y", "y", "yes", "true", "1", "√"]);
const NO = new Set(["否", "无", "N", "n", "no", "false", "0", "×"]);

/** Reads one cell of `col`; throws with the reason when the text does not fit. */
export function readCell(col: SheetColumn, text: string, refs: Readonly<Record<string, RefLookup>>): CellValue {
  const s = text.trim();
  if (s === "") {
    if (col.required) throw new Error("必填");
    return null;
  }
  switch (col.kind) {
    case "text":
      if (col.maxLength && [...s].length > col.maxLength) throw new Error(`不能超过 ${col.maxLength} 个字`);
      return s;
    case "number":
    case "integer": {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw new Error(`不是数字：${s}`);
      const n = Number(s);
      if (col.kind === "integer" && !Number.isInteger(n)) throw new Error(`应为整数：${s}`);
      if (col.min !== undefined && n < col.min) throw new Error(`不能小于 ${col.min}`);
      if (col.max !== undefined && n > col.max) throw new Error(`不能大于 ${col.max}`);
      return n;
    }
    case "date":
      return readDate(s);
    case "boolean":
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      throw new Error("应填“是”或“否”");
    case "enum": {
      const o = col.options?.find((x) => norm(x.label) === norm(s) || x.value === s);
      if (!o) throw new Error(`应为：${(col.options ?? []).map((x) => x.label).join("、")}`);
      return o.value;
    }
    case "ref": {
      const lookup = col.ref ? refs[col.ref] : undefined;
      if (!lookup) throw new Error("无法识别");
      const id = lookup.idOf(s);
      if (!id) throw new Error(`未找到“${s}”`);
      return id;
    }
  }
}

/**
 * Writes one value of `col` as the sheet shows it (the inverse of {@link readCell}): enum labels, 是/否, names of
 * referenced records, numbers as numbers.
 */
export function writeCell(col: SheetColumn, value: unknown, refs: Readonly<Record<string, RefLookup>>): string | number {
  if (value === null || value === undefined || value === "") return "";
  switch (col.kind) {
    case "number":
    case "integer":
      return typeof value === "number" ? value : Number(value);
    case "boolean":
      return value ? "是" : "否";
    case "enum":
      return col.options?.find((o) => o.value === value)?.label ?? String(value);
    case "ref":
      return (col.ref && refs[col.ref]?.nameOf(String(value))) ?? "";
    default:
      return String(value);
  }
}

/** Index of each column in the header row, or the missing required headers. */
function headerIndex(spec: SheetSpec, header: readonly string[]): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const col = spec.columns.find((c) => norm(c.header) === norm(h));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const missing = spec.columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  return { index, missing };
}

/**
 * Reads a sheet's text rows: the header row is the first row holding the key column's header (a title row above
 * it is allowed); columns may come in any order; unknown columns are ignored; empty rows are skipped. A key given
 * twice is an error on the second row.
 * @example parseSheet(spec, [["编号", "名称"], ["RK-01", "某排口"]], refs).good[0].values // { code: "RK-01", name: "某排口" }
 */
export function parseSheet(spec: SheetSpec, table: readonly (readonly string[])[], refs: Readonly<Record<string, RefLookup>> = {}): ParsedSheet {
  const keyCol = spec.columns.find((c) => c.key === spec.keyColumn);
  if (!keyCol) throw new Error(`sheet ${spec.sheetName}: key column ${spec.keyColumn} is not a column`);
  const headerAt = table.findIndex((r) => r.some((c) => norm(c) === norm(keyCol.header)));
  if (headerAt < 0) return { rows: 0, good: [], errors: [], fileError: `找不到表头（应有“${keyCol.header}”列，请使用下载的模板）` };
  const { index, missing } = headerIndex(spec, table[headerAt]);
  if (missing.length) return { rows: 0, good: [], errors: [], fileError: `缺少必填列：${missing.join("、")}` };
  const good: SheetRow[] = [];
  const errors: SheetRowError[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for (let r = headerAt + 1; r < table.length; r++) {
    const cells = table[r];
    if (!cells.some((c) => c.trim() !== "")) continue;
    rows++;
    const values: Record<string, CellValue> = {};
    const reasons: string[] = [];
    for (const col of spec.columns) {
      const i = index.get(col.key);
      try {
        values[col.key] = readCell(col, i === undefined ? "" : cells[i] ?? "", refs);
      } catch (e) {
        reasons.push(`${col.header}：${(e as Error).message}`);
      }
    }
    const unique = spec.uniqueBy ?? [spec.keyColumn];
    if (unique.every((k) => values[k] !== null && values[k] !== undefined)) {
      const key = JSON.stringify(unique.map((k) => values[k]));
      const first = seen.get(key);
      const what = unique.map((k) => spec.columns.find((c) => c.key === k)?.header ?? k).join("＋");
      if (first !== undefined) reasons.push(`${what}：与第 ${first} 行重复`);
      else seen.set(key, r + 1);
    }
    if (reasons.length) errors.push({ row: r + 1, reasons, cells: cellsOf(spec, index, cells) });
    else good.push({ row: r + 1, values });
  }
  return { rows, good, errors, fileError: rows === 0 ? "文件中没有数据行" : null };
}

function cellsOf(spec: SheetSpec, index: Map<string, number>, cells: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const col of spec.columns) {
    const i = index.get(col.key);
    if (i !== undefined) out[col.header] = cells[i] ?? "";
  }
  return out;
}
