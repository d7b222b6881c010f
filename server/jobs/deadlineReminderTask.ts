/**
 * @module Reminds units of task deadlines 7, 3 and 1 days ahead (domain/supervision/deadlines.ts dueReminders):
 * an inbox notification per head and staff member of each responsible unit, then the outbound channels. Runs
 * hourly; a reminder is stored once per (deadline, unit, offset, person), so reruns send nothing new.
 */
import pino from "pino";
import { dueReminders, DEFAULT_REMINDER_OFFSETS } from "../../domain/supervision/deadlines";
import { toIsoDate } from "../../domain/supervision/days";
import { namesOf, unitDeadlines } from "../repositories/round.repository";
import { notifyUnits } from "../notify/notifier";
import { deliver, LogChannel, type NotificationChannel, type OutboundMessage } from "../notify/channel";
import { chineseDate } from "../documents/supervisionDocx";
import type { ScheduledTask, TaskContext } from "./task";

/** Deadline reminders, every hour. */
export class DeadlineReminderTask implements ScheduledTask {
  readonly name = "deadline-reminders";
  readonly periodMs = 60 * 60_000;
  private channels: NotificationChannel[];
  constructor(opts: { channels?: NotificationChannel[]; offsets?: readonly number[] } = {}) {
    this.channels = opts.channels ?? [new LogChannel("sms", pino({ name: "notify" }))];
    this.offsets = opts.offsets ?? DEFAULT_REMINDER_OFFSETS;
  }
  private offsets: readonly number[];
  async run({ db, now }: TaskContext) {
    const today = toIsoDate(now.getTime());
    const deadlines = await unitDeadlines(db);
    const texts = new Map(deadlines.map((d) => [`${d.taskId}|${d.unitId}|${d.dueOn}`, d.text]));
    const due = dueReminders(deadlines.map((d) => ({ taskId: d.taskId, unitId: d.unitId, dueDate: d.dueOn })), today, this.offsets);
    const messages: OutboundMessage[] = await db.transaction().execute(async (trx) => {
      const { tasks } = await namesOf(trx, { taskIds: [...new Set(due.map((r) => r.deadline.taskId))], unitIds: [] });
      const out: OutboundMessage[] = [];
      for (const r of due) {
        const d = r.deadline;
        const task = tasks.get(d.taskId);
        out.push(...(await notifyUnits(trx, [d.unitId], {
          kind: "deadline.reminder",
          title: `任务还有 ${r.daysBefore} 天到期`,
          body: `第${task?.number ?? ""}项任务“${task?.title ?? ""}”的完成时限为${chineseDate(d.dueDate)}（${texts.get(`${d.taskId}|${d.unitId}|${d.dueDate}`) ?? ""}），请抓紧推进。`,
          data: { taskId: d.taskId, unitId: d.unitId, dueOn: d.dueDate, daysBefore: r.daysBefore },
          dedupeKey: `deadline:${d.taskId}:${d.unitId}:${d.dueDate}:${r.daysBefore}`,
        })));
      }
      return out;
    });
    const delivery = await deliver(this.channels, messages);
    return { today, reminders: due.length, notifications: messages.length, ...delivery };
  }
}
