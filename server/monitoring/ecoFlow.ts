/**
 * @module Ecological flow (生态流量) of the flow stations (points of kind `flow_station` with `eco_flow_target`,
 * m³/s) by domain/assessment/ecoFlow.ts: the daily mean flow (HJ 212 w00000, stored in L/s) against the target,
 * complying days, guarantee rate and warning level per day, and a month-by-month view. A day's mean comes from
 * its daily value when one is stored, else from its hour, minute or real-time values.
 */
import type { Kysely } from "kysely";
import type { DB, PointRow, ReadingPeriod } from "../db/schema";
import { ecoFlowCompliance, type EcoFlowDay, type EcoFlowSettings } from "../../domain/assessment/ecoFlow";
import type { EcoFlowMonth, EcoFlowStation } from "../../domain/monitoring/views";
import { dailyMeansOf } from "../repositories/reading.repository";
import { listPoints } from "../repositories/point.repository";
import { dayStart, nextDay } from "./window";

/** Flow factor (HJ 212-2017 Table B.1 w00000, L/s). */
export const FLOW_FACTOR = "w00000";
const PREFERENCE: ReadingPeriod[] = ["day", "hour", "min", "rt"];

/** The report shapes (domain/monitoring/views.ts, read by the web as they are). */
export type { EcoFlowMonth, EcoFlowStation };

/** Groups evaluated days by month. */
export function monthsOf(days: readonly EcoFlowDay[], s: EcoFlowSettings): EcoFlowMonth[] {
  const byMonth = new Map<string, EcoFlowDay[]>();
  for (const d of days) byMonth.set(d.date.slice(0, 7), [...(byMonth.get(d.date.slice(0, 7)) ?? []), d]);
  return [...byMonth.entries()].map(([month, ds]) => {
    const complying = ds.filter((d) => d.complies).length;
    const rate = ds.length ? complying / ds.length : null;
    return {
      month, evaluatedDays: ds.length, complyingDays: complying, guaranteeRate: rate,
      meetsGuarantee: rate === null ? null : rate >= s.guaranteeTarget - 1e-9,
      yellowDays: ds.filter((d) => d.warning === "yellow").length, redDays: ds.filter((d) => d.warning === "red").length,
      meanFlow: ds.length ? ds.reduce((a, d) => a + d.mean, 0) / ds.length : null,
      minFlow: ds.length ? Math.min(...ds.map((d) => d.mean)) : null,
    };
  });
}

/**
 * The eco-flow report of every flow station (or one) for the Beijing days [from, to].
 * @example await ecoFlowReports(db, { from: "2024-01-01", to: "2024-12-31" }, settings.ecoFlow)
 */
export async function ecoFlowReports(
  db: Kysely<DB>,
  q: { from: string; to: string; pointId?: string },
  settings: EcoFlowSettings,
): Promise<EcoFlowStation[]> {
  const points = (await listPoints(db, { kind: "flow_station" })).filter((p) => !q.pointId || p.id === q.pointId);
  const rows = await dailyMeansOf(db, { pointIds: points.map((p) => p.id), factor: FLOW_FACTOR, from: dayStart(q.from), to: dayStart(nextDay(q.to)) });
  return points.map((p: PointRow) => {
    const best = new Map<string, { rank: number; mean: number }>();
    for (const r of rows) {
      if (r.point_id !== p.id) continue;
      const rank = PREFERENCE.indexOf(r.period);
      if (rank < 0) continue;
      const had = best.get(r.day);
      if (!had || rank < had.rank) best.set(r.day, { rank, mean: r.mean / 1000 }); // L/s → m³/s
    }
    const days = [...best.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, v]) => ({ date, mean: v.mean }));
    const target = p.eco_flow_target;
    const result = target && target > 0 ? ecoFlowCompliance(days, target, settings) : null;
    return {
      point: { id: p.id, code: p.code, name: p.name, waterBody: p.water_body, target },
      result,
      months: result ? monthsOf(result.days, settings) : [],
    };
  });
}
