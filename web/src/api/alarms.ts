/**
 * @module /api/alarms: alarms (list with counts, one with its history, acknowledgement), rules, violation records and
 * the outlets' noncompliance status. Types mirror server/routes/alarms/present.ts; conditions and noncompliance
 * statuses are domain/alarms' own.
 */
import type { Condition, ConditionResult, NoDataCondition, ThresholdCondition } from "../../../domain/alarms/conditions";
import type { FactorStatus, NoncomplianceStatus } from "../../../domain/alarms/noncompliance";
import { request } from "./client";
import type { Policies, ReadingPeriod, PointKind } from "./types";

export type { Condition, ConditionResult, FactorStatus, NoDataCondition, NoncomplianceStatus, ThresholdCondition };

/** Severity of a rule and its alarms. */
export type AlarmSeverity = "info" | "warning" | "severe";
/** Display state (ISA-18.2): active/cleared × acknowledged. */
export type AlarmState = "active_unack" | "active_ack" | "cleared_unack" | "closed";
/** Actions on an alarm. */
export type AlarmAction = "read" | "acknowledge";

/** The evidence stored with an alarm. */
export interface AlarmDetails {
  summary?: string;
  combinator?: "and" | "or";
  conditions?: Condition[];
  results?: ConditionResult[];
  dataTime?: string | null;
  evaluatedAt?: string;
}

/** An alarm. */
export interface Alarm {
  id: string;
  ruleId: string;
  ruleName: string | null;
  pointId: string;
  pointCode: string | null;
  pointName: string | null;
  pointKind: PointKind | null;
  severity: AlarmSeverity;
  title: string;
  state: AlarmState;
  active: boolean;
  acknowledged: boolean;
  raisedAt: string;
  conditionSince: string | null;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
  occurrences: number;
  summary: string;
  details: AlarmDetails;
  lastDetails: AlarmDetails;
  escalationLevel: number;
  notifyCount: number;
  lastNotifiedAt: string | null;
}

/** One event of an alarm's history. */
export interface AlarmEvent {
  id: number;
  at: string;
  kind: "raised" | "reactivated" | "cleared" | "acknowledged" | "notified" | "escalated" | "plan_activated";
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

/** An escalation level. */
export interface EscalationLevel {
  afterMinutes: number;
  userIds: string[];
  group?: "monitoring_operators" | "office";
}

/** A rule. */
export interface AlarmRule {
  id: string;
  name: string;
  enabled: boolean;
  severity: AlarmSeverity;
  pointId: string | null;
  pointKind: PointKind | null;
  period: ReadingPeriod;
  combinator: "and" | "or";
  conditions: Condition[];
  persistenceMinutes: number;
  repeatMinutes: number;
  escalation: EscalationLevel[];
  createdAt: string;
  updatedAt: string;
}
/** A rule as written. */
export type RuleInput = Omit<AlarmRule, "id" | "createdAt" | "updatedAt">;

/** One alarm with its rule, point and history. */
export interface AlarmDetail extends Alarm {
  rule: AlarmRule | null;
  point: { id: string; code: string; name: string; kind: PointKind; waterBody: string | null; targetClass: number | null } | null;
  events: AlarmEvent[];
  plan?: { riverId: string; riverName: string; planId: string | null; incidentId: string | null } | null;
}

/** Counts of open alarms. */
export interface AlarmCount {
  active: boolean;
  acknowledged: boolean;
  severity: AlarmSeverity;
  n: number;
}

/** List filters. */
export interface AlarmFilter {
  state?: "open" | "active" | "closed" | "all";
  severity?: AlarmSeverity;
  pointId?: string;
}

/** Alarms, newest first, with counts and policies. */
export async function listAlarms(f: AlarmFilter = {}) {
  const r = await request<Alarm[], AlarmAction>("GET", "/api/alarms", { query: { ...f } });
  return r as typeof r & { counts: AlarmCount[] };
}

/** One alarm. */
export function getAlarm(id: string) {
  return request<AlarmDetail, AlarmAction>("GET", `/api/alarms/${encodeURIComponent(id)}`);
}

/** Acknowledges an alarm. */
export function acknowledgeAlarm(id: string, note: string | null) {
  return request<Alarm, AlarmAction>("POST", `/api/alarms/${encodeURIComponent(id)}/acknowledge`, { body: { note } });
}

/** The rules. */
export async function listRules() {
  const r = await request<AlarmRule[], "read" | "update">("GET", "/api/alarms/rules");
  return r as typeof r & { canCreate: boolean };
}

/** Creates a rule. */
export function createRule(rule: RuleInput) {
  return request<AlarmRule>("POST", "/api/alarms/rules", { body: rule });
}

/** Changes a rule. */
export function updateRule(id: string, rule: RuleInput) {
  return request<AlarmRule>("PATCH", `/api/alarms/rules/${encodeURIComponent(id)}`, { body: rule });
}

/** A violation record. */
export interface Violation {
  id: string;
  pointId: string;
  pointCode: string;
  pointName: string;
  factor: string;
  day: string;
  mean: number;
  limitUpper: number | null;
  limitLower: number | null;
  basis: string;
  exceedMultiple: number;
  status: "open" | "withdrawn";
  detectedAt: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** Why it was withdrawn (null while standing, and for records withdrawn before reasons were kept). */
  withdrawal: ViolationWithdrawal | null;
}

/** What withdrew a violation: a review decision on its values, a confirmed finding, or a later evaluation. */
export type ViolationWithdrawalCause = "reject" | "correct" | "accept" | "finding" | "evaluation";

/** A violation's withdrawal. */
export interface ViolationWithdrawal {
  at: string;
  cause: ViolationWithdrawalCause;
  reason: string;
  byId: string | null;
  byName: string | null;
  /** The day's valid hours after re-evaluation, and their mean (null when too few to evaluate). */
  hours: number;
  mean: number | null;
  correlationId: string | null;
}

/** The status of an outlet over six months. */
export interface OutletNoncompliance {
  pointId: string;
  pointName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  status: NoncomplianceStatus;
  factors: FactorStatus[];
}

/** The status of an enterprise: the worst of its outlets'. */
export interface EnterpriseNoncompliance {
  enterpriseId: string;
  enterpriseName: string;
  status: NoncomplianceStatus;
  outlets: string[];
}

/** Violation records, newest day first. */
export async function listViolations(f: { pointId?: string; status?: "open" | "withdrawn" } = {}): Promise<Violation[]> {
  return (await request<Violation[]>("GET", "/api/alarms/violations", { query: { ...f } })).data;
}

/** The outlets' and enterprises' status over six months. */
export interface Noncompliance {
  from: string;
  to: string;
  outlets: OutletNoncompliance[];
  enterprises: EnterpriseNoncompliance[];
}

/** The outlets' and enterprises' status over six months. */
export async function getNoncompliance(): Promise<Noncompliance> {
  return (await request<Noncompliance>("GET", "/api/alarms/noncompliance")).data;
}

/** Policies map helper type for rules. */
export type RulePolicies = Policies<"read" | "update">;
