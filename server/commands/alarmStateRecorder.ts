/**
 * @module Applies an alarm rule's evaluation at a point (domain/alarms/state.ts): raises an alarm, reactivates the
 * open one (deduplication: one open alarm per rule and point), clears it, or refreshes its latest evidence. Raising,
 * reactivating and clearing are audited as the system; the alarm's own history gets an event for each.
 */
import type { PointRow } from "../db/schema";
import type { AlarmRow, AlarmRuleRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import type { RuleOutcome } from "../../domain/alarms/conditions";
import type { Next } from "../../domain/alarms/state";
import { describeOutcome } from "../../domain/alarms/describe";
import { insertAlarm, insertAlarmEvent, ruleLogicOf, updateAlarm } from "../repositories/alarm.repository";

/** One evaluation to apply. */
export interface AlarmStateRecorderProps {
  rule: AlarmRuleRow;
  point: PointRow;
  /** The open alarm of the rule at the point, if any. */
  alarm: AlarmRow | null;
  next: Next;
  outcome: RuleOutcome;
  now: Date;
}

/** The evidence stored with an alarm. */
function evidence(p: AlarmStateRecorderProps) {
  const logic = ruleLogicOf(p.rule);
  return {
    summary: describeOutcome(logic.conditions, p.outcome.results, logic.combinator),
    combinator: logic.combinator,
    conditions: logic.conditions,
    results: p.outcome.results,
    dataTime: p.outcome.dataTime === null ? null : new Date(p.outcome.dataTime).toISOString(),
    evaluatedAt: p.now.toISOString(),
  };
}

/** Applies the transition; returns the alarm as it now is (null when none is open). */
export async function alarmStateRecorder(ctx: CommandContext, p: AlarmStateRecorderProps): Promise<AlarmRow | null> {
  const { trx } = ctx;
  const details = evidence(p);
  const since = p.next.pendingSince === null ? null : new Date(p.next.pendingSince);
  switch (p.next.transition) {
    case "raise": {
      const alarm = await insertAlarm(trx, {
        rule_id: p.rule.id, point_id: p.point.id, severity: p.rule.severity, title: `${p.rule.name}：${p.point.name}`,
        raised_at: p.now, condition_since: since, details: JSON.stringify(details), last_details: JSON.stringify(details),
      });
      await insertAlarmEvent(trx, alarm.id, "raised", { summary: details.summary, conditionSince: since?.toISOString() ?? null });
      await audit(ctx, {
        action: "alarm.raise", entityType: "alarm", entityId: alarm.id, unitId: p.point.unit_id,
        data: { ruleId: p.rule.id, pointId: p.point.id, severity: p.rule.severity, summary: details.summary },
      });
      return alarm;
    }
    case "reactivate": {
      const alarm = await updateAlarm(trx, p.alarm!.id, {
        active: true, cleared_at: null, raised_at: p.now, condition_since: since, occurrences: p.alarm!.occurrences + 1,
        last_details: JSON.stringify(details), escalation_level: -1, last_notified_at: null,
      });
      await insertAlarmEvent(trx, alarm.id, "reactivated", { summary: details.summary, occurrence: alarm.occurrences });
      await audit(ctx, {
        action: "alarm.reactivate", entityType: "alarm", entityId: alarm.id, unitId: p.point.unit_id,
        data: { ruleId: p.rule.id, pointId: p.point.id, occurrence: alarm.occurrences, summary: details.summary },
      });
      return alarm;
    }
    case "clear": {
      const alarm = await updateAlarm(trx, p.alarm!.id, { active: false, cleared_at: p.now, last_details: JSON.stringify(details) });
      await insertAlarmEvent(trx, alarm.id, "cleared", { summary: details.summary });
      await audit(ctx, {
        action: "alarm.clear", entityType: "alarm", entityId: alarm.id, unitId: p.point.unit_id,
        data: { ruleId: p.rule.id, pointId: p.point.id, summary: details.summary, closed: alarm.acknowledged },
      });
      return alarm;
    }
    case "hold":
      return updateAlarm(trx, p.alarm!.id, { last_details: JSON.stringify(details) });
    default:
      return p.alarm;
  }
}
