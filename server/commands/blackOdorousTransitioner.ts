/**
 * @module Takes one step of a black-odorous body's lifecycle (domain/blackOdorous/lifecycle.ts): 开始治理 (the
 * 主责部门), 认定消除黑臭 (the office, only on a round graded 不黑臭 sampled after treatment began), 认定长制久清
 * (the office). The caller has checked who may perform it. The status and the day it began change together with a
 * transition and an audit entry.
 */
import type { CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { BODY_LIFECYCLE, eliminationProblem, type BodyAction } from "../../domain/blackOdorous/lifecycle";
import { transitionOf } from "../../domain/registries/lifecycle";
import type { BlackOdorousBodyRow } from "../db/tables/registries";
import { updateBody } from "../repositories/blackOdorous.repository";
import { registryTransitioner } from "./registryTransitioner";

/** What to do. */
export interface BodyTransitionProps {
  body: BlackOdorousBodyRow;
  action: BodyAction;
  note: string | null;
  /** The local day of the change. */
  today: string;
}

/** Takes the step; returns the body as it now is. */
export async function blackOdorousTransitioner(ctx: CommandContext, p: BodyTransitionProps): Promise<BlackOdorousBodyRow> {
  const step = transitionOf(BODY_LIFECYCLE, p.body.status, p.action);
  if (!step || step.by === "system") throw Conflict(`当前状态“${BODY_LIFECYCLE.labels[p.body.status].zh}”不能办理该操作`);
  if (p.action === "eliminate") {
    const latest = p.body.latest_grade && p.body.latest_sampled_to ? { grade: p.body.latest_grade, sampledTo: p.body.latest_sampled_to } : null;
    const problem = eliminationProblem(latest, p.body.status_since);
    if (problem) throw ValidationError([{ path: "action", message: problem }], problem);
  }
  const row = await updateBody(ctx.trx, p.body.id, { status: step.to, status_since: p.today });
  await registryTransitioner(ctx, {
    registry: "black_odorous_body", recordId: row.id, action: p.action, from: p.body.status, to: step.to, note: p.note, unitId: row.unit_id,
  });
  return row;
}
