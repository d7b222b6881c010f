/**
 * @module Test spreadsheets: an .xlsx workbook from plain rows (as a user's Excel would save it) and the text rows
 * of a downloaded workbook, for route tests of registry imports and exports. For tests only.
 */
import ExcelJS from "exceljs";
import { readSheetXlsx } from "./sheetFile";

/** An .xlsx with one worksheet holding `rows` (row 1 is the header). */
export async function xlsxOf(sheetName: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The upload body of an .xlsx. */
export const upload = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString("base64") });

/** Text rows of a downloaded workbook (the response body as bytes). */
export function rowsOf(bytes: Buffer, sheetName?: string): Promise<string[][]> {
  return readSheetXlsx(bytes, sheetName);
}
