/**
 * @module Defines or changes a plan indicator (target, baseline year, formula, amber margin), and records a value
 * entered from a source document — each in the caller's transaction with its audit entry. A relative target
 * (decrease/increase) needs its baseline year; an entered value needs the document it was taken from.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, NotFound, ValidationError } from "../errors";
import type { IndicatorComparison, IndicatorMethod } from "../db/tables/supervision";
import { findIndicatorForUpdate, insertIndicators, insertIndicatorValue, nextIndicatorSort, updateIndicator } from "../repositories/indicator.repository";

/** A definition's fields. */
export interface IndicatorFields {
  name: string;
  unit: string;
  comparison: IndicatorComparison;
  target: number;
  targetYear: number;
  baselineYear: number | null;
  formula: string;
  amberMargin: number;
}

const relative = (c: IndicatorComparison) => c === "decrease" || c === "increase";

function check(f: Pick<IndicatorFields, "comparison" | "baselineYear" | "targetYear">) {
  if (relative(f.comparison) && f.baselineYear === null) throw ValidationError([{ path: "baselineYear", message: "相对目标（较基准年下降/提高）须填写基准年" }]);
  if (!relative(f.comparison) && f.baselineYear !== null) throw ValidationError([{ path: "baselineYear", message: "只有相对目标才有基准年" }]);
  if (f.baselineYear !== null && f.baselineYear >= f.targetYear) throw ValidationError([{ path: "baselineYear", message: "基准年应早于目标年" }]);
}

/** Defines a new indicator of a plan (its value is entered). */
export async function indicatorCreator(ctx: CommandContext, p: IndicatorFields & { planId: string; code: string; method?: IndicatorMethod }) {
  check(p);
  const sort = await nextIndicatorSort(ctx.trx, p.planId);
  const [row] = await insertIndicators(ctx.trx, p.planId, [{
    code: p.code, name: p.name, unit: p.unit, comparison: p.comparison, target: p.target, targetYear: p.targetYear, baselineYear: p.baselineYear,
    formula: p.formula, method: p.method ?? "entered", amberMargin: p.amberMargin, goalText: "",
  }], sort);
  if (!row) throw Conflict(`该方案已有代码为“${p.code}”的指标`);
  await audit(ctx, { action: "indicator.create", entityType: "indicator", entityId: row.id, data: { planId: p.planId, code: p.code, name: p.name, target: p.target, comparison: p.comparison } });
  return row;
}

/** Changes a definition; fields not given stay. */
export async function indicatorUpdater(ctx: CommandContext, p: { id: string } & Partial<IndicatorFields>) {
  const before = await findIndicatorForUpdate(ctx.trx, p.id);
  if (!before) throw NotFound("指标不存在");
  const next = {
    comparison: p.comparison ?? before.comparison,
    baselineYear: p.baselineYear === undefined ? before.baseline_year : p.baselineYear,
    targetYear: p.targetYear ?? before.target_year,
  };
  check(next);
  const after = await updateIndicator(ctx.trx, p.id, {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.unit !== undefined ? { unit: p.unit } : {}),
    ...(p.formula !== undefined ? { formula: p.formula } : {}),
    ...(p.target !== undefined ? { target_value: p.target } : {}),
    ...(p.amberMargin !== undefined ? { amber_margin: p.amberMargin } : {}),
    comparison: next.comparison, baseline_year: next.baselineYear, target_year: next.targetYear,
  });
  const pick = (r: typeof before) => ({
    name: r.name, unit: r.unit, comparison: r.comparison, target: Number(r.target_value), targetYear: r.target_year, baselineYear: r.baseline_year,
    formula: r.formula, amberMargin: Number(r.amber_margin),
  });
  await audit(ctx, { action: "indicator.update", entityType: "indicator", entityId: p.id, data: { before: pick(before), after: pick(after) } });
  return after;
}

/** An entered value. */
export interface IndicatorValueRecorderProps {
  indicatorId: string;
  /** "2022" or "2022-06". */
  period: string;
  value: number;
  /** The document the value was taken from. */
  sourceDocument: string;
  note: string | null;
  at: Date;
}

/** Records an entered value; the newest value of a period is the one in force, earlier ones stay as history. */
export async function indicatorValueRecorder(ctx: CommandContext, p: IndicatorValueRecorderProps) {
  const indicator = await findIndicatorForUpdate(ctx.trx, p.indicatorId);
  if (!indicator) throw NotFound("指标不存在");
  const row = await insertIndicatorValue(ctx.trx, {
    indicatorId: p.indicatorId, period: p.period, value: p.value, source: "entered", sourceDocument: p.sourceDocument, note: p.note, by: ctx.actor?.id ?? null, at: p.at,
  });
  await audit(ctx, {
    action: "indicator.value", entityType: "indicator", entityId: p.indicatorId,
    data: { code: indicator.code, period: p.period, value: p.value, sourceDocument: p.sourceDocument },
  });
  return row;
}
