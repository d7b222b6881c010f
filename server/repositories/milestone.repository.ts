/**
 * @module All SQL of milestone reports: a unit's report that a task deadline (milestone) was met, with evidence
 * attachments, and the office's revocation of a report.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/supervision";
import { tasksWhere, type TaskFilter } from "./plan.repository";

/** A deadline with its task (for authorization and messages). */
export async function findDeadline(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("task_deadlines as d")
    .innerJoin("tasks as t", "t.id", "d.task_id")
    .select(["d.id", "d.task_id", "d.due_on", "d.text", "t.number as task_number", "t.title as task_title", "t.status as task_status", "t.plan_id"])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** The roles a unit holds in a task. */
export async function rolesOfUnit(db: Kysely<DB>, taskId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db.selectFrom("task_units").select(["unit_id", "role"]).where("task_id", "=", taskId).where("unit_id", "in", [...unitIds]).execute();
}

/** The report in force of (deadline, unit), if any; locked so that two reports of one milestone cannot race. */
export async function currentReport(db: Kysely<DB>, deadlineId: string, unitId: string) {
  return db
    .selectFrom("milestone_reports")
    .selectAll()
    .where("deadline_id", "=", deadlineId)
    .where("unit_id", "=", unitId)
    .where("revoked_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a report with its attachments. */
export async function insertReport(
  db: Kysely<DB>,
  v: { deadlineId: string; unitId: string; completedOn: string; note: string; by: string | null; at: Date; attachments: { sha256: string; fileName: string }[] },
) {
  const row = await db
    .insertInto("milestone_reports")
    .values({ deadline_id: v.deadlineId, unit_id: v.unitId, completed_on: v.completedOn, note: v.note, reported_by: v.by, reported_at: v.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (v.attachments.length)
    await db
      .insertInto("milestone_report_attachments")
      .values(v.attachments.map((a, i) => ({ report_id: row.id, sort: i, sha256: a.sha256, file_name: a.fileName })))
      .execute();
  return row;
}

/** One report (locked). */
export async function findReportForUpdate(db: Kysely<DB>, id: string) {
  return db.selectFrom("milestone_reports").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Revokes a report. */
export async function revokeReport(db: Kysely<DB>, id: string, v: { by: string | null; at: Date; reason: string }) {
  await db.updateTable("milestone_reports").set({ revoked_at: v.at, revoked_by: v.by, revoke_reason: v.reason }).where("id", "=", id).execute();
}

/** A report as listed. */
export interface MilestoneReportView {
  id: string;
  deadlineId: string;
  taskId: string;
  unitId: string;
  unitName: string;
  completedOn: string;
  note: string;
  reportedBy: string | null;
  reportedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  attachments: { sha256: string; fileName: string; size: number; contentType: string }[];
}

/** Reports of the given tasks — ids, or a filter resolved in the same query (all of them, revoked ones too, newest first), optionally of some units only. */
export async function listReports(db: Kysely<DB>, f: { taskIds: string[] | TaskFilter; unitIds?: string[] }): Promise<MilestoneReportView[]> {
  const taskIds = f.taskIds;
  if (Array.isArray(taskIds) && taskIds.length === 0) return [];
  let q = db
    .selectFrom("milestone_reports as r")
    .innerJoin("task_deadlines as d", "d.id", "r.deadline_id")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .leftJoin("users as p", "p.id", "r.reported_by")
    .select([
      "r.id", "r.deadline_id", "d.task_id", "r.unit_id", "u.name as unit_name", "r.completed_on", "r.note", "p.display_name",
      "r.reported_at", "r.revoked_at", "r.revoke_reason",
    ])
    .where("d.task_id", "in", Array.isArray(taskIds) ? taskIds : tasksWhere(db, taskIds).select("tasks.id"));
  if (f.unitIds) q = q.where("r.unit_id", "in", f.unitIds.length ? f.unitIds : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.orderBy("r.reported_at", "desc").execute();
  const files = rows.length
    ? await db
        .selectFrom("milestone_report_attachments as a")
        .innerJoin("files as f", "f.sha256", "a.sha256")
        .select(["a.report_id", "a.sha256", "a.file_name", "f.size", "f.content_type"])
        .where("a.report_id", "in", rows.map((r) => r.id))
        .orderBy("a.sort")
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id, deadlineId: r.deadline_id, taskId: r.task_id, unitId: r.unit_id, unitName: r.unit_name, completedOn: r.completed_on, note: r.note,
    reportedBy: r.display_name, reportedAt: new Date(r.reported_at), revokedAt: r.revoked_at ? new Date(r.revoked_at) : null, revokeReason: r.revoke_reason,
    attachments: files.filter((a) => a.report_id === r.id).map((a) => ({ sha256: a.sha256, fileName: a.file_name, size: Number(a.size), contentType: a.content_type })),
  }));
}

/** One attachment of a report, with the report's unit (for authorization). */
export async function findReportAttachment(db: Kysely<DB>, reportId: string, sha256: string) {
  return db
    .selectFrom("milestone_report_attachments as a")
    .innerJoin("milestone_reports as r", "r.id", "a.report_id")
    .innerJoin("files as f", "f.sha256", "a.sha256")
    .select(["a.sha256", "a.file_name", "f.content_type", "r.unit_id"])
    .where("a.report_id", "=", reportId)
    .where("a.sha256", "=", sha256)
    .executeTakeFirst();
}
