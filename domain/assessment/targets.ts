/**
 * @module Attainment of a section's target class (水质目标): a section attains its target when its class is the
 * target class or better (lower number); over-target items are those whose single-factor class is worse than the
 * target. Target classes are Ⅰ–Ⅴ (a target of 劣Ⅴ is meaningless and rejected).
 */
import type { FactorCode } from "../standards/factors";
import type { WaterClass } from "../standards/gb3838";

/** Attainment of one section. */
export interface Attainment {
  /** Class ≤ target. */
  attained: boolean;
  /** Classes worse than target (0 when attained). */
  gap: number;
}

function checkTarget(target: WaterClass): void {
  if (!Number.isInteger(target) || target < 1 || target > 5) throw new RangeError(`target class must be 1–5, got ${target}`);
}

/**
 * Whether `actual` attains `target`.
 * @example attainment(4, 3) // { attained: false, gap: 1 }
 */
export function attainment(actual: WaterClass, target: WaterClass): Attainment {
  checkTarget(target);
  return { attained: actual <= target, gap: Math.max(0, actual - target) };
}

/** Items whose class is worse than the target (超标因子 against the target), in the order given. */
export function factorsOverTarget(perFactor: Partial<Record<FactorCode, WaterClass>>, target: WaterClass): FactorCode[] {
  checkTarget(target);
  return (Object.entries(perFactor) as [FactorCode, WaterClass][]).filter(([, c]) => c > target).map(([code]) => code);
}

/**
 * 达标率: sections attaining their target ÷ sections evaluated; null when none is evaluated.
 * @example attainmentRate([{ actual: 3, target: 3 }, { actual: 5, target: 4 }]) // 0.5
 */
export function attainmentRate(sections: readonly { actual: WaterClass; target: WaterClass }[]): number | null {
  if (sections.length === 0) return null;
  return sections.filter((s) => attainment(s.actual, s.target).attained).length / sections.length;
}
