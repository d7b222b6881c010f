/**
 * @module A task table (任务分解表) as text extracted from a PDF, one cell per line: the header 序号 / 任务 / 牵头单位 /
 * 配合单位 / 完成时限 (any of the usual column names, each alone on its line, 序号 first), then each row as its
 * number alone on a line followed by its cells. Detected from the header only, so prose plans are never read as
 * tables. Shared by `normalize.ts` (table lines are not re-joined into paragraphs) and `parsePlan.ts` (rows become
 * tasks). Cells a PDF wraps over several lines are re-joined: a line after one ending in 、，； (or starting with
 * one) continues it; beyond that, surplus lines of a row belong to the task cell, the only long one. An empty cell
 * a PDF drops is taken to be a unit column's, the rightmost ones first, once a last cell that reads like a deadline
 * has gone to the deadline column. A header repeated on a new page and page numbers (「- 3 -」) are skipped.
 */
import type { Role } from "./types";

/** What a column holds. */
export type CellColumn = "number" | "task" | "deadline" | "other" | Role;

const COLUMNS: [CellColumn, RegExp][] = [
  ["number", /^(?:序号|编号)$/],
  ["task", /^(?:重点|主要|具体|工作)?(?:任务|工作|措施|事项)(?:内容|名称|措施)?$|^工作内容$|^任务及措施$/],
  ["lead", /^(?:牵头|主办)(?:单位|部门)$/],
  ["participant", /^(?:配合|参与|协办)(?:单位|部门)$/],
  ["responsible", /^责任(?:单位|部门|主体)$/],
  ["implementer", /^(?:落实|实施)(?:单位|部门|主体)$/],
  ["deadline", /^(?:完成)?(?:时限|期限)$|^完成时间$|^时间(?:节点|要求)?$/],
  ["other", /^(?:备注|工作目标|目标|进展情况|序)$/],
];
const columnOf = (line: string): CellColumn | null => COLUMNS.find(([, re]) => re.test(line))?.[0] ?? null;
const ROW_NUMBER = /^(\d+)[.、．]?$/;
const PAGE_NUMBER = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$/;
/** Where the text after a table resumes: a heading, an attachment, a signature date. */
const AFTER_TABLE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|附件|第[一二三四五六七八九十]+[章节条]|\d{4}年\d{1,2}月\d{1,2}日$)/;
const CONTINUES = (prev: string, line: string) => /[、，,；;（(]$/.test(prev) || /^[、，,；;）)]/.test(line);
const DEADLINE_LIKE = /\d{4}年|\d{1,2}月|年底|年内|季度|上半年|下半年|每[月周季年半]|长期|持续|常态/;

/** One cell: its column and the lines it takes (indices, inclusive). */
export interface Cell {
  column: CellColumn;
  first: number;
  last: number;
}

/** One row: its 序号 and its cells in column order (missing cells left out). */
export interface CellRow {
  number: string;
  /** Index of the 序号 line. */
  at: number;
  cells: Cell[];
}

/** A table found in a list of lines. */
export interface CellTable {
  columns: CellColumn[];
  /** First line (the header's 序号) and last line of the table, inclusive. */
  from: number;
  to: number;
  rows: CellRow[];
}

/** The header at `i`: its columns, or null unless 序号 is followed by a task column and at least one more. */
function headerAt(lines: readonly string[], i: number): CellColumn[] | null {
  if (columnOf(lines[i]) !== "number") return null;
  const cols: CellColumn[] = ["number"];
  for (let j = i + 1; j < lines.length; j++) {
    const c = columnOf(lines[j]);
    if (!c || c === "number" || (c !== "other" && cols.includes(c))) break;
    cols.push(c);
  }
  return cols.includes("task") && cols.length >= 3 ? cols : null;
}

/** Groups a row's lines into cells by the rules of the module comment. */
function cellsOf(lineIdx: number[], lines: readonly string[], columns: CellColumn[]): Cell[] {
  const groups: [number, number][] = [];
  for (const i of lineIdx) {
    const g = groups.at(-1);
    if (g && g[1] === i - 1 && CONTINUES(lines[g[1]], lines[i])) g[1] = i;
    else groups.push([i, i]);
  }
  const cols = columns.slice(1);
  const task = cols.indexOf("task");
  // Surplus lines belong to the task cell.
  while (groups.length > cols.length && task >= 0 && task + 1 < groups.length) groups.splice(task, 2, [groups[task][0], groups[task + 1][1]]);
  let assigned: CellColumn[] = cols;
  if (groups.length < cols.length) {
    const lastIsDeadline = cols.includes("deadline") && DEADLINE_LIKE.test(lines[groups.at(-1)![1]]);
    const rest = cols.filter((c) => !(lastIsDeadline && c === "deadline"));
    // Drop unit columns from the right until the cells fit.
    const keep = [...rest];
    for (let k = keep.length - 1; keep.length > groups.length - (lastIsDeadline ? 1 : 0) && k >= 0; k--)
      if (keep[k] !== "task") keep.splice(k, 1);
    assigned = lastIsDeadline ? [...keep, "deadline"] : keep;
  }
  return groups.slice(0, assigned.length).map(([first, last], k) => ({ column: assigned[k], first, last }));
}

/**
 * The cell-per-line task tables in `lines` (see the module comment).
 * @example findCellTables(["序号", "任务", "牵头单位", "1", "开展排查", "区住建局"])[0].rows[0].cells.map((c) => c.column) // ["task", "lead"]
 */
export function findCellTables(lines: readonly string[]): CellTable[] {
  const out: CellTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const columns = headerAt(lines, i);
    if (!columns) continue;
    const rows: { number: string; at: number; lines: number[] }[] = [];
    let j = i + columns.length;
    let to = j - 1;
    for (; j < lines.length; j++) {
      const again = headerAt(lines, j);
      if (again && again.length === columns.length) {
        j += columns.length - 1;
        continue;
      }
      if (PAGE_NUMBER.test(lines[j])) continue;
      const n = ROW_NUMBER.exec(lines[j]);
      if (n && Number(n[1]) === rows.length + 1) {
        rows.push({ number: n[1], at: j, lines: [] });
        to = j;
        continue;
      }
      const row = rows.at(-1);
      if (!row || AFTER_TABLE.test(lines[j])) break;
      row.lines.push(j);
      to = j;
    }
    if (!rows.length) continue;
    // The last row ends with its cells: at its deadline when that is the last column (the task cell may wrap),
    // else after one cell per column; what follows is the text after the table.
    const last = rows.at(-1)!;
    const width = columns.length - 1;
    let kept = 0;
    let cells = 0;
    const due = columns.at(-1) === "deadline" ? last.lines.findIndex((li, k) => k > 0 && lines[li].length <= 20 && DEADLINE_LIKE.test(lines[li])) : -1;
    if (due >= 0) kept = due + 1;
    else
      for (const [k, li] of last.lines.entries()) {
        if (k === 0 || !CONTINUES(lines[last.lines[k - 1]], lines[li])) cells++;
        if (cells > width) break;
        kept++;
      }
    last.lines.splice(kept);
    to = last.lines.at(-1) ?? last.at;
    out.push({ columns, from: i, to, rows: rows.map((r) => ({ number: r.number, at: r.at, cells: cellsOf(r.lines, lines, columns) })) });
    i = to;
  }
  return out;
}
