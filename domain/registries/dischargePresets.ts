/**
 * @module Preset permit limits of an outlet (project decision 9: limits come from each permit; national standards
 * are presets, no provincial values hard-coded), as reference §5 gives them:
 * - GB 18918-2002 Table 1 basic items, daily means, grades 一级A / 一级B / 二级 / 三级; NH3-N at water temperature
 *   > 12 ℃ (the bracketed ≤ 12 ℃ value is named in the note); TP by build date (from 2006-01-01, or before).
 * - GB 8978-1996 Table 4 fluoride (units built after 1998-01-01), grades 一级 / 二级 / 三级 by scope (其他排污单位,
 *   低氟地区, 黄磷工业).
 * - GB 18466-2005 medical institutions: Table 1 (传染病、结核病医疗机构) and Table 2 (综合医疗机构, 排放标准 or
 *   预处理标准) — only the values reference §5.3 gives as checked; metals are left out (HJ 212 sends them in µg/L).
 * Units are those of the standard (mg/L; 个/L for fecal coliform in GB 18918, MPN/L in GB 18466; dilution times for
 * colour; pH dimensionless).
 */
import type { Label } from "./lifecycle";

/** One preset limit. */
export interface PresetLimit {
  /** HJ 212-2017 factor code. */
  factor: string;
  upperLimit: number | null;
  lowerLimit: number | null;
  unit: string;
  /** Where it comes from, e.g. "GB 18918-2002 表1 一级A". */
  basis: string;
}

/** The preset families. */
export const PRESET_STANDARDS = ["gb18918", "gb8978F", "gb18466"] as const;
/** One family. */
export type PresetStandard = (typeof PRESET_STANDARDS)[number];

/** Grades of GB 18918. */
export const GB18918_GRADES = ["1A", "1B", "2", "3"] as const;
/** One grade of GB 18918. */
export type Gb18918Grade = (typeof GB18918_GRADES)[number];
/** Names of the grades. */
export const GB18918_GRADE_LABELS: Readonly<Record<Gb18918Grade, Label>> = {
  "1A": { zh: "一级A标准", en: "grade 1-A" },
  "1B": { zh: "一级B标准", en: "grade 1-B" },
  "2": { zh: "二级标准", en: "grade 2" },
  "3": { zh: "三级标准", en: "grade 3" },
};

/** Grades of GB 8978. */
export const GB8978_GRADES = ["1", "2", "3"] as const;
/** One grade of GB 8978. */
export type Gb8978Grade = (typeof GB8978_GRADES)[number];
/** Scopes of GB 8978 Table 4's fluoride row. */
export const GB8978_FLUORIDE_SCOPES = ["other", "lowFluoride", "yellowPhosphorus"] as const;
/** One scope. */
export type FluorideScope = (typeof GB8978_FLUORIDE_SCOPES)[number];
/** Names of the scopes. */
export const FLUORIDE_SCOPE_LABELS: Readonly<Record<FluorideScope, Label>> = {
  other: { zh: "其他排污单位", en: "other dischargers" },
  lowFluoride: { zh: "低氟地区（水体含氟量<0.5 mg/L）", en: "low-fluoride area" },
  yellowPhosphorus: { zh: "黄磷工业", en: "yellow phosphorus industry" },
};

/** Tables of GB 18466. */
export const GB18466_TABLES = ["t1", "t2discharge", "t2pretreatment"] as const;
/** One table. */
export type Gb18466Table = (typeof GB18466_TABLES)[number];
/** Names of the tables. */
export const GB18466_TABLE_LABELS: Readonly<Record<Gb18466Table, Label>> = {
  t1: { zh: "表1 传染病、结核病医疗机构", en: "Table 1 infectious-disease hospitals" },
  t2discharge: { zh: "表2 综合医疗机构 排放标准", en: "Table 2 general hospitals, discharge" },
  t2pretreatment: { zh: "表2 综合医疗机构 预处理标准", en: "Table 2 general hospitals, pre-treatment" },
};

/** A preset to apply. */
export type PresetChoice =
  | { standard: "gb18918"; grade: Gb18918Grade; builtBefore2006?: boolean }
  | { standard: "gb8978F"; grade: Gb8978Grade; scope: FluorideScope }
  | { standard: "gb18466"; table: Gb18466Table };

const GRADE_INDEX: Record<Gb18918Grade, number> = { "1A": 0, "1B": 1, "2": 2, "3": 3 };
type Four = readonly [number | null, number | null, number | null, number | null];

/** GB 18918-2002 Table 1, mg/L unless stated; null: no limit at that grade (reference §5.1). */
const GB18918: readonly { factor: string; values: Four; unit?: string; note?: string }[] = [
  { factor: "w01018", values: [50, 60, 100, 120] },
  { factor: "w01017", values: [10, 20, 30, 60] },
  { factor: "w01012", values: [10, 20, 30, 50] },
  { factor: "w22001", values: [1, 3, 5, 15] },
  { factor: "w19002", values: [0.5, 1, 2, 5] },
  { factor: "w21001", values: [15, 20, null, null] },
  { factor: "w21003", values: [5, 8, 25, null], note: "水温>12℃；水温≤12℃时为 8 / 15 / 30" },
  { factor: "w01002", values: [30, 30, 40, 50], unit: "倍" },
  { factor: "w02003", values: [1000, 10000, 10000, null], unit: "个/L" },
];
const TP_FROM_2006: Four = [0.5, 1, 3, 5];
const TP_BEFORE_2006: Four = [1, 1.5, 3, 5];

/** GB 8978-1996 Table 4 fluoride, mg/L (reference §5.2). */
const GB8978_FLUORIDE: Readonly<Record<FluorideScope, readonly [number, number, number]>> = {
  yellowPhosphorus: [10, 15, 20],
  lowFluoride: [10, 20, 30],
  other: [10, 10, 20],
};

/** GB 18466-2005 values reference §5.3 gives (mg/L unless stated). */
const GB18466: Readonly<Record<Gb18466Table, readonly { factor: string; upper: number; unit?: string }[]>> = {
  t1: [
    { factor: "w02003", upper: 100, unit: "MPN/L" }, { factor: "w01018", upper: 60 }, { factor: "w01017", upper: 20 }, { factor: "w01012", upper: 20 },
    { factor: "w21003", upper: 15 }, { factor: "w22001", upper: 5 }, { factor: "w19002", upper: 5 }, { factor: "w01002", upper: 30, unit: "倍" },
    { factor: "w23002", upper: 0.5 }, { factor: "w21016", upper: 0.5 },
  ],
  t2discharge: [{ factor: "w02003", upper: 500, unit: "MPN/L" }, { factor: "w01018", upper: 60 }],
  t2pretreatment: [{ factor: "w02003", upper: 5000, unit: "MPN/L" }, { factor: "w01018", upper: 250 }],
};

const PH = (basis: string): PresetLimit => ({ factor: "w01001", upperLimit: 9, lowerLimit: 6, unit: "无量纲", basis });

/**
 * The limits of a preset.
 * @example presetLimits({ standard: "gb8978F", grade: "1", scope: "other" }) // [{ factor: "w21017", upperLimit: 10, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（其他排污单位）" }]
 */
export function presetLimits(c: PresetChoice): PresetLimit[] {
  switch (c.standard) {
    case "gb18918": {
      const i = GRADE_INDEX[c.grade];
      const grade = GB18918_GRADE_LABELS[c.grade].zh.replace("标准", "");
      const basis = (note?: string) => `GB 18918-2002 表1 ${grade}${note ? `（${note}）` : ""}`;
      const out: PresetLimit[] = [];
      for (const r of GB18918) {
        const v = r.values[i];
        if (v !== null) out.push({ factor: r.factor, upperLimit: v, lowerLimit: null, unit: r.unit ?? "mg/L", basis: basis(r.note) });
      }
      const tp = (c.builtBefore2006 ? TP_BEFORE_2006 : TP_FROM_2006)[i];
      if (tp !== null) out.push({ factor: "w21011", upperLimit: tp, lowerLimit: null, unit: "mg/L", basis: basis(c.builtBefore2006 ? "2005年12月31日前建设" : "2006年1月1日起建设") });
      out.push(PH(basis()));
      return out;
    }
    case "gb8978F": {
      const gradeZh = { "1": "一级", "2": "二级", "3": "三级" }[c.grade];
      const scope = FLUORIDE_SCOPE_LABELS[c.scope].zh.replace(/（.*）/, "");
      return [{ factor: "w21017", upperLimit: GB8978_FLUORIDE[c.scope][Number(c.grade) - 1], lowerLimit: null, unit: "mg/L", basis: `GB 8978-1996 表4 ${gradeZh}（${scope}）` }];
    }
    case "gb18466": {
      const basis = `GB 18466-2005 ${GB18466_TABLE_LABELS[c.table].zh}`;
      return [...GB18466[c.table].map((r) => ({ factor: r.factor, upperLimit: r.upper, lowerLimit: null, unit: r.unit ?? "mg/L", basis })), PH(basis)];
    }
  }
}

/**
 * Puts preset limits over existing ones: a factor the preset has takes the preset's limit, other factors stay
 * (e.g. a permit's own fluoride limit survives a GB 18918 preset, which has none).
 */
export function mergeLimits<L extends { factor: string }>(existing: readonly L[], preset: readonly L[]): L[] {
  const out = new Map(existing.map((l) => [l.factor, l]));
  for (const l of preset) out.set(l.factor, l);
  return [...out.values()];
}
