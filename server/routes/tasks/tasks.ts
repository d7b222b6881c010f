/**
 * @module The task list with units, milestones (deadlines with the units' completion reports and their evidence)
 * and — for "my tasks" (`?mine=1`) — the caller's roles in each task and the rounds their units still have to
 * answer, grouped by role (牵头 / 负责 / 参与 …); milestone reports and their revocation.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { milestoneReporter, milestoneReportRevoker } from "../../commands/milestoneReporter";
import { Forbidden, ValidationError } from "../../errors";
import { can, presentPolicies } from "../../policies/cancan";
import { canReadPlans } from "../../policies/plan.policy";
import { milestonePolicy } from "../../policies/supervision.policy";
import { listTasks } from "../../repositories/plan.repository";
import { listRequirements, REPORTING_ROLES } from "../../repositories/round.repository";
import { findDeadline, findReportAttachment, listReports, rolesOfUnit, type MilestoneReportView } from "../../repositories/milestone.repository";
import type { FileStore } from "../../repositories/file.repository";
import { requirementStatus } from "../../presenters/presentSupervision";
import { TASK_ROLES, type TaskRole } from "../../db/schema";
import { toIsoDate } from "../../../domain/supervision/days";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";
import { sendStoredFile } from "../../presenters/download";

const presentReport = (r: MilestoneReportView) => ({
  id: r.id, deadlineId: r.deadlineId, unitId: r.unitId, unitName: r.unitName, completedOn: r.completedOn, note: r.note, reportedBy: r.reportedBy,
  reportedAt: r.reportedAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null, revokeReason: r.revokeReason,
  attachments: r.attachments.map((a) => ({ ...a, url: `/api/milestones/${r.id}/attachments/${a.sha256}` })),
});

/** Registers /api/tasks and /api/milestones*. */
export function taskRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  app.get("/api/tasks", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const q = parse(S.ListTasksQuery, req.query);
    const mine = q.mine === "1";
    const unitIds = [...actor.unitIds];
    const which = { planId: q.planId, unitIds: mine ? unitIds : undefined };
    const today = toIsoDate(Date.now());
    // Three independent reads, side by side (on PostgreSQL each takes its own pooled connection).
    const [tasks, requirements, allReports] = await Promise.all([
      listTasks(db, which),
      listRequirements(db, { unitIds, planId: q.planId, kind: "progress" }),
      listReports(db, { taskIds: which }),
    ]);
    const open = requirements
      .map((r) => ({ r, status: requirementStatus(r, today) }))
      .filter((x) => x.status === "pending" || x.status === "missing");
    // Reports whose contents the caller may read: every unit's for the office and readers of all, else their own.
    const reports = allReports.filter((r) => can(milestonePolicy, actor, "read", r));
    const data = tasks.map((t) => {
      const myRoles = [...new Set(t.units.filter((u) => u.unitId && unitIds.includes(u.unitId)).map((u) => u.role))];
      const reportingUnits = [...new Set(t.units.filter((u) => u.unitId && REPORTING_ROLES.includes(u.role)).map((u) => u.unitId!))];
      return {
        id: t.id,
        planId: t.plan_id,
        number: t.number,
        section: t.section,
        title: t.title,
        text: t.text,
        status: t.status,
        units: t.units,
        deadlines: t.deadlines.map((d) => ({
          ...d,
          reports: reports.filter((r) => r.deadlineId === d.id).map(presentReport),
        })),
        reportingUnitIds: reportingUnits,
        myRoles: TASK_ROLES.filter((r) => myRoles.includes(r)),
        /** The caller's units that report on this task (may report its milestones). */
        myReportingUnitIds: reportingUnits.filter((u) => can(milestonePolicy, actor, "report", { unitId: u })),
        openRequirements: open
          .filter((x) => x.r.taskId === t.id)
          .map((x) => ({ id: x.r.id, roundId: x.r.roundId, roundTitle: x.r.roundTitle, dueOn: x.r.dueOn, unitId: x.r.unitId, status: x.status })),
      };
    });
    const byRole = Object.fromEntries(TASK_ROLES.map((role) => [role, data.filter((t) => t.myRoles.includes(role)).map((t) => t.id)])) as Record<TaskRole, string[]>;
    return { ok: true, data, byRole, policies: presentPolicies(milestonePolicy, actor, reports, (r) => r.id) };
  });

  app.post("/api/tasks/:id/milestones", { bodyLimit: 43 * 1024 * 1024 }, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.MilestoneReportSchema, req.body);
    const row = await inCommand(db, req, async (ctx) => {
      const deadline = await findDeadline(ctx.trx, body.deadlineId);
      if (!deadline || deadline.task_id !== id) throw ValidationError([{ path: "deadlineId", message: "该节点不属于此任务" }]);
      const candidates = (await rolesOfUnit(ctx.trx, id, body.unitId ? [body.unitId] : actor.unitIds))
        .filter((r) => r.unit_id && REPORTING_ROLES.includes(r.role) && can(milestonePolicy, actor, "report", { unitId: r.unit_id }))
        .map((r) => r.unit_id!);
      const unitIds = [...new Set(candidates)];
      if (unitIds.length === 0) throw Forbidden("你的单位不负责报告该任务的完成情况");
      if (unitIds.length > 1) throw ValidationError([{ path: "unitId", message: "你属于多个负责该任务的单位，请选择以哪个单位报告" }]);
      return milestoneReporter(ctx, {
        deadline, unitId: unitIds[0], completedOn: body.completedOn, note: body.note, at: new Date(), today: toIsoDate(Date.now()), files,
        attachments: body.attachments.map((a) => ({ fileName: a.fileName, bytes: Buffer.from(a.contentBase64, "base64") })),
      });
    });
    const [view] = (await listReports(db, { taskIds: [id], unitIds: [row.unit_id] })).filter((r) => r.id === row.id);
    return { ok: true, data: presentReport(view) };
  });

  app.post("/api/milestones/:id/revoke", async (req) => {
    const { actor } = requireAuth(req);
    if (!can(milestonePolicy, actor, "revoke", { unitId: "" })) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.RevokeSchema, req.body);
    const r = await inCommand(db, req, (ctx) => milestoneReportRevoker(ctx, { reportId: id, reason: body.reason, at: new Date() }));
    return { ok: true, data: { id: r.id, revokedAt: new Date(r.revoked_at).toISOString(), revokeReason: r.revoke_reason } };
  });

  app.get("/api/milestones/:id/attachments/:sha256", async (req, reply) => {
    const { actor } = requireAuth(req);
    const { id, sha256 } = parse(S.AttachmentParams, req.params);
    const a = await findReportAttachment(db, id, sha256);
    if (!a || !can(milestonePolicy, actor, "read", { unitId: a.unit_id })) throw Forbidden();
    return sendStoredFile(reply, files, { sha256: a.sha256, fileName: a.file_name, contentType: a.content_type });
  });
}
