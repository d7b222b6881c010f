/**
 * @module The supervision ladder (督办阶梯) of the seed plan 四(四)「严格督查督办」: the office 调度 (dispatches rounds),
 * 督办 (issues notices) and, for units "重视不够、工作不力，目标任务进度严重滞后", escalates to 致函、曝光、约谈、
 * 提请问责. The plan names the measures but no thresholds: every number here is a project default, held in a
 * JSON-serialisable setting.
 */

/** The rungs in order; a later rung is a stronger measure. */
export const LADDER_STEPS = ["reminder", "notice", "letter", "exposure", "interview", "accountability"] as const;

/** One rung of the ladder. */
export type LadderStep = (typeof LADDER_STEPS)[number];

/** Chinese and English names of each rung (the Chinese ones are the plan's words). */
export const STEP_LABELS: Readonly<Record<LadderStep, { zh: string; en: string }>> = {
  reminder: { zh: "提醒", en: "reminder" },
  notice: { zh: "督办通知", en: "supervision notice" },
  letter: { zh: "致函", en: "formal letter" },
  exposure: { zh: "曝光", en: "public exposure" },
  interview: { zh: "约谈", en: "interview" },
  accountability: { zh: "提请问责", en: "referral for accountability" },
};

/** Conditions that make a rung due; any one that is set and met is enough. Unset conditions never fire. */
export interface StepTriggers {
  /** Fires when the task is at least this many days past its deadline. */
  daysOverdue?: number;
  /** Fires when at least this many rounds (调度) are still unanswered. */
  missedRounds?: number;
  /** Fires when at least `count` lateness records fell due within the last `withinDays` days (today included). */
  lateness?: { count: number; withinDays: number };
}

/** The rule of one rung. */
export interface StepRule {
  /** When the rung is proposed. */
  triggers: StepTriggers;
  /** Applied without an office user's confirmation (only 提醒 by default). */
  automatic: boolean;
  /** Whole days that must pass after the previous rung before this one (0 = same day allowed). */
  minDaysSincePrevious: number;
}

/** The whole ladder setting. */
export interface LadderConfig {
  /** One rule per rung. */
  steps: Record<LadderStep, StepRule>;
  /** Rungs may be skipped (e.g. straight to 约谈 after 提醒); off by default. */
  allowSkip: boolean;
  /** 提请问责 only after the 约谈 minutes are recorded; on by default. */
  accountabilityNeedsInterviewMinutes: boolean;
}

/**
 * Project defaults. 提醒 fires on the first overdue day or missed round and goes out by itself; each later rung needs
 * more lateness, a pause after the previous rung, and an office user's confirmation.
 */
export const DEFAULT_LADDER_CONFIG: LadderConfig = {
  steps: {
    reminder: { triggers: { daysOverdue: 1, missedRounds: 1 }, automatic: true, minDaysSincePrevious: 0 },
    notice: {
      triggers: { daysOverdue: 7, missedRounds: 2, lateness: { count: 3, withinDays: 30 } },
      automatic: false, minDaysSincePrevious: 3,
    },
    letter: {
      triggers: { daysOverdue: 15, missedRounds: 3, lateness: { count: 4, withinDays: 60 } },
      automatic: false, minDaysSincePrevious: 7,
    },
    exposure: {
      triggers: { daysOverdue: 30, missedRounds: 4, lateness: { count: 6, withinDays: 90 } },
      automatic: false, minDaysSincePrevious: 7,
    },
    interview: { triggers: { daysOverdue: 45, missedRounds: 5 }, automatic: false, minDaysSincePrevious: 10 },
    accountability: { triggers: { daysOverdue: 60, missedRounds: 6 }, automatic: false, minDaysSincePrevious: 14 },
  },
  allowSkip: false,
  accountabilityNeedsInterviewMinutes: true,
};

const isCount = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;

/**
 * Problems in a ladder setting read from storage (empty when it is usable).
 * @example ladderConfigProblems(DEFAULT_LADDER_CONFIG) // []
 */
export function ladderConfigProblems(config: LadderConfig): string[] {
  const problems: string[] = [];
  for (const step of LADDER_STEPS) {
    const rule = config.steps?.[step];
    if (!rule) {
      problems.push(`${step}: missing`);
      continue;
    }
    const t = rule.triggers ?? {};
    if (t.daysOverdue !== undefined && !(isCount(t.daysOverdue) && t.daysOverdue > 0))
      problems.push(`${step}: daysOverdue must be a positive integer`);
    if (t.missedRounds !== undefined && !(isCount(t.missedRounds) && t.missedRounds > 0))
      problems.push(`${step}: missedRounds must be a positive integer`);
    if (t.lateness !== undefined && !(isCount(t.lateness.count) && t.lateness.count > 0 && isCount(t.lateness.withinDays) && t.lateness.withinDays > 0))
      problems.push(`${step}: lateness needs a positive count and withinDays`);
    if (t.daysOverdue === undefined && t.missedRounds === undefined && t.lateness === undefined)
      problems.push(`${step}: no trigger set, the rung would never be proposed`);
    if (!isCount(rule.minDaysSincePrevious)) problems.push(`${step}: minDaysSincePrevious must be an integer ≥ 0`);
    if (typeof rule.automatic !== "boolean") problems.push(`${step}: automatic must be true or false`);
  }
  return problems;
}
