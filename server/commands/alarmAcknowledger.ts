/**
 * @module Acknowledges an alarm (确认): the person takes it on, with an optional note. Repeats and escalation stop;
 * an alarm already cleared is closed by it. The alarm row is locked so the live processor's changes and the
 * acknowledgement do not overwrite each other. Audited.
 */
import type { AlarmRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { Conflict, Forbidden, NotFound } from "../errors";
import { insertAlarmEvent, lockAlarm, updateAlarm } from "../repositories/alarm.repository";

/** What to acknowledge. */
export interface AlarmAcknowledgerProps {
  alarmId: string;
  /** What the person will do or has done (optional). */
  note: string | null;
}

/** Acknowledges; returns the alarm. Acknowledging twice is a conflict. */
export async function alarmAcknowledger(ctx: CommandContext, p: AlarmAcknowledgerProps): Promise<AlarmRow> {
  if (!ctx.actor?.id) throw Forbidden("须由具名用户确认报警");
  const alarm = await lockAlarm(ctx.trx, p.alarmId);
  if (!alarm) throw NotFound("报警不存在");
  if (alarm.acknowledged) throw Conflict("该报警已被确认", { acknowledgedAt: alarm.acknowledged_at });
  const now = new Date();
  const updated = await updateAlarm(ctx.trx, alarm.id, { acknowledged: true, acknowledged_at: now, acknowledged_by: ctx.actor.id, ack_note: p.note });
  await insertAlarmEvent(ctx.trx, alarm.id, "acknowledged", { note: p.note, closed: !alarm.active }, ctx.actor.id);
  await audit(ctx, { action: "alarm.acknowledge", entityType: "alarm", entityId: alarm.id, data: { note: p.note, active: alarm.active } });
  return updated;
}
