/**
 * @module Grade of one monitoring point, 《城市黑臭水体整治工作指南》(2015) 水质检测与判定 (reference §3.2): a point
 * is 重度黑臭 when one indicator has ≥ 60% of its results at 重度, or two or more indicators each have ≥ 30% at
 * 重度. The guide then says "otherwise 轻度"; read alone that would make every point 轻度, so the same rule is
 * applied one level down: a point is 轻度黑臭 when one indicator has ≥ 60% of its results at 轻度 or worse, or two
 * indicators ≥ 30%; otherwise it is 不黑臭 (project reading). Shares are exact: "3 of 5" is 60%.
 */
import { gradeResult, INDICATOR_LABELS, INDICATORS, type BlackOdorGrade, type Indicator } from "./thresholds";

/** One round's results at a point (missing indicators are left out). */
export interface PointSample {
  /** Sampling day, "YYYY-MM-DD". */
  date?: string;
  /** Water depth at the point, cm (needed only below 25 cm). */
  depthCm?: number;
  /** 透明度, cm. */
  transparency?: number;
  /** 溶解氧, mg/L. */
  dissolvedOxygen?: number;
  /** 氧化还原电位, mV. */
  orp?: number;
  /** 氨氮, mg/L. */
  ammonia?: number;
}

/** How one indicator's results at a point were graded. */
export interface IndicatorTally {
  /** Results with a value. */
  total: number;
  /** Of these, at 重度. */
  severe: number;
  /** Of these, at 轻度 or 重度. */
  blackOdorous: number;
}

/** A rule that fired at a point. */
export interface PointReason {
  /** The level it decides. */
  level: "severe" | "light";
  /** Which form of the rule. */
  rule: "oneIndicator60" | "twoIndicators30";
  /** Indicators meeting the share, with their counts. */
  indicators: { indicator: Indicator; count: number; total: number }[];
  /** Chinese wording. */
  zh: string;
  /** English wording. */
  en: string;
}

/** The grade of a point with what decided it. */
export interface PointGrade {
  /** The grade. */
  grade: BlackOdorGrade;
  /** Tallies per indicator. */
  tallies: Record<Indicator, IndicatorTally>;
  /** Rules that fired at the deciding level (empty for 不黑臭). */
  reasons: PointReason[];
}

/** count / total ≥ percent / 100, in integers so that exactly 60% or 30% holds. */
const reaches = (count: number, total: number, percent: number) => total > 0 && count * 100 >= percent * total;

const pct = (count: number, total: number) => `${Math.round((count / total) * 1000) / 10}%`;

/** Tallies of each indicator over a point's samples. */
export function tallyPoint(samples: readonly PointSample[]): Record<Indicator, IndicatorTally> {
  const out = Object.fromEntries(INDICATORS.map((i) => [i, { total: 0, severe: 0, blackOdorous: 0 }])) as Record<Indicator, IndicatorTally>;
  for (const s of samples)
    for (const i of INDICATORS) {
      const v = s[i];
      if (v === undefined || v === null) continue;
      const g = gradeResult(i, v, s.depthCm);
      const t = out[i];
      t.total++;
      if (g === "severe") t.severe++;
      if (g !== "none") t.blackOdorous++;
    }
  return out;
}

/** The rules that fire at one level. */
function rulesAt(level: "severe" | "light", tallies: Record<Indicator, IndicatorTally>): PointReason[] {
  const count = (t: IndicatorTally) => (level === "severe" ? t.severe : t.blackOdorous);
  const word = level === "severe" ? { zh: "重度", en: "severe" } : { zh: "轻度及以上", en: "light or worse" };
  const at = (p: number) => INDICATORS.filter((i) => reaches(count(tallies[i]), tallies[i].total, p))
    .map((indicator) => ({ indicator, count: count(tallies[indicator]), total: tallies[indicator].total }));
  const list = (xs: ReturnType<typeof at>, lang: "zh" | "en") =>
    xs.map((x) => `${INDICATOR_LABELS[x.indicator][lang]} ${x.count}/${x.total} (${pct(x.count, x.total)})`).join(lang === "zh" ? "、" : ", ");
  const out: PointReason[] = [];
  const at60 = at(60);
  if (at60.length)
    out.push({
      level, rule: "oneIndicator60", indicators: at60,
      zh: `单项指标 ≥60% 的检测结果为${word.zh}：${list(at60, "zh")}`,
      en: `one indicator has ≥60% of results ${word.en}: ${list(at60, "en")}`,
    });
  const at30 = at(30);
  if (at30.length >= 2)
    out.push({
      level, rule: "twoIndicators30", indicators: at30,
      zh: `两项及以上指标各有 ≥30% 的检测结果为${word.zh}：${list(at30, "zh")}`,
      en: `two or more indicators each have ≥30% of results ${word.en}: ${list(at30, "en")}`,
    });
  return out;
}

/**
 * Grades a point from its rounds of results.
 * @example gradePoint([{ ammonia: 16 }, { ammonia: 16 }, { ammonia: 5 }]).grade // "severe" — 2/3 ≥ 60%
 */
export function gradePoint(samples: readonly PointSample[]): PointGrade {
  const tallies = tallyPoint(samples);
  const severe = rulesAt("severe", tallies);
  if (severe.length) return { grade: "severe", tallies, reasons: severe };
  const light = rulesAt("light", tallies);
  return { grade: light.length ? "light" : "none", tallies, reasons: light };
}
