/**
 * @module What the 测, 溯 and 治 steps record for an outfall, each audited under the outfall: a sampling record
 * (测: discharge sampled, or found dry), the trace graph replaced as a whole (溯: drains and pipes back to
 * enterprises and sources, checked by domain/registries/traceGraph.ts), and the one plan per outfall (一口一策:
 * the way of 整治 and its measures with units and deadlines). Nothing changes once closure is under review or done.
 */
import { randomUUID } from "node:crypto";
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { checkTrace, type TraceNodeKind } from "../../domain/registries/traceGraph";
import type { OutfallRow, RemediationKindValue } from "../db/tables/registries";
import { insertTest, replaceTrace, savePlan } from "../repositories/outfall.repository";
import { unitExists } from "../repositories/registryRefs.repository";

function open(o: OutfallRow) {
  if (o.stage === "review") throw Conflict("销号审核中，不能修改");
  if (o.stage === "closed") throw Conflict("已销号，不能修改");
}

/** A sampling record. */
export interface TestInput {
  sampledOn: string;
  flowing: boolean;
  cod: number | null;
  ammonia: number | null;
  totalPhosphorus: number | null;
  flowM3d: number | null;
  conclusion: "compliant" | "exceeds" | "dry";
  note: string | null;
}

/** Records a sampling (测). A dry outfall has no values; a flowing one needs at least one. */
export async function outfallTestRecorder(ctx: CommandContext, o: OutfallRow, t: TestInput) {
  open(o);
  const values = [t.cod, t.ammonia, t.totalPhosphorus, t.flowM3d].filter((v) => v !== null);
  if (t.conclusion === "dry" && t.flowing) throw ValidationError([{ path: "flowing", message: "结论为“无水”时应为不排水" }]);
  if (t.flowing && values.length === 0) throw ValidationError([{ path: "cod", message: "排水的排口须至少填一项监测值" }]);
  const row = await insertTest(ctx.trx, {
    outfall_id: o.id, sampled_on: t.sampledOn, flowing: t.flowing, cod: t.cod, ammonia: t.ammonia, total_phosphorus: t.totalPhosphorus,
    flow_m3d: t.flowM3d, conclusion: t.conclusion, note: t.note, recorded_by: ctx.actor?.id ?? null,
  });
  await audit(ctx, { action: "outfall.test", entityType: "outfall", entityId: o.id, unitId: o.unit_id, data: { testId: row.id, ...t } });
  return row;
}

/** A node as given: `key` names it within the request, `downstream` names another key (null: the outfall). */
export interface TraceNodeInput {
  key: string;
  kind: TraceNodeKind;
  label: string;
  downstream: string | null;
  note: string | null;
}

/** Replaces the trace graph (溯); refuses a graph with structural errors, stores one with open paths. */
export async function outfallTraceSaver(ctx: CommandContext, o: OutfallRow, nodes: TraceNodeInput[]) {
  open(o);
  const check = checkTrace(nodes.map((n) => ({ id: n.key, kind: n.kind, label: n.label, downstreamId: n.downstream })));
  if (check.errors.length) throw ValidationError(check.errors.map((e) => ({ path: `nodes.${Math.max(0, nodes.findIndex((n) => n.key === e.nodeId))}`, message: e.zh })), check.errors[0].zh);
  const ids = new Map(nodes.map((n) => [n.key, randomUUID()]));
  await replaceTrace(ctx.trx, o.id, nodes.map((n, i) => ({ id: ids.get(n.key)!, kind: n.kind, label: n.label.trim(), downstream_id: n.downstream === null ? null : ids.get(n.downstream)!, note: n.note, sort: i })));
  await audit(ctx, {
    action: "outfall.trace", entityType: "outfall", entityId: o.id, unitId: o.unit_id,
    data: { nodes: nodes.map((n) => ({ kind: n.kind, label: n.label, downstream: n.downstream === null ? null : nodes.find((x) => x.key === n.downstream)?.label ?? null })), complete: check.complete, open: check.open.map((x) => x.zh) },
  });
  return check;
}

/** One measure of the plan. */
export interface MeasureInput {
  text: string;
  unitId: string | null;
  deadline: string | null;
  doneOn: string | null;
  note: string | null;
}

/** Saves the plan (一口一策) and its measures, replacing the previous ones. */
export async function outfallPlanSaver(ctx: CommandContext, o: OutfallRow, p: { remediationKind: RemediationKindValue | null; goal: string | null; measures: MeasureInput[] }) {
  open(o);
  const issues = [];
  for (const [i, m] of p.measures.entries()) if (m.unitId && !(await unitExists(ctx.trx, m.unitId))) issues.push({ path: `measures.${i}.unitId`, message: "单位不存在" });
  if (issues.length) throw ValidationError(issues);
  await savePlan(ctx.trx, o.id, { kind: p.remediationKind, goal: p.goal, by: ctx.actor?.id ?? null },
    p.measures.map((m, i) => ({ seq: i + 1, text: m.text.trim(), unit_id: m.unitId, deadline: m.deadline, done_on: m.doneOn, note: m.note })));
  await audit(ctx, {
    action: "outfall.plan", entityType: "outfall", entityId: o.id, unitId: o.unit_id,
    data: { remediationKind: p.remediationKind, goal: p.goal, measures: p.measures.map((m) => ({ text: m.text, deadline: m.deadline, doneOn: m.doneOn })) },
  });
}
