/**
 * @module Records lateness for rounds past their due date (domain/supervision/lateness.ts): a "missing" record for
 * each unit that has not answered, "late" with the days once it has. Idempotent: records are keyed by requirement,
 * and a run that changes nothing writes nothing — not even an audit entry. The periodic run passes over closed
 * rounds: their records stay as written when the office closed them (roundCloser), so a missing answer's days
 * stop counting at the close.
 */
import { audit, type CommandContext } from "../context";
import { roundLateness } from "../../domain/supervision/lateness";
import { toIsoDate } from "../../domain/supervision/days";
import { listRequirements } from "../repositories/round.repository";
import { latenessOf, upsertLateness, type LatenessInput } from "../repositories/submission.repository";

/** What to record. */
export interface LatenessRecorderProps {
  /** As of when (its Shanghai date counts). */
  now: Date;
  /** Only these rounds; all past due when absent. */
  roundIds?: string[];
}

/** Records lateness; returns how many records were created and changed. */
export async function latenessRecorder(ctx: CommandContext, p: LatenessRecorderProps) {
  const today = toIsoDate(p.now.getTime());
  const requirements = await listRequirements(ctx.trx, { dueBefore: today, roundIds: p.roundIds, openRounds: !p.roundIds });
  const wanted: LatenessInput[] = [];
  for (const q of requirements) {
    const [rec] = roundLateness(
      {
        id: q.id, taskId: q.taskId ?? "", dueDate: q.dueOn, required: [q.unitId],
        submissions: q.firstSubmittedAt ? [{ unitId: q.unitId, at: q.firstSubmittedAt.getTime() }] : [],
      },
      today,
    );
    if (rec) wanted.push({
      requirementId: q.id, roundId: q.roundId, taskId: q.taskId, unitId: q.unitId, dueOn: q.dueOn, kind: rec.kind, days: rec.daysLate,
      submittedOn: rec.submittedOn ?? null,
    });
  }
  const stored = new Map((await latenessOf(ctx.trx, wanted.map((w) => w.requirementId))).map((r) => [r.requirement_id, r]));
  const created = wanted.filter((w) => !stored.has(w.requirementId));
  const changed = wanted.filter((w) => {
    const s = stored.get(w.requirementId);
    return s && (s.kind !== w.kind || s.days !== w.days || (s.submitted_on ?? null) !== w.submittedOn);
  });
  if (created.length + changed.length === 0) return { today, created: 0, changed: 0 };
  await upsertLateness(ctx.trx, [...created, ...changed], p.now);
  await audit(ctx, {
    action: "lateness.record",
    entityType: "lateness",
    data: {
      today,
      created: created.map((c) => ({ roundId: c.roundId, taskId: c.taskId, unitId: c.unitId, kind: c.kind, days: c.days })),
      // Growing days of records still missing are counted, not listed: they change every day.
      changed: changed.filter((c) => stored.get(c.requirementId)!.kind !== c.kind).map((c) => ({ roundId: c.roundId, unitId: c.unitId, kind: c.kind, days: c.days })),
      refreshed: changed.filter((c) => stored.get(c.requirementId)!.kind === c.kind).length,
    },
  });
  return { today, created: created.length, changed: changed.length };
}
