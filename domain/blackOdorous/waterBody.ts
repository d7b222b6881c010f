/**
 * @module Grade of a whole water body, 《城市黑臭水体整治工作指南》(2015) 水质检测与判定 (reference §3.2): ≥ 3 points
 * (200–600 m apart) sampled in ≥ 3 rounds; 3 or more consecutive 重度 points make the stretch between them 重度;
 * ≥ 60% of points at 重度 make the whole body 重度. The guide gives no body-level rule for 轻度: a body with any
 * black-odorous point and not 重度 as a whole is 轻度黑臭, and 不黑臭 needs every point 不黑臭 (project reading).
 */
import { gradePoint, type PointGrade, type PointSample } from "./point";
import { GRADE_LABELS, INDICATOR_LABELS, INDICATORS, type BlackOdorGrade } from "./thresholds";

/** The guide's minimum points per water body and rounds per point. */
export const MIN_POINTS = 3;
/** The guide's minimum sampling rounds. */
export const MIN_ROUNDS = 3;
/** Share of 重度 points (percent) that makes the whole body 重度. */
export const SEVERE_BODY_PERCENT = 60;
/** Consecutive 重度 points that make a 重度 stretch. */
export const SEVERE_STRETCH_POINTS = 3;

/** A monitoring point with its rounds; points are given in order along the water body. */
export interface MonitoringPoint {
  /** Point id. */
  id: string;
  /** The rounds' results. */
  samples: readonly PointSample[];
}

/** A graded point. */
export interface GradedPoint extends PointGrade {
  /** Point id. */
  id: string;
}

/** Why the body got its grade. */
export interface BodyReason {
  /** The rule. */
  rule: "severePointShare" | "severeStretch" | "blackOdorousPoints" | "allPointsClear";
  /** Chinese wording with the numbers. */
  zh: string;
  /** English wording. */
  en: string;
}

/** A data-sufficiency warning (the grade is still given). */
export interface BodyWarning {
  /** Which requirement is not met. */
  kind: "fewPoints" | "fewRounds" | "missingIndicator";
  /** The point concerned, if any. */
  pointId?: string;
  /** Chinese wording. */
  zh: string;
  /** English wording. */
  en: string;
}

/** The grade of a water body for one monitoring campaign. */
export interface WaterBodyGrade {
  /** 不黑臭 / 轻度黑臭 / 重度黑臭. */
  grade: BlackOdorGrade;
  /** Each point, in order. */
  points: GradedPoint[];
  /** 重度 points ÷ all points. */
  severePoints: { count: number; total: number };
  /** Runs of ≥ 3 consecutive 重度 points (first and last id): these stretches are 重度. */
  severeStretches: { fromPointId: string; toPointId: string; pointIds: string[] }[];
  /** The rules that decided the grade. */
  reasons: BodyReason[];
  /** Where the data fall short of the guide's sampling rules. */
  warnings: BodyWarning[];
}

/** Runs of at least `min` consecutive 重度 points. */
function stretches(points: readonly GradedPoint[], min: number): WaterBodyGrade["severeStretches"] {
  const out: WaterBodyGrade["severeStretches"] = [];
  let run: string[] = [];
  for (const p of [...points, null]) {
    if (p?.grade === "severe") run.push(p.id);
    else {
      if (run.length >= min) out.push({ fromPointId: run[0], toPointId: run[run.length - 1], pointIds: run });
      run = [];
    }
  }
  return out;
}

/** Warnings about the sampling design. */
function warningsFor(points: readonly MonitoringPoint[]): BodyWarning[] {
  const out: BodyWarning[] = [];
  if (points.length < MIN_POINTS)
    out.push({ kind: "fewPoints", zh: `监测点 ${points.length} 个，少于 ${MIN_POINTS} 个`, en: `${points.length} points, fewer than ${MIN_POINTS}` });
  for (const p of points) {
    if (p.samples.length < MIN_ROUNDS)
      out.push({ kind: "fewRounds", pointId: p.id, zh: `${p.id}：检测 ${p.samples.length} 次，少于 ${MIN_ROUNDS} 次`, en: `${p.id}: ${p.samples.length} rounds, fewer than ${MIN_ROUNDS}` });
    const missing = INDICATORS.filter((i) => !p.samples.some((s) => s[i] !== undefined));
    if (missing.length)
      out.push({
        kind: "missingIndicator", pointId: p.id,
        zh: `${p.id}：缺少${missing.map((i) => INDICATOR_LABELS[i].zh).join("、")}`,
        en: `${p.id}: no results for ${missing.map((i) => INDICATOR_LABELS[i].en).join(", ")}`,
      });
  }
  return out;
}

/**
 * Grades a water body from its points (in order along the body).
 * @example gradeWaterBody(points).grade // "severe" when ≥ 60% of points are 重度
 */
export function gradeWaterBody(points: readonly MonitoringPoint[]): WaterBodyGrade {
  if (!points.length) throw new RangeError("a water body needs at least one monitoring point");
  const graded = points.map((p) => ({ id: p.id, ...gradePoint(p.samples) }));
  const total = graded.length;
  const severe = graded.filter((p) => p.grade === "severe").length;
  const black = graded.filter((p) => p.grade !== "none");
  const runs = stretches(graded, SEVERE_STRETCH_POINTS);
  const reasons: BodyReason[] = [];
  const share = `${severe}/${total} (${Math.round((severe / total) * 1000) / 10}%)`;
  const bodySevere = severe * 100 >= SEVERE_BODY_PERCENT * total;
  if (bodySevere)
    reasons.push({ rule: "severePointShare", zh: `重度黑臭监测点 ${share}，达到 ${SEVERE_BODY_PERCENT}%`, en: `severe points ${share}, at least ${SEVERE_BODY_PERCENT}%` });
  for (const r of runs)
    reasons.push({
      rule: "severeStretch",
      zh: `连续 ${r.pointIds.length} 个监测点重度黑臭（${r.fromPointId}—${r.toPointId}），该段为重度黑臭`,
      en: `${r.pointIds.length} consecutive severe points (${r.fromPointId}–${r.toPointId}): that stretch is severe`,
    });
  let grade: BlackOdorGrade = "none";
  if (bodySevere) grade = "severe";
  else if (black.length) {
    grade = "light";
    const ids = black.map((p) => `${p.id}(${GRADE_LABELS[p.grade].zh})`).join("、");
    reasons.push({
      rule: "blackOdorousPoints",
      zh: `${black.length}/${total} 个监测点黑臭：${ids}；重度监测点 ${share}，未达 ${SEVERE_BODY_PERCENT}%`,
      en: `${black.length}/${total} points black-odorous; severe points ${share}, below ${SEVERE_BODY_PERCENT}%`,
    });
  } else reasons.push({ rule: "allPointsClear", zh: `${total} 个监测点均不黑臭`, en: `all ${total} points not black-odorous` });
  return { grade, points: graded, severePoints: { count: severe, total }, severeStretches: runs, reasons, warnings: warningsFor(points) };
}
