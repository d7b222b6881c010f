/**
 * @module All SQL of rounds (调度) and the submissions they require, plus the reads that feed the pure supervision
 * rules (domain/supervision): requirements with their first answer, and task deadlines per responsible unit.
 */
import type { Kysely } from "kysely";
import type { DB, RoundKind, TaskRole } from "../db/schema";
import "../db/tables/supervision";

/** Task roles whose units must answer a round: 牵头, 按职责分工负责, 负责, 负责落实 (参与 units do not report). */
export const REPORTING_ROLES: readonly TaskRole[] = ["lead", "co_lead", "responsible", "implementer"];

/** A requirement with its round, task, unit and answers so far. */
export interface RequirementView {
  id: string;
  roundId: string;
  roundKind: RoundKind;
  roundTitle: string;
  dueOn: string;
  planId: string;
  taskId: string | null;
  taskNumber: string | null;
  taskTitle: string | null;
  unitId: string;
  unitName: string;
  roles: string[];
  /** Earliest answer, null while unanswered. */
  firstSubmittedAt: Date | null;
  submissions: number;
}

/** Inserts a round. */
export async function insertRound(
  db: Kysely<DB>, v: { planId: string; kind: RoundKind; title: string; dueOn: string; openedBy: string | null; openedAt?: Date; issuedOn?: string | null },
) {
  return db
    .insertInto("rounds")
    .values({
      plan_id: v.planId, kind: v.kind, title: v.title, due_on: v.dueOn, opened_by: v.openedBy, issued_on: v.issuedOn ?? null,
      ...(v.openedAt ? { opened_at: v.openedAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts the requirements of a round. */
export async function insertRequirements(db: Kysely<DB>, roundId: string, rows: { taskId: string | null; unitId: string; roles: string[] }[]) {
  if (rows.length === 0) return;
  await db
    .insertInto("round_requirements")
    .values(rows.map((r) => ({ round_id: roundId, task_id: r.taskId, unit_id: r.unitId, roles: r.roles })))
    .execute();
}

/** The named units of a plan's open tasks in a reporting role (collectives such as 各办事处 have no unit to ask). */
export async function reportingUnits(db: Kysely<DB>, planId: string, taskIds?: string[]) {
  let q = db
    .selectFrom("task_units")
    .innerJoin("tasks", "tasks.id", "task_units.task_id")
    .select(["task_units.task_id", "task_units.unit_id", "task_units.role"])
    .where("tasks.plan_id", "=", planId)
    .where("tasks.status", "=", "open")
    .where("task_units.unit_id", "is not", null)
    .where("task_units.role", "in", [...REPORTING_ROLES]);
  if (taskIds) q = q.where("tasks.id", "in", taskIds.length ? taskIds : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.orderBy("tasks.sort").execute();
  return rows.map((r) => ({ taskId: r.task_id, unitId: r.unit_id!, role: r.role }));
}

/** One round. */
export async function findRound(db: Kysely<DB>, id: string) {
  return db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Closes an open round; undefined when it was not open (closed already, or gone). */
export async function closeRound(db: Kysely<DB>, id: string) {
  return db.updateTable("rounds").set({ status: "closed" }).where("id", "=", id).where("status", "=", "open").returningAll().executeTakeFirst();
}

/** Rounds, newest first. */
export async function listRounds(db: Kysely<DB>, f: { planId?: string } = {}) {
  let q = db.selectFrom("rounds").selectAll();
  if (f.planId) q = q.where("plan_id", "=", f.planId);
  return q.orderBy("opened_at", "desc").orderBy("id").execute();
}

/** Requirements with their first answer; filtered by rounds, units, due date or plan. */
export async function listRequirements(
  db: Kysely<DB>,
  f: { roundIds?: string[]; unitIds?: string[]; dueBefore?: string; dueFrom?: string; planId?: string; kind?: RoundKind; requirementId?: string; openRounds?: boolean } = {},
): Promise<RequirementView[]> {
  let q = db
    .selectFrom("round_requirements as q")
    .innerJoin("rounds as r", "r.id", "q.round_id")
    .innerJoin("units as u", "u.id", "q.unit_id")
    .leftJoin("tasks as t", "t.id", "q.task_id")
    .select([
      "q.id", "q.round_id", "q.task_id", "q.unit_id", "q.roles", "r.kind", "r.title as round_title", "r.due_on", "r.plan_id",
      "t.number as task_number", "t.title as task_title", "t.sort as task_sort", "u.name as unit_name", "u.sort as unit_sort",
    ])
    .select((eb) => [
      eb.selectFrom("submissions as s").whereRef("s.requirement_id", "=", "q.id").select((e) => e.fn.min("s.submitted_at").as("m")).as("first_submitted_at"),
      eb.selectFrom("submissions as s").whereRef("s.requirement_id", "=", "q.id").select((e) => e.fn.countAll<number>().as("n")).as("submissions"),
    ]);
  if (f.roundIds) q = q.where("q.round_id", "in", f.roundIds.length ? f.roundIds : [NONE]);
  if (f.unitIds) q = q.where("q.unit_id", "in", f.unitIds.length ? f.unitIds : [NONE]);
  if (f.dueBefore) q = q.where("r.due_on", "<", f.dueBefore);
  if (f.dueFrom) q = q.where("r.due_on", ">=", f.dueFrom);
  if (f.planId) q = q.where("r.plan_id", "=", f.planId);
  if (f.kind) q = q.where("r.kind", "=", f.kind);
  if (f.requirementId) q = q.where("q.id", "=", f.requirementId);
  if (f.openRounds) q = q.where("r.status", "=", "open");
  const rows = await q.orderBy("r.due_on").orderBy("t.sort").orderBy("u.sort").orderBy("u.name").execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    roundKind: r.kind,
    roundTitle: r.round_title,
    dueOn: r.due_on,
    planId: r.plan_id,
    taskId: r.task_id,
    taskNumber: r.task_number,
    taskTitle: r.task_title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roles: r.roles,
    firstSubmittedAt: r.first_submitted_at ? new Date(r.first_submitted_at as unknown as string) : null,
    submissions: Number(r.submissions ?? 0),
  }));
}

/** The requirement of (round, task, unit); task null for annual-plan rounds. */
export async function findRequirement(db: Kysely<DB>, roundId: string, taskId: string | null, unitId: string) {
  let q = db.selectFrom("round_requirements").selectAll().where("round_id", "=", roundId).where("unit_id", "=", unitId);
  q = taskId === null ? q.where("task_id", "is", null) : q.where("task_id", "=", taskId);
  return q.executeTakeFirst();
}

/** A deadline of an open task for one of its reporting units, with the day the unit reported it met (if it did). */
export interface UnitDeadline {
  deadlineId: string;
  taskId: string;
  unitId: string;
  dueOn: string;
  text: string;
  /** From the unit's milestone report in force; null while open. */
  completedOn: string | null;
}

/** Deadlines of open tasks, one per (deadline, reporting unit); optionally for one plan. */
export async function unitDeadlines(db: Kysely<DB>, f: { planId?: string } = {}): Promise<UnitDeadline[]> {
  let q = db
    .selectFrom("task_deadlines as d")
    .innerJoin("tasks as t", "t.id", "d.task_id")
    .innerJoin("task_units as tu", "tu.task_id", "t.id")
    .leftJoin("milestone_reports as mr", (j) =>
      j.onRef("mr.deadline_id", "=", "d.id").onRef("mr.unit_id", "=", "tu.unit_id").on("mr.revoked_at", "is", null))
    .select(["d.id", "d.task_id", "tu.unit_id", "d.due_on", "d.text", "mr.completed_on"])
    .where("t.status", "=", "open")
    .where("tu.unit_id", "is not", null)
    .where("tu.role", "in", [...REPORTING_ROLES]);
  if (f.planId) q = q.where("t.plan_id", "=", f.planId);
  const rows = await q.distinct().orderBy("d.due_on").execute();
  return rows.map((r) => ({ deadlineId: r.id, taskId: r.task_id, unitId: r.unit_id!, dueOn: r.due_on, text: r.text, completedOn: r.completed_on ?? null }));
}

/** Titles of tasks and names of units by id, for documents and listings. */
export async function namesOf(db: Kysely<DB>, ids: { taskIds: string[]; unitIds: string[] }) {
  const [tasks, units] = await Promise.all([
    ids.taskIds.length
      ? db.selectFrom("tasks").select(["id", "number", "title", "plan_id"]).where("id", "in", ids.taskIds).execute()
      : Promise.resolve([]),
    ids.unitIds.length ? db.selectFrom("units").select(["id", "name"]).where("id", "in", ids.unitIds).execute() : Promise.resolve([]),
  ]);
  return { tasks: new Map(tasks.map((t) => [t.id, t])), units: new Map(units.map((u) => [u.id, u.name])) };
}

const NONE = "00000000-0000-0000-0000-000000000000";
