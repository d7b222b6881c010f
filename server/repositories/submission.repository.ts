/**
 * @module All SQL of submissions (a unit's answer to a round), their attachments, and lateness records.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** One reported figure. */
export interface Figure {
  name: string;
  value: number;
  unit?: string;
}

/** Inserts a submission with its attachments; returns the row. */
export async function insertSubmission(
  db: Kysely<DB>,
  v: { requirementId: string; submittedBy: string | null; submittedAt?: Date; text: string; figures: Figure[]; attachments: { sha256: string; fileName: string }[] },
) {
  const row = await db
    .insertInto("submissions")
    .values({
      requirement_id: v.requirementId,
      submitted_by: v.submittedBy,
      ...(v.submittedAt ? { submitted_at: v.submittedAt } : {}),
      text: v.text,
      figures: JSON.stringify(v.figures),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (v.attachments.length) {
    await db
      .insertInto("submission_attachments")
      .values(v.attachments.map((a, i) => ({ submission_id: row.id, sort: i, sha256: a.sha256, file_name: a.fileName })))
      .execute();
  }
  return row;
}

/** A submission with its attachments' metadata. */
export interface SubmissionView {
  id: string;
  requirementId: string;
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: Date;
  text: string;
  figures: Figure[];
  attachments: { sha256: string; fileName: string; size: number; contentType: string }[];
}

/** Submissions of the given requirements, oldest first. */
export async function listSubmissions(db: Kysely<DB>, requirementIds: string[]): Promise<SubmissionView[]> {
  if (requirementIds.length === 0) return [];
  const rows = await db
    .selectFrom("submissions as s")
    .leftJoin("users as u", "u.id", "s.submitted_by")
    .select(["s.id", "s.requirement_id", "s.submitted_by", "u.display_name", "s.submitted_at", "s.text", "s.figures"])
    .where("s.requirement_id", "in", requirementIds)
    .orderBy("s.submitted_at")
    .execute();
  const attachments = rows.length
    ? await db
        .selectFrom("submission_attachments as a")
        .innerJoin("files as f", "f.sha256", "a.sha256")
        .select(["a.submission_id", "a.sha256", "a.file_name", "f.size", "f.content_type"])
        .where("a.submission_id", "in", rows.map((r) => r.id))
        .orderBy("a.sort")
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    requirementId: r.requirement_id,
    submittedBy: r.submitted_by,
    submittedByName: r.display_name,
    submittedAt: new Date(r.submitted_at),
    text: r.text,
    figures: r.figures as Figure[],
    attachments: attachments
      .filter((a) => a.submission_id === r.id)
      .map((a) => ({ sha256: a.sha256, fileName: a.file_name, size: Number(a.size), contentType: a.content_type })),
  }));
}

/** One attachment with the unit of the submission it belongs to (for authorization). */
export async function findAttachment(db: Kysely<DB>, submissionId: string, sha256: string) {
  return db
    .selectFrom("submission_attachments as a")
    .innerJoin("submissions as s", "s.id", "a.submission_id")
    .innerJoin("round_requirements as q", "q.id", "s.requirement_id")
    .innerJoin("files as f", "f.sha256", "a.sha256")
    .select(["a.sha256", "a.file_name", "f.content_type", "q.unit_id"])
    .where("a.submission_id", "=", submissionId)
    .where("a.sha256", "=", sha256)
    .executeTakeFirst();
}

/** A lateness record to store. */
export interface LatenessInput {
  requirementId: string;
  roundId: string;
  taskId: string | null;
  unitId: string;
  dueOn: string;
  kind: "missing" | "late";
  days: number;
  submittedOn: string | null;
}

/** Stored lateness records of the given requirements. */
export async function latenessOf(db: Kysely<DB>, requirementIds: string[]) {
  if (requirementIds.length === 0) return [];
  return db.selectFrom("lateness_records").selectAll().where("requirement_id", "in", requirementIds).execute();
}

/** Inserts or replaces lateness records (one per requirement). */
export async function upsertLateness(db: Kysely<DB>, rows: LatenessInput[], now: Date) {
  if (rows.length === 0) return;
  await db
    .insertInto("lateness_records")
    .values(rows.map((r) => ({
      requirement_id: r.requirementId, round_id: r.roundId, task_id: r.taskId, unit_id: r.unitId, due_on: r.dueOn,
      kind: r.kind, days: r.days, submitted_on: r.submittedOn, recorded_at: now, updated_at: now,
    })))
    .onConflict((oc) =>
      oc.column("requirement_id").doUpdateSet((eb) => ({
        kind: eb.ref("excluded.kind"),
        days: eb.ref("excluded.days"),
        submitted_on: eb.ref("excluded.submitted_on"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

/** Lateness records with round, task and unit names; filtered by round, unit or plan. */
export async function listLateness(db: Kysely<DB>, f: { roundId?: string; unitIds?: string[]; planId?: string } = {}) {
  let q = db
    .selectFrom("lateness_records as l")
    .innerJoin("rounds as r", "r.id", "l.round_id")
    .innerJoin("units as u", "u.id", "l.unit_id")
    .leftJoin("tasks as t", "t.id", "l.task_id")
    .select([
      "l.requirement_id", "l.round_id", "r.title as round_title", "r.kind as round_kind", "l.task_id", "t.number as task_number",
      "t.title as task_title", "l.unit_id", "u.name as unit_name", "l.due_on", "l.kind", "l.days", "l.submitted_on", "l.updated_at",
    ]);
  if (f.roundId) q = q.where("l.round_id", "=", f.roundId);
  if (f.unitIds) q = q.where("l.unit_id", "in", f.unitIds.length ? f.unitIds : ["00000000-0000-0000-0000-000000000000"]);
  if (f.planId) q = q.where("r.plan_id", "=", f.planId);
  return q.orderBy("l.due_on", "desc").orderBy("u.sort").orderBy("u.name").orderBy("t.sort").execute();
}

/** The newest answer of each unit on each task of a plan's progress rounds, with the unit's name. */
export async function latestAnswersOfPlan(db: Kysely<DB>, planId: string) {
  const rows = await db
    .selectFrom("submissions as s")
    .innerJoin("round_requirements as q", "q.id", "s.requirement_id")
    .innerJoin("rounds as r", "r.id", "q.round_id")
    .innerJoin("units as u", "u.id", "q.unit_id")
    .select(["q.task_id", "q.unit_id", "u.name as unit_name", "u.sort as unit_sort", "s.submitted_at", "s.text"])
    .where("r.plan_id", "=", planId)
    .where("q.task_id", "is not", null)
    .orderBy("s.submitted_at", "desc")
    .execute();
  const seen = new Set<string>();
  // Newest first, so the first row of each (task, unit) is its latest answer.
  return rows.filter((r) => {
    const k = `${r.task_id}|${r.unit_id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
