/**
 * @module All SQL of human review: the queue of flagged values waiting for a decision, decisions per reading version,
 * and the published (reviewed) view of readings — values that passed QC, were accepted or corrected; rejected and
 * still-pending values are left out — as raw series, hour/day/month buckets and point windows.
 */
import { sql, type Kysely } from "kysely";
import type { DB, ReadingPeriod, ReadingRow } from "../db/schema";
import type { ReviewDecision } from "../db/tables/quality";
import type { Bucket } from "./reading.repository";
import { PUBLISHED_SQL, QC_REVIEW_JOINS, REVIEW_STATE_SQL, type ReadingVersionKey, type ReviewState } from "./readingQc.repository";

/** One entry of the review queue. */
export interface QueueEntry extends ReadingVersionKey {
  pointCode: string;
  pointName: string;
  value: number | null;
  flag: string | null;
  qcFlag: number;
  tests: Record<string, number>;
  source: string;
}

/** Filters of the queue. */
export interface QueueFilter {
  pointId?: string;
  factor?: string;
  period?: ReadingPeriod;
  /** Only this QC flag (3 or 4). */
  qcFlag?: 3 | 4;
  /** Entries before this data time (paging, newest first). */
  before?: Date;
  limit: number;
}

/** Flagged current values without a decision, newest first. */
export async function reviewQueue(db: Kysely<DB>, f: QueueFilter): Promise<QueueEntry[]> {
  const r = await sql<{
    point_id: string; factor: string; period: ReadingPeriod; t: Date; version: number; code: string; name: string;
    value: number | null; flag: string | null; qc: number; tests: Record<string, number>; source: string;
  }>`
    select q.point_id, q.factor, q.period, q.t, q.version, p.code, p.name, r.value, r.flag, q.flag as qc, q.tests, r.source
    from reading_qc q
    join readings r on r.point_id = q.point_id and r.factor = q.factor and r.period = q.period and r.t = q.t and r.version = q.version
    join monitoring_points p on p.id = q.point_id
    where q.flag in (3, 4)
      ${f.qcFlag ? sql`and q.flag = ${f.qcFlag}` : sql``}
      ${f.pointId ? sql`and q.point_id = ${f.pointId}` : sql``}
      ${f.factor ? sql`and q.factor = ${f.factor}` : sql``}
      ${f.period ? sql`and q.period = ${f.period}` : sql``}
      ${f.before ? sql`and q.t < ${f.before}` : sql``}
      and not exists (select 1 from reading_reviews v where v.point_id = q.point_id and v.factor = q.factor and v.period = q.period
        and v.t = q.t and v.version = q.version)
      and not exists (select 1 from readings n where n.point_id = q.point_id and n.factor = q.factor and n.period = q.period
        and n.t = q.t and n.version > q.version)
    order by q.t desc, q.point_id, q.factor
    limit ${f.limit}`.execute(db);
  return r.rows.map((x) => ({
    pointId: x.point_id, factor: x.factor, period: x.period, t: new Date(x.t), version: x.version, pointCode: x.code, pointName: x.name,
    value: x.value, flag: x.flag, qcFlag: x.qc, tests: x.tests, source: x.source,
  }));
}

/** How many values wait for review (all points). */
export async function pendingReviewCount(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from reading_qc q
    where q.flag in (3, 4)
      and not exists (select 1 from reading_reviews v where v.point_id = q.point_id and v.factor = q.factor and v.period = q.period
        and v.t = q.t and v.version = q.version)
      and not exists (select 1 from readings n where n.point_id = q.point_id and n.factor = q.factor and n.period = q.period
        and n.t = q.t and n.version > q.version)`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The decision on one version, if any. */
export async function findReview(db: Kysely<DB>, k: ReadingVersionKey) {
  return db.selectFrom("reading_reviews").selectAll()
    .where("point_id", "=", k.pointId).where("factor", "=", k.factor).where("period", "=", k.period)
    .where("t", "=", k.t).where("version", "=", k.version)
    .executeTakeFirst();
}

/** Records a decision on one version; a second decision on the same version conflicts (409 by the caller). */
export async function insertReview(
  db: Kysely<DB>,
  v: ReadingVersionKey & { decision: ReviewDecision; reason: string; reviewerId: string; correctedVersion?: number | null; findingId?: string | null },
): Promise<boolean> {
  const r = await db.insertInto("reading_reviews").values({
    point_id: v.pointId, factor: v.factor, period: v.period, t: v.t, version: v.version, decision: v.decision, reason: v.reason,
    reviewer_id: v.reviewerId, corrected_version: v.correctedVersion ?? null, finding_id: v.findingId ?? null,
  }).onConflict((oc) => oc.doNothing()).returning("version").execute();
  return r.length === 1;
}

/** The current version of each reading of a series in a window (for decisions on a whole finding window). */
export async function currentVersions(
  db: Kysely<DB>, w: { pointId: string; factor: string; period: ReadingPeriod; from: Date; to: Date },
): Promise<ReadingVersionKey[]> {
  const r = await sql<{ t: Date; version: number }>`
    select r.t, r.version from readings r
    where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t <= ${w.to}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    order by r.t`.execute(db);
  return r.rows.map((x) => ({ pointId: w.pointId, factor: w.factor, period: w.period, t: new Date(x.t), version: x.version }));
}

/** The published condition on `r` (current version), `q` (its flags) and `v` (its review). */
const PUBLISHED = PUBLISHED_SQL;
const JOINS = QC_REVIEW_JOINS;
const CURRENT = sql`not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
  and n.t = r.t and n.version > r.version)`;

/** A series window. */
export interface Window {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  from: Date;
  to: Date;
}

/** Published current readings of a series, oldest first. */
export async function publishedSeries(db: Kysely<DB>, w: Window): Promise<ReadingRow[]> {
  const r = await sql<ReadingRow>`
    select r.* from readings r ${JOINS}
    where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      and ${CURRENT} and ${PUBLISHED}
    order by r.t`.execute(db);
  return r.rows.map((x) => ({ ...x, t: new Date(x.t) }));
}

/** Published series in hour/day/month buckets (UTC shifted by `offsetMinutes`, e.g. 480 for Beijing time). */
export async function publishedBuckets(db: Kysely<DB>, w: Window & { bucket: "hour" | "day" | "month"; offsetMinutes: number }): Promise<Bucket[]> {
  const shift = sql.raw(`interval '${Math.trunc(w.offsetMinutes)} minutes'`);
  const r = await sql<Bucket>`
    select (date_trunc(${w.bucket}, (r.t at time zone 'UTC') + ${shift}) - ${shift}) at time zone 'UTC' as t,
      avg(r.value) as avg, min(r.value) as min, max(r.value) as max, count(r.value)::int as n,
      bool_or(coalesce(r.flag, 'N') <> 'N') as abnormal
    from readings r ${JOINS}
    where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      and ${CURRENT} and ${PUBLISHED}
    group by 1 order by 1`.execute(db);
  return r.rows.map((b) => ({ ...b, t: new Date(b.t) }));
}

/** Published current readings of a point and period in a window, all factors (for the monthly assessment). */
export async function publishedPointReadings(db: Kysely<DB>, q: { pointId: string; period: ReadingPeriod; from: Date; to: Date }): Promise<ReadingRow[]> {
  const r = await sql<ReadingRow>`
    select r.* from readings r ${JOINS}
    where r.point_id = ${q.pointId} and r.period = ${q.period} and r.t >= ${q.from} and r.t < ${q.to}
      and ${CURRENT} and ${PUBLISHED}
    order by r.t, r.factor`.execute(db);
  return r.rows.map((x) => ({ ...x, t: new Date(x.t) }));
}

/** Published current readings of several points and one period in a window, by point, time and factor. */
export async function publishedReadingsOfPoints(db: Kysely<DB>, pointIds: readonly string[], period: string, from: Date, to: Date): Promise<ReadingRow[]> {
  if (!pointIds.length) return [];
  const r = await sql<ReadingRow>`
    select r.* from readings r ${JOINS}
    where r.point_id in (${sql.join(pointIds)}) and r.period = ${period} and r.t >= ${from} and r.t < ${to}
      and ${CURRENT} and ${PUBLISHED}
    order by r.point_id, r.t, r.factor`.execute(db);
  return r.rows.map((x) => ({ ...x, t: new Date(x.t) }));
}

/** Current readings by review state for several points and one period in a window: point id → state → count. */
export async function reviewStateCountsOfPoints(
  db: Kysely<DB>, pointIds: readonly string[], period: string, from: Date, to: Date,
): Promise<Map<string, Record<ReviewState, number>>> {
  const out = new Map<string, Record<ReviewState, number>>();
  if (!pointIds.length) return out;
  const r = await sql<{ point_id: string; state: ReviewState; n: number }>`
    select r.point_id, ${REVIEW_STATE_SQL} as state, count(*)::int as n
    from readings r ${JOINS}
    where r.point_id in (${sql.join(pointIds)}) and r.period = ${period} and r.t >= ${from} and r.t < ${to} and ${CURRENT}
    group by 1, 2`.execute(db);
  for (const x of r.rows) {
    const m = out.get(x.point_id) ?? { unchecked: 0, passed: 0, pending: 0, accepted: 0, rejected: 0, corrected: 0 };
    m[x.state] = Number(x.n);
    out.set(x.point_id, m);
  }
  return out;
}
