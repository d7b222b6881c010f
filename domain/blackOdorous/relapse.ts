/**
 * @module 返黑返臭 detection for the seed plan 三(一)1「巩固建成区黑臭水体治理成效，建立防止返黑返臭的长效机制，
 * 努力实现"长制久清"」. No numeric definition was found (reference §3.2, open question 3): a water body whose
 * black-odour was eliminated, or which is held as 长制久清, relapses when a round graded after that status began
 * (by the 2015 guide's rules, waterBody.ts) is 轻度 or 重度黑臭.
 */
import { dayNumber } from "../supervision/days";
import { GRADE_LABELS } from "./thresholds";
import type { WaterBodyGrade } from "./waterBody";

/** Where a listed black-odorous water body stands. */
export type RemediationStatus = "identified" | "underTreatment" | "eliminated" | "longTermEffective";

/** Chinese names of the statuses. */
export const STATUS_LABELS: Readonly<Record<RemediationStatus, string>> = {
  identified: "已排查认定",
  underTreatment: "治理中",
  eliminated: "已消除黑臭",
  longTermEffective: "长制久清",
};

/** A water body on the list. */
export interface ListedWaterBody {
  /** Id. */
  id: string;
  /** Name, e.g. "白马门河（建成区段）". */
  name: string;
  /** Current status. */
  status: RemediationStatus;
  /** Day the status began, "YYYY-MM-DD". */
  statusSince: string;
}

/** A relapse found. */
export interface RelapseFinding {
  /** The water body. */
  waterBodyId: string;
  /** Its status before the relapse. */
  previousStatus: "eliminated" | "longTermEffective";
  /** The new grade (never 不黑臭). */
  grade: "light" | "severe";
  /** Sampling day of the round. */
  date: string;
  /** Black-odorous points of the round. */
  pointIds: string[];
  /** Chinese statement. */
  zh: string;
  /** English statement. */
  en: string;
  /** The grade's own reasons (rules fired, with numbers). */
  reasons: WaterBodyGrade["reasons"];
}

/**
 * A relapse finding, or null: none when the body is not (yet) eliminated, the round is clear, or the round was
 * sampled before the status began.
 * @example detectRelapse({ id: "b1", name: "白马门河", status: "eliminated", statusSince: "2021-10-01" }, "2022-07-12", lightRound)?.zh
 * // "白马门河（已消除黑臭）2022-07-12 监测判定为轻度黑臭，返黑返臭"
 */
export function detectRelapse(body: ListedWaterBody, date: string, round: WaterBodyGrade): RelapseFinding | null {
  if (body.status !== "eliminated" && body.status !== "longTermEffective") return null;
  if (round.grade === "none") return null;
  if (dayNumber(date) < dayNumber(body.statusSince)) return null;
  const grade = round.grade;
  return {
    waterBodyId: body.id,
    previousStatus: body.status,
    grade,
    date,
    pointIds: round.points.filter((p) => p.grade !== "none").map((p) => p.id),
    zh: `${body.name}（${STATUS_LABELS[body.status]}）${date} 监测判定为${GRADE_LABELS[grade].zh}，返黑返臭`,
    en: `${body.name} (${body.status === "eliminated" ? "eliminated" : "long-term effective"}) graded ${GRADE_LABELS[grade].en} on ${date}: relapse`,
    reasons: round.reasons,
  };
}
