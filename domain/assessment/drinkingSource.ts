/**
 * @module Compliance of a 集中式生活饮用水地表水源地, reference §9: GB 3838 Table 1 routine items against class Ⅲ
 * (办法 item set: 水温, 总氮, 粪大肠菌群 reported separately), Table 2 and Table 3 items against their single
 * limits; a source complies only when every evaluated item does. 水源达标率 counts sources; 取水水质达标率 =
 * 达标水源取水量 ÷ 总取水量.
 */
import { atMost, TABLE2, TABLE3, classIIILimit, classLimits, type WaterBody } from "../standards/gb3838";
import { type FactorCode } from "../standards/factors";
import { classifySample, normaliseSample, type Sample } from "./sectionClass";
import { exceedanceMultiple } from "./pollutants";

/** One monitoring result of a source. */
export interface SourceSample {
  /** River- or lake-type source (TP limit). */
  body: WaterBody;
  /** Table 1 and Table 2 items (and Table 3 items with an HJ 212 code), mg/L, keyed by HJ 212 code. */
  values: Sample;
  /** Table 3 items keyed by `Table3Item.key` (e.g. "Sb"), mg/L. */
  table3?: Readonly<Record<string, number>>;
}

/** An item that fails. */
export interface SourceFailure {
  /** HJ 212 code, or Table 3 key. */
  item: string;
  /** GB 3838 table the limit comes from. */
  table: 1 | 2 | 3;
  /** Measured value. */
  value: number;
  /** The limit (class Ⅲ for Table 1; DO's lower bound); null for pH (range 6–9). */
  limit: number | null;
  /** (value − limit) ÷ limit; null for pH and DO. */
  multiple: number | null;
}

/** Compliance of one sample. */
export interface SourceCompliance {
  /** Every evaluated item within its limit. */
  compliant: boolean;
  /** Number of items evaluated. */
  evaluated: number;
  /** Items over their limit. */
  failures: SourceFailure[];
}

/**
 * Judges one source sample.
 * @example sourceCompliance({ body: "river", values: { w21003: 0.8, w20124: 0.12 } }).failures[0].item // "w20124"
 */
export function sourceCompliance(s: SourceSample): SourceCompliance {
  const t1 = classifySample(s.values, { body: s.body });
  const values = normaliseSample(s.values);
  const failures: SourceFailure[] = [];
  for (const [code, c] of Object.entries(t1.perFactor) as [FactorCode, number][]) {
    if (c <= 3) continue;
    const value = values[code]!;
    const limit = classIIILimit(code, s.body) ?? classLimits(code, s.body)?.[2] ?? null;
    failures.push({ item: code, table: 1, value, limit, multiple: exceedanceMultiple(code, value, s.body) });
  }
  let evaluated = Object.keys(t1.perFactor).length;
  const single = (item: string, table: 2 | 3, value: number, limit: number) => {
    evaluated++;
    if (!atMost(value, limit)) failures.push({ item, table, value, limit, multiple: (value - limit) / limit });
  };
  for (const [code, limit] of Object.entries(TABLE2) as [FactorCode, number][]) {
    if (values[code] !== undefined) single(code, 2, values[code]!, limit);
  }
  for (const item of TABLE3) {
    const value = s.table3?.[item.key] ?? (item.code ? values[item.code] : undefined);
    if (value !== undefined) single(item.key, 3, value, item.limit);
  }
  if (evaluated === 0) throw new RangeError("no GB 3838 Table 1–3 item to evaluate");
  return { compliant: failures.length === 0, evaluated, failures };
}

/** A source's result and intake over the period. */
export interface SourceIntake {
  /** The source complied over the period. */
  compliant: boolean;
  /** 取水量 over the period (any unit, the same for all sources). */
  volume: number;
}

/**
 * 水源达标率: compliant sources ÷ all sources; null when there are none.
 * @example sourceComplianceRate([{ compliant: true, volume: 1 }, { compliant: false, volume: 3 }]) // 0.5
 */
export function sourceComplianceRate(sources: readonly SourceIntake[]): number | null {
  return sources.length ? sources.filter((s) => s.compliant).length / sources.length : null;
}

/**
 * 取水水质达标率 (水量达标率): intake of compliant sources ÷ total intake; null when total intake is 0.
 * @example intakeComplianceRate([{ compliant: true, volume: 1 }, { compliant: false, volume: 3 }]) // 0.25
 */
export function intakeComplianceRate(sources: readonly SourceIntake[]): number | null {
  const total = sources.reduce((s, x) => s + x.volume, 0);
  if (sources.some((s) => !(s.volume >= 0))) throw new RangeError("intake volume must be ≥ 0");
  return total > 0 ? sources.filter((s) => s.compliant).reduce((s, x) => s + x.volume, 0) / total : null;
}
