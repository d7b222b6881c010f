/**
 * @module Saves a river's emergency plan: title, contacts after the river chiefs, response steps, the direction of the
 * stored course, a note. The river must exist. Audited with the plan before and after.
 */
import type { EmergencyPlanRow, PlanContact, PlanStep } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { NotFound } from "../errors";
import { findPlan, findRiver, upsertPlan } from "../repositories/emergency.repository";

/** The plan to save. */
export interface EmergencyPlanSaverProps {
  riverId: string;
  title: string;
  contacts: PlanContact[];
  steps: PlanStep[];
  courseReversed: boolean;
  note: string | null;
}

/** Saves; returns the plan. */
export async function emergencyPlanSaver(ctx: CommandContext, p: EmergencyPlanSaverProps): Promise<EmergencyPlanRow> {
  const river = await findRiver(ctx.trx, p.riverId);
  if (!river) throw NotFound("河湖不存在");
  const before = await findPlan(ctx.trx, p.riverId);
  const plan = await upsertPlan(ctx.trx, { ...p, userId: ctx.actor?.id ?? null });
  await audit(ctx, {
    action: before ? "emergency_plan.update" : "emergency_plan.create", entityType: "emergency_plan", entityId: plan.id, unitId: river.unit_id ?? null,
    data: { riverId: river.id, river: river.name, title: p.title, contacts: p.contacts, steps: p.steps, courseReversed: p.courseReversed, ...(before ? { before: { title: before.title, contacts: before.contacts, steps: before.steps } } : {}) },
  });
  return plan;
}
