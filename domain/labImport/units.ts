/**
 * @module Units of lab results converted to the unit Qingliu stores a factor in: mg/L for concentrations (the
 * GB 3838 unit — HJ 212-2017 Table B.1 defaults six metals to µg/L, see standards/factors.ts `toMgPerL`), 个/L
 * for fecal coliform (GB 3838 Table 1 item 24), ℃ for water temperature and none for pH.
 */
import { FACTORS, type FactorCode } from "../standards/factors";

/** The unit readings of `code` are stored in. */
export function storageUnit(code: FactorCode): string {
  const u = FACTORS[code].unit;
  return u === "µg/L" ? "mg/L" : u;
}

// Multipliers into the storage unit, by storage unit, keyed by normalised unit text.
const CONCENTRATION: Record<string, number> = { "g/l": 1000, "mg/l": 1, "µg/l": 1e-3, "ng/l": 1e-6, "mg/dm3": 1, "ppm": 1, "ppb": 1e-3 };
const COUNT: Record<string, number> = { "个/l": 1, "mpn/l": 1, "cfu/l": 1, "个/100ml": 10, "mpn/100ml": 10, "cfu/100ml": 10 };
const TEMPERATURE: Record<string, number> = { "℃": 1, "°c": 1, "摄氏度": 1 };
const NONE: Record<string, number> = { "": 1, "无量纲": 1, "无": 1, "-": 1, "/": 1, "ph": 1 };
const TABLES: Record<string, Record<string, number>> = { "mg/L": CONCENTRATION, "个/L": COUNT, "℃": TEMPERATURE, "": NONE };

/** Unit text as typed in a lab sheet, reduced to one spelling: micro sign, Greek mu and "u" all become µ. */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .replace(/[\s\u3000]/g, "")
    .replace(/[μu](?=g)/gi, "µ")
    .replace(/^(mg|µg|ng|g)\/(l|L)$/i, (_, m: string) => `${m.toLowerCase()}/l`)
    .replace(/升/g, "l")
    .toLowerCase();
}

/** A converted value, or why it could not be converted. */
export type Converted = { ok: true; factor: number } | { ok: false; reason: string };

/**
 * The multiplier taking a value in `unit` to the storage unit of `code`. An empty unit is accepted only where
 * the storage unit is dimensionless: guessing mg/L for a µg/L metal would be off by a factor of 1,000.
 * @example unitFactor("w20111", "µg/L") // { ok: true, factor: 0.001 }
 */
export function unitFactor(code: FactorCode, unit: string): Converted {
  const target = storageUnit(code);
  const table = TABLES[target];
  const u = normaliseUnit(unit);
  if (u === "" && target !== "") return { ok: false, reason: `缺少单位（${FACTORS[code].nameZh}应为 ${target} 或可换算的单位）` };
  const factor = table?.[u];
  if (factor === undefined) {
    return { ok: false, reason: `单位“${unit}”无法换算为${FACTORS[code].nameZh}的单位 ${target || "无量纲"}` };
  }
  return { ok: true, factor };
}
