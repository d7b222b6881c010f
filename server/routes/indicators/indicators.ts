/**
 * @module Plan indicators (工作目标): everyone who reads supervision sees the traffic-light board; the office defines
 * indicators and enters values with their source documents.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { indicatorCreator, indicatorUpdater, indicatorValueRecorder } from "../../commands/indicatorSaver";
import { Forbidden, NotFound } from "../../errors";
import { canManagePlans } from "../../policies/plan.policy";
import { canReadSupervision } from "../../policies/supervision.policy";
import { findPlan } from "../../repositories/plan.repository";
import { indicatorViews } from "../../plans/indicators";
import { findIndicator } from "../../repositories/indicator.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/indicators*. */
export function indicatorRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/indicators", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const q = parse(S.ListIndicatorsQuery, req.query);
    if (!(await findPlan(db, q.planId))) throw NotFound("计划不存在");
    return { ok: true, data: await indicatorViews(db, q.planId, q.year), canEdit: canManagePlans(actor) };
  });

  app.post("/api/indicators", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const body = parse(S.CreateIndicatorSchema, req.body);
    if (!(await findPlan(db, body.planId))) throw NotFound("计划不存在");
    const row = await inCommand(db, req, (ctx) => indicatorCreator(ctx, body));
    return { ok: true, data: (await indicatorViews(db, body.planId)).find((i) => i.id === row.id) };
  });

  app.patch("/api/indicators/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.UpdateIndicatorSchema, req.body);
    const row = await inCommand(db, req, (ctx) => indicatorUpdater(ctx, { id, ...body }));
    return { ok: true, data: (await indicatorViews(db, row.plan_id)).find((i) => i.id === id) };
  });

  app.post("/api/indicators/:id/values", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.RecordValueSchema, req.body);
    const row = await inCommand(db, req, (ctx) => indicatorValueRecorder(ctx, { indicatorId: id, ...body, note: body.note ?? null, at: new Date() }));
    const planId = (await findIndicator(db, id))!.plan_id;
    return { ok: true, data: { id: row.id, indicator: (await indicatorViews(db, planId, Number(body.period.slice(0, 4)))).find((i) => i.id === id) } };
  });
}
