/**
 * @module Detector: disagreement with lab or supervisory samples at the same time (比对监测). For each lab value,
 * the mean of the normal online values within ±`toleranceMinutes` is compared with it; a difference larger than
 * max(absolute, relative × lab value) is a finding. The allowed differences are settings: the defaults below are
 * the project's, loosely after the comparison-test practice of HJ 355/HJ 356 — they are not quoted from the
 * standard's tables (reference.md has no verified copy) and are meant to be replaced per factor.
 */
import { num, pct, factorZh, type Finding } from "./finding";
import { isNormalMeasurement, withValues, type QcSample } from "./sample";

/** Allowed difference. */
export interface LabTolerance {
  /** Absolute allowance in factor units. */
  absolute: number;
  /** Relative allowance, share of the lab value. */
  relative: number;
}

/** Settings. */
export interface LabComparisonOptions extends LabTolerance {
  toleranceMinutes: number;
}

/** Project defaults by factor (relative 20%, absolute a small amount above typical method noise). */
export const DEFAULT_LAB_TOLERANCE: Readonly<Record<string, LabTolerance>> = {
  w01018: { absolute: 5, relative: 0.2 }, // COD
  w01019: { absolute: 1, relative: 0.2 }, // CODMn
  w21003: { absolute: 0.3, relative: 0.2 }, // NH3-N
  w21011: { absolute: 0.04, relative: 0.2 }, // TP
  w21001: { absolute: 0.3, relative: 0.2 }, // TN
  w01001: { absolute: 0.5, relative: 0 }, // pH
  w01009: { absolute: 1, relative: 0.1 }, // DO
  w21017: { absolute: 0.2, relative: 0.2 }, // fluoride
};

/** The tolerance of a factor (20% and 0 absolute when the factor has no default). */
export function labToleranceOf(factor: string): LabTolerance {
  return DEFAULT_LAB_TOLERANCE[factor] ?? { absolute: 0, relative: 0.2 };
}

/**
 * Findings for the lab values the online series disagrees with.
 * @example detectLabDisagreement("w21003", online, lab, { ...labToleranceOf("w21003"), toleranceMinutes: 60 })
 */
export function detectLabDisagreement(
  factor: string, online: readonly QcSample[], lab: readonly QcSample[], o: LabComparisonOptions,
): Finding[] {
  const values = withValues(online).filter(isNormalMeasurement);
  const tol = o.toleranceMinutes * 60_000;
  const out: Finding[] = [];
  for (const l of withValues(lab)) {
    const near = values.filter((v) => Math.abs(v.t - l.t) <= tol);
    if (!near.length) continue;
    const mean = near.reduce((a, v) => a + v.value, 0) / near.length;
    const diff = mean - l.value;
    const allowed = Math.max(o.absolute, o.relative * Math.abs(l.value));
    if (Math.abs(diff) <= allowed + 1e-12) continue;
    const rel = l.value !== 0 ? diff / l.value : null;
    out.push({
      rule: "lab_disagreement",
      factors: [factor],
      from: l.t - tol,
      to: l.t + tol,
      severity: Math.abs(diff) > 2 * allowed ? "serious" : "warning",
      numbers: { labTime: l.t, lab: l.value, online: mean, onlineValues: near.length, difference: diff, relative: rel, allowed },
      summary: `${factorZh(factor)} 手工/比对样 ${num(l.value)}，同时段在线均值 ${num(mean)}（${near.length} 个值），相差 ${num(diff)}${rel !== null ? `（${pct(rel)}）` : ""}，超过允许差 ${num(allowed)}`,
    });
  }
  return out;
}
