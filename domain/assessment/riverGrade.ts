/**
 * @module Water-quality status of a section, river or basin, 《地表水环境质量评价办法（试行）》§2.1 (reference §2.1):
 * Ⅰ–Ⅱ 优 · Ⅲ 良好 · Ⅳ 轻度污染 · Ⅴ 中度污染 · 劣Ⅴ 重度污染; rivers with fewer than 5 sections are classed from the
 * mean of each item over the sections; with 5 or more, by 断面水质类别比例法 (重度污染 when Ⅰ–Ⅲ < 75% and
 * 劣Ⅴ ≥ 40%, project decision 1). Main pollutants of a river rank items by 断面超标率.
 */
import type { FactorCode } from "../standards/factors";
import { INFERIOR_V, table1Item, type WaterClass } from "../standards/gb3838";
import { meanSample, plainValues } from "./aggregate";
import { classifySample, type Sample, type SectionOptions } from "./sectionClass";

/** Water-quality status words of the 办法. */
export type WaterStatus = "优" | "良好" | "轻度污染" | "中度污染" | "重度污染";

/** Status of a single section (or of a river with fewer than 5 sections) by its class. */
export const CLASS_STATUS: Readonly<Record<WaterClass, WaterStatus>> = {
  1: "优", 2: "优", 3: "良好", 4: "轻度污染", 5: "中度污染", 6: "重度污染",
};

/** Thresholds of the class-share method, in percent (a setting). */
export interface GradeThresholds {
  /** Sections needed for the share method; fewer ⇒ mean method. 办法: 5 (含5个). */
  minSections: number;
  /** 优 when Ⅰ–Ⅲ share ≥ this. */
  excellent: number;
  /** 良好 when Ⅰ–Ⅲ share ≥ this (and < excellent). */
  good: number;
  /** 中度污染 when 劣Ⅴ share ≥ this (and Ⅰ–Ⅲ < good). */
  moderate: number;
  /** 重度污染 when 劣Ⅴ share ≥ this (and Ⅰ–Ⅲ < good). */
  severe: number;
}

/** The 办法 thresholds with project decision 1. */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { minSections: 5, excellent: 90, good: 75, moderate: 20, severe: 40 };

/** Section counts behind a share-method grade. */
export interface ClassShares {
  /** Sections evaluated. */
  total: number;
  /** Sections of class Ⅰ–Ⅲ. */
  good: number;
  /** Sections of 劣Ⅴ. */
  inferiorV: number;
}

/** Counts Ⅰ–Ⅲ and 劣Ⅴ sections. */
export function classShares(classes: readonly WaterClass[]): ClassShares {
  return {
    total: classes.length,
    good: classes.filter((c) => c <= 3).length,
    inferiorV: classes.filter((c) => c === INFERIOR_V).length,
  };
}

/**
 * Status by 断面水质类别比例法. Shares are compared as integers (count·100 vs pct·total), so 9 of 10 is exactly 90%.
 * @example gradeByShares([1, 2, 3, 3, 4]) // "良好" — Ⅰ–Ⅲ 4 of 5 = 80%
 */
export function gradeByShares(classes: readonly WaterClass[], t: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): WaterStatus {
  const s = classShares(classes);
  if (s.total === 0) throw new RangeError("no sections to grade");
  const atLeast = (count: number, pct: number) => count * 100 >= pct * s.total;
  if (atLeast(s.good, t.excellent)) return "优";
  if (atLeast(s.good, t.good)) return "良好";
  if (atLeast(s.inferiorV, t.severe)) return "重度污染";
  if (atLeast(s.inferiorV, t.moderate)) return "中度污染";
  return "轻度污染";
}

/** A river's or basin's main pollutant, ranked by 断面超标率. */
export interface RiverPollutant {
  /** HJ 212 code. */
  code: FactorCode;
  /** Sections where the item is worse than Ⅲ ÷ all sections. */
  rate: number;
}

/** Result of grading a river or basin. */
export interface RiverGrade {
  /** Which 办法 method applied. */
  method: "mean" | "share";
  /** Status. */
  status: WaterStatus;
  /** Class of the item means (mean method only). */
  class: WaterClass | null;
  /** Class of each section. */
  sectionClasses: WaterClass[];
  /** Counts behind the grade. */
  shares: ClassShares;
  /** Up to three main pollutants (none when 优 or 良好). */
  mainPollutants: RiverPollutant[];
}

/**
 * Grades a river or basin from one (period-mean) sample per section.
 * @example riverGrade([s1, s2, s3], { body: "river" }).method // "mean"
 */
export function riverGrade(
  sections: readonly Sample[],
  options: SectionOptions,
  t: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
): RiverGrade {
  const results = sections.map((s) => classifySample(s, options));
  const missing = results.findIndex((r) => r.class === null);
  if (sections.length === 0 || missing !== -1) throw new RangeError(`section ${missing} has no routine item to class`);
  const sectionClasses = results.map((r) => r.class!);
  const shares = classShares(sectionClasses);
  if (sections.length < t.minSections) {
    const mean = classifySample(plainValues(meanSample(sections)), options);
    return {
      method: "mean", status: CLASS_STATUS[mean.class!], class: mean.class, sectionClasses, shares,
      mainPollutants: mean.mainPollutants.map((p) => ({ code: p.code, rate: rate(p.code) })),
    };
  }
  const status = gradeByShares(sectionClasses, t);
  return { method: "share", status, class: null, sectionClasses, shares, mainPollutants: status === "优" || status === "良好" ? [] : ranked() };

  function rate(code: FactorCode): number {
    return results.filter((r) => (r.perFactor[code] ?? 0) > 3).length / results.length;
  }
  function ranked(): RiverPollutant[] {
    const codes = new Set(results.flatMap((r) => Object.keys(r.perFactor) as FactorCode[]));
    return [...codes]
      .map((code) => ({ code, rate: rate(code) }))
      .filter((p) => p.rate > 0)
      .sort((a, b) => b.rate - a.rate || table1Item(a.code)!.no - table1Item(b.code)!.no)
      .slice(0, 3);
  }
}
