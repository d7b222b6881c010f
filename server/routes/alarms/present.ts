/**
 * @module How alarms, their events, rules and violations appear in API responses.
 */
import type { AlarmEventRow, AlarmRow, AlarmRuleRow, ViolationRow } from "../../db/tables/quality";
import { displayState } from "../../../domain/alarms/state";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An alarm (with its point when listed). */
export function presentAlarm(a: AlarmRow & { point_code?: string; point_name?: string; point_kind?: string }, ruleName?: string) {
  return {
    id: a.id,
    ruleId: a.rule_id,
    ruleName: ruleName ?? null,
    pointId: a.point_id,
    pointCode: a.point_code ?? null,
    pointName: a.point_name ?? null,
    pointKind: a.point_kind ?? null,
    severity: a.severity,
    title: a.title,
    state: displayState(a),
    active: a.active,
    acknowledged: a.acknowledged,
    raisedAt: iso(a.raised_at)!,
    conditionSince: iso(a.condition_since),
    clearedAt: iso(a.cleared_at),
    acknowledgedAt: iso(a.acknowledged_at),
    acknowledgedBy: a.acknowledged_by,
    ackNote: a.ack_note,
    occurrences: a.occurrences,
    summary: String((a.last_details as { summary?: unknown }).summary ?? ""),
    details: a.details,
    lastDetails: a.last_details,
    escalationLevel: a.escalation_level,
    notifyCount: a.notify_count,
    lastNotifiedAt: iso(a.last_notified_at),
  };
}

/** One event of an alarm's history. */
export function presentAlarmEvent(e: AlarmEventRow & { actor_name: string | null }) {
  return { id: Number(e.id), at: iso(e.at)!, kind: e.kind, actorId: e.actor_id, actorName: e.actor_name, data: e.data };
}

/** A rule. */
export function presentRule(r: AlarmRuleRow) {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    severity: r.severity,
    pointId: r.point_id,
    pointKind: r.point_kind,
    period: r.period,
    combinator: r.combinator,
    conditions: r.conditions,
    persistenceMinutes: r.persistence_minutes,
    repeatMinutes: r.repeat_minutes,
    escalation: r.escalation,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** A violation record with its outlet (and, when withdrawn, why: the decision, its reason, who, when, the day now). */
export function presentViolation(v: ViolationRow & {
  point_code: string; point_name: string; enterprise_id: string | null; enterprise_name: string | null; withdrawn_by_name: string | null;
}) {
  return {
    id: v.id,
    pointId: v.point_id,
    pointCode: v.point_code,
    pointName: v.point_name,
    enterpriseId: v.enterprise_id,
    enterpriseName: v.enterprise_name,
    factor: v.factor,
    day: String(v.day).slice(0, 10),
    mean: v.mean_value,
    limitUpper: v.limit_upper,
    limitLower: v.limit_lower,
    basis: v.basis,
    exceedMultiple: v.exceed_multiple,
    status: v.status,
    detectedAt: iso(v.detected_at)!,
    withdrawal: v.status === "withdrawn" && v.withdrawn_at !== null ? {
      at: iso(v.withdrawn_at)!,
      cause: v.withdrawn_cause,
      reason: v.withdrawn_reason,
      byId: v.withdrawn_by,
      byName: v.withdrawn_by_name,
      hours: v.withdrawn_hours,
      mean: v.withdrawn_mean,
      correlationId: v.withdrawn_correlation,
    } : null,
  };
}
