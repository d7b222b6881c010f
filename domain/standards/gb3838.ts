/**
 * @module GB 3838-2002 地表水环境质量标准: Table 1 (24 basic items, classes I–V), Table 2 (集中式生活饮用水地表水源地
 * 补充项目) and the Table 3 (特定项目) values the project reference lists (reference §1.1–1.3). Limits in mg/L
 * (fecal coliform 个/L). Boundaries inclusive; where classes share a limit the best class wins (project decisions 2, 3).
 */
import type { FactorCode } from "./factors";

/** Water-quality class 1–5 = Ⅰ–Ⅴ, 6 = 劣Ⅴ. */
export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;

/** The code value of 劣Ⅴ类. */
export const INFERIOR_V: WaterClass = 6;

/** Water-body type: TP limits differ and TN has limits only for 湖、库. */
export type WaterBody = "river" | "lake";

/** Limits for classes Ⅰ–Ⅴ in order. */
export type ClassLimits = readonly [number, number, number, number, number];

/** How a Table 1 item is judged. */
export type Table1Rule =
  /** Upper limit per class ("≤"); `null` when the body type has no standard (TN in rivers). */
  | { kind: "max"; river: ClassLimits | null; lake: ClassLimits | null }
  /** Lower bound per class ("≥"): dissolved oxygen. Class Ⅰ uses 7.5 mg/L (project decision 3). */
  | { kind: "min"; limits: ClassLimits }
  /** One range for all classes: pH 6–9; outside ⇒ 劣Ⅴ. */
  | { kind: "range"; min: number; max: number }
  /** Water temperature: a rule on man-made change (周平均最大温升 ≤1 ℃, 温降 ≤2 ℃), not a class limit. */
  | { kind: "temperature" };

/** One row of GB 3838 Table 1. */
export interface Table1Item {
  /** Row number 1–24 in Table 1. */
  no: number;
  /** HJ 212 code of the item. */
  code: FactorCode;
  /** How values are classed. */
  rule: Table1Rule;
}

const max = (no: number, code: FactorCode, ...l: ClassLimits): Table1Item => ({ no, code, rule: { kind: "max", river: l, lake: l } });

/** GB 3838-2002 Table 1, keyed by HJ 212 code. */
export const TABLE1: readonly Table1Item[] = [
  { no: 1, code: "w01010", rule: { kind: "temperature" } },
  { no: 2, code: "w01001", rule: { kind: "range", min: 6, max: 9 } },
  { no: 3, code: "w01009", rule: { kind: "min", limits: [7.5, 6, 5, 3, 2] } },
  max(4, "w01019", 2, 4, 6, 10, 15),
  max(5, "w01018", 15, 15, 20, 30, 40),
  max(6, "w01017", 3, 3, 4, 6, 10),
  max(7, "w21003", 0.15, 0.5, 1.0, 1.5, 2.0),
  { no: 8, code: "w21011", rule: { kind: "max", river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] } },
  { no: 9, code: "w21001", rule: { kind: "max", river: null, lake: [0.2, 0.5, 1.0, 1.5, 2.0] } },
  max(10, "w20122", 0.01, 1.0, 1.0, 1.0, 1.0),
  max(11, "w20123", 0.05, 1.0, 1.0, 2.0, 2.0),
  max(12, "w21017", 1.0, 1.0, 1.0, 1.5, 1.5),
  max(13, "w20128", 0.01, 0.01, 0.01, 0.02, 0.02),
  max(14, "w20119", 0.05, 0.05, 0.05, 0.1, 0.1),
  max(15, "w20111", 0.00005, 0.00005, 0.0001, 0.001, 0.001),
  max(16, "w20115", 0.001, 0.005, 0.005, 0.005, 0.01),
  max(17, "w20117", 0.01, 0.05, 0.05, 0.05, 0.1),
  max(18, "w20120", 0.01, 0.01, 0.05, 0.05, 0.1),
  max(19, "w21016", 0.005, 0.05, 0.2, 0.2, 0.2),
  max(20, "w23002", 0.002, 0.002, 0.005, 0.01, 0.1),
  max(21, "w22001", 0.05, 0.05, 0.05, 0.5, 1.0),
  max(22, "w19002", 0.2, 0.2, 0.2, 0.3, 0.3),
  max(23, "w21019", 0.05, 0.1, 0.2, 0.5, 1.0),
  max(24, "w02003", 200, 2000, 10000, 20000, 40000),
];

const BY_CODE = new Map<string, Table1Item>(TABLE1.map((i) => [i.code, i]));

/** The Table 1 row for `code`, or undefined. */
export function table1Item(code: string): Table1Item | undefined {
  return BY_CODE.get(code);
}

/** GB 3838 Table 2 (single limit each, mg/L): 硫酸盐, 氯化物, 硝酸盐(以N计), 铁, 锰. */
export const TABLE2: Readonly<Partial<Record<FactorCode, number>>> = {
  w21038: 250,
  w21022: 250,
  w21007: 10,
  w20125: 0.3,
  w20124: 0.1,
};

/** One Table 3 (特定项目) limit. */
export interface Table3Item {
  /** Stable key (element symbol). */
  key: string;
  /** Chinese name. */
  nameZh: string;
  /** HJ 212 code where reference §4.12 gives one, else null. */
  code: FactorCode | null;
  /** Limit, mg/L. */
  limit: number;
}

/** The Table 3 values reference §1.3 lists (10 of the 80 items; the rest are not yet checked). */
export const TABLE3: readonly Table3Item[] = [
  { key: "Mo", nameZh: "钼", code: null, limit: 0.07 },
  { key: "Co", nameZh: "钴", code: null, limit: 1.0 },
  { key: "Be", nameZh: "铍", code: null, limit: 0.002 },
  { key: "B", nameZh: "硼", code: null, limit: 0.5 },
  { key: "Sb", nameZh: "锑", code: null, limit: 0.005 },
  { key: "Ni", nameZh: "镍", code: "w20121", limit: 0.02 },
  { key: "Ba", nameZh: "钡", code: null, limit: 0.7 },
  { key: "V", nameZh: "钒", code: null, limit: 0.05 },
  { key: "Ti", nameZh: "钛", code: null, limit: 0.1 },
  { key: "Tl", nameZh: "铊", code: null, limit: 0.0001 },
];

// Averages such as (0.1 + 0.2 + 0.3) / 3 land a few ulps off a limit; this tolerance keeps "equal to the limit"
// equal without rounding values (it is 10⁶ times finer than any limit's precision).
const EPS = 1e-9;
/** value ≤ limit, tolerant of floating-point noise. */
export const atMost = (value: number, limit: number): boolean => value <= limit + Math.abs(limit) * EPS;
/** value ≥ limit, tolerant of floating-point noise. */
export const atLeast = (value: number, limit: number): boolean => value >= limit - Math.abs(limit) * EPS;

/** The class limits of `code` for `body`; null for pH, water temperature, TN in rivers and non-Table-1 codes. */
export function classLimits(code: string, body: WaterBody): ClassLimits | null {
  const rule = table1Item(code)?.rule;
  if (rule?.kind === "min") return rule.limits;
  if (rule?.kind === "max") return rule[body];
  return null;
}

/**
 * Single-factor class of one value (mg/L; 个/L for fecal coliform) under Table 1. Null when the item has no
 * numeric class for this body type (water temperature, TN in rivers) or is not in Table 1.
 * @example classOfValue("w21011", 0.05, "lake") // 3 — at the Ⅲ limit, so Ⅲ
 * @example classOfValue("w01009", 1.9, "river") // 6 — below the Ⅴ bound 2
 */
export function classOfValue(code: string, value: number, body: WaterBody): WaterClass | null {
  if (!Number.isFinite(value)) throw new RangeError(`${code}: value must be a finite number, got ${value}`);
  const rule = table1Item(code)?.rule;
  if (!rule || rule.kind === "temperature") return null;
  if (rule.kind === "range") return atLeast(value, rule.min) && atMost(value, rule.max) ? 1 : INFERIOR_V;
  const limits = rule.kind === "min" ? rule.limits : rule[body];
  if (!limits) return null;
  const ok = rule.kind === "min" ? atLeast : atMost;
  for (let i = 0; i < 5; i++) if (ok(value, limits[i])) return (i + 1) as WaterClass;
  return INFERIOR_V;
}

/** The class Ⅲ limit used for 超标倍数; null for pH, DO and water temperature (办法: no multiple for them). */
export function classIIILimit(code: string, body: WaterBody): number | null {
  const rule = table1Item(code)?.rule;
  return rule?.kind === "max" ? (rule[body]?.[2] ?? null) : null;
}

const ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"] as const;

/**
 * Chinese label of a class as printed in reports.
 * @example classLabel(3) // "Ⅲ类"
 * @example classLabel(6) // "劣Ⅴ类"
 */
export function classLabel(c: WaterClass): string {
  return c === INFERIOR_V ? "劣Ⅴ类" : `${ROMAN[c - 1]}类`;
}
