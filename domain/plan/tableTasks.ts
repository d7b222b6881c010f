/**
 * @module Tasks of a cell-per-line task table (`cellTable.ts`) in the normalised plan text: one task per row, its
 * number the row's 序号, its text the row's cells, its clauses the unit cells with the column's role (牵头单位 →
 * lead, 配合/参与单位 → participant, 责任单位 → responsible, 落实单位 → implementer), its deadlines the 完成时限
 * cell's (the task cell's when that is empty). Every span is an offset into the normalised text.
 */
import { resolveNames } from "./clauses";
import { findCellTables, type Cell } from "./cellTable";
import { findDeadlines } from "./deadlines";
import type { UnitResolver } from "./units";
import { emptyRoles, ROLES, type Clause, type Deadline, type PlanTask, type Role, type Span } from "./types";

/** What the tables of a text gave: their tasks (section still empty) and the text they take. */
export interface TableTasks {
  tasks: PlanTask[];
  ranges: Span[];
}

/** Names in a cell: 「区住房和城乡建设局、区城市管理局」, nothing for 「无」「—」「/」. */
const cellNames = (s: string) =>
  s.replace(/\n/g, "").split(/[、，,；;\/\s]|以及|及/).map((x) => x.trim().replace(/等(?:部门|单位)?$/, "")).filter((x) => x && !/^(?:无|—+|-+|\/)$/.test(x));

/**
 * Reads the cell-per-line tables of `norm`.
 * @example readTableTasks("序号\n任务\n牵头单位\n1\n开展排查\n区住建局", resolver, 2024, null).tasks[0].units.lead // ["区住房和城乡建设局"]
 */
export function readTableTasks(norm: string, resolver: UnitResolver, year: number | null, from: string | null): TableTasks {
  const lines: Span[] = [];
  let at = 0;
  for (const text of norm.split("\n")) {
    lines.push({ start: at, end: at + text.length });
    at += text.length + 1;
  }
  const tables = findCellTables(norm.split("\n"));
  const tasks: PlanTask[] = [];
  const spanOf = (c: Cell): Span => ({ start: lines[c.first].start, end: lines[c.last].end });
  for (const t of tables)
    for (const row of t.rows) {
      if (!row.cells.length) continue;
      const cell = (col: string) => row.cells.find((c) => c.column === col);
      const span = { start: spanOf(row.cells[0]).start, end: spanOf(row.cells.at(-1)!).end };
      const clauses: Clause[] = [];
      for (const c of row.cells) {
        if (!(ROLES as readonly string[]).includes(c.column)) continue;
        const s = spanOf(c);
        const text = norm.slice(s.start, s.end);
        const list = cellNames(text);
        if (list.length) clauses.push({ role: c.column as Role, text, ...resolveNames(list, resolver), span: s });
      }
      const dated = [cell("deadline"), cell("task")].filter((c): c is Cell => c !== undefined);
      let deadlines: Deadline[] = [];
      for (const c of dated) {
        if (deadlines.length) break;
        const s = spanOf(c);
        deadlines = findDeadlines(norm.slice(s.start, s.end), year, from).map((d) => ({
          date: d.date, text: d.text, span: { start: s.start + d.start, end: s.start + d.end }, ...(d.recurrence ? { recurrence: d.recurrence } : {}),
        }));
      }
      const taskCell = cell("task");
      const taskText = taskCell ? norm.slice(spanOf(taskCell).start, spanOf(taskCell).end).replace(/\n/g, "") : "";
      const units = emptyRoles();
      const collectives = emptyRoles();
      for (const c of clauses) {
        for (const u of c.units) if (!units[c.role].includes(u)) units[c.role].push(u);
        for (const u of c.collectives) if (!collectives[c.role].includes(u)) collectives[c.role].push(u);
      }
      tasks.push({
        number: row.number, section: "", title: taskText.split(/[。！？]/)[0].replace(/[；;：:，,]+$/, ""), text: norm.slice(span.start, span.end),
        span, units, collectives, clauses, deadlines,
      });
    }
  return { tasks, ranges: tables.map((t) => ({ start: lines[t.from].start, end: lines[t.to].end })) };
}
