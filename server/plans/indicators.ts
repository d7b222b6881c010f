/**
 * @module The indicators of a plan for one year as the dashboard shows them: each definition with its values, the
 * value computed from monitoring where the indicator is computed — 地表水考核断面达标率 by
 * domain/indicators/compute.ts over the sections' monthly means, 取水水质达标率 by Monitoring's
 * drinkingWaterCompliance (weighted by intake volume when measured, else the share of compliant intake-months),
 * 万元工业增加值用水量 from the registries' enterprise-years (domain/registries/enterprise.ts waterUseIntensity) —
 * the value in force (an entered value with its source document, e.g. the city's official figure, before a computed
 * one) and its traffic light (domain/indicators/status.ts).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { surfaceWaterRate, type IndicatorPoint, type MonthlyMeans } from "../../domain/indicators/compute";
import { indicatorStatus } from "../../domain/indicators/status";
import type { WaterClass } from "../../domain/standards/gb3838";
import { listIndicators, listIndicatorValues, type IndicatorRow, type IndicatorValueRow } from "../repositories/indicator.repository";
import { monthlyMeansOf, type MonthlyMeanRow } from "../repositories/reading.repository";
import { listPoints } from "../repositories/point.repository";
import { drinkingWaterCompliance } from "../monitoring/drinkingWater";
import { allYears } from "../repositories/enterprise.repository";
import { waterUseIntensity } from "../../domain/registries/enterprise";
import type { PointRow } from "../db/schema";

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

const asPoint = (p: PointRow): IndicatorPoint => ({
  id: p.id, code: p.code, name: p.name, body: p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river",
  targetClass: (p.target_class ?? null) as WaterClass | null,
});

/** The value computed from monitoring for the year, with what it is made of; null for entered indicators. */
async function computed(db: Kysely<DB>, i: IndicatorRow, year: number) {
  if (i.method === "surface_water") {
    const { from, to } = yearWindow(year);
    const points = await listPoints(db, { kind: "section" });
    const rows = await monthlyMeansOf(db, { pointIds: points.map((p) => p.id), from, to, periods: ["sample", "hour", "day"] });
    const r = surfaceWaterRate(points.map(asPoint), preferred(rows));
    return { value: r.value, detail: { sections: r.sections, assessed: r.sections.length, attained: r.sections.filter((s) => s.attained).length } };
  }
  if (i.method === "drinking_intake") {
    const r = await drinkingWaterCompliance(db, { from: `${year}-01`, to: `${year}-12` });
    const rate = r.summary.intakeRate ?? r.summary.sourceRate;
    return {
      value: rate === null ? null : rate * 100,
      detail: {
        weighted: r.summary.intakeRate !== null, months: r.summary.evaluated, compliantMonths: r.summary.compliant, volumeMissing: r.summary.volumeMissing,
        failing: r.intakes.flatMap((x) => x.months.filter((m) => m.compliant === false).map((m) => ({ code: x.point.code, name: x.point.name, month: m.month, failures: m.failures.map((f) => f.item) }))),
      },
    };
  }
  if (i.method === "industrial_water") {
    // Σ new-water intake ÷ Σ value added of the enterprise-years reporting both (registries' enterprise_years).
    const of = async (y: number | null) => {
      if (y === null) return null;
      const rows = await allYears(db, { year: y });
      return waterUseIntensity(rows.map((r) => ({ waterM3: r.water_m3, valueAddedWan: r.value_added_wan })));
    };
    const [now, base] = await Promise.all([of(year), of(i.baseline_year)]);
    if (!now?.counted) return { value: null, baseline: base?.intensity ?? null, detail: { counted: 0 } };
    return { value: now.intensity, baseline: base?.intensity ?? null, detail: { ...now, baselineYear: i.baseline_year, baselineCounted: base?.counted ?? 0 } };
  }
  return null;
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
    const calc: { value: number | null; baseline?: number | null; detail: Record<string, unknown> } | null = await computed(db, d, y);
    const inForce = entered ? Number(entered.value) : calc?.value ?? null;
    // An entered baseline (the statistics office's figure) before one computed from the registries.
    const baselineValue = baseline ? Number(baseline.value) : calc?.baseline ?? null;
    const status = indicatorStatus({ comparison: d.comparison, target: Number(d.target_value), amberMargin: Number(d.amber_margin) }, inForce, baselineValue);
    out.push({
      id: d.id, code: d.code, name: d.name, unit: d.unit, comparison: d.comparison, target: Number(d.target_value), targetYear: d.target_year,
      baselineYear: d.baseline_year, formula: d.formula, method: d.method, amberMargin: Number(d.amber_margin), goalText: d.goal_text,
      year: y,
      value: inForce,
      valueSource: entered ? "entered" : calc && calc.value !== null ? "computed" : null,
      entered: entered ? presentValue(entered) : null,
      computed: calc,
      baseline: baseline ? presentValue(baseline) : null,
      computedBaseline: baseline ? null : calc?.baseline ?? null,
      status,
      history: mine.map(presentValue),
    });
  }
  return out;
}
