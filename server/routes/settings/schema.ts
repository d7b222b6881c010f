/**
 * @module Requests of the supervision settings routes. The shape is checked here; the rules (提醒 automatic, the
 * rest confirmed, positive thresholds) by domain/supervision/settings.ts in the command.
 */
import { z } from "zod";

const Count = z.number().int("应为整数").min(1, "应为正整数").max(3650);

/** The conditions of one rung; a condition left out never fires. */
const Triggers = z.object({
  /** Days past a task's deadline. */
  daysOverdue: Count.optional(),
  /** Rounds still unanswered. */
  missedRounds: Count.optional(),
  /** Lateness records within a window. */
  lateness: z.object({
    /** How many. */
    count: Count,
    /** Within how many days. */
    withinDays: Count,
  }).optional(),
});

/** One rung's rule. */
const StepRule = z.object({
  /** When it is proposed. */
  triggers: Triggers,
  /** Only 提醒 is automatic. */
  automatic: z.boolean(),
  /** Days after the previous rung before this one. */
  minDaysSincePrevious: z.number().int().min(0).max(365),
});

/** The ladder setting. */
export const LadderSchema = z.object({
  /** One rule per rung. */
  steps: z.object({
    reminder: StepRule,
    notice: StepRule,
    letter: StepRule,
    exposure: StepRule,
    interview: StepRule,
    accountability: StepRule,
  }),
  /** Rungs may be skipped. */
  allowSkip: z.boolean(),
  /** 提请问责 only after the 约谈 minutes. */
  accountabilityNeedsInterviewMinutes: z.boolean(),
});

/** The reminder setting. */
export const RemindersSchema = z.object({
  /** Days before a due date, e.g. [7, 3, 1]. */
  offsets: z.array(z.number().int().min(1, "提醒天数应为 1 至 60 的整数").max(60, "提醒天数应为 1 至 60 的整数")).max(10),
  /** Also remind of unanswered rounds. */
  rounds: z.boolean(),
});

/** A change of settings: either part or both. */
export const SaveSettingsSchema = z.object({
  /** New ladder thresholds. */
  ladder: LadderSchema.optional(),
  /** New reminder days. */
  reminders: RemindersSchema.optional(),
}).refine((v) => v.ladder || v.reminders, "请提供要保存的设置");
