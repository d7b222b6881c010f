/**
 * @module Re-evaluates the outlet-days whose hourly values a review decision changed (rejected, corrected, accepted
 * — or rejected by confirming a finding), inside that decision's own transaction, through `dischargeRecorder`: a
 * violation the day no longer supports (no longer exceeds, or no longer has the valid hours) is withdrawn with the
 * decision and its reason, a day that now exceeds gets its violation, and the day's evaluation (discharge_days, from
 * which the outlet's and the enterprise's noncompliance status is computed on reading) follows.
 *
 * Why here and not by marking the days for the next scheduled run: the work is small — per outlet factor touched,
 * one limit lookup, one query of the affected days' hourly values (at most 24 a day) and a few upserts, bounded by
 * the decision itself (one value, a queue page, or a finding's window) — so the reviewer sees the violation list
 * and the status change as soon as the decision is saved, the withdrawal commits or rolls back with the decision and
 * its audit entry, and days older than the scheduled run's three-day window are re-evaluated too (that run never
 * reaches them). The outlet factor's permit row is locked before its values are read (`lockPermitLimit`), as the
 * scheduled run does, so the two never record from each other's stale reads. Only hourly values count (the daily means are built from them); values of other periods and of
 * points without permit limits change nothing.
 */
import type { CommandContext } from "../context";
import type { ReadingPeriod } from "../db/schema";
import { chinaDay, dischargeDays, MIN_VALID_HOURS, shortDays } from "../../domain/alarms/discharge";
import { lockPermitLimit, outletLimit, validHourValues } from "../repositories/violation.repository";
import { dischargeRecorder, type EvaluationCause, type RecordedChanges } from "./dischargeRecorder";

const DAY = 86_400_000;

/** The values a decision changed. */
export interface RevisedValue {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: Date;
}

/** Re-evaluates the days of `values`; returns what changed in the violations. */
export async function dischargeReviser(ctx: CommandContext, values: readonly RevisedValue[], cause: EvaluationCause): Promise<RecordedChanges & { days: number }> {
  const groups = new Map<string, { pointId: string; factor: string; days: Set<string> }>();
  for (const v of values) {
    if (v.period !== "hour") continue;
    const key = `${v.pointId}\u0000${v.factor}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { pointId: v.pointId, factor: v.factor, days: new Set() }));
    g.days.add(chinaDay(v.t.getTime()));
  }
  const out = { opened: 0, withdrawn: 0, revised: 0, days: 0 };
  // A fixed order of locks: two decisions on the same outlets cannot deadlock.
  for (const [, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const o = await outletLimit(ctx.trx, g.pointId, g.factor);
    if (!o) continue;
    await lockPermitLimit(ctx.trx, g.pointId, g.factor);
    const days = [...g.days].sort();
    const from = new Date(Date.parse(`${days[0]}T00:00:00+08:00`));
    const to = new Date(Date.parse(`${days[days.length - 1]}T00:00:00+08:00`) + DAY);
    const hours = await validHourValues(ctx.trx, { pointId: g.pointId, factor: g.factor, from, to });
    const limit = { upper: o.upper_limit, lower: o.lower_limit };
    const evaluated = dischargeDays(hours, limit, MIN_VALID_HOURS).filter((d) => g.days.has(d.day));
    const short = shortDays(hours, days, MIN_VALID_HOURS);
    const r = await dischargeRecorder(ctx, { pointId: g.pointId, unitId: o.unit_id, factor: g.factor, limit: { ...limit, basis: o.basis }, days: evaluated, short, cause });
    out.opened += r.opened;
    out.withdrawn += r.withdrawn;
    out.revised += r.revised;
    out.days += days.length;
  }
  return out;
}
