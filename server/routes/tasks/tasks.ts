/**
 * @module The task list with units, deadlines and — for "my tasks" (`?mine=1`) — the caller's role in each task and
 * the rounds their units still have to answer for it, grouped by role (牵头 / 负责 / 参与 …).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { Forbidden } from "../../errors";
import { canReadPlans } from "../../policies/plan.policy";
import { listTasks } from "../../repositories/plan.repository";
import { listRequirements } from "../../repositories/round.repository";
import { requirementStatus } from "../../presenters/presentSupervision";
import { TASK_ROLES, type TaskRole } from "../../db/schema";
import { toIsoDate } from "../../../domain/supervision/days";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers GET /api/tasks. */
export function taskRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/tasks", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const q = parse(S.ListTasksQuery, req.query);
    const mine = q.mine === "1";
    const unitIds = [...actor.unitIds];
    const tasks = await listTasks(db, { planId: q.planId, unitIds: mine ? unitIds : undefined });
    const today = toIsoDate(Date.now());
    const open = (await listRequirements(db, { unitIds, planId: q.planId, kind: "progress" }))
      .map((r) => ({ r, status: requirementStatus(r, today) }))
      .filter((x) => x.status === "pending" || x.status === "missing");
    const data = tasks.map((t) => {
      const myRoles = [...new Set(t.units.filter((u) => u.unitId && unitIds.includes(u.unitId)).map((u) => u.role))];
      return {
        id: t.id,
        planId: t.plan_id,
        number: t.number,
        section: t.section,
        title: t.title,
        text: t.text,
        status: t.status,
        units: t.units,
        deadlines: t.deadlines,
        myRoles: TASK_ROLES.filter((r) => myRoles.includes(r)),
        openRequirements: open
          .filter((x) => x.r.taskId === t.id)
          .map((x) => ({ id: x.r.id, roundId: x.r.roundId, roundTitle: x.r.roundTitle, dueOn: x.r.dueOn, unitId: x.r.unitId, status: x.status })),
      };
    });
    const byRole = Object.fromEntries(TASK_ROLES.map((role) => [role, data.filter((t) => t.myRoles.includes(role)).map((t) => t.id)])) as Record<TaskRole, string[]>;
    return { ok: true, data, byRole };
  });
}
