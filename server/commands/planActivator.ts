/**
 * @module Activates a river's emergency plan: opens an incident (one per alarm — activating again returns the open
 * one), logs it, notifies the contact chain — the river's 河湖长 with accounts, the plan's contacts with accounts and
 * the campaign office — in the inbox, records the activation on the alarm, and audits. A river without a stored plan
 * gets the template plan first. Returns the messages for outbound channels (sent after the commit).
 */
import type { IncidentRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { Forbidden, NotFound } from "../errors";
import type { OutboundMessage } from "../notify/channel";
import { insertNotifications, officeRecipients } from "../repositories/notification.repository";
import { activeUsers, findAlarm, insertAlarmEvent } from "../repositories/alarm.repository";
import { findPlan, findRiver, insertIncident, insertIncidentLog, openIncidentOfAlarm, riverContext, upsertPlan } from "../repositories/emergency.repository";
import { findPoint } from "../repositories/point.repository";
import { DEFAULT_PLAN_STEPS, planTitle } from "../../domain/alarms/emergencyPlan";

/** What to activate. */
export interface PlanActivatorProps {
  riverId: string;
  /** The alarm that prompted it, if any. */
  alarmId: string | null;
  /** The point concerned (the alarm's, or chosen). */
  pointId: string | null;
  /** What the person activating says. */
  note: string | null;
}

/** Activates; returns the incident, whether it is new, and the messages to send. */
export async function planActivator(ctx: CommandContext, p: PlanActivatorProps): Promise<{ incident: IncidentRow; created: boolean; messages: OutboundMessage[] }> {
  if (!ctx.actor?.id) throw Forbidden("须由具名用户启动应急预案");
  const river = await findRiver(ctx.trx, p.riverId);
  if (!river) throw NotFound("河湖不存在");
  const alarm = p.alarmId ? await findAlarm(ctx.trx, p.alarmId) : undefined;
  if (p.alarmId && !alarm) throw NotFound("报警不存在");
  if (alarm) {
    const open = await openIncidentOfAlarm(ctx.trx, alarm.id);
    if (open) return { incident: open, created: false, messages: [] };
  }
  const plan = (await findPlan(ctx.trx, river.id)) ?? (await upsertPlan(ctx.trx, {
    riverId: river.id, title: planTitle(river.name), contacts: [], steps: [...DEFAULT_PLAN_STEPS], courseReversed: false, note: null, userId: ctx.actor.id,
  }));
  const pointId = p.pointId ?? alarm?.point_id ?? null;
  const point = pointId ? await findPoint(ctx.trx, pointId) : undefined;
  const title = `${river.name}${point ? ` ${point.name}` : ""} 应急处置`;
  const incident = await insertIncident(ctx.trx, { planId: plan.id, riverId: river.id, alarmId: alarm?.id ?? null, pointId: point?.id ?? null, title, openedBy: ctx.actor.id });
  const summary = alarm ? String((alarm.last_details as { summary?: unknown }).summary ?? "") : "";
  await insertIncidentLog(ctx.trx, { incidentId: incident.id, actorId: ctx.actor.id, kind: "opened", text: [`启动《${plan.title}》`, summary, p.note].filter(Boolean).join("；") });
  // The chain: chiefs and contacts with accounts, then the office; one notification per person.
  const { chiefs } = await riverContext(ctx.trx, river);
  const contactIds = (plan.contacts as { userId: string | null }[]).flatMap((c) => (c.userId ? [c.userId] : []));
  const people = new Map<string, { user_id: string; username: string }>();
  for (const u of await activeUsers(ctx.trx, [...chiefs.flatMap((c) => (c.user_id ? [c.user_id] : [])), ...contactIds])) people.set(u.user_id, u);
  for (const u of await officeRecipients(ctx.trx)) if (!people.has(u.user_id)) people.set(u.user_id, u);
  const created = await insertNotifications(ctx.trx, [...people.values()].map((u) => ({
    userId: u.user_id, unitId: river.unit_id ?? null, kind: "emergency.activated", title: `【应急】${title}`,
    body: `${summary ? `${summary}。` : ""}已启动《${plan.title}》，请按预案分工处置，并在平台记录处置情况。`,
    data: { incidentId: incident.id, riverId: river.id, alarmId: alarm?.id ?? null, url: `/alarms/plans/incidents/${incident.id}` },
    dedupeKey: `incident:${incident.id}`,
  })));
  const names = [...people.values()].map((u) => u.username);
  await insertIncidentLog(ctx.trx, { incidentId: incident.id, actorId: null, kind: "notified", text: `已通知 ${names.length} 人`, data: { recipients: names } });
  if (alarm) await insertAlarmEvent(ctx.trx, alarm.id, "plan_activated", { incidentId: incident.id, plan: plan.title }, ctx.actor.id);
  await audit(ctx, {
    action: "emergency_plan.activate", entityType: "incident", entityId: incident.id, unitId: river.unit_id ?? null,
    data: { riverId: river.id, planId: plan.id, alarmId: alarm?.id ?? null, pointId: point?.id ?? null, note: p.note, notified: names },
  });
  const byUser = new Map([...people.values()].map((u) => [u.user_id, u.username]));
  return { incident, created: true, messages: created.map((n) => ({ userId: n.user_id, username: byUser.get(n.user_id)!, title: n.title, body: n.body, kind: n.kind })) };
}
