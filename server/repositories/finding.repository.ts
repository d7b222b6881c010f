/**
 * @module All SQL of anti-fabrication findings (qc_findings) and of what the detectors read: which series a point
 * has in a window, and lab samples.
 */
import { sql, type Kysely } from "kysely";
import type { DB, ReadingPeriod } from "../db/schema";
import type { FindingRow, FindingStatus } from "../db/tables/quality";

/** The findings of a rule and point whose window touches [from − slack, to + slack]. */
export async function nearbyFindings(
  db: Kysely<DB>, q: { rule: string; pointId: string; period: ReadingPeriod; from: Date; to: Date; slackMs: number },
): Promise<FindingRow[]> {
  return db.selectFrom("qc_findings").selectAll()
    .where("rule", "=", q.rule).where("point_id", "=", q.pointId).where("period", "=", q.period)
    .where("window_from", "<=", new Date(q.to.getTime() + q.slackMs))
    .where("window_to", ">=", new Date(q.from.getTime() - q.slackMs))
    .execute();
}

/** A finding to store. */
export interface FindingInput {
  rule: string;
  pointId: string;
  factors: string[];
  period: ReadingPeriod;
  from: Date;
  to: Date;
  severity: "warning" | "serious";
  numbers: Record<string, number | string | null>;
  summary: string;
}

/** Stores a new finding. */
export async function insertFinding(db: Kysely<DB>, f: FindingInput): Promise<FindingRow> {
  return db.insertInto("qc_findings").values({
    rule: f.rule, point_id: f.pointId, factors: f.factors, period: f.period, window_from: f.from, window_to: f.to, severity: f.severity,
    numbers: JSON.stringify(f.numbers), summary: f.summary,
  }).returningAll().executeTakeFirstOrThrow();
}

/** Widens an open finding to a larger window with newer evidence. */
export async function extendFinding(db: Kysely<DB>, id: string, f: Pick<FindingInput, "from" | "to" | "severity" | "numbers" | "summary">): Promise<FindingRow> {
  return db.updateTable("qc_findings").set({
    window_from: f.from, window_to: f.to, severity: f.severity, numbers: JSON.stringify(f.numbers), summary: f.summary, updated_at: new Date(),
  }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Records the decision on a finding. */
export async function decideFinding(db: Kysely<DB>, id: string, v: { status: FindingStatus; by: string; reason: string }): Promise<FindingRow> {
  return db.updateTable("qc_findings").set({ status: v.status, decided_by: v.by, decided_at: new Date(), decision_reason: v.reason, updated_at: new Date() })
    .where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** One finding with its point. */
export async function findFinding(db: Kysely<DB>, id: string) {
  return db.selectFrom("qc_findings as f").innerJoin("monitoring_points as p", "p.id", "f.point_id")
    .selectAll("f").select(["p.code as point_code", "p.name as point_name", "p.kind as point_kind"])
    .where("f.id", "=", id).executeTakeFirst();
}

/** Locks a finding for a decision. */
export async function lockFinding(db: Kysely<DB>, id: string): Promise<FindingRow | undefined> {
  return db.selectFrom("qc_findings").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Filters of the finding list. */
export interface FindingFilter {
  status?: FindingStatus;
  rule?: string;
  pointId?: string;
  before?: Date;
  limit: number;
}

/** Findings with their point, newest evidence first. */
export async function listFindings(db: Kysely<DB>, f: FindingFilter) {
  let q = db.selectFrom("qc_findings as f").innerJoin("monitoring_points as p", "p.id", "f.point_id")
    .selectAll("f").select(["p.code as point_code", "p.name as point_name", "p.kind as point_kind"]);
  if (f.status) q = q.where("f.status", "=", f.status);
  if (f.rule) q = q.where("f.rule", "=", f.rule);
  if (f.pointId) q = q.where("f.point_id", "=", f.pointId);
  if (f.before) q = q.where("f.detected_at", "<", f.before);
  return q.orderBy("f.detected_at", "desc").orderBy("f.id").limit(f.limit).execute();
}

/** Open findings per rule (for the area's overview). */
export async function openFindingCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const r = await sql<{ rule: string; n: number }>`select rule, count(*)::int as n from qc_findings where status = 'open' group by rule`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.rule, Number(x.n)]));
}

/** The series (factor, period) of a point with values in a window, with their counts. */
export async function seriesInWindow(db: Kysely<DB>, pointId: string, from: Date, to: Date): Promise<{ factor: string; period: ReadingPeriod; n: number }[]> {
  const r = await sql<{ factor: string; period: ReadingPeriod; n: number }>`
    select factor, period, count(*)::int as n from readings
    where point_id = ${pointId} and t >= ${from} and t < ${to}
    group by factor, period order by factor, period`.execute(db);
  return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
}

/** Active points that received readings since `since`. */
export async function pointsWithData(db: Kysely<DB>, since: Date) {
  const r = await sql<{ id: string }>`
    select p.id from monitoring_points p
    where p.active and exists (select 1 from readings r where r.point_id = p.id and r.t >= ${since} and r.period in ('rt', 'min', 'hour', 'day', 'sample'))`.execute(db);
  return r.rows.map((x) => x.id);
}
