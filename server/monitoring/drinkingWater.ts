/**
 * @module Drinking-water source compliance from monitoring (issue 8 §6, reference §9), for the points of kind
 * `drinking_intake`: each Beijing month an intake is judged on its monthly means (办法: mean first) by
 * domain/assessment/drinkingSource.ts — GB 3838 Table 1 items against class Ⅲ (水温, 总氮, 粪大肠菌群 reported
 * separately), Table 2 and Table 3 items against their limits, compliant only when every evaluated item is. Intake
 * volume per month is Σ of daily intakes (w00000: a day's `Cou` m³ when stored, else mean L/s × 86.4).
 * 水源达标率 = compliant intake-months ÷ evaluated intake-months; 取水水质达标率 = intake volume of the compliant
 * intake-months ÷ volume of all evaluated intake-months. Callers (registries, indicators) may pass volumes of their
 * own (e.g. the water works' records) instead.
 */
import type { Kysely } from "kysely";
import type { DB, PointRow, ReadingPeriod } from "../db/schema";
import { intakeComplianceRate, sourceCompliance, sourceComplianceRate } from "../../domain/assessment/drinkingSource";
import type { DrinkingMonth, DrinkingWaterReport, IntakeMonth, IntakeReport } from "../../domain/monitoring/views";
import { dailyMeansOf, monthlyMeansOf } from "../repositories/reading.repository";
import { listPoints } from "../repositories/point.repository";
import { FLOW_FACTOR } from "./ecoFlow";
import { monthStart, monthsBetween, nextMonth } from "./window";

/** Lab samples first, then automatic hour and day data (one series per item and month). */
const PREFERENCE: ReadingPeriod[] = ["sample", "hour", "day"];

/** The report shapes (domain/monitoring/views.ts, read by the web as they are). */
export type { DrinkingMonth, DrinkingWaterReport, IntakeMonth, IntakeReport };

const body = (p: PointRow) => (p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river");

/**
 * Compliance of every drinking-water intake for the Beijing months [from, to] ("YYYY-MM").
 * @param volumes optional m³ per point id and month, used instead of the stored intake flows
 * @example (await drinkingWaterCompliance(db, { from: "2024-01", to: "2024-12" })).summary.intakeRate // 0.86
 */
export async function drinkingWaterCompliance(
  db: Kysely<DB>,
  q: { from: string; to: string; volumes?: ReadonlyMap<string, ReadonlyMap<string, number>> },
): Promise<DrinkingWaterReport> {
  const points = await listPoints(db, { kind: "drinking_intake" });
  const ids = points.map((p) => p.id);
  const window = { from: monthStart(q.from), to: monthStart(nextMonth(q.to)) };
  const [means, flows] = await Promise.all([
    monthlyMeansOf(db, { pointIds: ids, ...window, periods: PREFERENCE }),
    dailyMeansOf(db, { pointIds: ids, factor: FLOW_FACTOR, ...window }),
  ]);
  // Per point and month: one value per factor, from the most preferred period.
  const values = new Map<string, Map<string, { rank: number; mean: number }>>();
  for (const r of means) {
    if (r.factor === FLOW_FACTOR) continue;
    const k = `${r.point_id}|${r.month}`;
    const m = values.get(k) ?? new Map();
    const rank = PREFERENCE.indexOf(r.period);
    const had = m.get(r.factor);
    if (!had || rank < had.rank) m.set(r.factor, { rank, mean: r.mean });
    values.set(k, m);
  }
  // Volume per point and month from daily intakes (the daily value when stored, else finer data).
  const dayVolume = new Map<string, { rank: number; m3: number }>();
  for (const r of flows) {
    const rank = ["day", "hour", "min", "rt"].indexOf(r.period);
    if (rank < 0) continue;
    const k = `${r.point_id}|${r.day}`;
    const m3 = r.period === "day" && r.cou !== null ? r.cou : r.mean * 86.4;
    const had = dayVolume.get(k);
    if (!had || rank < had.rank) dayVolume.set(k, { rank, m3 });
  }
  const volume = new Map<string, number>();
  for (const [k, v] of dayVolume) {
    const [pointId, day] = k.split("|");
    const mk = `${pointId}|${day.slice(0, 7)}`;
    volume.set(mk, (volume.get(mk) ?? 0) + v.m3);
  }
  const months = monthsBetween(q.from, q.to);
  const intakes: IntakeReport[] = points.map((p) => {
    const ms: IntakeMonth[] = months.map((month) => {
      const v = values.get(`${p.id}|${month}`);
      const vol = q.volumes?.get(p.id)?.get(month) ?? volume.get(`${p.id}|${month}`) ?? null;
      if (!v) return { month, compliant: null, evaluated: 0, failures: [], volume: vol };
      try {
        const c = sourceCompliance({ body: body(p), values: Object.fromEntries([...v].map(([f, x]) => [f, x.mean])) });
        return { month, compliant: c.compliant, evaluated: c.evaluated, failures: c.failures, volume: vol };
      } catch {
        return { month, compliant: null, evaluated: 0, failures: [], volume: vol };
      }
    });
    const evaluated = ms.filter((m) => m.compliant !== null);
    return {
      point: { id: p.id, code: p.code, name: p.name, waterBody: p.water_body },
      months: ms,
      evaluatedMonths: evaluated.length,
      compliantMonths: evaluated.filter((m) => m.compliant).length,
      volume: evaluated.reduce((s, m) => s + (m.volume ?? 0), 0),
      compliantVolume: evaluated.filter((m) => m.compliant).reduce((s, m) => s + (m.volume ?? 0), 0),
    };
  });
  const pairs = (filter: (m: IntakeMonth) => boolean) =>
    intakes.flatMap((i) => i.months.filter((m) => m.compliant !== null && filter(m)).map((m) => ({ compliant: m.compliant!, volume: m.volume ?? 0 })));
  const monthly: DrinkingMonth[] = months.map((month) => {
    const ps = pairs((m) => m.month === month);
    return {
      month, evaluated: ps.length, compliant: ps.filter((x) => x.compliant).length, sourceRate: sourceComplianceRate(ps),
      volume: ps.reduce((s, x) => s + x.volume, 0), compliantVolume: ps.filter((x) => x.compliant).reduce((s, x) => s + x.volume, 0),
      intakeRate: intakeComplianceRate(ps),
    };
  });
  const all = pairs(() => true);
  return {
    from: q.from, to: q.to, intakes, months: monthly,
    summary: {
      evaluated: all.length, compliant: all.filter((x) => x.compliant).length, sourceRate: sourceComplianceRate(all),
      volume: all.reduce((s, x) => s + x.volume, 0), compliantVolume: all.filter((x) => x.compliant).reduce((s, x) => s + x.volume, 0),
      intakeRate: intakeComplianceRate(all),
      volumeMissing: intakes.reduce((n, i) => n + i.months.filter((m) => m.compliant !== null && m.volume === null).length, 0),
    },
  };
}
