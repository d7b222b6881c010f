/**
 * @module Comprehensive trophic level index TLI(Σ) of lakes and reservoirs, as adopted by 《地表水环境质量评价办法
 * （试行）》§2.4 (reference §2.4): TLI(Σ) = Σ W_j·TLI(j), W_j = r_ij² / Σ r_ij² with chlorophyll a as reference;
 * grades <30 贫营养, 30–50 中营养, >50 富营养 (50–60 轻度, 60–70 中度, >70 重度), upper bounds inclusive.
 */

/** Trophic parameters; any subset (weights are renormalised over those present). */
export interface TrophicInput {
  /** Chlorophyll a, mg/m³ (= µg/L). */
  chla?: number;
  /** Total phosphorus, mg/L. */
  tp?: number;
  /** Total nitrogen, mg/L. */
  tn?: number;
  /** Secchi depth (透明度), m. */
  sd?: number;
  /** Permanganate index, mg/L. */
  codMn?: number;
}

/** Parameter names of `TrophicInput`. */
export type TrophicParameter = keyof TrophicInput;

/** Correlation r_ij of each parameter with chlorophyll a (Chinese lakes). */
export const TROPHIC_CORRELATION: Readonly<Record<TrophicParameter, number>> = { chla: 1, tp: 0.84, tn: 0.82, sd: -0.83, codMn: 0.83 };

/** TLI(j) of each parameter. */
export const TROPHIC_INDEX: Readonly<Record<TrophicParameter, (x: number) => number>> = {
  chla: (x) => 10 * (2.5 + 1.086 * Math.log(x)),
  tp: (x) => 10 * (9.436 + 1.624 * Math.log(x)),
  tn: (x) => 10 * (5.453 + 1.694 * Math.log(x)),
  sd: (x) => 10 * (5.118 - 1.94 * Math.log(x)),
  codMn: (x) => 10 * (0.109 + 2.661 * Math.log(x)),
};

/** Trophic grades. */
export type TrophicGrade = "贫营养" | "中营养" | "轻度富营养" | "中度富营养" | "重度富营养";

/** Result of a TLI(Σ) computation. */
export interface TrophicResult {
  /** TLI(Σ). */
  tli: number;
  /** Grade. */
  grade: TrophicGrade;
  /** TLI(j) of each parameter used. */
  parts: Partial<Record<TrophicParameter, number>>;
  /** Weight W_j of each parameter used. */
  weights: Partial<Record<TrophicParameter, number>>;
}

/**
 * Grade of a TLI(Σ) value: <30 贫; 30 ≤ x ≤ 50 中; 50 < x ≤ 60 轻度富; 60 < x ≤ 70 中度富; > 70 重度富.
 * @example trophicGrade(50) // "中营养"
 */
export function trophicGrade(tli: number): TrophicGrade {
  if (tli < 30) return "贫营养";
  if (tli <= 50) return "中营养";
  if (tli <= 60) return "轻度富营养";
  if (tli <= 70) return "中度富营养";
  return "重度富营养";
}

/**
 * TLI(Σ) of one (mean) lake sample. Throws when no parameter is given or a value is not positive.
 * @example trophicIndex({ chla: 10, tp: 0.05, tn: 1, sd: 1, codMn: 4 }).tli // ≈ 48.02 (中营养)
 */
export function trophicIndex(input: TrophicInput): TrophicResult {
  const used = (Object.keys(TROPHIC_CORRELATION) as TrophicParameter[]).filter((p) => input[p] !== undefined);
  if (used.length === 0) throw new RangeError("no trophic parameter given");
  const sumR2 = used.reduce((s, p) => s + TROPHIC_CORRELATION[p] ** 2, 0);
  const parts: TrophicResult["parts"] = {};
  const weights: TrophicResult["weights"] = {};
  let tli = 0;
  for (const p of used) {
    const x = input[p]!;
    if (!(x > 0)) throw new RangeError(`${p} must be a positive number, got ${x}`);
    parts[p] = TROPHIC_INDEX[p](x);
    weights[p] = TROPHIC_CORRELATION[p] ** 2 / sumR2;
    tli += weights[p]! * parts[p]!;
  }
  return { tli, grade: trophicGrade(tli), parts, weights };
}
