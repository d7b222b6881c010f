/**
 * @module Moves a 清四乱 problem along 发现一处、清理一处、销号一处 (domain/registries/fourChaos.ts): the unit starts and
 * submits the rectification (with what was done and at least one photo after it), the river chief of the river
 * (or the office) verifies on site — or sends it back with the reason — and the office closes it (销号). The caller
 * has checked who may perform the step.
 */
import type { CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { CHAOS_LIFECYCLE, chaosProblems, type ChaosAction } from "../../domain/registries/fourChaos";
import { transitionOf } from "../../domain/registries/lifecycle";
import type { FourChaosProblemRow } from "../db/tables/registries";
import { updateProblem } from "../repositories/fourChaos.repository";
import { countAttachments } from "../repositories/registryAttachment.repository";
import { registryTransitioner } from "./registryTransitioner";

/** What to do. */
export interface ChaosTransitionProps {
  problem: FourChaosProblemRow;
  action: ChaosAction;
  note: string | null;
  /** 整改情况 (submitRectification). */
  rectification: string | null;
  today: string;
}

/** Takes the step; returns the problem as it now is. */
export async function fourChaosTransitioner(ctx: CommandContext, p: ChaosTransitionProps): Promise<FourChaosProblemRow> {
  const o = p.problem;
  const step = transitionOf(CHAOS_LIFECYCLE, o.status, p.action);
  if (!step) throw Conflict(`当前状态“${CHAOS_LIFECYCLE.labels[o.status].zh}”不能办理该操作`);
  const rectification = p.action === "submitRectification" ? (p.rectification?.trim() || o.rectification) : o.rectification;
  const photos = (await countAttachments(ctx.trx, "four_chaos_problem", o.id)).rectification;
  const problems = chaosProblems(p.action, { rectification, rectificationPhotos: photos, note: p.note });
  if (problems.length) throw ValidationError(problems.map((message) => ({ path: p.action === "rejectVerification" ? "note" : "action", message })), problems.join("；"));
  const row = await updateProblem(ctx.trx, o.id, {
    status: step.to,
    status_since: p.today,
    ...(p.action === "submitRectification" ? { rectification, rectified_on: p.today } : {}),
    ...(p.action === "verify" ? { verified_on: p.today, verified_by: ctx.actor?.id ?? null } : {}),
    ...(p.action === "close" ? { closed_on: p.today } : {}),
  });
  await registryTransitioner(ctx, {
    registry: "four_chaos_problem", recordId: o.id, action: p.action, from: o.status, to: step.to, note: p.note, unitId: o.unit_id,
    data: p.action === "submitRectification" ? { rectification } : undefined,
  });
  return row;
}
