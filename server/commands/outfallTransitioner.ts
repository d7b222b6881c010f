/**
 * @module Moves an outfall along 查 → 测 → 溯 → 治 → 销号 (domain/registries/outfallLifecycle.ts): each step forward
 * only when what it needs is recorded (a sampling record to start tracing; a complete trace, the 责任主体 and a plan
 * of a kind with measures to start remediation; every measure done and evidence to request closure); entering 整治
 * fixes the way of 整治 from the plan; the office's approval closes it (销号), its rejection sends it back to 整治
 * with the reason. The caller has checked who may perform the step.
 */
import type { Kysely } from "kysely";
import type { CommandContext } from "../context";
import type { DB } from "../db/schema";
import { Conflict, ValidationError } from "../errors";
import { OUTFALL_LIFECYCLE, stageProblems, type OutfallAction } from "../../domain/registries/outfallLifecycle";
import { transitionOf } from "../../domain/registries/lifecycle";
import { checkTrace } from "../../domain/registries/traceGraph";
import type { OutfallRow } from "../db/tables/registries";
import { findPlan, listTests, listTraceNodes, updateOutfall } from "../repositories/outfall.repository";
import { countAttachments } from "../repositories/registryAttachment.repository";
import { registryTransitioner } from "./registryTransitioner";

/** What has been recorded for an outfall (the conditions' input). */
export async function outfallFacts(db: Kysely<DB>, o: OutfallRow) {
  const [tests, nodes, plan, files] = await Promise.all([listTests(db, o.id), listTraceNodes(db, o.id), findPlan(db, o.id), countAttachments(db, "outfall", o.id)]);
  return {
    tests: tests.length,
    traceComplete: checkTrace(nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, downstreamId: n.downstream_id }))).complete,
    responsibleParty: o.responsible_party,
    plan: plan ? { kind: plan.remediation_kind, measures: plan.measures.map((m) => ({ doneOn: m.done_on })) } : null,
    evidence: files.evidence,
  };
}

/** What to do. */
export interface OutfallTransitionProps {
  outfall: OutfallRow;
  action: OutfallAction;
  note: string | null;
  today: string;
}

/** Takes the step; returns the outfall as it now is. */
export async function outfallTransitioner(ctx: CommandContext, p: OutfallTransitionProps): Promise<OutfallRow> {
  const o = p.outfall;
  const step = transitionOf(OUTFALL_LIFECYCLE, o.stage, p.action);
  if (!step) throw Conflict(`当前阶段“${OUTFALL_LIFECYCLE.labels[o.stage].zh}”不能办理该操作`);
  const facts = await outfallFacts(ctx.trx, o);
  const problems = stageProblems(p.action, facts);
  if (problems.length) throw ValidationError(problems.map((message) => ({ path: "action", message })), problems.join("；"));
  if (p.action === "rejectClosure" && !p.note?.trim()) throw ValidationError([{ path: "note", message: "请说明退回原因" }], "请说明退回原因");
  const row = await updateOutfall(ctx.trx, o.id, {
    stage: step.to,
    stage_since: p.today,
    ...(p.action === "startRemediation" ? { remediation_kind: facts.plan?.kind ?? null } : {}),
    ...(p.action === "approveClosure" ? { closed_on: p.today } : {}),
  });
  await registryTransitioner(ctx, {
    registry: "outfall", recordId: o.id, action: p.action, from: o.stage, to: step.to, note: p.note, unitId: o.unit_id,
    data: p.action === "startRemediation" ? { remediationKind: row.remediation_kind } : undefined,
  });
  return row;
}
