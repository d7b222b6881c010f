/**
 * @module Registry spreadsheets as .xlsx (exceljs): the template (header row, a 说明 sheet with every column's
 * meaning and an example — no example row in the data sheet, so a template filled in carelessly imports nothing
 * it should not), the export (same layout, one row per record, so an export read back is the same records), and
 * the reader that turns the first worksheet's cells into text for domain/registries/sheet.ts.
 */
import ExcelJS from "exceljs";
import type { RefLookup, SheetSpec } from "../../domain/registries/sheet";
import { writeCell } from "../../domain/registries/sheet";
import { contentDisposition } from "../presenters/download";

/** The MIME type of .xlsx. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as text: dates (exceljs reads them as UTC wall clock) as YYYY-MM-DD, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

/**
 * Reads the worksheet named `sheetName` (else the first one) into text rows; row i of the result is sheet row
 * i + 1. Throws when the bytes are not an .xlsx workbook.
 */
export async function readSheetXlsx(bytes: Buffer, sheetName?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = (sheetName && wb.getWorksheet(sheetName)) || wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

function dataSheet(wb: ExcelJS.Workbook, spec: SheetSpec) {
  const ws = wb.addWorksheet(spec.sheetName);
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    const col = spec.columns[i - 1];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: col.required ? "FFFDE7C8" : "FFE6F4F1" } };
  });
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width ?? Math.max(10, c.header.length * 2 + 2);
    // Text format keeps codes such as "001" and dates as typed.
    if (c.kind !== "number" && c.kind !== "integer") column.numFmt = "@";
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return ws;
}

function notesSheet(wb: ExcelJS.Workbook, spec: SheetSpec, title: string) {
  const notes = wb.addWorksheet("说明");
  notes.addRow([`${title}导入说明：第一个工作表第 1 行为表头，从第 2 行起每行一条记录；“${spec.columns.find((c) => c.key === spec.keyColumn)?.header}”已存在的行将更新该记录。橙色表头为必填列。任一行有误时整个文件都不会导入。`]);
  notes.addRow([]);
  notes.addRow(["列", "必填", "说明", "示例"]).font = { bold: true };
  for (const c of spec.columns) {
    const options = c.kind === "enum" ? `（可填：${(c.options ?? []).map((o) => o.label).join("、")}）` : "";
    notes.addRow([c.header, c.required ? "是" : "", `${c.note}${options}`, c.example]);
  }
  notes.getColumn(1).width = 18;
  notes.getColumn(2).width = 6;
  notes.getColumn(3).width = 80;
  notes.getColumn(4).width = 24;
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };
}

/** The import template of a registry. */
export async function templateXlsx(spec: SheetSpec, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  dataSheet(wb, spec);
  notesSheet(wb, spec, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An export: the template's layout with one row per record (values by column key). */
export async function exportXlsx(spec: SheetSpec, title: string, rows: readonly Record<string, unknown>[], refs: Readonly<Record<string, RefLookup>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = dataSheet(wb, spec);
  for (const r of rows) ws.addRow(spec.columns.map((c) => writeCell(c, r[c.key], refs)));
  notesSheet(wb, spec, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Content-Disposition value for a download with a Chinese name (server/presenters/download.ts). */
export const attachmentDisposition = (asciiName: string, name: string): string => contentDisposition(asciiName, name);
