/**
 * @module Writes to an open incident's log — a response step done (by its number in the plan) or a note — and closes
 * an incident with a summary. Closed incidents take no more entries (409). Audited.
 */
import type { IncidentRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { Conflict, Forbidden, NotFound, ValidationError } from "../errors";
import { closeIncident, findPlan, insertIncidentLog, lockIncident } from "../repositories/emergency.repository";

/** One entry. */
export interface IncidentLoggerProps {
  incidentId: string;
  kind: "step" | "note";
  text: string;
  /** With "step": the step's index in the plan. */
  stepIndex?: number;
}

async function openIncident(ctx: CommandContext, id: string): Promise<IncidentRow> {
  if (!ctx.actor?.id) throw Forbidden("须由具名用户记录");
  const incident = await lockIncident(ctx.trx, id);
  if (!incident) throw NotFound("应急事件不存在");
  if (incident.status !== "open") throw Conflict("该应急事件已结束");
  return incident;
}

/** Appends an entry; returns the incident. */
export async function incidentLogger(ctx: CommandContext, p: IncidentLoggerProps): Promise<IncidentRow> {
  const incident = await openIncident(ctx, p.incidentId);
  let text = p.text;
  if (p.kind === "step") {
    const plan = await findPlan(ctx.trx, incident.river_id);
    const step = (plan?.steps as { title: string }[] | undefined)?.[p.stepIndex ?? -1];
    if (!step) throw ValidationError([{ path: "stepIndex", message: "预案中没有这一步" }]);
    text = `第 ${(p.stepIndex ?? 0) + 1} 步“${step.title}”：${p.text}`;
  }
  await insertIncidentLog(ctx.trx, { incidentId: incident.id, actorId: ctx.actor!.id, kind: p.kind, text, data: p.kind === "step" ? { stepIndex: p.stepIndex } : {} });
  await audit(ctx, { action: `incident.${p.kind}`, entityType: "incident", entityId: incident.id, data: { text } });
  return incident;
}

/** Closes an incident with a summary; returns it. */
export async function incidentCloser(ctx: CommandContext, p: { incidentId: string; summary: string }): Promise<IncidentRow> {
  const incident = await openIncident(ctx, p.incidentId);
  const closed = await closeIncident(ctx.trx, incident.id, { by: ctx.actor!.id!, summary: p.summary });
  await insertIncidentLog(ctx.trx, { incidentId: incident.id, actorId: ctx.actor!.id, kind: "closed", text: `应急状态解除：${p.summary}` });
  await audit(ctx, { action: "incident.close", entityType: "incident", entityId: incident.id, data: { summary: p.summary } });
  return closed;
}
