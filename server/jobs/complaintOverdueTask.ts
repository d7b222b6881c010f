/**
 * @module Reminds of complaints past their category's deadline (处理时限): once a day per complaint, the handling
 * unit's people (or the office while it is still being triaged) get an in-app notification. Idempotent: the
 * notification's dedupe key holds the complaint and the Beijing date.
 */
import { listComplaints } from "../repositories/complaint.repository";
import { notifyOffice, notifyUnits } from "../notify/notifier";
import { formatShanghai } from "../../domain/labImport/time";
import type { ScheduledTask, TaskContext } from "./task";

/** Overdue complaint reminders, every hour (each complaint at most once a day). */
export class ComplaintOverdueTask implements ScheduledTask {
  readonly name = "complaint-overdue";
  readonly periodMs = 60 * 60_000;
  async run({ db, now }: TaskContext) {
    const day = formatShanghai(now).slice(0, 10);
    const overdue = await listComplaints(db, { overdueAt: now, limit: 1000 });
    let notified = 0;
    for (const c of overdue) {
      const content = {
        kind: "complaint.overdue", title: `投诉 ${c.number} 已超过办理时限`, body: `${c.category_name}：${c.public_description.slice(0, 80)}（时限 ${formatShanghai(new Date(c.due_at)).slice(0, 10)}）`,
        data: { complaintId: c.id }, dedupeKey: `complaint:${c.id}:overdue:${day}`,
      };
      const sent = c.unit_id && c.state !== "received" ? await notifyUnits(db, [c.unit_id], content) : await notifyOffice(db, content);
      notified += sent.length;
    }
    return { overdue: overdue.length, notified };
  }
}
