/**
 * @module Imports a parsed campaign plan: the plan, its goals, and every task with its units per role and its
 * deadlines, in one transaction with one audit entry. Unit names the directory does not know stop the import:
 * they are confirmed by adding the unit or an alias first, never created silently.
 */
import { createHash } from "node:crypto";
import { TASK_ROLES, type TaskRole } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { listUnits } from "../repositories/unit.repository";
import { findPlanByDocNumber, findPlanBySourceHash, insertGoals, insertPlan, insertTask } from "../repositories/plan.repository";
import { insertIndicators } from "../repositories/indicator.repository";
import { indicatorsFromGoals, type GoalInput } from "../../domain/indicators/catalogue";

/** The parts of a parsed plan the importer stores (the shape `qingliu plan parse --json` prints). */
export interface ParsedPlanInput {
  title: string;
  docNumber: string | null;
  issuer?: string | null;
  date?: string | null;
  year: number;
  goals: { text: string; targets: unknown[] }[];
  tasks: {
    number: string;
    section: string | null;
    title: string;
    text: string;
    units: Record<TaskRole, string[]>;
    collectives?: Partial<Record<TaskRole, string[]>>;
    clauses?: unknown[];
    deadlines: { date: string; text: string }[];
  }[];
  unknownUnits: ({ name: string } | string)[];
  /** The section tree (domain/plan SectionNode): a section about the 实施方案 with a deadline gives the annual plans' due date. */
  sections?: SectionInput[];
}

/** A section of the tree, as much as the importer reads. */
export interface SectionInput {
  title: string;
  deadlines: { date: string }[];
  children: SectionInput[];
}

/**
 * The day the units' annual 实施方案 are due: the first deadline of a section titled about one (seed plan 四(二)
 * 「制定实施方案…5 月 30 日前…报…」), or null.
 */
export function annualPlanDue(sections: readonly SectionInput[] = []): string | null {
  for (const s of sections) {
    if (/实施方案|工作方案/.test(s.title) && s.deadlines.length) return s.deadlines[0].date;
    const inner = annualPlanDue(s.children);
    if (inner) return inner;
  }
  return null;
}

/** What to import. */
export interface PlanImporterProps {
  plan: ParsedPlanInput;
  /** The document text as uploaded; kept for review and to refuse importing the same document twice. */
  sourceText: string;
  importedBy: string | null;
}

/** The stored plan's id and counts. */
export interface PlanImportResult {
  planId: string;
  tasks: number;
  taskUnits: number;
  deadlines: number;
  /** Indicators defined from the goals. */
  indicators: number;
  annualPlanDueOn: string | null;
}

/** Imports the plan. */
export async function planImporter(ctx: CommandContext, p: PlanImporterProps): Promise<PlanImportResult> {
  const unknown = p.plan.unknownUnits.map((u) => (typeof u === "string" ? u : u.name));
  if (unknown.length) {
    throw ValidationError(
      unknown.map((name) => ({ path: "unknownUnits", message: `未知单位“${name}”：请先在单位目录中添加该单位或别名` })),
      "计划中有未知单位，请确认后再导入",
    );
  }
  const sha = createHash("sha256").update(p.sourceText).digest("hex");
  const existing = await findPlanBySourceHash(ctx.trx, sha);
  if (existing) throw Conflict(`该文件已导入：${existing.title}`, { planId: existing.id });
  // The same document number is the same document, even re-typed or converted from another format.
  const sameNumber = p.plan.docNumber ? await findPlanByDocNumber(ctx.trx, p.plan.docNumber) : undefined;
  if (sameNumber) throw Conflict(`文号为${p.plan.docNumber}的方案已导入：${sameNumber.title}`, { planId: sameNumber.id });

  const directory = await listUnits(ctx.trx);
  const idOf = new Map<string, string>();
  for (const u of directory) {
    idOf.set(u.name, u.id);
    for (const a of u.aliases) idOf.set(a, u.id);
  }
  const issues: { path: string; message: string }[] = [];
  const plan = await insertPlan(ctx.trx, {
    title: p.plan.title,
    docNumber: p.plan.docNumber,
    issuer: p.plan.issuer ?? null,
    issuedOn: p.plan.date ?? null,
    year: p.plan.year,
    sourceText: p.sourceText,
    sourceSha256: sha,
    importedBy: p.importedBy,
    annualPlanDueOn: annualPlanDue(p.plan.sections),
  });
  await insertGoals(ctx.trx, plan.id, p.plan.goals);
  const indicators = await insertIndicators(ctx.trx, plan.id, indicatorsFromGoals(p.plan.goals as GoalInput[], p.plan.year));
  let taskUnits = 0;
  let deadlines = 0;
  for (const [i, t] of p.plan.tasks.entries()) {
    const units: { role: TaskRole; unitId: string | null; collective: string | null }[] = [];
    for (const role of TASK_ROLES) {
      for (const name of new Set(t.units[role] ?? [])) {
        const id = idOf.get(name);
        if (!id) issues.push({ path: `tasks.${i}.units.${role}`, message: `未知单位“${name}”` });
        else units.push({ role, unitId: id, collective: null });
      }
      for (const c of new Set(t.collectives?.[role] ?? [])) units.push({ role, unitId: null, collective: c });
    }
    taskUnits += units.length;
    deadlines += t.deadlines.length;
    await insertTask(ctx.trx, {
      planId: plan.id,
      sort: i,
      number: t.number,
      section: t.section,
      title: t.title,
      text: t.text,
      clauses: t.clauses ?? [],
      units,
      deadlines: t.deadlines.map((d) => ({ dueOn: d.date, text: d.text })),
    });
  }
  // Thrown inside the transaction: nothing of the plan is kept.
  if (issues.length) throw ValidationError(issues, "计划中有未知单位，请确认后再导入");
  await audit(ctx, {
    action: "plan.import",
    entityType: "plan",
    entityId: plan.id,
    data: {
      title: plan.title, docNumber: plan.doc_number, year: plan.year, tasks: p.plan.tasks.length, sha256: sha,
      annualPlanDueOn: plan.annual_plan_due_on, indicators: indicators.map((i) => i.code),
    },
  });
  return { planId: plan.id, tasks: p.plan.tasks.length, taskUnits, deadlines, indicators: indicators.length, annualPlanDueOn: plan.annual_plan_due_on };
}
