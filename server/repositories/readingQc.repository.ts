/**
 * @module All SQL of QC flags beside readings (reading_qc, monthly partitions like readings) and of the live
 * processors' watermarks and lock: readings received since a watermark that have no flags yet, the flags of a
 * window with each value's review state, and idempotent upserts.
 */
import { sql, type Kysely } from "kysely";
import type { DB, ReadingPeriod, ReadingRow } from "../db/schema";
import { monthsOf } from "./reading.repository";

/** Rows per INSERT statement. */
const CHUNK = 1000;

/** The identity of one reading version. */
export interface ReadingVersionKey {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: Date;
  version: number;
}

/** QC of one reading version. */
export interface QcFlagInput extends ReadingVersionKey {
  flag: number;
  tests: Record<string, number>;
}

/**
 * Takes the processors' transaction-scoped advisory lock without waiting; false when another worker holds it. Two
 * workers therefore never evaluate the same readings at once, and the lock ends with the transaction.
 */
export async function tryProcessorLock(db: Kysely<DB>, key: number): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${key}) as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/** A processor's watermark, or null before its first run. */
export async function getWatermark(db: Kysely<DB>, name: string): Promise<Date | null> {
  const r = await db.selectFrom("quality_watermarks").select("at").where("name", "=", name).executeTakeFirst();
  return r ? new Date(r.at) : null;
}

/** Moves a watermark forward (never back). */
export async function setWatermark(db: Kysely<DB>, name: string, at: Date): Promise<void> {
  await sql`insert into quality_watermarks (name, at) values (${name}, ${at})
    on conflict (name) do update set at = greatest(quality_watermarks.at, excluded.at)`.execute(db);
}

/**
 * Where a scan for new readings starts: the watermark, but never later than `lagMs` before the database's now — a
 * reading whose transaction began before the watermark and committed within `lagMs` is still found, while an idle
 * processor scans nothing (the watermark stays, the lag passes). Epoch before the first run.
 */
export async function scanStart(db: Kysely<DB>, name: string, lagMs: number): Promise<Date> {
  const r = await sql<{ since: Date }>`
    select least(coalesce((select at from quality_watermarks where name = ${name}), timestamptz 'epoch'),
      now() - ${lagMs} * interval '1 millisecond') as since`.execute(db);
  return new Date(r.rows[0].since);
}

/** The database's now minus `ms` (the sweep's start). */
export async function dbNowMinus(db: Kysely<DB>, ms: number): Promise<Date> {
  const r = await sql<{ t: Date }>`select now() - ${ms} * interval '1 millisecond' as t`.execute(db);
  return new Date(r.rows[0].t);
}

/** A reading received since the watermark. */
export type NewReadingRow = Pick<ReadingRow, "point_id" | "factor" | "period" | "t" | "version" | "value" | "flag" | "qc_flag" | "author_id" | "received_at">;

/**
 * Reading versions received at or after `since` that have no QC flags yet, oldest arrival first, at most `limit`.
 * The anti-join makes a re-read of the same arrivals (an overlap kept for transactions that committed late)
 * harmless — and "at or after" matters: the rows of one transaction share one received_at, so a backlog larger
 * than a batch (the demo seed's thousands of lab values) has rows left at exactly the watermark.
 */
export async function readingsWithoutQc(db: Kysely<DB>, since: Date, limit: number): Promise<NewReadingRow[]> {
  const r = await sql<NewReadingRow>`
    select r.point_id, r.factor, r.period, r.t, r.version, r.value, r.flag, r.qc_flag, r.author_id, r.received_at
    from readings r
    where r.received_at >= ${since}
      and not exists (select 1 from reading_qc q where q.point_id = r.point_id and q.factor = r.factor
        and q.period = r.period and q.t = r.t and q.version = r.version)
    order by r.received_at, r.point_id, r.factor, r.period, r.t
    limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ ...x, t: new Date(x.t), received_at: new Date(x.received_at) }));
}

/**
 * Stores QC flags; a second evaluation of the same version replaces the first. The reading's own `qc_flag` is set
 * to the same overall flag in the same transaction.
 */
export async function upsertQcFlags(db: Kysely<DB>, rows: QcFlagInput[]): Promise<number> {
  if (!rows.length) return 0;
  for (const m of monthsOf(rows.map((r) => r.t))) await sql`select ensure_reading_qc_partition(${m}::date)`.execute(db);
  let n = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const r = await sql`
      insert into reading_qc (point_id, factor, period, t, version, flag, tests)
      select * from unnest(${chunk.map((x) => x.pointId)}::uuid[], ${chunk.map((x) => x.factor)}::text[],
        ${chunk.map((x) => x.period)}::text[], ${chunk.map((x) => x.t.toISOString())}::timestamptz[],
        ${chunk.map((x) => x.version)}::smallint[], ${chunk.map((x) => x.flag)}::smallint[],
        ${chunk.map((x) => JSON.stringify(x.tests))}::jsonb[])
      on conflict (point_id, factor, period, t, version)
        do update set flag = excluded.flag, tests = excluded.tests, evaluated_at = now()`.execute(db);
    n += Number(r.numAffectedRows ?? 0);
    // readings.qc_flag carries the same verdict (the worst of the tests), so every reader of readings — series
    // points, the aggregates' exclusions — tells the truth without joining reading_qc. Only changed rows are
    // written; the window bounds let the planner prune to the chunk's partitions.
    const times = chunk.map((x) => x.t.getTime());
    await sql`
      update readings r set qc_flag = u.flag
      from unnest(${chunk.map((x) => x.pointId)}::uuid[], ${chunk.map((x) => x.factor)}::text[],
        ${chunk.map((x) => x.period)}::text[], ${chunk.map((x) => x.t.toISOString())}::timestamptz[],
        ${chunk.map((x) => x.version)}::smallint[], ${chunk.map((x) => x.flag)}::smallint[]) as u(point_id, factor, period, t, version, flag)
      where r.point_id = u.point_id and r.factor = u.factor and r.period = u.period and r.t = u.t and r.version = u.version
        and r.t >= ${new Date(Math.min(...times))} and r.t <= ${new Date(Math.max(...times))}
        and r.qc_flag is distinct from u.flag`.execute(db);
  }
  return n;
}

/** Review state of a current reading. */
export type ReviewState = "unchecked" | "passed" | "pending" | "accepted" | "rejected" | "corrected";

/** A current reading with its QC flags and review. */
export interface FlaggedReading {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: Date;
  version: number;
  value: number | null;
  flag: string | null;
  source: string;
  belowDl: boolean;
  qcFlag: number | null;
  tests: Record<string, number> | null;
  decision: string | null;
  reviewReason: string | null;
  reviewState: ReviewState;
}

/**
 * The SQL expression of a current reading's review state, from readings `r`, reading_qc `q` and reading_reviews `v`:
 * a review decides; a version written by a person (a correction) counts as corrected; flags 3/4 (the tests', or
 * the flag the reading arrived with while the tests have not run) wait for review; flags 1/2/9 passed the automatic
 * tests; no flags from the tests yet: unchecked.
 */
export const REVIEW_STATE_SQL = sql<ReviewState>`case
  when v.decision is not null then v.decision
  when r.version > 1 and r.author_id is not null then 'corrected'
  when coalesce(q.flag, r.qc_flag) in (3, 4) then 'pending'
  when q.flag is null then 'unchecked'
  else 'passed' end`;

/** The review states whose values published figures use: not waiting for review, not rejected. */
export const PUBLISHED_STATES: readonly ReviewState[] = ["passed", "accepted", "corrected", "unchecked"];

/** Left joins of a reading `r` to its QC flags `q` and review `v` (same version). */
export const QC_REVIEW_JOINS = sql`
  left join reading_qc q on q.point_id = r.point_id and q.factor = r.factor and q.period = r.period and q.t = r.t and q.version = r.version
  left join reading_reviews v on v.point_id = r.point_id and v.factor = r.factor and v.period = r.period and v.t = r.t and v.version = r.version`;

/**
 * The condition under which a current reading `r` enters published figures (reviewed data): it has a value and
 * neither waits for review (QC 3/4 without a decision) nor was rejected. Values the tests have not reached yet
 * (unchecked: the last seconds of arrivals) take part and are counted apart by the callers.
 */
export const PUBLISHED_SQL = sql`(${REVIEW_STATE_SQL}) not in ('pending', 'rejected') and r.value is not null`;

/** The current readings of one series in a window with flags and review state, oldest first. */
export async function flaggedSeries(
  db: Kysely<DB>, w: { pointId: string; factor: string; period: ReadingPeriod; from: Date; to: Date },
): Promise<FlaggedReading[]> {
  const r = await sql<{
    point_id: string; factor: string; period: ReadingPeriod; t: Date; version: number; value: number | null; flag: string | null;
    source: string; below_dl: boolean; qc_flag: number | null; tests: Record<string, number> | null; decision: string | null;
    review_reason: string | null; review_state: ReviewState;
  }>`
    select r.point_id, r.factor, r.period, r.t, r.version, r.value, r.flag, r.source, r.below_dl,
      q.flag as qc_flag, q.tests, v.decision, v.reason as review_reason, ${REVIEW_STATE_SQL} as review_state
    from readings r
    left join reading_qc q on q.point_id = r.point_id and q.factor = r.factor and q.period = r.period and q.t = r.t and q.version = r.version
    left join reading_reviews v on v.point_id = r.point_id and v.factor = r.factor and v.period = r.period and v.t = r.t and v.version = r.version
    where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    order by r.t`.execute(db);
  return r.rows.map((x) => ({
    pointId: x.point_id, factor: x.factor, period: x.period, t: new Date(x.t), version: x.version, value: x.value, flag: x.flag,
    source: x.source, belowDl: x.below_dl, qcFlag: x.qc_flag, tests: x.tests, decision: x.decision, reviewReason: x.review_reason,
    reviewState: x.review_state,
  }));
}

/** Count of current readings by review state for one point and period in a window (all factors). */
export async function reviewStateCounts(
  db: Kysely<DB>, w: { pointId: string; period: ReadingPeriod; from: Date; to: Date; factor?: string },
): Promise<Record<ReviewState, number>> {
  const r = await sql<{ state: ReviewState; n: number }>`
    select ${REVIEW_STATE_SQL} as state, count(*)::int as n
    from readings r
    left join reading_qc q on q.point_id = r.point_id and q.factor = r.factor and q.period = r.period and q.t = r.t and q.version = r.version
    left join reading_reviews v on v.point_id = r.point_id and v.factor = r.factor and v.period = r.period and v.t = r.t and v.version = r.version
    where r.point_id = ${w.pointId} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      ${w.factor ? sql`and r.factor = ${w.factor}` : sql``}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    group by 1`.execute(db);
  const out: Record<ReviewState, number> = { unchecked: 0, passed: 0, pending: 0, accepted: 0, rejected: 0, corrected: 0 };
  for (const x of r.rows) out[x.state] = Number(x.n);
  return out;
}
