/**
 * @module Responsibility clauses of a task, resolved into roles. Two written forms:
 * - verb after the list, in a parenthesis closing the task (the seed plan): 「（A、B按职责分工负责，C、D参与，
 *   各办事处负责落实）」 — one clause per comma/semicolon group;
 * - label before the list: 「牵头单位：A；B　责任单位：C」, on its own line or in a parenthesis;
 * - in plain sentences: 「由A牵头，B、C配合，各办事处负责落实。」, 「该项工作由A负责。」 — a group introduced by 由 is
 *   read like a parenthesised one; a group without 由 only when every name in it is a directory unit or a
 *   collective of units (so prose such as 「各级政府要加大投入」 or 「依据职责分工负责」 is left alone).
 * Joint handling 「由A会同B开展…」「A会同B负责」 → A lead, B co_lead (see `jointGroup`).
 * Verbs: 牵头 → lead; 按（照）职责分工负责 / 分别负责 / 共同负责 → co_lead; 参与 / 配合 / 协助 → participant;
 * （负责）落实 → implementer; 负责 → responsible. Labels: 牵头/主办单位 → lead; 配合/参与/协办单位 → participant;
 * 落实/实施单位 → implementer; 责任单位/部门 → responsible.
 */
import { segmentUnits, segmentWithUnknown, type UnitResolver } from "./units";
import type { Clause, Role } from "./types";

const VERBS: [RegExp, Role][] = [
  [/(?:按照?|依)职(?:责|能)(?:分工)?负责$|分别负责$|共同负责$/, "co_lead"],
  [/牵头负责$|牵头$/, "lead"],
  [/参与$|配合$|协助$|参加$/, "participant"],
  [/(?:具体)?(?:负责)?落实$|组织实施$/, "implementer"],
  [/负责$/, "responsible"],
];

const LABELS: Record<string, Role> = {
  牵头: "lead", 主办: "lead", 配合: "participant", 参与: "participant", 协办: "participant",
  落实: "implementer", 实施: "implementer", 责任: "responsible",
};
const LABEL = /(牵头|主办|配合|参与|协办|落实|实施|责任)(?:单位|部门|主体)[：:]/g;
const HAS_LABEL = new RegExp(LABEL.source);

/** A piece of text with its offset. */
interface Piece {
  text: string;
  start: number;
}

/** Splits `text` at `sep`, trimming each piece and keeping offsets. */
function split(text: string, start: number, sep: RegExp): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of [...text.matchAll(sep), null]) {
    const end = m ? m.index! : text.length;
    const raw = text.slice(at, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), start: start + at + lead });
    if (m) at = m.index! + m[0].length;
  }
  return out;
}

/** The names of a list: 「区发展和改革委员会、农业农村局」, 「各办事处；区城管局」. */
function names(list: string): string[] | null {
  const items = list
    .split(/[、，,；;\/]|以及|及/)
    .map((s) => s.trim().replace(/^(?:由|均由|均需)/, "").replace(/(?:等(?:部门|单位)?)$/, ""))
    .filter(Boolean);
  // A list of names has no digits and no long phrases; anything else is prose, not a clause.
  return items.length && items.every((s) => s.length <= 30 && !/\d|[。：“”《》]/.test(s)) ? items : null;
}

/** Resolves the names of one clause. */
export function resolveNames(list: string[], resolver: UnitResolver): Pick<Clause, "units" | "collectives" | "unknown"> {
  const out = { units: [] as string[], collectives: [] as string[], unknown: [] as string[] };
  const add = (arr: string[], n: string) => arr.includes(n) || arr.push(n);
  for (const item of list) {
    const r = resolver.resolve(item);
    if (r.kind === "unit") add(out.units, r.name);
    else if (r.kind === "collective") add(out.collectives, r.name);
    else {
      const parts = segmentUnits(r.name, resolver);
      const mixed = parts ? null : segmentWithUnknown(r.name, resolver);
      if (parts) parts.forEach((p) => add(out.units, p));
      else if (mixed) {
        mixed.units.forEach((p) => add(out.units, p));
        mixed.unknown.forEach((p) => add(out.unknown, p));
      } else add(out.unknown, r.name);
    }
  }
  return out;
}

/** One group with the verb after the list, or null. */
function verbGroup(p: Piece, resolver: UnitResolver): Clause | null {
  for (const [re, role] of VERBS) {
    const m = re.exec(p.text);
    if (!m) continue;
    const list = names(p.text.slice(0, m.index));
    return list ? { role, text: p.text, ...resolveNames(list, resolver), span: { start: p.start, end: p.start + p.text.length } } : null;
  }
  return null;
}

/** The names of `list` when every one is a directory unit or a collective of units, else null. */
function knownNames(list: string, resolver: UnitResolver): Pick<Clause, "units" | "collectives" | "unknown"> | null {
  const items = names(list.replace(/等(?:部门|单位)?$/, ""));
  if (!items) return null;
  const r = resolveNames(items, resolver);
  return !r.unknown.length && r.collectives.every((x) => UNIT_COLLECTIVE.test(x)) && r.units.length + r.collectives.length > 0 ? r : null;
}

/**
 * 「由A会同B开展排查」「A会同B负责」「（区财政局会同区发改委负责）」: two clauses, A `lead` and B `co_lead`.
 * Decision: in Chinese government usage 会同 names the 主办 unit first and the units it acts jointly with after it;
 * those 会办 units share the duty and co-sign the result (国务院 分工方案 write 「A会同B负责」 where the work is
 * joint, 「A牵头，B配合」 where B only assists). That is a stronger tie than 配合/协助 (`participant`), so B is
 * `co_lead`. B ends where its names stop resolving in the directory (the activity follows: 「…会同区农业农村局开展」);
 * a list ending in a verb (「…会同B负责」) is read up to the verb even with unknown names. Without 由, A must be
 * a directory unit, so prose such as 「要会同有关部门」「各单位会同相关部门」 is left alone.
 */
function jointGroup(p: Piece, resolver: UnitResolver): Clause[] | null {
  const at = p.text.indexOf("会同");
  if (at <= 0) return null;
  const by = BY.exec(p.text);
  const from = by ? by.index + by[0].length : 0;
  const leadText = p.text.slice(from, at);
  const leadList = names(leadText);
  if (!leadList || !leadText) return null;
  const lead = resolveNames(leadList, resolver);
  // Without 由 the leader must be a named directory unit: 「各单位会同相关部门研究」 is prose.
  if (!by && (lead.unknown.length || !lead.units.length)) return null;
  const after = p.text.slice(at + 2);
  let co: Pick<Clause, "units" | "collectives" | "unknown"> | null = null;
  let coEnd = 0;
  const verb = /(?:按照?职责分工)?(?:共同|分别)?(?:牵头)?负责(?:落实)?$|组织实施$|落实$/.exec(after);
  const listed = verb ? names(after.slice(0, verb.index).replace(/等(?:部门|单位)?$/, "")) : null;
  if (verb && listed) [co, coEnd] = [resolveNames(listed, resolver), verb.index];
  else
    for (let j = after.length; j >= 2 && !co; j--) {
      co = knownNames(after.slice(0, j), resolver);
      if (co) coEnd = j;
    }
  if (!co) return null;
  const span = (s: number, e: number) => ({ start: p.start + s, end: p.start + e });
  return [
    { role: "lead", text: leadText, ...lead, span: span(from, at) },
    { role: "co_lead", text: p.text.slice(at, at + 2 + coEnd), ...co, span: span(at, at + 2 + coEnd) },
  ];
}

/** A role written in parentheses after a name inside a label: 「责任单位：区农业农村局（牵头），各办事处（配合）」. */
const ROLE_AFTER = /[（(](牵头|主办|配合|参与|协助|协办|负责|落实)[）)]/g;
const ROLE_OF_WORD: Record<string, Role> = { 牵头: "lead", 主办: "lead", 配合: "participant", 参与: "participant", 协助: "participant", 协办: "participant", 负责: "responsible", 落实: "implementer" };

/**
 * Clauses introduced by labels (牵头单位：…), each running to the next label, line end or 。. Names followed by
 * their own role in parentheses take that role; the rest take the label's.
 */
function labelledClauses(text: string, start: number, resolver: UnitResolver): Clause[] {
  const out: Clause[] = [];
  // Same length as `text`: the role parentheses no longer end a label's value.
  const masked = text.replace(ROLE_AFTER, (_m, w: string) => `〔${w}〕`);
  const labels = [...masked.matchAll(LABEL)];
  labels.forEach((m, i) => {
    const from = m.index! + m[0].length;
    const stop = masked.slice(from, labels[i + 1]?.index ?? masked.length).search(/[\n。）)]|完成时限|时间要求|完成时间/);
    const value = masked.slice(from, stop < 0 ? labels[i + 1]?.index ?? masked.length : from + stop).replace(/[；;，,\s]+$/, "");
    const end = from + value.length;
    const clause = (role: Role, list: string[]) =>
      out.push({ role, text: text.slice(m.index!, end), ...resolveNames(list, resolver), span: { start: start + m.index!, end: start + end } });
    if (!value.includes("〔")) {
      const list = names(value);
      if (list) clause(LABELS[m[1]], list);
      return;
    }
    const byRole = new Map<Role, string[]>();
    for (const item of value.split(/[、，,；;]/).map((x) => x.trim()).filter(Boolean)) {
      const own = /^(.+?)〔(.+?)〕$/.exec(item);
      const role = own ? ROLE_OF_WORD[own[2]] : LABELS[m[1]];
      const list = names(own ? own[1] : item);
      if (list) byRole.set(role, [...(byRole.get(role) ?? []), ...list]);
    }
    for (const [role, list] of byRole) clause(role, list);
  });
  return out;
}

/** 「由」, 「均由」, 「该项工作由」 … introducing a responsibility in a sentence. */
const BY = /^(?:该项工作|此项工作|该项任务|本项工作|上述工作|以上工作)?(均由|由)/;
/** A collective designation that names units, not an activity. */
const UNIT_COLLECTIVE = /(办事处|街道|乡镇|部门|单位|政府|企业|成员单位|县区)$/;

/** Clauses in plain sentences outside parentheses and labels. */
function sentenceClauses(text: string, start: number, resolver: UnitResolver): Clause[] {
  const out: Clause[] = [];
  // A standing rule (「以下任务未明确具体落实单位的，均需…落实」) speaks of later tasks, not of this one.
  const own = text.replace(/[^。！？\n]*(?:未明确|不再(?:专门|一一)?列出)[^。！？\n]*/g, (m) => " ".repeat(m.length));
  for (const p of split(own, start, /[，,；;。！？\n]/g)) {
    if (HAS_LABEL.test(p.text)) continue;
    const joint = jointGroup(p, resolver);
    if (joint) {
      out.push(...joint);
      continue;
    }
    const by = BY.exec(p.text);
    const cut = by ? by.index + by[0].length - by[1].length : 0;
    const c = verbGroup({ text: p.text.slice(cut), start: p.start + cut }, resolver);
    if (!c) continue;
    if (!by && (c.unknown.length || c.collectives.some((x) => !UNIT_COLLECTIVE.test(x)) || !(c.units.length || c.collectives.length))) continue;
    out.push(c);
  }
  return out;
}

/**
 * The responsibility clauses in a task's text; `start` is the text's offset in the normalised plan.
 * @example findClauses("…。（区住房和城乡建设局牵头，各办事处负责落实）", 0, resolver) // a lead clause and an implementer clause
 */
export function findClauses(text: string, start: number, resolver: UnitResolver): Clause[] {
  const clauses: Clause[] = [];
  let rest = text;
  for (const m of text.matchAll(/[（(]([^（）()]*)[）)]/g)) {
    const inner = m[1];
    const at = m.index! + 1;
    const found: Clause[] = HAS_LABEL.test(inner)
      ? labelledClauses(inner, start + at, resolver)
      : split(inner, start + at, /[，,；;。]/g).flatMap((p) => jointGroup(p, resolver) ?? verbGroup(p, resolver) ?? []);
    if (!found.length) continue;
    clauses.push(...found);
    rest = rest.slice(0, m.index!) + " ".repeat(m[0].length) + rest.slice(m.index! + m[0].length);
  }
  clauses.push(...labelledClauses(rest, start, resolver));
  clauses.push(...sentenceClauses(rest, start, resolver));
  return clauses.sort((a, b) => a.span.start - b.span.start);
}
