/**
 * @module All SQL of outlets' daily discharge evaluations (discharge_days) and violation records (violations) with
 * the enterprise each outlet belongs to, and of the hourly values they are computed from: current versions marked N/T
 * (or unmarked), not failed by QC unless a reviewer accepted them, and not rejected in review.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { ViolationRow, ViolationWithdrawalCause } from "../db/tables/quality";
import type { DischargeDay } from "../../domain/alarms/discharge";

/** Outlets with permit limits: (point, factor, limits, basis). */
export async function permittedOutlets(db: Kysely<DB>) {
  return db.selectFrom("point_limits as l").innerJoin("monitoring_points as p", "p.id", "l.point_id")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .select(["p.id as point_id", "p.unit_id", "p.name", "l.factor", "l.upper_limit", "l.lower_limit", "l.basis", "e.id as enterprise_id", "e.name as enterprise_name"])
    .where("p.kind", "=", "outlet").where("p.active", "=", true)
    .execute();
}

/** The permit limit of one active outlet's factor, if it has one (re-evaluation after a review). */
export async function outletLimit(db: Kysely<DB>, pointId: string, factor: string) {
  return db.selectFrom("point_limits as l").innerJoin("monitoring_points as p", "p.id", "l.point_id")
    .select(["p.id as point_id", "p.unit_id", "l.factor", "l.upper_limit", "l.lower_limit", "l.basis"])
    .where("p.kind", "=", "outlet").where("p.active", "=", true).where("l.point_id", "=", pointId).where("l.factor", "=", factor)
    .executeTakeFirst();
}

/**
 * Locks an outlet factor's permit row until the transaction ends, so a review's re-evaluation and the scheduled one
 * of the same outlet factor run one after the other: each reads the hourly values only once it holds the lock, and
 * so sees the other's committed decision (without it the scheduled run could read values from before a rejection and
 * reopen the violation the rejection had just withdrawn). Callers lock several in a fixed order.
 */
export async function lockPermitLimit(db: Kysely<DB>, pointId: string, factor: string): Promise<void> {
  await db.selectFrom("point_limits").select("point_id").where("point_id", "=", pointId).where("factor", "=", factor).forUpdate().execute();
}

/** Valid hourly values of one factor at a point in a window. */
export async function validHourValues(db: Kysely<DB>, q: { pointId: string; factor: string; from: Date; to: Date }): Promise<{ t: number; value: number }[]> {
  const r = await sql<{ t: Date; value: number }>`
    select r.t, r.value from readings r
    left join reading_qc qc on qc.point_id = r.point_id and qc.factor = r.factor and qc.period = r.period and qc.t = r.t and qc.version = r.version
    where r.point_id = ${q.pointId} and r.factor = ${q.factor} and r.period = 'hour' and r.t >= ${q.from} and r.t < ${q.to}
      and r.value is not null and (r.flag is null or r.flag in ('N', 'T'))
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
      and (coalesce(qc.flag, 2) <> 4 or exists (select 1 from reading_reviews v where v.point_id = r.point_id and v.factor = r.factor
        and v.period = r.period and v.t = r.t and v.version = r.version and v.decision = 'accepted'))
      and not exists (select 1 from reading_reviews v where v.point_id = r.point_id and v.factor = r.factor and v.period = r.period
        and v.t = r.t and v.version = r.version and v.decision = 'rejected')
    order by r.t`.execute(db);
  return r.rows.map((x) => ({ t: new Date(x.t).getTime(), value: x.value }));
}

/** Stores evaluated days (replacing earlier evaluations of the same days). */
export async function upsertDischargeDays(
  db: Kysely<DB>, pointId: string, factor: string, limit: { upper: number | null; lower: number | null; basis: string }, days: DischargeDay[],
): Promise<void> {
  for (const d of days) {
    const v = {
      mean_value: d.mean, max_value: d.max, hours: d.hours, limit_upper: limit.upper, limit_lower: limit.lower, basis: limit.basis,
      exceeded: d.exceeded, exceed_multiple: d.exceedMultiple,
    };
    await db.insertInto("discharge_days").values({ point_id: pointId, factor, day: d.day, ...v })
      .onConflict((oc) => oc.columns(["point_id", "factor", "day"]).doUpdateSet({ ...v, updated_at: new Date() })).execute();
  }
}

/** Removes the evaluations of days that are no longer evaluated (too few valid hours after a review). */
export async function deleteDischargeDays(db: Kysely<DB>, pointId: string, factor: string, days: string[]): Promise<number> {
  if (!days.length) return 0;
  const r = await db.deleteFrom("discharge_days").where("point_id", "=", pointId).where("factor", "=", factor).where("day", "in", days).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Violations of one outlet and factor on the given days, by day. */
export async function violationsOn(db: Kysely<DB>, pointId: string, factor: string, days: string[]): Promise<Map<string, ViolationRow>> {
  if (!days.length) return new Map();
  const rows = await db.selectFrom("violations").selectAll().where("point_id", "=", pointId).where("factor", "=", factor).where("day", "in", days).execute();
  return new Map(rows.map((r) => [String(r.day).slice(0, 10), r]));
}

/** Opens a violation (or reopens a withdrawn one with the new figures). */
export async function upsertViolation(
  db: Kysely<DB>, v: { pointId: string; factor: string; day: string; mean: number; upper: number | null; lower: number | null; basis: string; exceedMultiple: number },
): Promise<ViolationRow> {
  const set = {
    mean_value: v.mean, limit_upper: v.upper, limit_lower: v.lower, basis: v.basis, exceed_multiple: v.exceedMultiple, status: "open" as const,
    withdrawn_at: null, withdrawn_by: null, withdrawn_cause: null, withdrawn_reason: null, withdrawn_hours: null, withdrawn_mean: null, withdrawn_correlation: null,
  };
  return db.insertInto("violations").values({ point_id: v.pointId, factor: v.factor, day: v.day, ...set })
    .onConflict((oc) => oc.columns(["point_id", "factor", "day"]).doUpdateSet({ ...set, updated_at: new Date() }))
    .returningAll().executeTakeFirstOrThrow();
}

/** Why a violation is withdrawn: the decision that caused it and the day as re-evaluated. */
export interface Withdrawal {
  cause: ViolationWithdrawalCause;
  reason: string;
  byId: string | null;
  correlationId: string | null;
  /** Valid hours of the day now. */
  hours: number;
  /** Their mean, null when too few to evaluate. */
  mean: number | null;
}

/** Withdraws a violation the data no longer support (kept, marked with why). */
export async function withdrawViolation(db: Kysely<DB>, id: string, w: Withdrawal): Promise<void> {
  const at = new Date();
  await db.updateTable("violations").set({
    status: "withdrawn", updated_at: at, withdrawn_at: at, withdrawn_by: w.byId, withdrawn_cause: w.cause, withdrawn_reason: w.reason,
    withdrawn_hours: w.hours, withdrawn_mean: w.mean, withdrawn_correlation: w.correlationId,
  }).where("id", "=", id).execute();
}

/** Filters of the violation list. */
export interface ViolationFilter {
  pointId?: string;
  status?: "open" | "withdrawn";
  /** China days from (inclusive). */
  from?: string;
  to?: string;
  limit: number;
}

/** Violations with their outlet, newest day first. */
export async function listViolations(db: Kysely<DB>, f: ViolationFilter) {
  // The enterprise of the outlet (monitoring_points.enterprise_id, registries 0013): violations are keyed by outlet.
  let q = db.selectFrom("violations as v").innerJoin("monitoring_points as p", "p.id", "v.point_id")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("users as u", "u.id", "v.withdrawn_by")
    .selectAll("v").select(["p.code as point_code", "p.name as point_name", "p.unit_id", "e.id as enterprise_id", "e.name as enterprise_name", "u.display_name as withdrawn_by_name"]);
  if (f.pointId) q = q.where("v.point_id", "=", f.pointId);
  if (f.status) q = q.where("v.status", "=", f.status);
  if (f.from) q = q.where("v.day", ">=", f.from);
  if (f.to) q = q.where("v.day", "<=", f.to);
  return q.orderBy("v.day", "desc").orderBy("v.factor").limit(f.limit).execute();
}

/** The evaluated days of outlets since `from` (China day), for their noncompliance status. */
export async function dischargeDaysSince(db: Kysely<DB>, from: string, pointId?: string) {
  let q = db.selectFrom("discharge_days").selectAll().where("day", ">=", from);
  if (pointId) q = q.where("point_id", "=", pointId);
  return q.orderBy("point_id").orderBy("factor").orderBy("day").execute();
}
