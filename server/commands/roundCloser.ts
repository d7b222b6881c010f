/**
 * @module The office closes a round (调度): nothing more may be submitted to it (submissions are refused with
 * `round.closed`). If the round is past due, the lateness of every unit that has not answered is recorded as of the
 * close, in the same transaction, and stays so — the periodic lateness run passes over closed rounds.
 */
import { audit, type CommandContext } from "../context";
import { NotFound, RoundClosed } from "../errors";
import { closeRound, findRound, listRequirements } from "../repositories/round.repository";
import { latenessRecorder } from "./latenessRecorder";

/** What to close. */
export interface RoundCloserProps {
  roundId: string;
  /** Why the office closes it now, if it says (kept in the audit entry). */
  note?: string;
  at: Date;
}

/** Closes the round; returns it with the answered/unanswered counts at the close. */
export async function roundCloser(ctx: CommandContext, p: RoundCloserProps) {
  const before = await findRound(ctx.trx, p.roundId);
  if (!before) throw NotFound("调度不存在");
  if (before.status !== "open") throw RoundClosed(before.title);
  const lateness = await latenessRecorder(ctx, { now: p.at, roundIds: [p.roundId] });
  const round = await closeRound(ctx.trx, p.roundId);
  if (!round) throw RoundClosed(before.title); // closed by a concurrent request
  const requirements = await listRequirements(ctx.trx, { roundIds: [p.roundId] });
  const answered = requirements.filter((q) => q.firstSubmittedAt !== null).length;
  await audit(ctx, {
    action: "round.close",
    entityType: "round",
    entityId: round.id,
    data: { title: round.title, dueOn: round.due_on, required: requirements.length, answered, unanswered: requirements.length - answered, note: p.note ?? null, lateness },
  });
  return { round, answered, unanswered: requirements.length - answered };
}
