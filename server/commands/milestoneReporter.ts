/**
 * @module A unit reports that it met a milestone of its task (a 完成时限 of the plan, seed plan 四(二)「明确工作任务、
 * 完成时限、责任单位」), with a note and evidence; `milestoneReportRevoker` lets the office withdraw a report whose
 * evidence does not hold, opening the milestone again. The deadline then counts as done (or open) for lateness,
 * reminders, the ladder and the ranking.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, NotFound, ValidationError } from "../errors";
import { dayNumber } from "../../domain/supervision/days";
import type { FileStore } from "../repositories/file.repository";
import { storeAttachments, type UploadedFile } from "../plans/attachments";
import { currentReport, findReportForUpdate, insertReport, revokeReport } from "../repositories/milestone.repository";

/** What the unit reports. */
export interface MilestoneReporterProps {
  deadline: { id: string; task_id: string; due_on: string; task_status: string };
  unitId: string;
  /** The day the milestone was met (not in the future). */
  completedOn: string;
  note: string;
  attachments: UploadedFile[];
  at: Date;
  today: string;
  files: FileStore;
}

/** Stores the report; a milestone already reported by the unit is a conflict until the office revokes it. */
export async function milestoneReporter(ctx: CommandContext, p: MilestoneReporterProps) {
  if (p.deadline.task_status !== "open") throw Conflict("该任务已结束，无需报告完成");
  if (dayNumber(p.completedOn) > dayNumber(p.today)) throw ValidationError([{ path: "completedOn", message: "完成日期不能晚于今天" }]);
  const existing = await currentReport(ctx.trx, p.deadline.id, p.unitId);
  if (existing) throw Conflict("本单位已报告完成该节点", { reportId: existing.id });
  const stored = await storeAttachments(ctx.trx, p.files, p.attachments);
  const row = await insertReport(ctx.trx, {
    deadlineId: p.deadline.id, unitId: p.unitId, completedOn: p.completedOn, note: p.note, by: ctx.actor?.id ?? null, at: p.at, attachments: stored,
  });
  await audit(ctx, {
    action: "milestone.report", entityType: "milestone_report", entityId: row.id, unitId: p.unitId,
    data: {
      taskId: p.deadline.task_id, deadlineId: p.deadline.id, dueOn: p.deadline.due_on, completedOn: p.completedOn,
      late: dayNumber(p.completedOn) > dayNumber(p.deadline.due_on), attachments: stored.map((s) => ({ fileName: s.fileName, sha256: s.sha256, type: s.type })),
    },
  });
  return row;
}

/** What the office revokes, and why. */
export interface MilestoneReportRevokerProps {
  reportId: string;
  reason: string;
  at: Date;
}

/** Revokes a report in force. */
export async function milestoneReportRevoker(ctx: CommandContext, p: MilestoneReportRevokerProps) {
  const report = await findReportForUpdate(ctx.trx, p.reportId);
  if (!report) throw NotFound("完成报告不存在");
  if (report.revoked_at) throw Conflict("该完成报告已被撤销");
  await revokeReport(ctx.trx, report.id, { by: ctx.actor?.id ?? null, at: p.at, reason: p.reason });
  await audit(ctx, {
    action: "milestone.revoke", entityType: "milestone_report", entityId: report.id, unitId: report.unit_id,
    data: { deadlineId: report.deadline_id, completedOn: report.completed_on, reason: p.reason },
  });
  return { ...report, revoked_at: p.at, revoke_reason: p.reason };
}
