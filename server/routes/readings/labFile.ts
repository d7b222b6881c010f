/**
 * @module Lab-result files as the import reads them: .xlsx (first worksheet, via exceljs) or .csv (UTF-8, or
 * GB 18030 as Excel on a Chinese Windows saves it), turned into rows of text cells for domain/labImport; the
 * downloadable template in both formats; and the check that produces the import report. Used by the routes and
 * by `qingliu import readings`.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { LAB_COLUMNS, TEMPLATE_EXAMPLE } from "../../../domain/labImport/columns";
import { csvCell, parseCsv } from "../../../domain/labImport/csv";
import { validateLabRows, type LabValidation } from "../../../domain/labImport/validate";
import { formatShanghai } from "../../../domain/labImport/time";
import { pointNames } from "../../repositories/point.repository";

/** File formats the import reads. */
export type LabFileFormat = "xlsx" | "csv";

/** The format a file name says, or null. */
export function formatOf(fileName: string): LabFileFormat | null {
  const m = /\.(xlsx|csv)$/i.exec(fileName.trim());
  return m ? (m[1].toLowerCase() as LabFileFormat) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");
// exceljs gives date cells as the wall clock read as UTC, so the UTC fields are the Beijing time the sheet shows.
const wallClock = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return wallClock(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

/** Excel day serial (days since 1899-12-30) to wall-clock text, for time cells not formatted as dates. */
function serialToText(serial: number): string {
  return wallClock(new Date(Math.round((serial - 25569) * 86_400_000)));
}

/** Reads the first worksheet of an .xlsx file into text rows (row i of the result is sheet row i + 1). */
export async function readXlsx(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, LAB_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  const timeCol = rows[0]?.findIndex((h) => h.replace(/\s/g, "") === "采样时间") ?? -1;
  if (timeCol >= 0) {
    for (const row of rows.slice(1)) {
      const n = Number(row[timeCol]);
      // Serials of 1980–2100; a plain year like "2024" is not one.
      if (/^\d+(\.\d+)?$/.test(row[timeCol] ?? "") && n > 29221 && n < 73051) row[timeCol] = serialToText(n);
    }
  }
  return rows;
}

/** Decodes CSV bytes: UTF-8 when valid, else GB 18030 (a superset of GBK, what Chinese Excel writes). */
export function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("gb18030").decode(content);
  }
}

/** Reads a lab file into text rows. */
export async function readLabFile(content: Buffer, format: LabFileFormat): Promise<string[][]> {
  return format === "xlsx" ? readXlsx(content) : parseCsv(decodeCsv(content));
}

/** A checked file: the validation and what identifies the file. */
export interface CheckedLabFile {
  fileName: string;
  sha256: string;
  validation: LabValidation;
}

/** Reads and validates a lab file against the stored points. An unreadable file is a file error, not a throw. */
export async function checkLabFile(db: Kysely<DB>, fileName: string, content: Buffer, now = new Date()): Promise<CheckedLabFile> {
  const sha256 = createHash("sha256").update(content).digest("hex");
  const format = formatOf(fileName);
  const fail = (fileError: string): CheckedLabFile => ({ fileName, sha256, validation: { rows: 0, readings: [], errors: [], fileError } });
  if (!format) return fail("只支持 .xlsx 和 .csv 文件");
  let table: string[][];
  try {
    table = await readLabFile(content, format);
  } catch {
    return fail(format === "xlsx" ? "无法读取 Excel 文件（请确认是 .xlsx 格式，而不是 .xls）" : "无法读取 CSV 文件");
  }
  return { fileName, sha256, validation: validateLabRows(table, { points: await pointNames(db), now }) };
}

/** The report of a checked file, as the API returns it and the CLI prints it. */
export function labReport(c: CheckedLabFile) {
  const v = c.validation;
  return {
    fileName: c.fileName,
    sha256: c.sha256,
    fileError: v.fileError,
    rows: v.rows,
    valid: v.readings.length,
    errors: v.errors,
    /** True when an import would store everything (no bad rows). */
    clean: v.fileError === null && v.errors.length === 0,
    preview: v.readings.slice(0, 20).map((r) => ({ ...r, t: r.t.toISOString(), localTime: formatShanghai(r.t) })),
  };
}

/** The downloadable template. */
export async function labTemplate(format: LabFileFormat): Promise<Buffer> {
  if (format === "csv") {
    const lines = [LAB_COLUMNS, ...TEMPLATE_EXAMPLE].map((r) => r.map(csvCell).join(","));
    // The BOM makes Excel open the file as UTF-8 rather than the system code page.
    return Buffer.from("\ufeff" + lines.join("\r\n") + "\r\n", "utf8");
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("化验结果");
  ws.addRow([...LAB_COLUMNS]).font = { bold: true };
  for (const r of TEMPLATE_EXAMPLE) ws.addRow([...r]);
  ws.columns.forEach((col, i) => (col.width = [18, 20, 14, 10, 10, 10, 20][i]));
  // Text format keeps "<0.01" and leading zeros as typed.
  for (let c = 1; c <= LAB_COLUMNS.length; c++) ws.getColumn(c).numFmt = "@";
  const notes = wb.addWorksheet("说明");
  [
    ["站点", "站点编码或名称（名称重复时请用编码）"],
    ["采样时间", "北京时间，如 2024-05-06 09:30；带时区的写法（2024-05-06T01:30:00Z）按所写时区"],
    ["因子", "HJ 212 编码（如 w21003）或中文名称（如 氨氮、总汞）"],
    ["数值", "数字；低于检出限写 <0.01、0.01L、ND 或 未检出（后两种须填检出限）"],
    ["单位", "如 mg/L、µg/L（自动换算为 mg/L）；pH 可空"],
    ["检出限", "与数值同单位"],
    ["备注", "可选"],
  ].forEach((r) => notes.addRow(r));
  notes.getColumn(1).width = 12;
  notes.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
