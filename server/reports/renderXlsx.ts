/**
 * @module A report layout (layout.ts) as .xlsx: a 概况 sheet of key figures, then one sheet per table with its title
 * row, a bold shaded header row frozen in place, numbers as numbers (so the office can sum and chart them) — and
 * the reader tests use to read a generated workbook back.
 */
import ExcelJS from "exceljs";
import type { Cell, LayoutTable, ReportLayout } from "./layout";

/** Every table of a layout, in order. */
export function tablesOf(l: ReportLayout): LayoutTable[] {
  return l.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])));
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F4F1" } } as const;

/** Builds the .xlsx bytes of a report. */
export async function renderXlsx(l: ReportLayout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = l.issuer;
  wb.title = l.title;
  const summary = wb.addWorksheet("概况");
  summary.addRow([l.title]).font = { bold: true, size: 14 };
  summary.mergeCells(1, 1, 1, 2);
  const head = summary.addRow(["项目", "数值"]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const [k, v] of l.keyFigures) summary.addRow([k, v]);
  summary.getColumn(1).width = 24;
  summary.getColumn(2).width = 40;
  summary.views = [{ state: "frozen", ySplit: 2 }];
  for (const t of tablesOf(l)) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow([`${l.title}：${t.sheet}`]).font = { bold: true, size: 12 };
    ws.mergeCells(1, 1, 1, t.headers.length);
    const header = ws.addRow(t.headers);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = HEADER_FILL));
    for (const r of t.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
    t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook read back: each sheet's rows below its title, header row first. */
export async function readReportXlsx(data: Buffer): Promise<Record<string, Cell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: Record<string, Cell[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return; // the title
      const cells: Cell[] = [];
      for (let i = 1; i <= ws.columnCount; i++) {
        const v = row.getCell(i).value;
        cells.push(v === null || v === undefined ? null : typeof v === "number" ? v : String(v));
      }
      rows.push(cells);
    });
    out[ws.name] = rows;
  }
  return out;
}
