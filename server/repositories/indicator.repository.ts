/**
 * @module All SQL of plan indicators (definitions and values) and the monthly means of monitoring readings the
 * computed indicators are built from.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB } from "../db/schema";
import type { IndicatorsTable, IndicatorValuesTable } from "../db/tables/supervision";
import type { IndicatorDefinition } from "../../domain/indicators/catalogue";

/** A stored definition. */
export type IndicatorRow = Selectable<IndicatorsTable>;
/** A stored value. */
export type IndicatorValueRow = Selectable<IndicatorValuesTable> & { recorded_by_name: string | null };

/** Inserts definitions (codes already defined for the plan are skipped); returns the new rows. */
export async function insertIndicators(db: Kysely<DB>, planId: string, defs: readonly IndicatorDefinition[], firstSort = 0) {
  if (defs.length === 0) return [];
  return db
    .insertInto("indicators")
    .values(defs.map((d, i) => ({
      plan_id: planId, code: d.code, name: d.name, unit: d.unit, comparison: d.comparison, target_value: d.target, target_year: d.targetYear,
      baseline_year: d.baselineYear, formula: d.formula, method: d.method, amber_margin: d.amberMargin, goal_text: d.goalText, sort: firstSort + i,
    })))
    .onConflict((oc) => oc.columns(["plan_id", "code"]).doNothing())
    .returningAll()
    .execute();
}

/** Definitions of a plan in order. */
export async function listIndicators(db: Kysely<DB>, planId: string): Promise<IndicatorRow[]> {
  return db.selectFrom("indicators").selectAll().where("plan_id", "=", planId).orderBy("sort").orderBy("created_at").execute();
}

/** One definition. */
export async function findIndicator(db: Kysely<DB>, id: string) {
  return db.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One definition, locked for a change. */
export async function findIndicatorForUpdate(db: Kysely<DB>, id: string) {
  return db.selectFrom("indicators").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The next sort position in a plan. */
export async function nextIndicatorSort(db: Kysely<DB>, planId: string): Promise<number> {
  const r = await db.selectFrom("indicators").select((eb) => eb.fn.max("sort").as("m")).where("plan_id", "=", planId).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
}

/** Changes a definition. */
export async function updateIndicator(
  db: Kysely<DB>, id: string,
  v: Partial<Pick<IndicatorRow, "name" | "unit" | "comparison" | "target_value" | "target_year" | "baseline_year" | "formula" | "amber_margin">>,
) {
  return db.updateTable("indicators").set(v).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Records a value. */
export async function insertIndicatorValue(
  db: Kysely<DB>,
  v: { indicatorId: string; period: string; value: number; source: "entered" | "computed"; sourceDocument: string | null; note: string | null; detail?: Record<string, unknown>; by: string | null; at: Date },
) {
  return db
    .insertInto("indicator_values")
    .values({
      indicator_id: v.indicatorId, period: v.period, value: v.value, source: v.source, source_document: v.sourceDocument, note: v.note,
      detail: JSON.stringify(v.detail ?? {}), recorded_by: v.by, recorded_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every value of the given indicators, newest first within a period. */
export async function listIndicatorValues(db: Kysely<DB>, indicatorIds: string[]): Promise<IndicatorValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom("indicator_values as v")
    .leftJoin("users as u", "u.id", "v.recorded_by")
    .selectAll("v")
    .select("u.display_name as recorded_by_name")
    .where("v.indicator_id", "in", indicatorIds)
    .orderBy("v.period")
    .orderBy("v.recorded_at", "desc")
    .execute();
}

/** Points of a kind with what the indicators need. */
export async function pointsOfKind(db: Kysely<DB>, kind: "section" | "drinking_intake") {
  return db
    .selectFrom("monitoring_points")
    .select(["id", "code", "name", "water_body_type", "target_class"])
    .where("kind", "=", kind)
    .orderBy("code")
    .execute();
}

/** A month's mean of one factor at one point from readings of one period. */
export interface MonthlyMeanRow {
  point_id: string;
  month: string;
  factor: string;
  period: string;
  mean: number;
  n: number;
}

/**
 * Monthly means (Beijing months) of every factor at the points of `kind` in [from, to), per reading period, over
 * current versions; below-DL values enter at ½·DL (project decision 4), values QC-failed (qc_flag 4) or invalidated
 * (null) take no part.
 */
export async function monthlyMeans(db: Kysely<DB>, kind: "section" | "drinking_intake", from: Date, to: Date): Promise<MonthlyMeanRow[]> {
  const r = await sql<MonthlyMeanRow>`
    select r.point_id, to_char(r.t at time zone 'Asia/Shanghai', 'YYYY-MM') as month, r.factor, r.period,
      avg(case when r.below_dl then r.value / 2 else r.value end) as mean, count(*)::int as n
    from readings r join monitoring_points p on p.id = r.point_id
    where p.kind = ${kind} and r.t >= ${from} and r.t < ${to} and r.period in ('sample', 'hour', 'day')
      and r.value is not null and r.qc_flag <> 4
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    group by 1, 2, 3, 4
    order by 1, 2, 3`.execute(db);
  return r.rows.map((x) => ({ ...x, mean: Number(x.mean), n: Number(x.n) }));
}
