/**
 * @module The supervision settings the office edits (seed plan 四(四)「严格督查督办」 names the measures, not their
 * thresholds): the ladder (ladderConfig.ts) and the reminder days before a due date (7/3/1 by default, issue 3 §5).
 * Stored as JSON; `settingsProblems` says what is wrong with a stored or submitted value, in Chinese, with the path.
 */
import { DEFAULT_LADDER_CONFIG, LADDER_STEPS, STEP_LABELS, type LadderConfig } from "./ladderConfig";
import { DEFAULT_REMINDER_OFFSETS } from "./deadlines";

/** When reminders go out. */
export interface ReminderSettings {
  /** Days before a due date on which the responsible units are reminded, e.g. [7, 3, 1]. */
  offsets: number[];
  /** Remind units of rounds (调度) they have not answered, on the same days, as well as of task deadlines. */
  rounds: boolean;
}

/** Every supervision setting. */
export interface SupervisionSettings {
  ladder: LadderConfig;
  reminders: ReminderSettings;
}

/** The project defaults. */
export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  ladder: DEFAULT_LADDER_CONFIG,
  reminders: { offsets: [...DEFAULT_REMINDER_OFFSETS], rounds: true },
};

/** A problem at a path of the settings. */
export interface SettingsProblem {
  path: string;
  message: string;
}

const positive = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n > 0;
const count = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;

/**
 * What is wrong with a ladder setting. Beyond the shape: 提醒 is the one automatic rung (issue 3 §3: "reminders are
 * automatic; every later step needs an office user's confirmation").
 * @example ladderProblems(DEFAULT_LADDER_CONFIG) // []
 */
export function ladderProblems(c: LadderConfig): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  for (const step of LADDER_STEPS) {
    const rule = c.steps?.[step];
    const at = `ladder.steps.${step}`;
    const name = STEP_LABELS[step].zh;
    if (!rule) {
      out.push({ path: at, message: `缺少“${name}”的设置` });
      continue;
    }
    const t = rule.triggers ?? {};
    if (t.daysOverdue !== undefined && !positive(t.daysOverdue)) out.push({ path: `${at}.triggers.daysOverdue`, message: `“${name}”的逾期天数应为正整数` });
    if (t.missedRounds !== undefined && !positive(t.missedRounds)) out.push({ path: `${at}.triggers.missedRounds`, message: `“${name}”的未报送轮次应为正整数` });
    if (t.lateness !== undefined && !(positive(t.lateness.count) && positive(t.lateness.withinDays)))
      out.push({ path: `${at}.triggers.lateness`, message: `“${name}”的迟报次数和统计天数应为正整数` });
    if (t.daysOverdue === undefined && t.missedRounds === undefined && t.lateness === undefined)
      out.push({ path: `${at}.triggers`, message: `“${name}”至少需要一个触发条件，否则永远不会提出` });
    if (!count(rule.minDaysSincePrevious)) out.push({ path: `${at}.minDaysSincePrevious`, message: `“${name}”的间隔天数应为不小于 0 的整数` });
    if (rule.automatic !== (step === "reminder"))
      out.push({ path: `${at}.automatic`, message: step === "reminder" ? "“提醒”由系统自动发出" : `“${name}”须经攻坚办确认，不能自动采取` });
  }
  if (typeof c.allowSkip !== "boolean") out.push({ path: "ladder.allowSkip", message: "应为是或否" });
  if (typeof c.accountabilityNeedsInterviewMinutes !== "boolean") out.push({ path: "ladder.accountabilityNeedsInterviewMinutes", message: "应为是或否" });
  return out;
}

/**
 * What is wrong with the reminder days: 1–60 days, no repeats.
 * @example reminderProblems({ offsets: [7, 3, 1], rounds: true }) // []
 */
export function reminderProblems(r: ReminderSettings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (!Array.isArray(r.offsets) || r.offsets.length > 10) out.push({ path: "reminders.offsets", message: "提醒天数最多 10 个" });
  else {
    r.offsets.forEach((d, i) => {
      if (!(positive(d) && d <= 60)) out.push({ path: `reminders.offsets.${i}`, message: "提醒天数应为 1 至 60 的整数" });
    });
    if (new Set(r.offsets).size !== r.offsets.length) out.push({ path: "reminders.offsets", message: "提醒天数不能重复" });
  }
  if (typeof r.rounds !== "boolean") out.push({ path: "reminders.rounds", message: "应为是或否" });
  return out;
}

/** Reminder days in the order they come (furthest first), as stored. */
export const sortedOffsets = (offsets: readonly number[]) => [...offsets].sort((a, b) => b - a);
