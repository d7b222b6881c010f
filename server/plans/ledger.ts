/**
 * @module The task ledger (任务台账) as .xlsx in the office's layout: 序号, 任务, 牵头单位, 参与单位, 落实单位, 完成时限,
 * 进展情况, 状态 — and its reader, so a ledger edited in Excel can be read back (round trip).
 */
import ExcelJS from "exceljs";
import type { TaskWithDetail } from "../repositories/plan.repository";

/** Column headers in order. */
export const LEDGER_HEADERS = ["序号", "任务", "牵头单位", "参与单位", "落实单位", "完成时限", "进展情况", "状态"] as const;

/** One ledger row as text. */
export type LedgerRow = Record<(typeof LEDGER_HEADERS)[number], string>;

const STATUS: Record<string, string> = { open: "推进中", done: "已完成", cancelled: "已取消" };

/** Ledger rows of tasks; `progress` gives the latest progress text per task id. */
export function ledgerRows(tasks: TaskWithDetail[], progress: Map<string, string> = new Map()): LedgerRow[] {
  const names = (t: TaskWithDetail, roles: string[]) =>
    t.units.filter((u) => roles.includes(u.role)).map((u) => u.unitName ?? u.collective ?? "").join("、");
  return tasks.map((t) => ({
    序号: t.number,
    任务: t.title,
    牵头单位: names(t, ["lead", "co_lead", "responsible"]),
    参与单位: names(t, ["participant"]),
    落实单位: names(t, ["implementer"]),
    完成时限: t.deadlines.map((d) => d.dueOn).join("、"),
    进展情况: progress.get(t.id) ?? "",
    状态: STATUS[t.status] ?? t.status,
  }));
}

/** Writes the ledger workbook. */
export async function ledgerXlsx(title: string, rows: LedgerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("任务台账");
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, LEDGER_HEADERS.length);
  const header = ws.addRow([...LEDGER_HEADERS]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F4F1" } }));
  for (const r of rows) ws.addRow(LEDGER_HEADERS.map((h) => r[h]));
  [6, 40, 28, 36, 16, 14, 36, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, n) => n > 1 && row.eachCell((c) => (c.alignment = { wrapText: true, vertical: "top" })));
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a ledger workbook back into rows (header row found by its 序号 cell). */
export async function readLedgerXlsx(data: Buffer): Promise<LedgerRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: LedgerRow[] = [];
  let headerAt = 0;
  ws.eachRow((row, n) => {
    const cells = LEDGER_HEADERS.map((_, i) => String(row.getCell(i + 1).text ?? "").trim());
    if (!headerAt) {
      if (cells[0] === "序号") headerAt = n;
      return;
    }
    rows.push(Object.fromEntries(LEDGER_HEADERS.map((h, i) => [h, cells[i]])) as LedgerRow);
  });
  return rows;
}
