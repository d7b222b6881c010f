/**
 * @module All SQL of plan indicators: definitions and values (the monitoring data computed indicators use is read
 * through Monitoring's repositories).
 */
import type { Kysely, Selectable } from "kysely";
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
