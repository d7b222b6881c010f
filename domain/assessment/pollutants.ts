/**
 * @module 超标倍数 and 主要污染指标 of a section, 《地表水环境质量评价办法（试行）》§2.3 (reference §2.3): multiple
 * = (C − C_Ⅲ) / C_Ⅲ against the class Ⅲ limit; no multiple for 水温, pH, 溶解氧. Main pollutants: the three
 * routine items with the worst class, ties broken by multiple; exceeding heavy metals and cyanide first.
 */
import { FACTORS, type FactorCode } from "../standards/factors";
import { classIIILimit, table1Item, type WaterBody, type WaterClass } from "../standards/gb3838";

/** One main pollutant. */
export interface MainPollutant {
  /** HJ 212 code. */
  code: FactorCode;
  /** Its single-factor class (4, 5 or 6). */
  class: WaterClass;
  /** 超标倍数 against class Ⅲ; null for pH and DO. */
  multiple: number | null;
}

/**
 * 超标倍数 of one value against the class Ⅲ limit: (C − C_Ⅲ) / C_Ⅲ, 0 when C ≤ C_Ⅲ. Null when the item has no
 * class Ⅲ limit to compare with (pH, DO, water temperature, TN in rivers, non-Table-1 codes).
 * @example exceedanceMultiple("w21003", 3.0, "river") // 2 — (3.0 − 1.0) / 1.0
 */
export function exceedanceMultiple(code: string, value: number, body: WaterBody): number | null {
  const limit = classIIILimit(code, body);
  if (limit === null) return null;
  return value > limit ? (value - limit) / limit : 0;
}

const priority = (code: FactorCode) => (FACTORS[code].heavyMetal || FACTORS[code].cyanide ? 0 : 1);

/**
 * The main pollutants of a section: routine items worse than Ⅲ, heavy metals and cyanide first, then by class
 * (worst first), then by multiple (largest first; pH/DO, which have none, after the others of their class), then
 * by Table 1 order; at most three. Callers pass only the items that take part in the class.
 */
export function mainPollutants(
  values: Partial<Record<FactorCode, number>>,
  perFactor: Partial<Record<FactorCode, WaterClass>>,
  body: WaterBody,
): MainPollutant[] {
  const candidates: MainPollutant[] = [];
  for (const [code, c] of Object.entries(perFactor) as [FactorCode, WaterClass][]) {
    if (c <= 3) continue;
    candidates.push({ code, class: c, multiple: exceedanceMultiple(code, values[code]!, body) });
  }
  return candidates
    .sort(
      (a, b) =>
        priority(a.code) - priority(b.code) ||
        b.class - a.class ||
        (b.multiple ?? -1) - (a.multiple ?? -1) ||
        table1Item(a.code)!.no - table1Item(b.code)!.no,
    )
    .slice(0, 3);
}
