/**
 * @module Sends what is due for open alarms (domain/alarms/escalation.ts): the contacts of each escalation level
 * reached, then repeats to every level reached until someone acknowledges. Inbox notifications are written in the
 * caller's transaction (one per person and sending, deduplicated by key so a rerun sends nothing twice); the
 * returned messages go to the outbound channels after the commit.
 */
import type { AlarmRow, AlarmRuleRow } from "../db/tables/quality";
import type { CommandContext } from "../context";
import type { OutboundMessage } from "../notify/channel";
import { insertNotifications } from "../repositories/notification.repository";
import { activeUsers, alarmsAwaitingAck, escalationOf, findRule, insertAlarmEvent, updateAlarm, usersWithRole } from "../repositories/alarm.repository";
import { findPoint } from "../repositories/point.repository";
import { dueNotifications, type EscalationLevel } from "../../domain/alarms/escalation";

const SEVERITY_ZH = { info: "提示", warning: "预警", severe: "严重" } as const;

/** The people of one level. */
async function recipients(ctx: CommandContext, level: EscalationLevel) {
  if (level.userIds.length) return activeUsers(ctx.trx, level.userIds);
  return usersWithRole(ctx.trx, level.group === "office" ? "office_admin" : "monitoring_operator");
}

/** Notifies the due levels of one alarm; returns the messages for outbound channels. */
export async function notifyAlarm(ctx: CommandContext, alarm: AlarmRow, rule: AlarmRuleRow, now: Date): Promise<OutboundMessage[]> {
  const levels = escalationOf(rule);
  const due = dueNotifications(
    { raisedAt: new Date(alarm.raised_at).getTime(), active: alarm.active, acknowledged: alarm.acknowledged, level: alarm.escalation_level, lastNotifiedAt: alarm.last_notified_at ? new Date(alarm.last_notified_at).getTime() : null },
    levels, rule.repeat_minutes, now.getTime(),
  );
  const send = [...due.newLevels, ...due.repeatLevels];
  if (!send.length) return [];
  const point = await findPoint(ctx.trx, alarm.point_id);
  const summary = String((alarm.last_details as { summary?: unknown }).summary ?? "");
  const count = alarm.notify_count + 1;
  const repeat = due.repeatLevels.length > 0;
  const title = `【${SEVERITY_ZH[alarm.severity]}${repeat ? "·未确认" : ""}】${point?.name ?? ""} ${rule.name}`;
  const body = `${summary}。请登录平台确认处置（第 ${count} 次通知）。`;
  const people = new Map<string, { user_id: string; username: string; level: number }>();
  for (const i of send) for (const u of await recipients(ctx, levels[i])) if (!people.has(u.user_id)) people.set(u.user_id, { ...u, level: i });
  const created = await insertNotifications(ctx.trx, [...people.values()].map((u) => ({
    userId: u.user_id, unitId: point?.unit_id ?? null, kind: repeat ? "alarm.repeat" : "alarm.raised", title, body,
    data: { alarmId: alarm.id, pointId: alarm.point_id, level: u.level, url: `/alarms/${alarm.id}` },
    // One key per alarm occurrence and sending: a second worker or a rerun of the same sending stores nothing new.
    dedupeKey: `alarm:${alarm.id}:${new Date(alarm.raised_at).getTime()}:${count}`,
  })));
  await updateAlarm(ctx.trx, alarm.id, {
    escalation_level: Math.max(alarm.escalation_level, ...send), notify_count: count, last_notified_at: now,
  });
  const escalated = due.newLevels.filter((l) => l > 0);
  await insertAlarmEvent(ctx.trx, alarm.id, escalated.length ? "escalated" : "notified", {
    levels: send, repeat, recipients: [...people.values()].map((p) => p.username), count,
  });
  const byUser = new Map([...people.values()].map((p) => [p.user_id, p.username]));
  return created.map((n) => ({ userId: n.user_id, username: byUser.get(n.user_id)!, title: n.title, body: n.body, kind: n.kind }));
}

/** Notifies every active, unacknowledged alarm whose next sending is due. */
export async function alarmNotifier(ctx: CommandContext, now: Date): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  const rules = new Map<string, AlarmRuleRow | undefined>();
  for (const alarm of await alarmsAwaitingAck(ctx.trx)) {
    if (!rules.has(alarm.rule_id)) rules.set(alarm.rule_id, await findRule(ctx.trx, alarm.rule_id));
    const rule = rules.get(alarm.rule_id);
    if (rule) out.push(...(await notifyAlarm(ctx, alarm, rule, now)));
  }
  return out;
}
