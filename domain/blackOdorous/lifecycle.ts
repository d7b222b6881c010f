/**
 * @module Lifecycle of a listed black-odorous water body (seed plan 三(一)1; 《城市黑臭水体整治工作指南》2015):
 * 已排查认定 → 治理中 → 已消除黑臭 → 长制久清. The responsible department (主责部门) starts treatment; the office
 * declares elimination — only on a sampling round graded 不黑臭 after treatment began — and 长制久清; a round graded
 * black-odorous after elimination sends the body back to 治理中 by itself (返黑返臭, relapse.ts).
 */
import { defineLifecycle } from "../registries/lifecycle";
import { dayNumber } from "../supervision/days";
import { STATUS_LABELS, type RemediationStatus } from "./relapse";
import type { BlackOdorGrade } from "./thresholds";

/** Statuses in order. */
export const BODY_STATUSES: readonly RemediationStatus[] = ["identified", "underTreatment", "eliminated", "longTermEffective"];

/** Actions on a body. */
export type BodyAction = "startTreatment" | "eliminate" | "confirmLongTerm" | "relapse";

/** The lifecycle. */
export const BODY_LIFECYCLE = defineLifecycle<RemediationStatus, BodyAction>(
  BODY_STATUSES,
  {
    identified: { zh: STATUS_LABELS.identified, en: "identified" },
    underTreatment: { zh: STATUS_LABELS.underTreatment, en: "under treatment" },
    eliminated: { zh: STATUS_LABELS.eliminated, en: "eliminated" },
    longTermEffective: { zh: STATUS_LABELS.longTermEffective, en: "long-term effective" },
  },
  [
    { action: "startTreatment", from: ["identified"], to: "underTreatment", by: "unit", label: { zh: "开始治理", en: "Start treatment" } },
    { action: "eliminate", from: ["underTreatment"], to: "eliminated", by: "office", label: { zh: "认定消除黑臭", en: "Declare eliminated" } },
    { action: "confirmLongTerm", from: ["eliminated"], to: "longTermEffective", by: "office", label: { zh: "认定长制久清", en: "Declare long-term effective" } },
    { action: "relapse", from: ["eliminated", "longTermEffective"], to: "underTreatment", by: "system", label: { zh: "返黑返臭", en: "Relapse" } },
  ],
);

/** The newest graded round of a body, as elimination needs it. */
export interface LatestRound {
  grade: BlackOdorGrade;
  /** Last sampling day of the round. */
  sampledTo: string;
}

/**
 * Why a body cannot be declared eliminated now, or null: it needs a round graded 不黑臭 whose sampling ended on
 * or after the day treatment began.
 * @example eliminationProblem({ grade: "none", sampledTo: "2022-06-10" }, "2022-03-01") // null
 */
export function eliminationProblem(latest: LatestRound | null, treatmentSince: string): string | null {
  if (!latest) return "尚无监测结果：须有治理后的一次监测判定为不黑臭";
  if (dayNumber(latest.sampledTo) < dayNumber(treatmentSince)) return "最近一次监测早于开始治理，须有治理后的监测结果";
  if (latest.grade !== "none") return `最近一次监测判定为${latest.grade === "severe" ? "重度黑臭" : "轻度黑臭"}，不能认定消除`;
  return null;
}

/** Kinds of listed water body. */
export const BODY_KINDS = ["river", "lake", "pond", "ditch"] as const;
/** Names of the kinds. */
export const BODY_KIND_LABELS: Readonly<Record<(typeof BODY_KINDS)[number], { zh: string; en: string }>> = {
  river: { zh: "河流", en: "river" },
  lake: { zh: "湖泊", en: "lake" },
  pond: { zh: "坑塘", en: "pond" },
  ditch: { zh: "沟渠", en: "ditch" },
};

/** Whether a body is past its 达标期限 without being eliminated (today not yet late). */
export function pastDeadline(status: RemediationStatus, deadline: string | null, today: string): boolean {
  return deadline !== null && (status === "identified" || status === "underTreatment") && dayNumber(deadline) < dayNumber(today);
}
