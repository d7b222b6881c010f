/**
 * @module Parser of a Chinese campaign plan (攻坚战实施方案) as plain text: head (title, 发文机关, 发文字号, date),
 * goals with numeric targets, the section tree, and numbered tasks with their responsibility clauses resolved into
 * roles against a unit directory and their deadlines resolved against the plan year. A standing clause
 * 「以下任务未明确具体落实单位的，均需…落实」 applies to every later task lacking that role. Pure: the browser
 * imports it too. All spans are offsets into `normalizePlanText(text)`.
 */
import { findClauses, resolveNames } from "./clauses";
import { findDeadlines } from "./deadlines";
import { readHeader, splitSignature } from "./header";
import { normalizePlanText } from "./normalize";
import { headTitle, isArabic, outline, paragraphs, type OutlineNode, type Paragraph } from "./structure";
import { findTargets } from "./targets";
import { createUnitResolver, type UnitResolver } from "./units";
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
const LABEL = /(?:牵头|主办|配合|参与|协办|落实|实施|责任)(?:单位|部门)[：:]/;

const STANDING =
  /(?:以下|下列|下述)?(?:各项)?任务(?:中)?(?:凡)?未明确(?:具体)?(落实|实施|责任|牵头|配合)单位的?[，,]?(?:均需|均由|均为|均|由)?(.+?)(负责落实|具体落实|落实|负责|牵头|配合)(?=[，,。；;]|$)/g;
const STANDING_ROLE: Record<string, Role> = { 落实: "implementer", 实施: "implementer", 责任: "responsible", 牵头: "lead", 配合: "participant" };

const LABEL_OF: Record<string, (n: OutlineNode, title: string) => string> = {
  cn1: (n, t) => `${n.marker.number}、${t}`,
  cn2: (n, t) => `(${n.marker.number})${t}`,
  arp: (n, t) => `(${n.marker.number})${t}`,
};
const labelOf = (n: OutlineNode) => (LABEL_OF[n.marker.scheme] ?? ((m, t) => `${m.marker.number} ${t}`))(n, headTitle(n.head, n.marker));

/** Content, not a pure heading: it has no numbered children, or a sentence, a clause label or a long text of its own. */
const isTask = (n: OutlineNode) =>
  isArabic(n.marker) && (n.children.length === 0 || /[。]/.test(n.head.text) || LABEL.test(n.head.text) || n.head.text.length > 40);

const toDeadlines = (text: string, start: number, year: number | null): Deadline[] =>
  findDeadlines(text, year).map((d) => ({ date: d.date, text: d.text, span: { start: start + d.start, end: start + d.end } }));

/** Sentences of a text (split at 。！？ and line ends), with offsets. */
function sentences(text: string, start: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^。！？\n]+/g)) {
    const t = m[0].trim();
    if (t) out.push({ text: t, start: start + m.index! + m[0].indexOf(t), end: start + m.index! + m[0].indexOf(t) + t.length });
  }
  return out;
}

/** The task read from one outline node. */
function readTask(norm: string, n: OutlineNode, section: string, year: number | null, resolver: UnitResolver): PlanTask {
  const start = n.head.start + n.marker.length;
  const text = norm.slice(start, n.end);
  const clauses = findClauses(text, start, resolver);
  return { number: n.marker.number, section, title: headTitle(n.head, n.marker), text, span: { start, end: n.end }, ...rolesOf(clauses), clauses, deadlines: toDeadlines(text, start, year) };
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
  const { body, signature } = splitSignature(paragraphs(norm));
  const { preamble, roots } = outline(body);
  const head = readHeader(preamble, signature);
  const yearOf = (s: string | null) => (s && /(\d{4})/.exec(s) ? Number(/(\d{4})/.exec(s)![1]) : null);
  const year = options.year ?? yearOf(head.title) ?? yearOf(head.docNumber) ?? yearOf(head.date);
  const warnings: PlanWarning[] = resolver.ambiguous.map((k) => ({ code: "ambiguous_alias", message: `名称“${k}”可指多个单位，未用于匹配` }));
  if (year === null) warnings.push({ code: "no_year", message: "未能确定方案年度，未注明年份的时限未解析" });

  const tasks: PlanTask[] = [];
  const goals: Goal[] = [];
  const goalNodes: OutlineNode[] = [];

  const walk = (nodes: OutlineNode[], parent: string, topExcluded: boolean, depth: number): SectionNode[] =>
    nodes.flatMap((n): SectionNode[] => {
      const excluded = depth === 0 ? NOT_TASKS.test(headTitle(n.head, n.marker)) : topExcluded;
      if (depth === 0 && GOALS.test(headTitle(n.head, n.marker)) && !/任务/.test(headTitle(n.head, n.marker))) goalNodes.push(n);
      if (!excluded && isTask(n)) {
        tasks.push(readTask(norm, n, parent, year, resolver));
        return [];
      }
      const label = labelOf(n);
      const ownEnd = n.body.at(-1)?.end ?? n.head.end;
      const own = norm.slice(n.head.start, ownEnd);
      return [{
        level: n.level, number: n.marker.number, title: headTitle(n.head, n.marker), label,
        span: { start: n.head.start, end: n.end }, deadlines: toDeadlines(own, n.head.start, year),
        children: walk(n.children, label, excluded, depth + 1),
      }];
    });
  const sections = walk(roots, "", false, 0);

  for (const n of goalNodes) {
    const title = headTitle(n.head, n.marker);
    const from = n.head.start + n.marker.length + n.head.text.slice(n.marker.length).indexOf(title) + title.length;
    for (const s of sentences(norm.slice(from, n.end), from)) {
      if (s.text.replace(/^[。，：:\s]+/, "") === "") continue;
      goals.push({ text: s.text.replace(/^[。，：:]+/, ""), targets: findTargets(s.text), span: { start: s.start, end: s.end } });
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
  return { ...head, year, goals, sections, tasks, unknownUnits: unknownUnits(tasks), warnings };
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
    const parts = t.number.split(".");
    const prefix = parts.slice(0, -1).join(".");
    const n = Number(parts.at(-1));
    const prev = last.get(prefix);
    if ((prev === undefined && n !== 1 && !last.size) || (prev !== undefined && n !== prev + 1))
      out.push({ code: "number_gap", message: `任务编号${t.number}不连续`, taskNumber: t.number });
    last.set(prefix, n);
    if (ROLES.every((r) => !t.units[r].length && !t.collectives[r].length) && !t.clauses.some((c) => c.unknown.length))
      out.push({ code: "no_units", message: `任务${t.number}未写明责任单位`, taskNumber: t.number });
  }
  return out;
}

function unknownUnits(tasks: readonly PlanTask[]): ParsedPlan["unknownUnits"] {
  const byName = new Map<string, string[]>();
  for (const t of tasks)
    for (const c of t.clauses)
      for (const name of c.unknown) {
        const list = byName.get(name) ?? [];
        if (!list.includes(t.number)) list.push(t.number);
        byName.set(name, list);
      }
  return [...byName].map(([name, taskNumbers]) => ({ name, taskNumbers }));
}
