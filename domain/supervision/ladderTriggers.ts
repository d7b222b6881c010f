/**
 * @module Trigger checks of the supervision ladder (seed plan 四(四)「严格督查督办」, thresholds per
 * ladderConfig.ts): which conditions of a rung hold for a unit's facts, each as a bilingual reason.
 */
import { dayNumber, type DateInput } from "./days";
import type { StepTriggers } from "./ladderConfig";

/** What is known about one (task, unit) on the evaluation day. */
export interface LadderFacts {
  /** Days the task is past its deadline today (0 when not overdue or done). */
  daysOverdue: number;
  /** Rounds (调度) past their due date with no submission from the unit. */
  missedRounds: number;
  /** The unit's lateness records (missing or late submissions), dated by the round's due date. */
  lateness: readonly { dueDate: DateInput }[];
}

/** Which condition fired. */
export type TriggerKind = "daysOverdue" | "missedRounds" | "lateness";

/** One fired condition, with the numbers behind it. */
export interface LadderReason {
  /** The condition. */
  /** The condition; "judgement" for a rung the office decided on its own (no trigger fired). */
  kind: TriggerKind | "judgement";
  /** The unit's figure. */
  value: number;
  /** The configured threshold it reached. */
  threshold: number;
  /** For `lateness`: the window in days. */
  withinDays?: number;
  /** Chinese wording for the notice. */
  zh: string;
  /** English wording. */
  en: string;
}

/**
 * Lateness records due within the last `withinDays` days, today included: due dates in (today − withinDays, today].
 * @example latenessWithin([{ dueDate: "2022-06-01" }], 30, "2022-06-30") // 1 — day 30 of the window
 */
export function latenessWithin(records: LadderFacts["lateness"], withinDays: number, today: DateInput): number {
  const t = dayNumber(today);
  return records.filter((r) => {
    const age = t - dayNumber(r.dueDate);
    return age >= 0 && age < withinDays;
  }).length;
}

/**
 * The conditions of `triggers` that hold (empty when the rung is not due).
 * @example firedTriggers({ daysOverdue: 7 }, { daysOverdue: 7, missedRounds: 0, lateness: [] }, "2022-06-01")[0].zh
 * // "任务逾期 7 天（达到 7 天）"
 */
export function firedTriggers(triggers: StepTriggers, facts: LadderFacts, today: DateInput): LadderReason[] {
  const out: LadderReason[] = [];
  const { daysOverdue, missedRounds, lateness } = triggers;
  if (daysOverdue !== undefined && facts.daysOverdue >= daysOverdue)
    out.push({
      kind: "daysOverdue", value: facts.daysOverdue, threshold: daysOverdue,
      zh: `任务逾期 ${facts.daysOverdue} 天（达到 ${daysOverdue} 天）`,
      en: `task ${facts.daysOverdue} days overdue (threshold ${daysOverdue})`,
    });
  if (missedRounds !== undefined && facts.missedRounds >= missedRounds)
    out.push({
      kind: "missedRounds", value: facts.missedRounds, threshold: missedRounds,
      zh: `${facts.missedRounds} 轮调度未报送（达到 ${missedRounds} 轮）`,
      en: `${facts.missedRounds} rounds not submitted (threshold ${missedRounds})`,
    });
  if (lateness !== undefined) {
    const n = latenessWithin(facts.lateness, lateness.withinDays, today);
    if (n >= lateness.count)
      out.push({
        kind: "lateness", value: n, threshold: lateness.count, withinDays: lateness.withinDays,
        zh: `近 ${lateness.withinDays} 天内迟报、漏报 ${n} 次（达到 ${lateness.count} 次）`,
        en: `${n} late or missing submissions in the last ${lateness.withinDays} days (threshold ${lateness.count})`,
      });
  }
  return out;
}

/** The unit has nothing outstanding: no overdue task and no unanswered round. */
export const isCaughtUp = (facts: LadderFacts): boolean => facts.daysOverdue <= 0 && facts.missedRounds <= 0;
