/**
 * @module All SQL of the 督办 ladder: ladders per (task, unit), their applied rungs, the rungs proposed to the
 * office, and 约谈. `ladderStateOf` turns the rows into the domain's plain LadderState.
 */
import type { Kysely } from "kysely";
import type { DB, StoredLadderStep } from "../db/schema";
import type { LadderEntry, LadderState } from "../../domain/supervision/ladder";

/** An applied rung as stored. */
export interface StepRecord {
  seq: number;
  step: StoredLadderStep;
  at: Date;
  confirmedBy: string | null;
  confirmedByName: string | null;
  documentId: string | null;
  docNumber: string | null;
  reasons: unknown[];
}

/** An interview as stored. */
export interface InterviewRecord {
  id: string;
  ladderId: string;
  scheduledFor: string;
  place: string | null;
  documentId: string | null;
  heldOn: string | null;
  minutes: string | null;
  minutesRef: string | null;
  minutesBy: string | null;
  minutesAt: Date | null;
}

/** A proposal as stored. */
export interface ProposalRecord {
  id: string;
  ladderId: string;
  step: StoredLadderStep;
  reasons: unknown[];
  proposedAt: Date;
  status: "pending" | "confirmed" | "lapsed";
}

/** A ladder with its rungs, interview and pending proposals. */
export interface LadderRecord {
  id: string;
  taskId: string;
  unitId: string;
  openedAt: Date;
  closedAt: Date | null;
  steps: StepRecord[];
  interview: InterviewRecord | null;
  proposals: ProposalRecord[];
}

/** The domain state of a stored ladder. */
export function ladderStateOf(l: LadderRecord): LadderState {
  const history: LadderEntry[] = l.steps.map((s) => {
    const e: LadderEntry = { step: s.step, at: s.at.getTime() };
    if (s.confirmedBy) e.confirmedBy = s.confirmedBy;
    if (s.docNumber) e.docNumber = s.docNumber;
    if (s.step === "interview" && l.interview) {
      e.scheduledFor = l.interview.scheduledFor;
      if (l.interview.heldOn)
        e.minutes = { heldOn: l.interview.heldOn, ref: l.interview.minutesRef ?? "", recordedBy: l.interview.minutesBy ?? "system" };
    }
    return e;
  });
  const state: LadderState = { taskId: l.taskId, unitId: l.unitId, history };
  if (l.closedAt) state.closedAt = l.closedAt.getTime();
  return state;
}

/** Ladders with rungs, interview and pending proposals; filtered by id, units, task or openness. */
export async function listLadders(
  db: Kysely<DB>, f: { ids?: string[]; unitIds?: string[]; taskIds?: string[]; open?: boolean; withStep?: StoredLadderStep } = {},
): Promise<LadderRecord[]> {
  let q = db.selectFrom("ladders").selectAll();
  const withStep = f.withStep;
  if (withStep)
    q = q.where((eb) => eb.exists(eb.selectFrom("ladder_steps as s").select("s.seq").whereRef("s.ladder_id", "=", "ladders.id").where("s.step", "=", withStep)));
  if (f.ids) q = q.where("id", "in", f.ids.length ? f.ids : [NONE]);
  if (f.unitIds) q = q.where("unit_id", "in", f.unitIds.length ? f.unitIds : [NONE]);
  if (f.taskIds) q = q.where("task_id", "in", f.taskIds.length ? f.taskIds : [NONE]);
  if (f.open) q = q.where("closed_at", "is", null);
  const ladders = await q.orderBy("opened_at").orderBy("id").execute();
  if (ladders.length === 0) return [];
  const ids = ladders.map((l) => l.id);
  const [steps, interviews, proposals] = await Promise.all([
    db
      .selectFrom("ladder_steps as s")
      .leftJoin("issued_documents as d", "d.id", "s.document_id")
      .leftJoin("users as u", "u.id", "s.confirmed_by")
      .select(["s.ladder_id", "s.seq", "s.step", "s.at", "s.confirmed_by", "u.display_name", "s.document_id", "d.doc_number", "s.reasons"])
      .where("s.ladder_id", "in", ids)
      .orderBy("s.seq")
      .execute(),
    db.selectFrom("interviews").selectAll().where("ladder_id", "in", ids).execute(),
    db.selectFrom("ladder_proposals").selectAll().where("ladder_id", "in", ids).where("status", "=", "pending").orderBy("proposed_at").execute(),
  ]);
  return ladders.map((l) => {
    const iv = interviews.find((i) => i.ladder_id === l.id);
    return {
      id: l.id,
      taskId: l.task_id,
      unitId: l.unit_id,
      openedAt: new Date(l.opened_at),
      closedAt: l.closed_at ? new Date(l.closed_at) : null,
      steps: steps
        .filter((s) => s.ladder_id === l.id)
        .map((s) => ({
          seq: s.seq, step: s.step, at: new Date(s.at), confirmedBy: s.confirmed_by, confirmedByName: s.display_name,
          documentId: s.document_id, docNumber: s.doc_number, reasons: s.reasons as unknown[],
        })),
      interview: iv ? interviewOf(iv) : null,
      proposals: proposals.filter((p) => p.ladder_id === l.id).map(proposalOf),
    };
  });
}

/** The open ladder of (task, unit), if any. */
export async function findOpenLadder(db: Kysely<DB>, taskId: string, unitId: string) {
  const row = await db.selectFrom("ladders").select("id").where("task_id", "=", taskId).where("unit_id", "=", unitId).where("closed_at", "is", null).executeTakeFirst();
  return row ? (await listLadders(db, { ids: [row.id] }))[0] : undefined;
}

/**
 * Locks a ladder row until the transaction ends: the job and an office user confirming a rung must not both append
 * the next rung (they would take the same seq).
 */
export async function lockLadder(db: Kysely<DB>, id: string) {
  return db.selectFrom("ladders").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Opens a ladder. */
export async function insertLadder(db: Kysely<DB>, v: { taskId: string; unitId: string; openedAt: Date }) {
  return db.insertInto("ladders").values({ task_id: v.taskId, unit_id: v.unitId, opened_at: v.openedAt }).returning("id").executeTakeFirstOrThrow();
}

/** Closes a ladder and lets its pending proposals lapse. */
export async function closeLadder(db: Kysely<DB>, id: string, at: Date) {
  await db.updateTable("ladders").set({ closed_at: at }).where("id", "=", id).execute();
  await db.updateTable("ladder_proposals").set({ status: "lapsed", decided_at: at }).where("ladder_id", "=", id).where("status", "=", "pending").execute();
}

/** Appends a rung. */
export async function insertStep(
  db: Kysely<DB>,
  v: { ladderId: string; seq: number; step: StoredLadderStep; at: Date; confirmedBy: string | null; documentId: string | null; reasons: unknown[] },
) {
  await db
    .insertInto("ladder_steps")
    .values({
      ladder_id: v.ladderId, seq: v.seq, step: v.step, at: v.at, confirmed_by: v.confirmedBy, document_id: v.documentId,
      reasons: JSON.stringify(v.reasons),
    })
    .execute();
}

/** Records a proposal unless the same rung is already pending; returns the new one or null. */
export async function insertProposal(db: Kysely<DB>, v: { ladderId: string; step: StoredLadderStep; reasons: unknown[]; at: Date }) {
  const row = await db
    .insertInto("ladder_proposals")
    .values({ ladder_id: v.ladderId, step: v.step, reasons: JSON.stringify(v.reasons), proposed_at: v.at })
    .onConflict((oc) => oc.columns(["ladder_id", "step"]).where("status", "=", "pending").doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? proposalOf(row) : null;
}

/** One proposal. */
export async function findProposal(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("ladder_proposals").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? proposalOf(row) : undefined;
}

/** Marks a proposal confirmed. */
export async function confirmProposal(db: Kysely<DB>, id: string, v: { at: Date; by: string | null }) {
  await db.updateTable("ladder_proposals").set({ status: "confirmed", decided_at: v.at, decided_by: v.by }).where("id", "=", id).execute();
}

/** Schedules an interview. */
export async function insertInterview(db: Kysely<DB>, v: { ladderId: string; scheduledFor: string; place: string | null; documentId: string | null }) {
  const row = await db
    .insertInto("interviews")
    .values({ ladder_id: v.ladderId, scheduled_for: v.scheduledFor, place: v.place, document_id: v.documentId })
    .returningAll()
    .executeTakeFirstOrThrow();
  return interviewOf(row);
}

/** One interview. */
export async function findInterview(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("interviews").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? interviewOf(row) : undefined;
}

/** Records the minutes of a held interview. */
export async function recordMinutes(db: Kysely<DB>, id: string, v: { heldOn: string; minutes: string; ref: string; by: string | null; at: Date }) {
  await db
    .updateTable("interviews")
    .set({ held_on: v.heldOn, minutes: v.minutes, minutes_ref: v.ref, minutes_by: v.by, minutes_at: v.at })
    .where("id", "=", id)
    .execute();
}

/** Interviews with their task and unit, soonest first; optionally for some units. */
export async function listInterviews(db: Kysely<DB>, f: { unitIds?: string[] } = {}) {
  let q = db
    .selectFrom("interviews as i")
    .innerJoin("ladders as l", "l.id", "i.ladder_id")
    .innerJoin("units as u", "u.id", "l.unit_id")
    .innerJoin("tasks as t", "t.id", "l.task_id")
    .selectAll("i")
    .select(["l.task_id", "l.unit_id", "u.name as unit_name", "t.number as task_number", "t.title as task_title"]);
  if (f.unitIds) q = q.where("l.unit_id", "in", f.unitIds.length ? f.unitIds : [NONE]);
  const rows = await q.orderBy("i.scheduled_for").execute();
  return rows.map((r) => ({ ...interviewOf(r), taskId: r.task_id, unitId: r.unit_id, unitName: r.unit_name, taskNumber: r.task_number, taskTitle: r.task_title }));
}

type InterviewRow = { id: string; ladder_id: string; scheduled_for: string; place: string | null; document_id: string | null; held_on: string | null; minutes: string | null; minutes_ref: string | null; minutes_by: string | null; minutes_at: Date | string | null };
const interviewOf = (r: InterviewRow): InterviewRecord => ({
  id: r.id, ladderId: r.ladder_id, scheduledFor: r.scheduled_for, place: r.place, documentId: r.document_id, heldOn: r.held_on,
  minutes: r.minutes, minutesRef: r.minutes_ref, minutesBy: r.minutes_by, minutesAt: r.minutes_at ? new Date(r.minutes_at) : null,
});

type ProposalRow = { id: string; ladder_id: string; step: StoredLadderStep; reasons: unknown; proposed_at: Date | string; status: "pending" | "confirmed" | "lapsed" };
const proposalOf = (r: ProposalRow): ProposalRecord => ({
  id: r.id, ladderId: r.ladder_id, step: r.step, reasons: r.reasons as unknown[], proposedAt: new Date(r.proposed_at), status: r.status,
});

const NONE = "00000000-0000-0000-0000-000000000000";

/** The roles a unit holds in a task (empty when it has none, or the task does not exist or is not open). */
export async function taskUnitRoles(db: Kysely<DB>, taskId: string, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("task_units")
    .innerJoin("tasks", "tasks.id", "task_units.task_id")
    .select("task_units.role")
    .where("task_units.task_id", "=", taskId)
    .where("task_units.unit_id", "=", unitId)
    .where("tasks.status", "=", "open")
    .execute();
  return rows.map((r) => r.role);
}

/** Lets a ladder's pending proposals of these rungs lapse (a rung applied otherwise made them moot). */
export async function lapseProposals(db: Kysely<DB>, ladderId: string, steps: StoredLadderStep[], at: Date) {
  if (!steps.length) return;
  await db.updateTable("ladder_proposals").set({ status: "lapsed", decided_at: at }).where("ladder_id", "=", ladderId).where("status", "=", "pending").where("step", "in", steps).execute();
}
