/**
 * @module Parser of a Chinese campaign plan (攻坚战实施方案) as plain text: head (title, 发文机关, 发文字号, date),
 * goals with numeric targets, the section tree, and numbered tasks with their responsibility clauses resolved into
 * roles against a unit directory and their deadlines resolved against the plan year. A standing clause
 * 「以下任务未明确具体落实单位的，均需…落实」 applies to every later task lacking that role. Pure: the browser
 * imports it too. All spans are offsets into `normalizePlanText(text)`.
 */
import { attachmentList } from "./attachments";
import { findClauses, resolveNames } from "./clauses";
import { chineseNumber, findDeadlines } from "./deadlines";
import { readHeader, splitSignature } from "./header";
import { normalizePlanText } from "./normalize";
import { headTitle, isArabic, marker, outline, paragraphs, type OutlineNode, type Paragraph } from "./structure";
import { readTableTasks } from "./tableTasks";
import { findTargets } from "./targets";
import { createUnitResolver, suggestUnit, type UnitResolver } from "./units";
import { emptyRoles, ROLES, type Clause, type Deadline, type Goal, type ParsedPlan, type PlanTask, type PlanUnit, type PlanWarning, type Role, type SectionNode } from "./types";

/** Options of `parsePlan`. */
export interface ParsePlanOptions {
  /** The unit directory; names are reported in its canonical form. */
  units: readonly PlanUnit[];
  /** The plan year for yearless dates; read from the title, 发文字号 or date when absent. */
  year?: number;
  /** Area prefixes that may precede unit names, e.g. ["焦作市", "中站区"]. */
  areaNames?: readonly string[];
}

/** Top-level sections that hold no tasks even when numbered 1., 2. … */
const NOT_TASKS = /指导思想|总体要求|基本原则|目标|保障|工作要求|附则|编制依据|组织领导/;
const GOALS = /目标/;
/** A goals sub-heading, e.g. 「（二）工作目标」 in 「一、总体要求」 — not 「（六）严格目标考核」. */
const GOAL_HEADING = /^(?:工作|主要|总体|发展|具体)?目标$/;
const OVERALL = /总体要求|总体思路/;
const LABEL = /(?:牵头|主办|配合|参与|协办|落实|实施|责任)(?:单位|部门)[：:]/;

const STANDING =
  /(?:以下|下列|下述)?(?:各项)?任务(?:中)?(?:凡)?未明确(?:具体)?(落实|实施|责任|牵头|配合)单位的?[，,]?(?:均需|均由|均为|均|由)?(.+?)(负责落实|具体落实|落实|负责|牵头|配合)(?=[，,。；;]|$)/g;
const STANDING_ROLE: Record<string, Role> = { 落实: "implementer", 实施: "implementer", 责任: "responsible", 牵头: "lead", 配合: "participant" };

const LABEL_OF: Record<string, (n: OutlineNode, title: string) => string> = {
  cn1: (n, t) => `${n.marker.number}、${t}`,
  cn2: (n, t) => `(${n.marker.number})${t}`,
  arp: (n, t) => `(${n.marker.number})${t}`,
  annex: (n, t) => `附件${n.marker.number}${t ? ` ${t}` : ""}`,
  chap: (n, t) => `第${n.marker.number}章 ${t}`,
  sec: (n, t) => `第${n.marker.number}节 ${t}`,
};
const labelOf = (n: OutlineNode) => (LABEL_OF[n.marker.scheme] ?? ((m, t) => `${m.marker.number} ${t}`))(n, headTitle(n.head, n.marker));

/** Content, not a pure heading: it has no numbered children, or a sentence, a clause label or a long text of its own. */
const isTask = (n: OutlineNode, cnTasks = false) =>
  (isArabic(n.marker) || (cnTasks && n.marker.scheme === "cn2")) &&
  (n.children.length === 0 || /[。]/.test(n.head.text) || LABEL.test(n.head.text) || n.head.text.length > 40 ||
    // Items enumerated inside its lines are its content (a numbered heading 「1.」 may still split into them).
    (!n.marker.scheme.startsWith("dot") && n.children.every((c) => c.head.inline)));

/** 「一是」「1）」 number items only inside a task: never tasks, nor headings, of their own. */
const ONLY_IN_LINE = new Set(["cnis", "rp"]);

/** The number a task at `n` gets: 「（三）」 → "3", else as written. */
const numberOf = (n: OutlineNode) => (n.marker.scheme === "cn2" ? String(chineseNumber(n.marker.number)) : n.marker.number);

const toDeadlines = (text: string, start: number, year: number | null, from?: string | null): Deadline[] =>
  findDeadlines(text, year, from).map((d) => ({
    date: d.date, text: d.text, span: { start: start + d.start, end: start + d.end }, ...(d.recurrence ? { recurrence: d.recurrence } : {}),
  }));

/** The plan year for yearless dates and the date of issue (recurring milestones start after it). */
interface When {
  year: number | null;
  from: string | null;
}

/** Sentences of a text (split at 。！？ and line ends), with offsets. */
function sentences(text: string, start: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^。！？\n]+/g)) {
    const t = m[0].trim();
    if (t) out.push({ text: t, start: start + m.index! + m[0].indexOf(t), end: start + m.index! + m[0].indexOf(t) + t.length });
  }
  return out;
}

/** The task read from one outline node; `number` overrides the node's own (sub-items: "2(1)"). */
function readTask(
  norm: string, n: OutlineNode, section: string, when: When, resolver: UnitResolver,
  number = numberOf(n),
): PlanTask {
  const start = n.head.start + n.marker.length;
  const text = norm.slice(start, n.end);
  const clauses = findClauses(text, start, resolver);
  return { number, section, title: headTitle(n.head, n.marker), text, span: { start, end: n.end }, ...rolesOf(clauses), clauses, deadlines: toDeadlines(text, start, when.year, when.from) };
}

/** Sub-item numbering 「（1）」「①」 under a numbered heading, or 「一是」「1）」 inside its line. */
const isSubItem = (n: OutlineNode) => ["arp", "circ", "cnis", "rp"].includes(n.marker.scheme);

/** Items enumerated on the heading's own line (「1.加强保护。一是…；二是…」), not on lines of their own. */
const inlineItems = (n: OutlineNode) => n.children.length > 0 && n.children.every((c) => c.head.inline) && n.children[0].head.start === n.head.end;

/**
 * A numbered heading whose children are all sub-items (「3.加强入河排污口监管」 then 「（1）…（2）…」): its sub-items
 * are the tasks when each names its own units; otherwise the heading with its sub-items is one task (units named
 * once for all of them, e.g. on 「牵头单位：」 lines after the last sub-item).
 */
function subItemsOf(n: OutlineNode, resolver: UnitResolver, cnTasks: boolean): "split" | "merge" | null {
  const parent = n.marker.scheme.startsWith("dot") || ((n.marker.scheme === "art" || (cnTasks && n.marker.scheme === "cn2")) && inlineItems(n));
  if (!parent || n.children.length === 0 || !n.children.every(isSubItem)) return null;
  // Each sub-item names its units in its own paragraph; 「牵头单位：」 lines after the last one speak for all of them.
  return n.children.length >= 2 && n.children.every((c) => findClauses(c.head.text, 0, resolver).length > 0) ? "split" : "merge";
}

/**
 * Gives sub-item tasks the roles their heading names and they do not (marked inherited), and the heading's
 * deadlines to those without one (「1.开展排查整治，12月前完成：①…；②…」).
 */
function inheritFromHeading(norm: string, n: OutlineNode, tasks: PlanTask[], resolver: UnitResolver, when: When) {
  const ownEnd = n.body.at(-1)?.end ?? n.head.end;
  const from = n.head.start + n.marker.length;
  const clauses = findClauses(norm.slice(from, ownEnd), from, resolver);
  const deadlines = toDeadlines(norm.slice(from, ownEnd), from, when.year, when.from);
  for (const t of tasks) if (!t.deadlines.length) t.deadlines = [...deadlines];
  for (const t of tasks)
    for (const c of clauses)
      if (!t.clauses.some((x) => x.role === c.role)) {
        t.clauses.push({ ...c, inherited: true });
        Object.assign(t, rolesOf(t.clauses));
      }
}

/** Units and collectives per role, in clause order. */
function rolesOf(clauses: readonly Clause[]): Pick<PlanTask, "units" | "collectives"> {
  const units = emptyRoles();
  const collectives = emptyRoles();
  for (const c of clauses) {
    for (const u of c.units) if (!units[c.role].includes(u)) units[c.role].push(u);
    for (const u of c.collectives) if (!collectives[c.role].includes(u)) collectives[c.role].push(u);
  }
  return { units, collectives };
}

/**
 * Parses a plan.
 * @example parsePlan(seedText, { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES }).tasks.length // 19
 */
export function parsePlan(text: string, options: ParsePlanOptions): ParsedPlan {
  const norm = normalizePlanText(text);
  const resolver = createUnitResolver(options.units, { areaNames: options.areaNames });
  // The closing signature stands before the attachments, if any.
  // The 附件说明 list (「附件：1.……」「2.……」) names attachments; its numbered lines are not tasks.
  const list = attachmentList(paragraphs(norm));
  // A task table extracted one cell per line is read by rows (tableTasks.ts), not as paragraphs.
  const table = readTableTasks(norm, resolver, options.year ?? null, null);
  const inTable = (p: Paragraph) => table.ranges.some((r) => p.start >= r.start && p.end <= r.end);
  const all = paragraphs(norm).filter((p, i) => !list?.indices.includes(i) && !inTable(p));
  const attachments = list?.titles ?? [];
  const isAnnex = (p: Paragraph) => marker(p.text)?.scheme === "annex";
  let annexAt = all.findIndex((p, i) => isAnnex(p) && all.slice(0, i).some((q) => marker(q.text) && !isAnnex(q)));
  // 「附件：…分解表」 followed by nothing but the signature is the 附件说明 (GB/T 9704-2012 §7.3.4), not the attachment.
  let paras = all;
  if (annexAt >= 0) {
    const next = all.findIndex((p, i) => i > annexAt && isAnnex(p));
    const between = all.slice(annexAt + 1, next < 0 ? all.length : next);
    if (between.length && splitSignature(between).body.length === 0) {
      const title = all[annexAt].text.slice(marker(all[annexAt].text)!.length).trim();
      if (title) attachments.push(title);
      paras = all.filter((_, i) => i !== annexAt);
      annexAt = next < 0 ? -1 : next - 1;
    }
  }
  const main = annexAt < 0 ? paras : paras.slice(0, annexAt);
  const { body, signature } = splitSignature(main);
  const { preamble, roots } = outline(annexAt < 0 ? body : [...body, ...paras.slice(annexAt)]);
  const head = readHeader(preamble, signature);
  const yearOf = (s: string | null) => (s && /(\d{4})/.exec(s) ? Number(/(\d{4})/.exec(s)![1]) : null);
  const year = options.year ?? yearOf(head.title) ?? yearOf(head.docNumber) ?? yearOf(head.date);
  const warnings: PlanWarning[] = resolver.ambiguous.map((k) => ({ code: "ambiguous_alias", message: `名称“${k}”可指多个单位，未用于匹配` }));
  const when: When = { year, from: head.date };
  if (year === null) warnings.push({ code: "no_year", message: "未能确定方案年度，未注明年份的时限未解析" });

  const tasks: PlanTask[] = [];
  const goals: Goal[] = [];
  const goalNodes: OutlineNode[] = [];
  const overallNodes: OutlineNode[] = [];

  const walk = (nodes: OutlineNode[], parent: string, topExcluded: boolean, depth: number): SectionNode[] =>
    nodes.flatMap((n): SectionNode[] => {
      const excluded = depth === 0 ? NOT_TASKS.test(headTitle(n.head, n.marker)) : topExcluded;
      // 「二、工作目标」, or 「（二）工作目标」 inside 「一、总体要求」.
      const title = headTitle(n.head, n.marker);
      if ((depth === 0 ? GOALS.test(title) && !/任务/.test(title) : topExcluded && GOAL_HEADING.test(title))) goalNodes.push(n);
      if (depth === 0 && OVERALL.test(headTitle(n.head, n.marker))) overallNodes.push(n);
      // An enumeration on the task's own line (「一是…；二是…」) splits when each item names its units, even after
      // a first sentence that would otherwise make the heading a task of its own.
      // Items cut out of a line are read through the node above them; in a section without tasks they are text.
      const cutFromLine = n.head.inline && n.head.start > 0 && norm[n.head.start - 1] !== "\n";
      if (ONLY_IN_LINE.has(n.marker.scheme) || (cutFromLine && (excluded || !isTask(n, cnTasks)))) return [];
      const subItems = excluded || (isTask(n, cnTasks) && !inlineItems(n)) ? null : subItemsOf(n, resolver, cnTasks);
      if (!excluded && ((isTask(n, cnTasks) && subItems !== "split") || subItems === "merge")) {
        tasks.push(readTask(norm, n, parent, when, resolver));
        return [];
      }
      const label = labelOf(n);
      if (subItems === "split") {
        const mine = n.children.map((c) => readTask(norm, c, label, when, resolver, `${numberOf(n)}(${c.marker.number})`));
        inheritFromHeading(norm, n, mine, resolver, when);
        tasks.push(...mine);
      }
      const ownEnd = n.body.at(-1)?.end ?? n.head.end;
      const own = norm.slice(n.head.start, ownEnd);
      return [{
        level: n.level === 0 ? 0 : depth + 1, number: n.marker.number, title: headTitle(n.head, n.marker), label,
        span: { start: n.head.start, end: n.end }, deadlines: toDeadlines(own, n.head.start, year, head.date),
        children: subItems === "split" ? [] : walk(n.children, label, excluded, depth + 1),
      }];
    });
  let cnTasks = false;
  let sections = walk(roots, "", false, 0);
  // A plan whose tasks are written at 「（一）」 (no Arabic-numbered items nor a task table): read them there.
  if (tasks.length === 0 && table.ranges.length === 0) {
    cnTasks = true;
    goalNodes.length = 0;
    overallNodes.length = 0;
    sections = walk(roots, "", false, 0);
  }
  tasks.push(...tableTasksOf(norm, roots, resolver, when, table.ranges.length > 0));
  tasks.sort((a, b) => a.span.start - b.span.start);
  // A task table in an attachment (附件 重点任务分解表) usually repeats the body's tasks: it is read only when the
  // body has none (a plan that is just a table), else left out with a warning rather than imported twice.
  const inAnnex = (t: PlanTask) => roots.some((r, i) => r.marker.scheme === "annex" && t.span.start >= r.head.start && (t.span.end <= r.end || t.span.start < (roots[i + 1]?.head.start ?? Infinity)));
  if (tasks.some((t) => !inAnnex(t)) && tasks.some(inAnnex)) {
    const dropped = tasks.filter(inAnnex);
    tasks.splice(0, tasks.length, ...tasks.filter((t) => !inAnnex(t)));
    warnings.push({ code: "annex_tasks_ignored", message: `附件中的任务表（${dropped.length} 项）与正文任务重复，未作为任务读取` });
  }

  // Without a goals heading, the sentences of 「总体要求」 that carry numeric targets are the goals.
  const fallback = goalNodes.length === 0;
  for (const n of fallback ? overallNodes : goalNodes) {
    const title = headTitle(n.head, n.marker);
    const from = n.head.start + n.marker.length + n.head.text.slice(n.marker.length).indexOf(title) + title.length;
    for (const s of sentences(norm.slice(from, n.end), from)) {
      if (s.text.replace(/^[。，：:\s]+/, "") === "") continue;
      if (fallback && !findTargets(s.text).length) continue;
      const targets = findTargets(s.text);
      goals.push({ text: s.text.replace(/^[。，：:]+/, ""), targets, span: { start: s.start, end: s.end }, ...(targets.length ? {} : { qualitative: true as const }) });
    }
  }
  for (const t of tasks)
    for (const s of sentences(t.text, t.span.start)) {
      const targets = findTargets(s.text);
      if (targets.length) goals.push({ text: s.text, targets, span: { start: s.start, end: s.end }, taskNumber: t.number });
    }

  applyStanding(norm, tasks, resolver);
  if (!tasks.length) warnings.push({ code: "no_tasks", message: "未识别到编号任务" });
  warnings.push(...taskWarnings(tasks));
  return { ...head, year, goals, sections, tasks, unknownUnits: unknownUnits(tasks, options), warnings, ...(attachments.length ? { attachments } : {}) };
}

/**
 * The tasks of the cell-per-line tables, read again now that the plan year and date of issue are known, each in
 * the section of the last heading above it.
 */
function tableTasksOf(norm: string, roots: OutlineNode[], resolver: UnitResolver, when: When, any: boolean): PlanTask[] {
  if (!any) return [];
  const heads: OutlineNode[] = [];
  const visit = (ns: OutlineNode[]) => ns.forEach((n) => (heads.push(n), visit(n.children)));
  visit(roots);
  return readTableTasks(norm, resolver, when.year, when.from).tasks.map((t) => {
    const above = heads.filter((n) => n.head.start < t.span.start).at(-1);
    return { ...t, section: above ? labelOf(above) : "" };
  });
}

/** Applies 「以下任务未明确具体落实单位的，均需X落实」 to later tasks without that role. */
function applyStanding(norm: string, tasks: PlanTask[], resolver: UnitResolver): void {
  for (const m of norm.matchAll(STANDING)) {
    const role = STANDING_ROLE[m[1]];
    const list = m[2].split(/[、，,；;]/).map((s) => s.trim()).filter(Boolean);
    const span = { start: m.index!, end: m.index! + m[0].length };
    for (const t of tasks) {
      if (t.span.start < span.end || t.clauses.some((c) => c.role === role)) continue;
      const clause: Clause = { role, text: m[0], ...resolveNames(list, resolver), span, inherited: true };
      t.clauses.push(clause);
      Object.assign(t, rolesOf(t.clauses));
    }
  }
}

function taskWarnings(tasks: readonly PlanTask[]): PlanWarning[] {
  const out: PlanWarning[] = [];
  const last = new Map<string, number>();
  for (const t of tasks) {
    // "2.1.1" and "2(1)" alike: every level must follow on from the one before it.
    const parts = t.number.split(/[.()（）]/).filter(Boolean).map(Number);
    for (const [d, n] of parts.entries()) {
      const prefix = parts.slice(0, d).join(".");
      const prev = last.get(prefix);
      const isLast = d === parts.length - 1;
      const gap = prev === undefined ? isLast && n !== 1 && !last.size : isLast ? n !== prev + 1 : n !== prev && n !== prev + 1;
      if (gap) {
        out.push({ code: "number_gap", message: `任务编号${t.number}不连续`, taskNumber: t.number });
        break;
      }
      last.set(prefix, n);
    }
    // Daily duties, and weekly ones without a period, are too frequent to be milestones: said, not silently dropped.
    const expanded = new Set(t.deadlines.filter((d) => d.recurrence === "weekly").map((d) => d.span.start - t.span.start));
    const frequent = [...t.text.matchAll(/每(?:个)?(?:周|星期|旬|日|天|个工作日)/g)].find((m) => !expanded.has(m.index!));
    if (frequent) out.push({ code: "recurring_not_expanded", message: `任务${t.number}的“${frequent[0]}”要求未展开为节点，请按需设置调度`, taskNumber: t.number });
    if (ROLES.every((r) => !t.units[r].length && !t.collectives[r].length) && !t.clauses.some((c) => c.unknown.length))
      out.push({ code: "no_units", message: `任务${t.number}未写明责任单位`, taskNumber: t.number });
  }
  return out;
}

function unknownUnits(tasks: readonly PlanTask[], options: ParsePlanOptions): ParsedPlan["unknownUnits"] {
  const byName = new Map<string, string[]>();
  for (const t of tasks)
    for (const c of t.clauses)
      for (const name of c.unknown) {
        const list = byName.get(name) ?? [];
        if (!list.includes(t.number)) list.push(t.number);
        byName.set(name, list);
      }
  return [...byName].map(([name, taskNumbers]) => {
    const suggestion = suggestUnit(name, options.units, options.areaNames);
    return { name, taskNumbers, ...(suggestion ? { suggestion } : {}) };
  });
}
