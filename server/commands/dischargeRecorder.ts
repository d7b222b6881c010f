/**
 * @module Records an outlet's evaluated days for one factor (domain/alarms/discharge.ts): stores the days, opens a
 * violation record for each exceeding day (audited as the system) and withdraws a violation when corrected or
 * rejected data no longer show it (audited too: a record that disappears must say why).
 */
import { audit, type CommandContext } from "../context";
import type { DischargeDay } from "../../domain/alarms/discharge";
import { upsertDischargeDays, upsertViolation, violationsOn, withdrawViolation } from "../repositories/violation.repository";

/** One outlet factor's days. */
export interface DischargeRecorderProps {
  pointId: string;
  unitId: string | null;
  factor: string;
  limit: { upper: number | null; lower: number | null; basis: string };
  days: DischargeDay[];
}

/** Stores the days; returns how many violations were opened and withdrawn. */
export async function dischargeRecorder(ctx: CommandContext, p: DischargeRecorderProps): Promise<{ opened: number; withdrawn: number }> {
  await upsertDischargeDays(ctx.trx, p.pointId, p.factor, p.limit, p.days);
  const existing = await violationsOn(ctx.trx, p.pointId, p.factor, p.days.map((d) => d.day));
  let opened = 0, withdrawn = 0;
  for (const d of p.days) {
    const v = existing.get(d.day);
    if (d.exceeded) {
      const same = v && v.status === "open" && Math.abs(v.mean_value - d.mean) < 1e-9;
      if (same) continue;
      const row = await upsertViolation(ctx.trx, { pointId: p.pointId, factor: p.factor, day: d.day, mean: d.mean, upper: p.limit.upper, lower: p.limit.lower, basis: p.limit.basis, exceedMultiple: d.exceedMultiple });
      if (!v || v.status !== "open") {
        opened++;
        await audit(ctx, {
          action: "violation.record", entityType: "violation", entityId: row.id, unitId: p.unitId,
          data: { pointId: p.pointId, factor: p.factor, day: d.day, mean: d.mean, limit: p.limit, exceedMultiple: d.exceedMultiple, hours: d.hours },
        });
      }
    } else if (v && v.status === "open") {
      await withdrawViolation(ctx.trx, v.id);
      withdrawn++;
      await audit(ctx, {
        action: "violation.withdraw", entityType: "violation", entityId: v.id, unitId: p.unitId,
        data: { pointId: p.pointId, factor: p.factor, day: d.day, mean: d.mean, reason: "复核后的日均值未超过许可限值" },
      });
    }
  }
  return { opened, withdrawn };
}
