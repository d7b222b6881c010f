/**
 * @module The figures of the monthly water-quality report (水质月报): each section's class for the month from its
 * monthly means (server/routes/readings/assessment.ts `assessMonth`: GB 3838-2002 Table 1 and 《地表水环境质量评价
 * 办法（试行）》 — means first, then class), attainment of its target class, its main pollutants with 超标倍数, and the
 * district's totals: class counts, Ⅰ–Ⅲ and 劣Ⅴ shares, 达标率 (domain/assessment/targets.ts) and how often each
 * pollutant was a main pollutant. The readings are those the public site uses: the finest of lab samples, daily
 * and hourly data a section has that month, on the published basis (reviewed data: values rejected on review or
 * flagged by QC and still waiting for review are left out and counted).
 */
import type { Kysely } from "kysely";
import type { DB, PointRow, ReadingRow } from "../db/schema";
import { assessMonth } from "../routes/readings/assessment";
import { publishedMonthOfPoints } from "../monitoring/publishedMonth";
import { reportSections } from "../repositories/report.repository";
import { attainmentRate } from "../../domain/assessment/targets";
import { classShares } from "../../domain/assessment/riverGrade";
import { FACTORS, type FactorCode } from "../../domain/standards/factors";
import type { WaterClass } from "../../domain/standards/gb3838";
import { monthBounds } from "./period";

/** One section of the report. */
export interface SectionMonth {
  code: string;
  name: string;
  waterBody: string | null;
  /** 国控/省控/市控/县控 as stored (national…county), or null. */
  level: string | null;
  targetClass: WaterClass | null;
  /** Class of the month, null when the section has no data. */
  class: WaterClass | null;
  /** Whether the class attains the target; null without class or target. */
  attained: boolean | null;
  mainPollutants: { code: string; name: string; class: WaterClass; multiple: number | null }[];
  /** Routine items worse than the target class. */
  overTarget: string[];
  /** The readings' period used (sample, day, hour), null without data. */
  period: string | null;
  samples: number;
  /** Readings left out of the published basis (flagged and waiting for review, or rejected). */
  qcExcluded: number;
  /** Monthly mean of each item (assessment units). */
  means: Record<string, number>;
}

/** The report's figures. */
export interface WaterQualityReport {
  period: string;
  sections: SectionMonth[];
  totals: {
    sections: number;
    /** Sections with a class this month. */
    assessed: number;
    /** Sections with class and target that attain it. */
    attained: number;
    /** Sections with class and target. */
    withTarget: number;
    /** 达标率 in percent (one decimal), null when no section has class and target. */
    attainmentRate: number | null;
    /** Sections per class 1–6 (6 = 劣Ⅴ). */
    classCounts: Record<WaterClass, number>;
    /** Ⅰ–Ⅲ share of assessed sections in percent (one decimal), null when none is assessed. */
    goodShare: number | null;
    /** 劣Ⅴ share of assessed sections in percent. */
    inferiorShare: number | null;
    /** Main pollutants by how many sections they were one of, most first. */
    pollutants: { code: string; name: string; sections: number }[];
  };
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
const nameOf = (code: string) => FACTORS[code as FactorCode]?.nameZh ?? code;

/**
 * Assesses one section's month from its published readings (already chosen: one period, current versions, reviewed
 * data as the public site uses them); `excluded` counts the values left out (waiting for review or rejected).
 */
export function sectionMonth(point: PointRow, period: string, readingPeriod: string | null, used: readonly ReadingRow[], excluded = 0): SectionMonth {
  const a = assessMonth(point, period, used);
  const m = a.monthly;
  return {
    code: point.code,
    name: point.name,
    waterBody: point.water_body,
    level: point.level,
    targetClass: a.targetClass,
    class: m?.class ?? null,
    attained: m?.attainment ? m.attainment.attained : null,
    mainPollutants: (m?.mainPollutants ?? []).map((p) => ({ code: p.code, name: nameOf(p.code), class: p.class, multiple: p.multiple })),
    overTarget: (m?.factorsOverTarget ?? []).map(nameOf),
    period: m ? readingPeriod : null,
    samples: m?.sampleCount ?? 0,
    qcExcluded: excluded,
    means: m ? Object.fromEntries(Object.entries(m.means).map(([k, v]) => [k, v!.mean])) : {},
  };
}

/** The district's totals over the sections' months. */
export function waterTotals(sections: readonly SectionMonth[]): WaterQualityReport["totals"] {
  const classes = sections.flatMap((s) => (s.class ? [s.class] : []));
  const judged = sections.flatMap((s) => (s.class && s.targetClass ? [{ actual: s.class, target: s.targetClass }] : []));
  const rate = attainmentRate(judged);
  const shares = classShares(classes);
  const classCounts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 } as Record<WaterClass, number>;
  for (const c of classes) classCounts[c]++;
  const byPollutant = new Map<string, number>();
  for (const s of sections) for (const p of s.mainPollutants) byPollutant.set(p.code, (byPollutant.get(p.code) ?? 0) + 1);
  return {
    sections: sections.length,
    assessed: classes.length,
    attained: judged.filter((j) => j.actual <= j.target).length,
    withTarget: judged.length,
    attainmentRate: rate === null ? null : Math.round(rate * 1000) / 10,
    classCounts,
    goodShare: pct(shares.good, shares.total),
    inferiorShare: pct(shares.inferiorV, shares.total),
    pollutants: [...byPollutant.entries()]
      .map(([code, n]) => ({ code, name: nameOf(code), sections: n }))
      .sort((a, b) => b.sections - a.sections || a.code.localeCompare(b.code)),
  };
}

/** Gathers and assesses the month for every section. */
export async function waterQualityReport(db: Kysely<DB>, period: string): Promise<WaterQualityReport> {
  const points = await reportSections(db);
  const { from, to } = monthBounds(period);
  const { periodOf, rows, states } = await publishedMonthOfPoints(db, points.map((p) => p.id), from, to);
  const excluded = (id: string) => (states.get(id)?.pending ?? 0) + (states.get(id)?.rejected ?? 0);
  const sections = points.map((p) => sectionMonth(p, period, periodOf.get(p.id) ?? null, rows.get(p.id) ?? [], excluded(p.id)));
  return { period, sections, totals: waterTotals(sections) };
}
