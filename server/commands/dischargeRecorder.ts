/**
 * @module Records an outlet's re-evaluated days for one factor (domain/alarms/discharge.ts) — called by the
 * scheduled evaluation (jobs/dischargeTask.ts) and, inside a review's transaction, by `dischargeReviser`. It stores
 * the evaluated days, forgets the evaluation of days that no longer have enough valid hours, opens (or reopens) a
 * violation for each exceeding day, updates the figures of a standing one, and withdraws a standing violation whose
 * day no longer exceeds or is no longer evaluated. Nothing is deleted: a withdrawn violation keeps its figures and
 * says why (the decision, its reason, who, when, the day's hours and mean now). Every change is audited.
 */
import { audit, type CommandContext } from "../context";
import type { DischargeDay } from "../../domain/alarms/discharge";
import type { ViolationWithdrawalCause } from "../db/tables/quality";
import { deleteDischargeDays, upsertDischargeDays, upsertViolation, violationsOn, withdrawViolation } from "../repositories/violation.repository";

/** What made the days be re-evaluated (recorded on a withdrawal). */
export interface EvaluationCause {
  cause: ViolationWithdrawalCause;
  reason: string;
  /** The reviewer; null for the scheduled evaluation. */
  byId: string | null;
}

/** The reason the scheduled evaluation records when it withdraws (the data changed by another way). */
export const EVALUATION_CAUSE: EvaluationCause = { cause: "evaluation", reason: "重新评价后该日不再超过许可限值", byId: null };

/** One outlet factor's days. */
export interface DischargeRecorderProps {
  pointId: string;
  unitId: string | null;
  factor: string;
  limit: { upper: number | null; lower: number | null; basis: string };
  /** The evaluated days. */
  days: DischargeDay[];
  /** Days examined that have too few valid hours to be evaluated, with how many they have. */
  short?: { day: string; hours: number }[];
  cause?: EvaluationCause;
}

/** What changed. */
export interface RecordedChanges {
  opened: number;
  withdrawn: number;
  /** Standing violations whose figures changed (e.g. a value corrected upward on an exceeding day). */
  revised: number;
}

/** Stores the days; returns how many violations were opened, withdrawn and revised. */
export async function dischargeRecorder(ctx: CommandContext, p: DischargeRecorderProps): Promise<RecordedChanges> {
  const cause = p.cause ?? EVALUATION_CAUSE;
  const short = p.short ?? [];
  await upsertDischargeDays(ctx.trx, p.pointId, p.factor, p.limit, p.days);
  await deleteDischargeDays(ctx.trx, p.pointId, p.factor, short.map((d) => d.day));
  const existing = await violationsOn(ctx.trx, p.pointId, p.factor, [...p.days.map((d) => d.day), ...short.map((d) => d.day)]);
  const out: RecordedChanges = { opened: 0, withdrawn: 0, revised: 0 };
  const withdraw = async (id: string, day: string, hours: number, mean: number | null) => {
    await withdrawViolation(ctx.trx, id, { ...cause, correlationId: ctx.correlationId, hours, mean });
    out.withdrawn++;
    await audit(ctx, {
      action: "violation.withdraw", entityType: "violation", entityId: id, unitId: p.unitId,
      data: { pointId: p.pointId, factor: p.factor, day, cause: cause.cause, reason: cause.reason, hours, mean, limit: p.limit },
    });
  };
  for (const d of p.days) {
    const v = existing.get(d.day);
    if (d.exceeded) {
      const same = v && v.status === "open" && Math.abs(v.mean_value - d.mean) < 1e-9;
      if (same) continue;
      const row = await upsertViolation(ctx.trx, { pointId: p.pointId, factor: p.factor, day: d.day, mean: d.mean, upper: p.limit.upper, lower: p.limit.lower, basis: p.limit.basis, exceedMultiple: d.exceedMultiple });
      const data = { pointId: p.pointId, factor: p.factor, day: d.day, mean: d.mean, limit: p.limit, exceedMultiple: d.exceedMultiple, hours: d.hours, ...(cause.cause === "evaluation" ? {} : { cause: cause.cause, reason: cause.reason }) };
      if (v && v.status === "open") {
        out.revised++;
        await audit(ctx, { action: "violation.revise", entityType: "violation", entityId: row.id, unitId: p.unitId, data: { ...data, previousMean: v.mean_value } });
      } else {
        out.opened++;
        await audit(ctx, { action: "violation.record", entityType: "violation", entityId: row.id, unitId: p.unitId, data: { ...data, reopened: !!v } });
      }
    } else if (v && v.status === "open") {
      await withdraw(v.id, d.day, d.hours, d.mean);
    }
  }
  for (const d of short) {
    const v = existing.get(d.day);
    if (v && v.status === "open") await withdraw(v.id, d.day, d.hours, null);
  }
  return out;
}
