/**
 * @module River (and lake) grades by water body (issue 8 §7, 办法 §2.1–2.2, reference §2): the sections (points of
 * kind `section`) of each water body, each classed from its period means — the month's mean, or for longer periods
 * the mean of its monthly means — and the water body graded by domain/assessment/riverGrade.ts: fewer than 5 sections
 * (a setting) from the mean of each item, else by section class shares; lakes and reservoirs always from the
 * spatial mean. Also month by month, for the river page.
 */
import type { Kysely } from "kysely";
import type { DB, PointRow, ReadingPeriod } from "../db/schema";
import { riverGrade, DEFAULT_GRADE_THRESHOLDS, CLASS_STATUS, type GradeThresholds } from "../../domain/assessment/riverGrade";
import type { SectionGrade, WaterBodyGrade, WaterBodyYear } from "../../domain/monitoring/views";
import { classifySample, type Sample } from "../../domain/assessment/sectionClass";
import { attainment } from "../../domain/assessment/targets";
import type { WaterBody, WaterClass } from "../../domain/standards/gb3838";
import { monthlyMeansOf, type MonthlyMeanRow } from "../repositories/reading.repository";
import { listPoints } from "../repositories/point.repository";
import { monthStart, monthsBetween, nextMonth } from "./window";

const PREFERENCE: ReadingPeriod[] = ["sample", "hour", "day"];

/** The report shapes (domain/monitoring/views.ts, read by the web as they are). */
export type { SectionGrade, WaterBodyGrade, WaterBodyYear };

/** Monthly means of one section: month → factor → mean. */
type SectionMonths = Map<string, Map<string, number>>;

/** Per point: month → factor → value from the most preferred period. */
function byPointMonth(rows: readonly MonthlyMeanRow[]): Map<string, SectionMonths> {
  const rank = new Map<string, number>();
  const out = new Map<string, SectionMonths>();
  for (const r of rows) {
    const k = `${r.point_id}|${r.month}|${r.factor}`;
    const rk = PREFERENCE.indexOf(r.period);
    if (rank.has(k) && rank.get(k)! <= rk) continue;
    rank.set(k, rk);
    const p = out.get(r.point_id) ?? new Map();
    const m = p.get(r.month) ?? new Map();
    m.set(r.factor, r.mean);
    p.set(r.month, m);
    out.set(r.point_id, p);
  }
  return out;
}

/** The mean of monthly means per factor over `months`; null when no month has data. */
function periodSample(section: SectionMonths | undefined, months: readonly string[]): { sample: Sample; months: number } | null {
  if (!section) return null;
  const sums = new Map<string, { s: number; n: number }>();
  let n = 0;
  for (const month of months) {
    const m = section.get(month);
    if (!m) continue;
    n++;
    for (const [f, v] of m) {
      const x = sums.get(f) ?? { s: 0, n: 0 };
      sums.set(f, { s: x.s + v, n: x.n + 1 });
    }
  }
  return n ? { sample: Object.fromEntries([...sums].map(([f, x]) => [f, x.s / x.n])), months: n } : null;
}

const bodyOf = (p: PointRow): WaterBody => (p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river");

/** Grades the water bodies of `sections` over `months` from their monthly means (pure). */
export function gradeWaterBodies(
  sections: readonly PointRow[],
  means: ReadonlyMap<string, SectionMonths>,
  months: readonly string[],
  t: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
): WaterBodyGrade[] {
  const groups = new Map<string, PointRow[]>();
  for (const p of sections) if (p.water_body) groups.set(p.water_body, [...(groups.get(p.water_body) ?? []), p]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "zh")).map(([waterBody, ps]) => {
    const body = bodyOf(ps[0]);
    const samples: Sample[] = [];
    const out: SectionGrade[] = ps.map((p) => {
      const ps = periodSample(means.get(p.id), months);
      const r = ps ? classifySample(ps.sample, { body }) : null;
      if (ps && r?.class) samples.push(ps.sample);
      const cls = r?.class ?? null;
      return {
        id: p.id, code: p.code, name: p.name, level: p.level, targetClass: p.target_class,
        class: cls, status: cls ? CLASS_STATUS[cls] : null,
        attained: cls && p.target_class ? attainment(cls, p.target_class as WaterClass).attained : null,
        mainPollutants: r?.mainPollutants ?? [], months: ps?.months ?? 0,
      };
    });
    let grade: WaterBodyGrade["grade"] = null;
    if (samples.length) {
      // Lakes and reservoirs: the spatial mean of the points, then the section method (办法 §2.2).
      const g = riverGrade(samples, { body }, body === "lake" ? { ...t, minSections: Infinity } : t);
      grade = { method: g.method, status: g.status, class: g.class, shares: g.shares, mainPollutants: g.mainPollutants };
    }
    return { waterBody, body, sections: out, grade };
  });
}

/** The sections (active points of kind `section`), optionally of one water body. */
async function sectionsOf(db: Kysely<DB>, waterBody?: string) {
  return (await listPoints(db, { kind: "section", waterBody })).filter((p) => p.active);
}

/**
 * Grades of every water body (or one) over the Beijing months [from, to].
 * @example (await riverGrades(db, { from: "2024-01", to: "2024-12" }))[0].grade?.status // "良好"
 */
export async function riverGrades(db: Kysely<DB>, q: { from: string; to: string; waterBody?: string }, t?: GradeThresholds): Promise<WaterBodyGrade[]> {
  const sections = await sectionsOf(db, q.waterBody);
  const rows = await monthlyMeansOf(db, { pointIds: sections.map((p) => p.id), from: monthStart(q.from), to: monthStart(nextMonth(q.to)), periods: PREFERENCE });
  return gradeWaterBodies(sections, byPointMonth(rows), monthsBetween(q.from, q.to), t);
}

/**
 * One water body over a year: the year's grade and each month's, with every section's class per month.
 * Null when the water body has no sections.
 */
export async function riverYear(db: Kysely<DB>, waterBody: string, year: number, t?: GradeThresholds): Promise<WaterBodyYear | null> {
  const sections = await sectionsOf(db, waterBody);
  if (sections.length === 0) return null;
  const from = `${year}-01`, to = `${year}-12`;
  const rows = await monthlyMeansOf(db, { pointIds: sections.map((p) => p.id), from: monthStart(from), to: monthStart(nextMonth(to)), periods: PREFERENCE });
  const means = byPointMonth(rows);
  const months = monthsBetween(from, to);
  const [yearGrade] = gradeWaterBodies(sections, means, months, t);
  return {
    year,
    ...yearGrade,
    months: months.map((month) => ({ month, ...gradeWaterBodies(sections, means, [month], t)[0] })),
  };
}
