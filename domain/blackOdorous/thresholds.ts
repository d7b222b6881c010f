/**
 * @module Grading of one result of an urban black-odorous water body, 《城市黑臭水体整治工作指南》(住建部、环保部
 * 2015) 表「城市黑臭水体污染程度分级标准」 (reference §3.1): 透明度 25～10 / <10 cm, 溶解氧 0.2～2.0 / <0.2 mg/L,
 * 氧化还原电位 −200～50 / <−200 mV, 氨氮 8.0～15 / >15 mg/L for 轻度 / 重度; water shallower than 25 cm judges
 * transparency against 40% of the depth. All four indicators are used (project decision 6).
 */
import { atLeast, atMost } from "../standards/gb3838";

/** The four indicators of the guide. */
export const INDICATORS = ["transparency", "dissolvedOxygen", "orp", "ammonia"] as const;

/** One indicator. */
export type Indicator = (typeof INDICATORS)[number];

/** Grade of a result, a point or a water body. */
export type BlackOdorGrade = "none" | "light" | "severe";

/** Names and units of the indicators. */
export const INDICATOR_LABELS: Readonly<Record<Indicator, { zh: string; en: string; unit: string }>> = {
  transparency: { zh: "透明度", en: "transparency", unit: "cm" },
  dissolvedOxygen: { zh: "溶解氧", en: "dissolved oxygen", unit: "mg/L" },
  orp: { zh: "氧化还原电位", en: "ORP", unit: "mV" },
  ammonia: { zh: "氨氮", en: "ammonia nitrogen", unit: "mg/L" },
};

/** Names of the grades. */
export const GRADE_LABELS: Readonly<Record<BlackOdorGrade, { zh: string; en: string }>> = {
  none: { zh: "不黑臭", en: "not black-odorous" },
  light: { zh: "轻度黑臭", en: "lightly black-odorous" },
  severe: { zh: "重度黑臭", en: "severely black-odorous" },
};

/**
 * Bounds of one indicator. "min": the lower the worse (not black-odorous when ≥ light, 轻度 when ≥ severe, else
 * 重度). "max": the higher the worse (not when ≤ light, 轻度 when ≤ severe, else 重度). A value equal to a bound
 * belongs to the better grade: the 重度 column is strict (<10, <0.2, <−200, >15) and the 轻度 ranges' other ends
 * are where 不黑臭 begins (SD ≥ 25, DO ≥ 2.0, ORP ≥ 50, NH3-N ≤ 8.0; reference §3.1 "derived").
 */
export interface IndicatorBounds {
  /** Which way is worse. */
  direction: "min" | "max";
  /** The 不黑臭 / 轻度 boundary. */
  light: number;
  /** The 轻度 / 重度 boundary. */
  severe: number;
}

/** The guide's table. */
export const BLACK_ODOROUS_BOUNDS: Readonly<Record<Indicator, IndicatorBounds>> = {
  transparency: { direction: "min", light: 25, severe: 10 },
  dissolvedOxygen: { direction: "min", light: 2.0, severe: 0.2 },
  orp: { direction: "min", light: 50, severe: -200 },
  ammonia: { direction: "max", light: 8.0, severe: 15 },
};

/** Water shallower than this (cm) uses the shallow-water transparency rule. */
export const SHALLOW_DEPTH_CM = 25;
/** Share of the depth that replaces the 10 cm 重度 bound in shallow water (10 = 40% of 25). */
export const SHALLOW_SEVERE_RATIO = 0.4;

/**
 * Transparency bounds for a sampling depth. The guide's note (水深不足 25 cm 时按水深的 40% 取值) is read as scaling
 * the table to the depth: 10 cm is 40% of 25 cm, so in water of depth d < 25 cm the 重度 bound is 0.4·d and the
 * 不黑臭 bound is d itself (seen to the bottom), since a transparency of 25 cm cannot be reached.
 * @example transparencyBounds(20) // { direction: "min", light: 20, severe: 8 }
 */
export function transparencyBounds(depthCm?: number): IndicatorBounds {
  if (depthCm === undefined || !(depthCm < SHALLOW_DEPTH_CM)) return BLACK_ODOROUS_BOUNDS.transparency;
  if (!(depthCm > 0)) throw new RangeError(`water depth must be positive, got ${depthCm} cm`);
  return { direction: "min", light: depthCm, severe: SHALLOW_SEVERE_RATIO * depthCm };
}

/** The bounds of an indicator for a sample (depth matters for transparency only). */
export function boundsFor(indicator: Indicator, depthCm?: number): IndicatorBounds {
  return indicator === "transparency" ? transparencyBounds(depthCm) : BLACK_ODOROUS_BOUNDS[indicator];
}

/**
 * Grades one result.
 * @example gradeResult("ammonia", 15) // "light" — 重度 is > 15
 * @example gradeResult("transparency", 7, 15) // "light" — shallow: 重度 below 6 cm, 不黑臭 at 15 cm
 */
export function gradeResult(indicator: Indicator, value: number, depthCm?: number): BlackOdorGrade {
  if (!Number.isFinite(value)) throw new RangeError(`${indicator}: not a number: ${value}`);
  const b = boundsFor(indicator, depthCm);
  const ok = b.direction === "min" ? atLeast : atMost;
  if (ok(value, b.light)) return "none";
  if (ok(value, b.severe)) return "light";
  return "severe";
}
