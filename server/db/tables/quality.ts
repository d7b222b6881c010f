/**
 * @module Table types of the quality area (0009_quality_alarms.sql): QC settings and flags, reviews, findings,
 * alarm rules, alarms and their events, daily discharge evaluations and violations — merged into the
 * {@link DB} of ../schema by module augmentation.
 */
import type { ColumnType, Generated, Selectable } from "kysely";
import type { PointKind, ReadingPeriod } from "../schema";
import type { PlanContact, PlanStep } from "../../../domain/alarms/emergencyPlan";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** Severity of an alarm rule and its alarms. */
export type AlarmSeverity = "info" | "warning" | "severe";
/** A review decision. */
export type ReviewDecision = "accepted" | "rejected" | "corrected";
/** Status of a finding. */
export type FindingStatus = "open" | "confirmed" | "dismissed";
/** Kinds of alarm event. */
export type AlarmEventKind = "raised" | "reactivated" | "cleared" | "acknowledged" | "notified" | "escalated" | "plan_activated";

export interface QcSettingsTable {
  point_id: string;
  factor: string;
  config: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}
export interface ReadingQcTable {
  point_id: string;
  factor: string;
  period: ReadingPeriod;
  t: Timestamp;
  version: number;
  flag: number;
  tests: Json<Record<string, number>>;
  evaluated_at: Generated<Date>;
}
export interface QualityWatermarksTable {
  name: string;
  at: Timestamp;
}
export interface ReadingReviewsTable {
  point_id: string;
  factor: string;
  period: ReadingPeriod;
  t: Timestamp;
  version: number;
  decision: ReviewDecision;
  reason: string;
  corrected_version: number | null;
  finding_id: string | null;
  reviewer_id: string;
  reviewed_at: Generated<Date>;
}
export interface QcFindingsTable {
  id: Generated<string>;
  rule: string;
  point_id: string;
  factors: string[];
  period: ReadingPeriod;
  window_from: Timestamp;
  window_to: Timestamp;
  severity: "warning" | "serious";
  numbers: Json<Record<string, number | string | null>>;
  summary: string;
  status: Generated<FindingStatus>;
  detected_at: Generated<Date>;
  updated_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}
export interface AlarmRulesTable {
  id: Generated<string>;
  name: string;
  enabled: Generated<boolean>;
  severity: AlarmSeverity;
  point_id: string | null;
  point_kind: PointKind | null;
  period: ReadingPeriod;
  combinator: "and" | "or";
  conditions: Json<unknown[]>;
  persistence_minutes: Generated<number>;
  repeat_minutes: Generated<number>;
  escalation: Json<unknown[]>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AlarmRuleStatesTable {
  rule_id: string;
  point_id: string;
  pending_since: Timestamp | null;
  evaluated_data_at: Timestamp | null;
  last_evaluated_at: Generated<Date>;
}
export interface AlarmsTable {
  id: Generated<string>;
  rule_id: string;
  point_id: string;
  severity: AlarmSeverity;
  title: string;
  active: Generated<boolean>;
  acknowledged: Generated<boolean>;
  raised_at: Timestamp;
  condition_since: Timestamp | null;
  cleared_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  ack_note: string | null;
  occurrences: Generated<number>;
  details: Json<Record<string, unknown>>;
  last_details: Json<Record<string, unknown>>;
  escalation_level: Generated<number>;
  notify_count: Generated<number>;
  last_notified_at: Timestamp | null;
}
export interface AlarmEventsTable {
  id: Generated<number>;
  alarm_id: string;
  at: Timestamp;
  kind: AlarmEventKind;
  actor_id: string | null;
  data: Json<Record<string, unknown>>;
}
export interface DischargeDaysTable {
  point_id: string;
  factor: string;
  day: string;
  mean_value: number;
  max_value: number;
  hours: number;
  limit_upper: number | null;
  limit_lower: number | null;
  basis: string;
  exceeded: boolean;
  exceed_multiple: number;
  updated_at: Generated<Date>;
}
export interface ViolationsTable {
  id: Generated<string>;
  point_id: string;
  factor: string;
  day: string;
  mean_value: number;
  limit_upper: number | null;
  limit_lower: number | null;
  basis: string;
  exceed_multiple: number;
  status: Generated<"open" | "withdrawn">;
  detected_at: Generated<Date>;
  updated_at: Generated<Date>;
  // Withdrawal (0023_quality_violation_withdrawal.sql); null while open.
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_cause: ViolationWithdrawalCause | null;
  withdrawn_reason: string | null;
  withdrawn_hours: number | null;
  withdrawn_mean: number | null;
  withdrawn_correlation: string | null;
}
/** What withdrew a violation: a review decision, a confirmed finding, or a later scheduled evaluation. */
export type ViolationWithdrawalCause = "reject" | "correct" | "accept" | "finding" | "evaluation";

/** A stored alarm rule. */
export type AlarmRuleRow = Selectable<AlarmRulesTable>;
/** A stored alarm. */
export type AlarmRow = Selectable<AlarmsTable>;
/** A stored alarm event. */
export type AlarmEventRow = Selectable<AlarmEventsTable>;
/** A stored finding. */
export type FindingRow = Selectable<QcFindingsTable>;
/** A stored violation. */
export type ViolationRow = Selectable<ViolationsTable>;

declare module "../schema" {
  interface DB {
    qc_settings: QcSettingsTable;
    reading_qc: ReadingQcTable;
    quality_watermarks: QualityWatermarksTable;
    reading_reviews: ReadingReviewsTable;
    qc_findings: QcFindingsTable;
    alarm_rules: AlarmRulesTable;
    alarm_rule_states: AlarmRuleStatesTable;
    alarms: AlarmsTable;
    alarm_events: AlarmEventsTable;
    discharge_days: DischargeDaysTable;
    violations: ViolationsTable;
  }
}

// ── River emergency plans (0019_quality_emergency.sql).

/** A plan's contacts after the river chiefs, and its response steps (domain/alarms/emergencyPlan.ts). */
export type { PlanContact, PlanStep };
export interface EmergencyPlansTable {
  id: Generated<string>;
  river_id: string;
  title: string;
  contacts: Json<PlanContact[]>;
  steps: Json<PlanStep[]>;
  course_reversed: Generated<boolean>;
  note: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface IncidentsTable {
  id: Generated<string>;
  plan_id: string;
  river_id: string;
  alarm_id: string | null;
  point_id: string | null;
  title: string;
  status: Generated<"open" | "closed">;
  opened_at: Generated<Date>;
  opened_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  summary: string | null;
}
export interface IncidentLogTable {
  id: Generated<number>;
  incident_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  kind: "opened" | "notified" | "step" | "note" | "closed";
  text: string;
  data: Json<Record<string, unknown>>;
}

/** A stored plan. */
export type EmergencyPlanRow = Selectable<EmergencyPlansTable>;
/** A stored incident. */
export type IncidentRow = Selectable<IncidentsTable>;

declare module "../schema" {
  interface DB {
    emergency_plans: EmergencyPlansTable;
    incidents: IncidentsTable;
    incident_log: IncidentLogTable;
  }
}
