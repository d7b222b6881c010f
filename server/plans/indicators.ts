/**
 * @module The indicators of a plan for one year as the dashboard shows them: each definition with its values, the
 * value computed from monitoring where the indicator is computed (domain/indicators/compute.ts), the value in
 * force (an entered value with its source document — e.g. the city's official figure — before a computed one) and
 * its traffic light (domain/indicators/status.ts).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { drinkingIntakeRate, surfaceWaterRate, type IndicatorPoint, type MonthlyMeans } from "../../domain/indicators/compute";
import { indicatorStatus } from "../../domain/indicators/status";
import type { WaterClass } from "../../domain/standards/gb3838";
import { listIndicators, listIndicatorValues, monthlyMeans, pointsOfKind, type IndicatorRow, type IndicatorValueRow, type MonthlyMeanRow } from "../repositories/indicator.repository";

/** The UTC instants bounding a Beijing-time year. */
function yearWindow(year: number) {
  return { from: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000), to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000) };
}

/** One series per (point, month, factor): lab samples first, then hourly, then daily uploads. */
function preferred(rows: readonly MonthlyMeanRow[]): MonthlyMeans[] {
  const rank = { sample: 0, hour: 1, day: 2 } as Record<string, number>;
  const best = new Map<string, MonthlyMeanRow>();
  for (const r of rows) {
    const k = `${r.point_id}|${r.month}|${r.factor}`;
    const had = best.get(k);
    if (!had || rank[r.period] < rank[had.period]) best.set(k, r);
  }
  const byMonth = new Map<string, MonthlyMeans>();
  for (const r of best.values()) {
    const k = `${r.point_id}|${r.month}`;
    const m = byMonth.get(k) ?? { pointId: r.point_id, month: r.month, means: {} };
    (m.means as Record<string, number>)[r.factor] = r.mean;
    byMonth.set(k, m);
  }
  return [...byMonth.values()];
}

const asPoint = (p: Awaited<ReturnType<typeof pointsOfKind>>[number]): IndicatorPoint => ({
  id: p.id, code: p.code, name: p.name, body: p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river",
  targetClass: (p.target_class ?? null) as WaterClass | null,
});

/** The value computed from monitoring for the year, with what it is made of; null for entered indicators. */
async function computed(db: Kysely<DB>, i: IndicatorRow, year: number) {
  if (i.method !== "surface_water" && i.method !== "drinking_intake") return null;
  const { from, to } = yearWindow(year);
  const kind = i.method === "surface_water" ? "section" : "drinking_intake";
  const [points, rows] = await Promise.all([pointsOfKind(db, kind), monthlyMeans(db, kind, from, to)]);
  const monthly = preferred(rows);
  if (i.method === "surface_water") {
    const r = surfaceWaterRate(points.map(asPoint), monthly);
    return { value: r.value, detail: { sections: r.sections, assessed: r.sections.length, attained: r.sections.filter((s) => s.attained).length } };
  }
  const r = drinkingIntakeRate(points.map(asPoint), monthly);
  return {
    value: r.value,
    detail: {
      weighted: r.weighted, months: r.months.length, compliantMonths: r.months.filter((m) => m.compliant).length,
      failing: r.months.filter((m) => !m.compliant).map((m) => ({ code: m.code, name: m.name, month: m.month, failures: m.failures })),
    },
  };
}

const presentValue = (v: IndicatorValueRow) => ({
  id: v.id, period: v.period, value: Number(v.value), source: v.source, sourceDocument: v.source_document, note: v.note, detail: v.detail,
  recordedBy: v.recorded_by_name, recordedAt: new Date(v.recorded_at).toISOString(),
});

/** The plan's indicators for `year` (each indicator's target year when absent). */
export async function indicatorViews(db: Kysely<DB>, planId: string, year?: number) {
  const defs = await listIndicators(db, planId);
  const values = await listIndicatorValues(db, defs.map((d) => d.id));
  const out = [];
  for (const d of defs) {
    const y = year ?? d.target_year;
    const mine = values.filter((v) => v.indicator_id === d.id);
    const entered = mine.find((v) => v.period === String(y)) ?? null;
    const baseline = d.baseline_year === null ? null : mine.find((v) => v.period === String(d.baseline_year)) ?? null;
    const calc = await computed(db, d, y);
    const inForce = entered ? Number(entered.value) : calc?.value ?? null;
    const status = indicatorStatus(
      { comparison: d.comparison, target: Number(d.target_value), amberMargin: Number(d.amber_margin) },
      inForce, baseline ? Number(baseline.value) : null,
    );
    out.push({
      id: d.id, code: d.code, name: d.name, unit: d.unit, comparison: d.comparison, target: Number(d.target_value), targetYear: d.target_year,
      baselineYear: d.baseline_year, formula: d.formula, method: d.method, amberMargin: Number(d.amber_margin), goalText: d.goal_text,
      year: y,
      value: inForce,
      valueSource: entered ? "entered" : calc && calc.value !== null ? "computed" : null,
      entered: entered ? presentValue(entered) : null,
      computed: calc,
      baseline: baseline ? presentValue(baseline) : null,
      status,
      history: mine.map(presentValue),
    });
  }
  return out;
}
