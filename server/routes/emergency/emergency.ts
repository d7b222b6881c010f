/**
 * @module River emergency plans (一河一策一图): the rivers with their plans; one river's plan with its contact chain
 * (河湖长 then the plan's contacts), response steps and map data — outfalls and enterprises, drinking-water sources
 * and monitoring points, each up- or downstream of a chosen point; saving a plan; activating it (an incident, the
 * chain notified); incidents with their log; entries and closing.
 */
import pino from "pino";
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { emergencyPlanSaver } from "../../commands/emergencyPlanSaver";
import { planActivator } from "../../commands/planActivator";
import { incidentCloser, incidentLogger } from "../../commands/incidentLogger";
import { Forbidden, NotFound } from "../../errors";
import { deliver, LogChannel } from "../../notify/channel";
import { presentPolicies, type Actor } from "../../policies/cancan";
import { canActivatePlans, canEditPlans, incidentPolicy } from "../../policies/alarm.policy";
import type { IncidentRow } from "../../db/tables/quality";
import { findIncident, findPlan, findRiver, incidentLog, listIncidents, listRiversWithPlans, riverContext } from "../../repositories/emergency.repository";
import { findPoint } from "../../repositories/point.repository";
import { courseOf, relativeTo } from "../../../domain/alarms/riverReach";
import { DEFAULT_PLAN_STEPS, planTitle } from "../../../domain/alarms/emergencyPlan";
import type { Geometry, Position } from "../../../domain/registries/geo";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

const SMS = new LogChannel("sms", pino({ name: "notify" }));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const incidentPolicies = (a: Actor, xs: IncidentRow[]) => presentPolicies(incidentPolicy, a, xs, (x) => x.id);
const at = (x: { lon: number | null; lat: number | null }): Position | null => (x.lon !== null && x.lat !== null ? [x.lon, x.lat] : null);

function presentIncident(i: IncidentRow & { river_name?: string }) {
  return {
    id: i.id, planId: i.plan_id, riverId: i.river_id, riverName: i.river_name ?? null, alarmId: i.alarm_id, pointId: i.point_id, title: i.title,
    status: i.status, openedAt: iso(i.opened_at)!, openedBy: i.opened_by, closedAt: iso(i.closed_at), summary: i.summary,
  };
}

/** The plan of a river as shown: stored, or the template; with the registries' records placed along the river. */
async function planView(db: RouteDeps["db"], riverId: string, pointId: string | undefined) {
  const river = await findRiver(db, riverId);
  if (!river) throw NotFound("河湖不存在");
  const [plan, ctx, point] = await Promise.all([findPlan(db, river.id), riverContext(db, river), pointId ? findPoint(db, pointId) : undefined]);
  const reversed = plan?.course_reversed ?? false;
  const course = courseOf(river.geometry as Geometry | null);
  const ref = point ? at(point) : null;
  const place = <T extends { lon: number | null; lat: number | null }>(xs: T[]) =>
    relativeTo(course, ref, xs, at, reversed).map((r) => ({ ...r.item, side: r.side, distanceKm: r.distanceKm }));
  return {
    river: { id: river.id, name: river.name, kind: river.kind, geometry: river.geometry, demo: river.demo },
    plan: plan
      ? { id: plan.id, stored: true, title: plan.title, contacts: plan.contacts, steps: plan.steps, courseReversed: plan.course_reversed, note: plan.note, updatedAt: iso(plan.updated_at) }
      : { id: null, stored: false, title: planTitle(river.name), contacts: [], steps: DEFAULT_PLAN_STEPS, courseReversed: false, note: null, updatedAt: null },
    reference: point ? { id: point.id, code: point.code, name: point.name, lon: point.lon, lat: point.lat } : null,
    hasCourse: course !== null,
    chiefs: ctx.chiefs.map((c) => ({ id: c.id, level: c.level, name: c.name, position: c.position, reach: c.reach, phone: c.phone, hasAccount: c.user_id !== null })),
    outfalls: place(ctx.outfalls),
    enterprises: place(ctx.enterprises),
    sources: place(ctx.sources),
    points: place(ctx.points),
  };
}

/** Registers /api/emergency/*. */
export function emergencyRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/emergency/plans", async (req) => {
    const { actor } = requireAuth(req);
    const rows = await listRiversWithPlans(db);
    return {
      ok: true,
      data: rows.map((r) => ({ riverId: r.id, riverName: r.name, kind: r.kind, demo: r.demo, planId: r.plan_id, planTitle: r.plan_title, updatedAt: iso(r.updated_at), openIncidents: r.open_incidents })),
      canEdit: canEditPlans(actor),
    };
  });

  app.get("/api/emergency/plans/:riverId", async (req) => {
    const { actor } = requireAuth(req);
    const { riverId } = parse(S.RiverParams, req.params);
    const q = parse(S.PlanQuery, req.query);
    const view = await planView(db, riverId, q.pointId);
    const open = await listIncidents(db, { riverId, status: "open", limit: 20 });
    return { ok: true, data: { ...view, openIncidents: open.map(presentIncident) }, canEdit: canEditPlans(actor), canActivate: canActivatePlans(actor) };
  });

  app.put("/api/emergency/plans/:riverId", async (req) => {
    const { actor } = requireAuth(req);
    if (!canEditPlans(actor)) throw Forbidden();
    const { riverId } = parse(S.RiverParams, req.params);
    const body = parse(S.PlanSchema, req.body);
    const plan = await inCommand(db, req, (ctx) => emergencyPlanSaver(ctx, { riverId, ...body }));
    return { ok: true, data: { id: plan.id, title: plan.title, updatedAt: iso(plan.updated_at) } };
  });

  app.post("/api/emergency/plans/:riverId/activate", async (req) => {
    const { actor } = requireAuth(req);
    if (!canActivatePlans(actor)) throw Forbidden();
    const { riverId } = parse(S.RiverParams, req.params);
    const body = parse(S.ActivateSchema, req.body ?? {});
    const r = await inCommand(db, req, (ctx) => planActivator(ctx, { riverId, ...body }));
    if (r.messages.length) await deliver([SMS], r.messages);
    return { ok: true, data: { ...presentIncident(r.incident), created: r.created, notified: r.messages.length }, policies: incidentPolicies(actor, [r.incident]) };
  });

  app.get("/api/emergency/incidents", async (req) => {
    const { actor } = requireAuth(req);
    const q = parse(S.IncidentsQuery, req.query);
    const rows = await listIncidents(db, q);
    return { ok: true, data: rows.map(presentIncident), policies: incidentPolicies(actor, rows) };
  });

  app.get("/api/emergency/incidents/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const incident = await findIncident(db, id);
    if (!incident) throw NotFound("应急事件不存在");
    const [view, log] = await Promise.all([planView(db, incident.river_id, incident.point_id ?? undefined), incidentLog(db, id)]);
    return {
      ok: true,
      data: {
        ...presentIncident({ ...incident, river_name: view.river.name }),
        view,
        log: log.map((l) => ({ id: Number(l.id), at: iso(l.at)!, kind: l.kind, text: l.text, data: l.data, actorName: l.actor_name })),
      },
      policies: incidentPolicies(actor, [incident]),
    };
  });

  app.post("/api/emergency/incidents/:id/log", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.LogSchema, req.body);
    const incident = await inCommand(db, req, async (ctx) => {
      const found = await findIncident(ctx.trx, id);
      if (!found) throw NotFound("应急事件不存在");
      if (!incidentPolicy.log(actor, { status: "open" })) throw Forbidden();
      return incidentLogger(ctx, { incidentId: id, ...body });
    });
    return { ok: true, data: presentIncident(incident), policies: incidentPolicies(actor, [incident]) };
  });

  app.post("/api/emergency/incidents/:id/close", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.CloseSchema, req.body);
    const incident = await inCommand(db, req, async (ctx) => {
      const found = await findIncident(ctx.trx, id);
      if (!found) throw NotFound("应急事件不存在");
      if (!incidentPolicy.close(actor, { status: "open" })) throw Forbidden();
      return incidentCloser(ctx, { incidentId: id, summary: body.summary });
    });
    return { ok: true, data: presentIncident(incident), policies: incidentPolicies(actor, [incident]) };
  });
}
