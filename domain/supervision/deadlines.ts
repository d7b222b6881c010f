/**
 * @module Task deadlines per responsible unit (the plan's 完成时限, seed plan 四(二)「明确工作任务、完成时限、
 * 责任单位」): days overdue as of today, and reminders due a configurable number of days before a deadline
 * (7/3/1 by default). Days are local (Asia/Shanghai) calendar days; finishing on the deadline day is on time.
 */
import { dayNumber, type DateInput, type IsoDate } from "./days";

/** One unit's deadline on one task. */
export interface Deadline {
  /** The task. */
  taskId: string;
  /** The responsible unit. */
  unitId: string;
  /** Last local day to finish. */
  dueDate: IsoDate;
  /** When the unit finished (absent while open). */
  completedAt?: DateInput;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reminder offsets in days before the deadline (a setting). */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [7, 3, 1];

/** Done by `today` (a completion recorded for a later day does not count yet). */
const isDone = (d: Deadline, today: DateInput) => d.completedAt !== undefined && dayNumber(d.completedAt) <= dayNumber(today);

/**
 * Days the deadline is overdue today: 0 when done (on time or not) or not yet due. Feeds the ladder.
 * @example daysOverdue({ taskId: "t", unitId: "u", dueDate: "2022-05-30" }, "2022-06-02") // 3
 */
export function daysOverdue(d: Deadline, today: DateInput): number {
  if (isDone(d, today)) return 0;
  return Math.max(0, dayNumber(today) - dayNumber(d.dueDate));
}

/**
 * Days late of a deadline for scoring: final when done late, running while open and past due, 0 otherwise.
 * @example lateDays({ taskId: "t", unitId: "u", dueDate: "2022-05-30", completedAt: "2022-06-04" }, "2022-07-01") // 5
 */
export function lateDays(d: Deadline, today: DateInput): number {
  const end = isDone(d, today) ? d.completedAt! : today;
  return Math.max(0, dayNumber(end) - dayNumber(d.dueDate));
}

/** Where a deadline stands today: "pending" (open, not yet past due), "onTime", "late" (done late), "overdue" (open, past due). */
export function deadlineStatus(d: Deadline, today: DateInput): "pending" | "onTime" | "late" | "overdue" {
  const late = lateDays(d, today) > 0;
  if (isDone(d, today)) return late ? "late" : "onTime";
  return late ? "overdue" : "pending";
}

/** A reminder to send today. */
export interface DueReminder {
  /** The deadline. */
  deadline: Deadline;
  /** Days until the deadline (one of the offsets). */
  daysBefore: number;
}

/**
 * Reminders due today: open deadlines exactly `offset` days away for one of the offsets. A daily job sends each
 * reminder once; a missed day is not caught up (the next offset follows).
 * @example dueReminders([{ taskId: "t", unitId: "u", dueDate: "2022-05-30" }], "2022-05-23") // [{ …, daysBefore: 7 }]
 */
export function dueReminders(
  deadlines: readonly Deadline[], today: DateInput, offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): DueReminder[] {
  const wanted = new Set(offsets);
  const now = dayNumber(today);
  const out: DueReminder[] = [];
  for (const deadline of deadlines) {
    if (isDone(deadline, today)) continue;
    const daysBefore = dayNumber(deadline.dueDate) - now;
    if (wanted.has(daysBefore)) out.push({ deadline, daysBefore });
  }
  // Nearest deadline first, then by unit for a stable order.
  return out.sort((a, b) => a.daysBefore - b.daysBefore || cmp(a.deadline.unitId, b.deadline.unitId));
}
