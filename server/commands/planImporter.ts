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
import { findPlanBySourceHash, insertGoals, insertPlan, insertTask } from "../repositories/plan.repository";

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
  });
  await insertGoals(ctx.trx, plan.id, p.plan.goals);
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
    data: { title: plan.title, docNumber: plan.doc_number, year: plan.year, tasks: p.plan.tasks.length, sha256: sha },
  });
  return { planId: plan.id, tasks: p.plan.tasks.length, taskUnits, deadlines };
}
