/**
 * @module Alarms: the list (open by default, with counts per state), one alarm with its rule, point and history,
 * acknowledgement, the rules, violation records and the outlets' noncompliance status.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { alarmAcknowledger } from "../../commands/alarmAcknowledger";
import { alarmRuleSaver } from "../../commands/alarmRuleSaver";
import { Forbidden, NotFound } from "../../errors";
import { authorize, presentPolicies, type Actor } from "../../policies/cancan";
import { alarmPolicy, alarmRulePolicy, canActivatePlans, canManageAlarmRules } from "../../policies/alarm.policy";
import type { AlarmRow, AlarmRuleRow } from "../../db/tables/quality";
import { alarmCounts, alarmEvents, findAlarm, findRule, listAlarms, listRules, ruleNames } from "../../repositories/alarm.repository";
import { findPoint } from "../../repositories/point.repository";
import { findPlan, openIncidentOfAlarm, riverOfPoint } from "../../repositories/emergency.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { presentAlarm, presentAlarmEvent, presentRule } from "./present";
import { violationRoutes } from "./violations";
import * as S from "./schema";

const alarmPolicies = (a: Actor, xs: AlarmRow[]) => presentPolicies(alarmPolicy, a, xs, (x) => x.id);
const rulePolicies = (a: Actor, xs: AlarmRuleRow[]) => presentPolicies(alarmRulePolicy, a, xs, (x) => x.id);

/** Registers /api/alarms/*. */
export function alarmRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { db } = deps;
  app.get("/api/alarms", async (req) => {
    const { actor } = requireAuth(req);
    const q = parse(S.AlarmsQuery, req.query);
    const [rows, counts] = await Promise.all([listAlarms(db, q), alarmCounts(db)]);
    const names = await ruleNames(db, rows.map((r) => r.rule_id));
    const last = rows[rows.length - 1];
    return {
      ok: true,
      data: rows.map((r) => presentAlarm(r, names.get(r.rule_id))),
      counts,
      nextCursor: rows.length === q.limit && last ? new Date(last.raised_at).toISOString() : null,
      policies: alarmPolicies(actor, rows),
    };
  });

  app.get("/api/alarms/rules", async (req) => {
    const { actor } = requireAuth(req);
    const rules = await listRules(db);
    return { ok: true, data: rules.map(presentRule), policies: rulePolicies(actor, rules), canCreate: canManageAlarmRules(actor) };
  });

  app.post("/api/alarms/rules", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageAlarmRules(actor)) throw Forbidden();
    const body = parse(S.RuleSchema, req.body);
    const rule = await inCommand(db, req, (ctx) => alarmRuleSaver(ctx, body));
    return { ok: true, data: presentRule(rule), policies: rulePolicies(actor, [rule]) };
  });

  app.patch("/api/alarms/rules/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.RuleSchema, req.body);
    const rule = await inCommand(db, req, async (ctx) => {
      const existing = await findRule(ctx.trx, id);
      if (!existing) throw NotFound("规则不存在");
      authorize(alarmRulePolicy, actor, "update", existing);
      return alarmRuleSaver(ctx, { ...body, id });
    });
    return { ok: true, data: presentRule(rule), policies: rulePolicies(actor, [rule]) };
  });

  app.get("/api/alarms/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const alarm = await findAlarm(db, id);
    if (!alarm) throw NotFound("报警不存在");
    authorize(alarmPolicy, actor, "read", alarm);
    const [rule, point, events] = await Promise.all([findRule(db, alarm.rule_id), findPoint(db, alarm.point_id), alarmEvents(db, alarm.id)]);
    // The river of the point and its emergency plan (offered on severe alarms of sections).
    const river = point ? await riverOfPoint(db, point) : undefined;
    const plan = river ? await findPlan(db, river.id) : undefined;
    const incident = river ? await openIncidentOfAlarm(db, alarm.id) : undefined;
    return {
      ok: true,
      data: {
        ...presentAlarm({ ...alarm, point_code: point?.code, point_name: point?.name, point_kind: point?.kind }, rule?.name),
        rule: rule ? presentRule(rule) : null,
        point: point ? { id: point.id, code: point.code, name: point.name, kind: point.kind, waterBody: point.water_body, targetClass: point.target_class } : null,
        events: events.map(presentAlarmEvent),
        plan: river ? { riverId: river.id, riverName: river.name, planId: plan?.id ?? null, incidentId: incident?.id ?? null } : null,
      },
      canActivatePlan: canActivatePlans(actor),
      policies: alarmPolicies(actor, [alarm]),
    };
  });

  app.post("/api/alarms/:id/acknowledge", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.AcknowledgeSchema, req.body ?? {});
    const alarm = await inCommand(db, req, async (ctx) => {
      const found = await findAlarm(ctx.trx, id);
      if (!found) throw NotFound("报警不存在");
      // Only the responders: someone else's "acknowledged" would silence the notifications.
      if (!alarmPolicy.acknowledge(actor, { ...found, acknowledged: false })) throw Forbidden();
      return alarmAcknowledger(ctx, { alarmId: id, note: body.note });
    });
    return { ok: true, data: presentAlarm(alarm), policies: alarmPolicies(actor, [alarm]) };
  });

  violationRoutes(app, deps);
}
