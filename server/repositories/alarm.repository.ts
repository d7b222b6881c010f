/**
 * @module All SQL of alarm rules, their evaluation state per point, alarms (one open per rule and point) and their
 * events, and the latest values the rules are judged on (LATERAL over the readings' primary key: one index probe
 * per factor).
 */
import { sql, type Kysely } from "kysely";
import type { DB, PointKind, ReadingPeriod } from "../db/schema";
import type { AlarmEventKind, AlarmRow, AlarmRuleRow, AlarmSeverity, AlarmsTable } from "../db/tables/quality";
import type { Insertable, Updateable } from "kysely";
import type { Condition, RuleLogic } from "../../domain/alarms/conditions";
import { DEFAULT_ESCALATION as DEFAULT_LEVELS, type EscalationLevel } from "../../domain/alarms/escalation";

/** A rule as written. */
export interface RuleInput {
  name: string;
  enabled: boolean;
  severity: AlarmSeverity;
  pointId: string | null;
  pointKind: PointKind | null;
  period: ReadingPeriod;
  combinator: "and" | "or";
  conditions: unknown[];
  persistenceMinutes: number;
  repeatMinutes: number;
  escalation: unknown[];
}

const ruleColumns = (r: RuleInput) => ({
  name: r.name, enabled: r.enabled, severity: r.severity, point_id: r.pointId, point_kind: r.pointKind, period: r.period,
  combinator: r.combinator, conditions: JSON.stringify(r.conditions), persistence_minutes: r.persistenceMinutes,
  repeat_minutes: r.repeatMinutes, escalation: JSON.stringify(r.escalation),
});

/** Every rule, newest first. */
export async function listRules(db: Kysely<DB>, f: { enabled?: boolean } = {}): Promise<AlarmRuleRow[]> {
  let q = db.selectFrom("alarm_rules").selectAll();
  if (f.enabled !== undefined) q = q.where("enabled", "=", f.enabled);
  return q.orderBy("created_at", "desc").orderBy("id").execute();
}

/** One rule. */
export async function findRule(db: Kysely<DB>, id: string): Promise<AlarmRuleRow | undefined> {
  return db.selectFrom("alarm_rules").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Creates a rule. */
export async function insertRule(db: Kysely<DB>, r: RuleInput, createdBy: string | null): Promise<AlarmRuleRow> {
  return db.insertInto("alarm_rules").values({ ...ruleColumns(r), created_by: createdBy }).returningAll().executeTakeFirstOrThrow();
}

/** Replaces a rule's settings. */
export async function updateRule(db: Kysely<DB>, id: string, r: RuleInput): Promise<AlarmRuleRow> {
  return db.updateTable("alarm_rules").set({ ...ruleColumns(r), updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Points a rule applies to: its point, the points of its kind, or every active point. */
export async function rulePoints(db: Kysely<DB>, rule: Pick<AlarmRuleRow, "point_id" | "point_kind">) {
  let q = db.selectFrom("monitoring_points").selectAll().where("active", "=", true);
  if (rule.point_id) q = q.where("id", "=", rule.point_id);
  else if (rule.point_kind) q = q.where("kind", "=", rule.point_kind);
  return q.execute();
}

/** The evaluation state of a rule at a point (data times, epoch ms). */
export interface StoredRuleState {
  pendingSince: number | null;
  evaluatedDataAt: number | null;
}

/** The stored evaluation states of (rule, point) pairs, keyed "rule|point". */
export async function ruleStates(db: Kysely<DB>, ruleIds: string[], pointIds: string[]): Promise<Map<string, StoredRuleState>> {
  const out = new Map<string, StoredRuleState>();
  if (!ruleIds.length || !pointIds.length) return out;
  const rows = await db.selectFrom("alarm_rule_states").selectAll().where("rule_id", "in", ruleIds).where("point_id", "in", pointIds).execute();
  const ms = (d: Date | string | null) => (d ? new Date(d).getTime() : null);
  for (const r of rows) out.set(`${r.rule_id}|${r.point_id}`, { pendingSince: ms(r.pending_since), evaluatedDataAt: ms(r.evaluated_data_at) });
  return out;
}

/** Stores the evaluation state of a rule at a point. */
export async function saveRuleState(db: Kysely<DB>, ruleId: string, pointId: string, s: StoredRuleState): Promise<void> {
  const v = {
    pending_since: s.pendingSince === null ? null : new Date(s.pendingSince),
    evaluated_data_at: s.evaluatedDataAt === null ? null : new Date(s.evaluatedDataAt),
  };
  await db.insertInto("alarm_rule_states").values({ rule_id: ruleId, point_id: pointId, ...v })
    .onConflict((oc) => oc.columns(["rule_id", "point_id"]).doUpdateSet({ ...v, last_evaluated_at: new Date() }))
    .execute();
}

/** The open alarms (active, or cleared and unacknowledged) of (rule, point) pairs, keyed "rule|point". */
export async function openAlarms(db: Kysely<DB>, ruleIds: string[], pointIds: string[]): Promise<Map<string, AlarmRow>> {
  const out = new Map<string, AlarmRow>();
  if (!ruleIds.length || !pointIds.length) return out;
  const rows = await db.selectFrom("alarms").selectAll()
    .where("rule_id", "in", ruleIds).where("point_id", "in", pointIds)
    .where((eb) => eb.or([eb("active", "=", true), eb("acknowledged", "=", false)]))
    .execute();
  for (const r of rows) out.set(`${r.rule_id}|${r.point_id}`, r);
  return out;
}

/** Active, unacknowledged alarms (the ones notifications are due for). */
export async function alarmsAwaitingAck(db: Kysely<DB>): Promise<AlarmRow[]> {
  return db.selectFrom("alarms").selectAll().where("active", "=", true).where("acknowledged", "=", false).orderBy("raised_at").execute();
}

/** Opens an alarm. */
export async function insertAlarm(db: Kysely<DB>, a: Insertable<AlarmsTable>): Promise<AlarmRow> {
  return db.insertInto("alarms").values(a).returningAll().executeTakeFirstOrThrow();
}

/** Changes an alarm. */
export async function updateAlarm(db: Kysely<DB>, id: string, set: Updateable<AlarmsTable>): Promise<AlarmRow> {
  return db.updateTable("alarms").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** One alarm. */
export async function findAlarm(db: Kysely<DB>, id: string): Promise<AlarmRow | undefined> {
  return db.selectFrom("alarms").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks an alarm row for a change by a person (acknowledgement racing the processor). */
export async function lockAlarm(db: Kysely<DB>, id: string): Promise<AlarmRow | undefined> {
  return db.selectFrom("alarms").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Filters of the alarm list. */
export interface AlarmFilter {
  /** open: active or unacknowledged; active; closed; all. */
  state: "open" | "active" | "closed" | "all";
  severity?: AlarmSeverity;
  pointId?: string;
  /** Alarms raised before this instant (paging, newest first). */
  before?: Date;
  limit: number;
}

/** Alarms with their point, newest first. */
export async function listAlarms(db: Kysely<DB>, f: AlarmFilter) {
  let q = db.selectFrom("alarms as a").innerJoin("monitoring_points as p", "p.id", "a.point_id")
    .selectAll("a").select(["p.code as point_code", "p.name as point_name", "p.kind as point_kind"]);
  if (f.state === "open") q = q.where((eb) => eb.or([eb("a.active", "=", true), eb("a.acknowledged", "=", false)]));
  if (f.state === "active") q = q.where("a.active", "=", true);
  if (f.state === "closed") q = q.where("a.active", "=", false).where("a.acknowledged", "=", true);
  if (f.severity) q = q.where("a.severity", "=", f.severity);
  if (f.pointId) q = q.where("a.point_id", "=", f.pointId);
  if (f.before) q = q.where("a.raised_at", "<", f.before);
  return q.orderBy("a.raised_at", "desc").orderBy("a.id").limit(f.limit).execute();
}

/** Counts of open alarms by display state and severity (for the badge and the list header). */
export async function alarmCounts(db: Kysely<DB>) {
  const r = await sql<{ active: boolean; acknowledged: boolean; severity: AlarmSeverity; n: number }>`
    select active, acknowledged, severity, count(*)::int as n from alarms where active or not acknowledged
    group by active, acknowledged, severity`.execute(db);
  return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
}

/** Appends an event to an alarm's history. */
export async function insertAlarmEvent(db: Kysely<DB>, alarmId: string, kind: AlarmEventKind, data: Record<string, unknown> = {}, actorId: string | null = null): Promise<void> {
  await db.insertInto("alarm_events").values({ alarm_id: alarmId, kind, data: JSON.stringify(data), actor_id: actorId, at: new Date() }).execute();
}

/** An alarm's history, oldest first, with the actors' names. */
export async function alarmEvents(db: Kysely<DB>, alarmId: string) {
  return db.selectFrom("alarm_events as e").leftJoin("users as u", "u.id", "e.actor_id")
    .selectAll("e").select("u.display_name as actor_name")
    .where("e.alarm_id", "=", alarmId).orderBy("e.id").execute();
}

/** The latest current reading of each factor of a point and period, with its QC flag and whether it was rejected. */
export interface LatestRow {
  factor: string;
  t: Date;
  value: number | null;
  flag: string | null;
  qcFlag: number | null;
  rejected: boolean;
}

/** Latest current reading per factor (one primary-key probe each), as of `asOf` (data time) when given. */
export async function latestForFactors(db: Kysely<DB>, pointId: string, period: ReadingPeriod, factors: string[], asOf?: Date): Promise<LatestRow[]> {
  if (!factors.length) return [];
  const r = await sql<{ factor: string; t: Date; value: number | null; flag: string | null; qc_flag: number | null; rejected: boolean }>`
    select f.factor, l.t, l.value, l.flag, q.flag as qc_flag,
      exists (select 1 from reading_reviews v where v.point_id = ${pointId} and v.factor = f.factor and v.period = ${period}
        and v.t = l.t and v.version = l.version and v.decision = 'rejected') as rejected
    from unnest(${factors}::text[]) as f(factor)
    cross join lateral (
      select r.t, r.value, r.flag, r.version from readings r
      where r.point_id = ${pointId} and r.factor = f.factor and r.period = ${period} ${asOf ? sql`and r.t <= ${asOf}` : sql``}
      order by r.t desc, r.version desc limit 1
    ) l
    left join reading_qc q on q.point_id = ${pointId} and q.factor = f.factor and q.period = ${period} and q.t = l.t and q.version = l.version`.execute(db);
  return r.rows.map((x) => ({ factor: x.factor, t: new Date(x.t), value: x.value, flag: x.flag, qcFlag: x.qc_flag, rejected: x.rejected }));
}

/** Data time of the newest reading of any factor of a point and period (readings_point_time index), as of `asOf`. */
export async function lastDataTime(db: Kysely<DB>, pointId: string, period: ReadingPeriod, asOf?: Date): Promise<Date | null> {
  const r = await sql<{ t: Date | null }>`select max(t) as t from readings where point_id = ${pointId} and period = ${period}
    ${asOf ? sql`and t <= ${asOf}` : sql``}`.execute(db);
  return r.rows[0]?.t ? new Date(r.rows[0].t) : null;
}

/** Rule names by id (for lists). */
export async function ruleNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom("alarm_rules").select(["id", "name"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The stored conditions of a rule as domain logic (the saver validated them when they were written). */
export function ruleLogicOf(rule: Pick<AlarmRuleRow, "combinator" | "conditions">): RuleLogic {
  return { combinator: rule.combinator, conditions: rule.conditions as Condition[] };
}

/** The stored escalation levels of a rule, or the default chain when none is stored. */
export function escalationOf(rule: Pick<AlarmRuleRow, "escalation">): EscalationLevel[] {
  const levels = rule.escalation as EscalationLevel[];
  return levels.length ? [...levels].sort((a, b) => a.afterMinutes - b.afterMinutes) : [...DEFAULT_LEVELS];
}

/** Active users holding a role. */
export async function usersWithRole(db: Kysely<DB>, role: "monitoring_operator" | "office_admin" | "river_chief") {
  return db.selectFrom("users as u").innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id as user_id", "u.username", "u.display_name"])
    .where("u.disabled", "=", false).where("r.role", "=", role).execute();
}

/** Active users by id. */
export async function activeUsers(db: Kysely<DB>, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom("users").select(["id as user_id", "username", "display_name"]).where("id", "in", ids).where("disabled", "=", false).execute();
}
