/**
 * @module The office escalates on its own judgement (domain/supervision/judgement.ts): `officeEscalator` proposes
 * or issues the next rung of a (task, unit) although no trigger fired — opening its ladder if none is open — with
 * a mandatory written reason that goes into the rung's reasons, its document and an explicit `ladder.escalate`
 * audit entry; `ladderResolver` lets the office close a ladder (such ladders are not closed by the periodic run),
 * again with a reason. Each runs in the caller's transaction.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, EscalationReasonRequired, NotFound, ValidationError } from "../errors";
import { judgementReason, nextStep } from "../../domain/supervision/judgement";
import { resolve } from "../../domain/supervision/ladder";
import { LADDER_STEPS, STEP_LABELS, type LadderConfig, type LadderStep } from "../../domain/supervision/ladderConfig";
import { toIsoDate } from "../../domain/supervision/days";
import { ladderConfigInForce } from "../plans/settings";
import { closeLadder, insertLadder, insertProposal, ladderStateOf, lapseProposals, listLadders, lockLadder, taskUnitRoles } from "../repositories/ladder.repository";
import type { FileStore } from "../repositories/file.repository";
import { notifyOffice } from "../notify/notifier";
import type { OutboundMessage } from "../notify/channel";
import { applyRung, ladderRefusal, supervisionFacts } from "./ladderEscalator";

/** What the office decided. */
export interface OfficeEscalatorProps {
  taskId: string;
  unitId: string;
  /** The rung; the ladder's next one when absent. It must be that next one unless skipping is allowed. */
  step?: LadderStep;
  /** Why — what the office saw (at least 10 characters). */
  reason: string;
  /** "issue": apply it now, the actor confirming; "propose": leave it for an office user to confirm. */
  mode: "issue" | "propose";
  /** 约谈 only, when issued: the day and place. */
  interview?: { scheduledFor: string; place: string | null };
  at: Date;
  files: FileStore;
  config?: LadderConfig;
}

/** Proposes or applies the rung; returns the ladder, the rung, and the document or proposal. */
export async function officeEscalator(ctx: CommandContext, p: OfficeEscalatorProps) {
  const reason = judgementReason(p.reason);
  if (!reason) throw EscalationReasonRequired();
  if (!(await taskUnitRoles(ctx.trx, p.taskId, p.unitId)).length)
    throw ValidationError([{ path: "unitId", message: "该单位不是此任务（进行中）的责任单位" }]);
  const config = p.config ?? (await ladderConfigInForce(ctx.trx));
  let [ladder] = await listLadders(ctx.trx, { open: true, taskIds: [p.taskId], unitIds: [p.unitId] });
  if (ladder) await lockLadder(ctx.trx, ladder.id);
  else {
    const row = await insertLadder(ctx.trx, { taskId: p.taskId, unitId: p.unitId, openedAt: p.at });
    await lockLadder(ctx.trx, row.id);
    await audit(ctx, { action: "ladder.open", entityType: "ladder", entityId: row.id, unitId: p.unitId, data: { taskId: p.taskId, judgement: reason.zh } });
    [ladder] = await listLadders(ctx.trx, { ids: [row.id] });
  }
  const state = ladderStateOf(ladder);
  const step = p.step ?? nextStep(state);
  if (!step) throw Conflict("该督办已到最后一级（提请问责）");
  let messages: OutboundMessage[] = [];
  let documentId: string | null = null;
  let proposalId: string | null = null;
  if (p.mode === "propose") {
    // An automatic rung (提醒) needs nobody's confirmation: there is nothing to propose.
    if (config.steps[step].automatic) throw ValidationError([{ path: "mode", message: `“${STEP_LABELS[step].zh}”无需确认，请直接发出` }]);
    const row = await insertProposal(ctx.trx, { ladderId: ladder.id, step, reasons: [reason], at: p.at });
    if (!row) throw Conflict(`已有待确认的“${STEP_LABELS[step].zh}”建议`);
    proposalId = row.id;
    messages = await notifyOffice(ctx.trx, {
      kind: "ladder.proposal",
      title: `建议${STEP_LABELS[step].zh}`,
      body: `建议对单位采取“${STEP_LABELS[step].zh}”：${reason.zh}。请确认。`,
      data: { proposalId: row.id, ladderId: ladder.id, taskId: ladder.taskId, unitId: ladder.unitId, step, url: "/supervision/ladder" },
      dedupeKey: `proposal:${row.id}`,
    });
  } else {
    if (step === "interview" && !p.interview) throw ValidationError([{ path: "scheduledFor", message: "请指定约谈日期" }]);
    const facts = (await supervisionFacts(ctx.trx, toIsoDate(p.at.getTime()), ladder)).get(`${ladder.taskId}|${ladder.unitId}`);
    const applied = await applyRung(ctx, ladder, state, step, [reason], facts, { at: p.at, files: p.files, config, interview: p.interview });
    messages = applied.messages;
    documentId = applied.document?.id ?? null;
    // A pending proposal of this rung or a weaker one is moot now.
    const moot = LADDER_STEPS.slice(0, LADDER_STEPS.indexOf(step) + 1).filter((s) => s !== "reminder") as Exclude<LadderStep, "reminder">[];
    await lapseProposals(ctx.trx, ladder.id, moot, p.at);
  }
  await audit(ctx, {
    action: "ladder.escalate", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId,
    data: { taskId: ladder.taskId, step, mode: p.mode, reason: p.reason.trim(), proposalId, documentId },
  });
  return { ladderId: ladder.id, step, proposalId, documentId, messages };
}

/** The office closes a ladder. */
export interface LadderResolverProps {
  ladderId: string;
  reason: string;
  at: Date;
}

/** Closes an open ladder (its pending proposals lapse), with the reason audited. */
export async function ladderResolver(ctx: CommandContext, p: LadderResolverProps) {
  if ([...p.reason.trim()].length < 2) throw ValidationError([{ path: "reason", message: "请写明结束督办的理由" }]);
  const [found] = await listLadders(ctx.trx, { ids: [p.ladderId] });
  if (!found) throw NotFound("督办不存在");
  await lockLadder(ctx.trx, found.id);
  const [ladder] = await listLadders(ctx.trx, { ids: [p.ladderId] });
  const r = resolve(ladderStateOf(ladder), p.at.getTime());
  if (!r.ok) throw ladderRefusal(r.error);
  await closeLadder(ctx.trx, ladder.id, p.at);
  await audit(ctx, {
    action: "ladder.close", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId,
    data: { taskId: ladder.taskId, steps: ladder.steps.length, byOffice: true, reason: p.reason.trim() },
  });
  return { ladderId: ladder.id };
}
