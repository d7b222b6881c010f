/**
 * @module Reminds units of what falls due, on the days the office set (7, 3 and 1 days ahead by default,
 * domain/supervision/settings.ts): task deadlines not yet reported met (domain/supervision/deadlines.ts
 * dueReminders) and, when the setting says so, rounds (调度) the unit has not answered. An inbox notification per
 * head and staff member of each unit, then the outbound channels. Runs hourly; each reminder is stored once per
 * (deadline or requirement, unit, offset, person), so reruns send nothing new.
 */
import { dueReminders } from "../../domain/supervision/deadlines";
import { addDays, dayNumber, toIsoDate } from "../../domain/supervision/days";
import { listRequirements, namesOf, unitDeadlines } from "../repositories/round.repository";
import { notifyUnits } from "../notify/notifier";
import { deliver, type NotificationChannel, type OutboundMessage } from "../notify/channel";
import { defaultChannels } from "../notify/channels";
import { chineseDate } from "../documents/supervisionDocx";
import { settingsInForce } from "../plans/settings";
import type { ScheduledTask, TaskContext } from "./task";

/** Deadline and round reminders, every hour. */
export class DeadlineReminderTask implements ScheduledTask {
  readonly name = "deadline-reminders";
  readonly periodMs = 60 * 60_000;
  private channels: NotificationChannel[];
  /** @param opts.offsets overrides the stored setting (tests). */
  constructor(private opts: { channels?: NotificationChannel[]; offsets?: readonly number[] } = {}) {
    this.channels = opts.channels ?? defaultChannels();
  }
  async run({ db, now }: TaskContext) {
    const today = toIsoDate(now.getTime());
    const { reminders } = (await settingsInForce(db)).settings;
    const offsets = this.opts.offsets ?? reminders.offsets;
    const deadlines = await unitDeadlines(db);
    const byKey = new Map(deadlines.map((d) => [`${d.taskId}|${d.unitId}|${d.dueOn}`, d]));
    const due = dueReminders(
      deadlines.map((d) => ({ taskId: d.taskId, unitId: d.unitId, dueDate: d.dueOn, completedAt: d.completedOn ?? undefined })), today, offsets,
    );
    const wanted = new Set(offsets);
    const rounds = reminders.rounds
      ? (await listRequirements(db, { dueFrom: today, dueBefore: addDays(today, 61) })).filter((q) => !q.firstSubmittedAt && wanted.has(dayNumber(q.dueOn) - dayNumber(today)))
      : [];
    const messages: OutboundMessage[] = await db.transaction().execute(async (trx) => {
      const { tasks } = await namesOf(trx, { taskIds: [...new Set(due.map((r) => r.deadline.taskId))], unitIds: [] });
      const out: OutboundMessage[] = [];
      for (const r of due) {
        const d = r.deadline;
        const task = tasks.get(d.taskId);
        const stored = byKey.get(`${d.taskId}|${d.unitId}|${d.dueDate}`);
        out.push(...(await notifyUnits(trx, [d.unitId], {
          kind: "deadline.reminder",
          title: `任务还有 ${r.daysBefore} 天到期`,
          body: `第${task?.number ?? ""}项任务“${task?.title ?? ""}”的完成时限为${chineseDate(d.dueDate)}（${stored?.text ?? ""}），请抓紧推进。`,
          data: { taskId: d.taskId, unitId: d.unitId, dueOn: d.dueDate, deadlineId: stored?.deadlineId ?? null, daysBefore: r.daysBefore, url: "/supervision/tasks" },
          dedupeKey: `deadline:${d.taskId}:${d.unitId}:${d.dueDate}:${r.daysBefore}`,
        })));
      }
      for (const q of rounds) {
        const days = dayNumber(q.dueOn) - dayNumber(today);
        const what = q.taskId ? `第${q.taskNumber}项任务“${q.taskTitle}”的工作进展` : "年度实施方案";
        out.push(...(await notifyUnits(trx, [q.unitId], {
          kind: "round.reminder",
          title: `${q.roundTitle}还有 ${days} 天截止`,
          body: `请于${chineseDate(q.dueOn)}前报送${what}。`,
          data: { roundId: q.roundId, requirementId: q.id, taskId: q.taskId, unitId: q.unitId, dueOn: q.dueOn, daysBefore: days, url: `/supervision/rounds/${q.roundId}` },
          dedupeKey: `round:${q.id}:${days}`,
        })));
      }
      return out;
    });
    const delivery = await deliver(this.channels, messages);
    return { today, reminders: due.length, roundReminders: rounds.length, notifications: messages.length, ...delivery };
  }
}
