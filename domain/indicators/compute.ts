/**
 * @module 地表水考核断面水质达标率 from monthly means per point and factor (below-DL values at ½·DL, project
 * decision 4): each section's annual value is the mean of its monthly means, classed by GB 3838-2002 (办法 §2.1:
 * mean first, then class) and compared with its target class. (取水水质达标率 is Monitoring's:
 * server/monitoring/drinkingWater.ts.)
 */
import { classifySample } from "../assessment/sectionClass";
import { attainment } from "../assessment/targets";
import type { WaterBody, WaterClass } from "../standards/gb3838";

/** A point as the computations need it. */
export interface IndicatorPoint {
  id: string;
  code: string;
  name: string;
  body: WaterBody;
  targetClass: WaterClass | null;
}

/** Monthly means of one point, factor code → mg/L (pH unitless). */
export interface MonthlyMeans {
  pointId: string;
  /** "YYYY-MM". */
  month: string;
  means: Readonly<Record<string, number>>;
  /** The month's intake volume, when measured. */
  volume?: number;
}

/** The result of one section. */
export interface SectionAttainment {
  pointId: string;
  code: string;
  name: string;
  months: number;
  class: WaterClass | null;
  target: WaterClass;
  attained: boolean;
}

/**
 * 地表水考核断面水质达标率 in percent over the sections with a target class and data; null when none.
 * @example surfaceWaterRate([{ id: "a", code: "A", name: "A", body: "river", targetClass: 3 }], [{ pointId: "a", month: "2022-01", means: { w21003: 0.4 } }]).value // 100
 */
export function surfaceWaterRate(points: readonly IndicatorPoint[], monthly: readonly MonthlyMeans[]): { value: number | null; sections: SectionAttainment[] } {
  const sections: SectionAttainment[] = [];
  for (const p of points) {
    if (p.targetClass === null) continue;
    const months = monthly.filter((m) => m.pointId === p.id);
    if (!months.length) continue;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const m of months)
      for (const [code, v] of Object.entries(m.means)) {
        const s = sums.get(code) ?? { sum: 0, n: 0 };
        s.sum += v;
        s.n++;
        sums.set(code, s);
      }
    const annual = Object.fromEntries([...sums].map(([code, s]) => [code, s.sum / s.n]));
    const cls = classifySample(annual, { body: p.body }).class;
    if (cls === null) continue;
    sections.push({ pointId: p.id, code: p.code, name: p.name, months: months.length, class: cls, target: p.targetClass, attained: attainment(cls, p.targetClass).attained });
  }
  const value = sections.length ? (sections.filter((s) => s.attained).length / sections.length) * 100 : null;
  return { value, sections };
}
