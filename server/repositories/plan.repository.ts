/**
 * @module All SQL of plans, their goals, tasks, task units and deadlines.
 */
import { sql, type Kysely } from "kysely";
import type { DB, TaskRole } from "../db/schema";
import "../db/tables/supervision";

/** A task as stored, with its units and deadlines. */
export interface TaskWithDetail {
  id: string;
  plan_id: string;
  number: string;
  section: string | null;
  title: string;
  text: string;
  status: string;
  clauses: unknown[];
  units: { role: TaskRole; unitId: string | null; unitName: string | null; collective: string | null }[];
  deadlines: { id: string; dueOn: string; text: string }[];
}

/** Whether a plan with this source text was imported already. */
export async function findPlanBySourceHash(db: Kysely<DB>, sha256: string) {
  return db.selectFrom("plans").select(["id", "title"]).where("source_sha256", "=", sha256).executeTakeFirst();
}

/** A plan with this document number, if one was imported. */
export async function findPlanByDocNumber(db: Kysely<DB>, docNumber: string) {
  return db.selectFrom("plans").select(["id", "title"]).where("doc_number", "=", docNumber).executeTakeFirst();
}

/** Inserts a plan row. */
export async function insertPlan(
  db: Kysely<DB>,
  v: {
    title: string; docNumber: string | null; issuer: string | null; issuedOn: string | null; year: number; sourceText: string; sourceSha256: string;
    importedBy: string | null; annualPlanDueOn?: string | null;
  },
) {
  return db
    .insertInto("plans")
    .values({
      title: v.title,
      doc_number: v.docNumber,
      issuer: v.issuer,
      issued_on: v.issuedOn,
      year: v.year,
      source_text: v.sourceText,
      source_sha256: v.sourceSha256,
      imported_by: v.importedBy,
      annual_plan_due_on: v.annualPlanDueOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a plan's goals. */
export async function insertGoals(db: Kysely<DB>, planId: string, goals: { text: string; targets: unknown[] }[]) {
  if (goals.length === 0) return;
  await db
    .insertInto("plan_goals")
    .values(goals.map((g, i) => ({ plan_id: planId, sort: i, text: g.text, targets: JSON.stringify(g.targets) })))
    .execute();
}

/** Inserts one task with its units and deadlines; returns its id. */
export async function insertTask(
  db: Kysely<DB>,
  v: {
    planId: string;
    sort: number;
    number: string;
    section: string | null;
    title: string;
    text: string;
    clauses: unknown[];
    units: { role: TaskRole; unitId: string | null; collective: string | null }[];
    deadlines: { dueOn: string; text: string }[];
  },
): Promise<string> {
  const task = await db
    .insertInto("tasks")
    .values({
      plan_id: v.planId,
      sort: v.sort,
      number: v.number,
      section: v.section,
      title: v.title,
      text: v.text,
      clauses: JSON.stringify(v.clauses),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (v.units.length) {
    await db
      .insertInto("task_units")
      .values(v.units.map((u) => ({ task_id: task.id, role: u.role, unit_id: u.unitId, collective: u.collective })))
      .execute();
  }
  if (v.deadlines.length) {
    await db
      .insertInto("task_deadlines")
      .values(v.deadlines.map((d) => ({ task_id: task.id, due_on: d.dueOn, text: d.text })))
      .execute();
  }
  return task.id;
}

/** Plans, newest first, with task counts. */
export async function listPlans(db: Kysely<DB>) {
  return db
    .selectFrom("plans")
    .leftJoin("tasks", "tasks.plan_id", "plans.id")
    .select(["plans.id", "plans.title", "plans.doc_number", "plans.year", "plans.issued_on", "plans.imported_at"])
    .select((eb) => eb.fn.count<number>("tasks.id").as("task_count"))
    .groupBy("plans.id")
    .orderBy("plans.imported_at", "desc")
    .execute();
}

/** One plan with goals. */
export async function findPlan(db: Kysely<DB>, id: string) {
  const plan = await db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
  if (!plan) return undefined;
  const goals = await db.selectFrom("plan_goals").selectAll().where("plan_id", "=", id).orderBy("sort").execute();
  return { ...plan, goals };
}

/** Tasks with units and deadlines; filtered by plan and/or by a unit's involvement. */
/** Which tasks: those of a plan, and/or those naming one of the units (any role). */
export interface TaskFilter {
  planId?: string;
  unitIds?: string[];
}

/** The tasks of a {@link TaskFilter} as a query (also a subquery: `task_id in (tasksWhere(…).select("id"))`). */
export function tasksWhere(db: Kysely<DB>, f: TaskFilter) {
  let q = db.selectFrom("tasks");
  if (f.planId) q = q.where("tasks.plan_id", "=", f.planId);
  const unitIds = f.unitIds;
  if (unitIds) {
    q = unitIds.length === 0
      ? q.where(sql<boolean>`false`)
      : q.where((eb) =>
          eb.exists(eb.selectFrom("task_units").select("task_id").whereRef("task_units.task_id", "=", "tasks.id").where("task_units.unit_id", "in", unitIds)),
        );
  }
  return q;
}

export async function listTasks(db: Kysely<DB>, f: TaskFilter): Promise<TaskWithDetail[]> {
  if (f.unitIds?.length === 0) return [];
  const tasks = await tasksWhere(db, f).selectAll().orderBy("plan_id").orderBy("sort").execute();
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => t.id);
  const [units, deadlines] = await Promise.all([
    db
      .selectFrom("task_units")
      .leftJoin("units", "units.id", "task_units.unit_id")
      .select(["task_units.task_id", "task_units.role", "task_units.unit_id", "task_units.collective", "units.name", "units.sort"])
      .where("task_units.task_id", "in", ids)
      .execute(),
    db.selectFrom("task_deadlines").selectAll().where("task_id", "in", ids).orderBy("due_on").execute(),
  ]);
  return tasks.map((t) => ({
    id: t.id,
    plan_id: t.plan_id,
    number: t.number,
    section: t.section,
    title: t.title,
    text: t.text,
    status: t.status,
    clauses: t.clauses as unknown[],
    units: units
      .filter((u) => u.task_id === t.id)
      .map((u) => ({ role: u.role, unitId: u.unit_id, unitName: u.name, collective: u.collective })),
    deadlines: deadlines.filter((d) => d.task_id === t.id).map((d) => ({ id: d.id, dueOn: d.due_on, text: d.text })),
  }));
}
