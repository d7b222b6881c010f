/**
 * @module All SQL of readings: idempotent bulk insert into monthly partitions, corrections as new versions,
 * the latest value per series (LATERAL, not DISTINCT ON — see ../shared/stack.md), and period aggregates that
 * follow HJ 212's water rule (a period is abnormal if any underlying value is).
 */
import { sql, type Kysely } from "kysely";
import type { DB, NewReading, ReadingPeriod, ReadingRow } from "../db/schema";
import { PUBLISHED_SQL, QC_REVIEW_JOINS } from "./readingQc.repository";

/** Rows per INSERT statement: one array parameter per column, so the statement size does not grow with rows. */
const CHUNK = 5000;

/** Insert columns with their SQL array types, in order. */
const COLUMNS: [string, string][] = [
  ["point_id", "uuid"], ["factor", "text"], ["period", "text"], ["t", "timestamptz"], ["version", "smallint"],
  ["value", "float8"], ["flag", "text"], ["source", "text"], ["qc_flag", "smallint"], ["detection_limit", "float8"],
  ["below_dl", "bool"], ["original_value", "float8"], ["original_unit", "text"], ["min_value", "float8"],
  ["max_value", "float8"], ["cou_value", "float8"], ["device_mn", "text"], ["packet_qn", "text"],
  ["author_id", "uuid"], ["reason", "text"], ["note", "text"],
];
/** Column defaults applied in JS, since unnest passes every column. */
const DEFAULTS: Record<string, unknown> = { version: 1, qc_flag: 2, below_dl: false };

/** The UTC month starts ('YYYY-MM-01') covering `times`. */
export function monthsOf(times: Iterable<Date | string>): string[] {
  const months = new Set<string>();
  for (const t of times) months.add(new Date(t).toISOString().slice(0, 7) + "-01");
  return [...months].sort();
}

/** Makes sure the monthly partitions for `times` exist. */
export async function ensurePartitions(db: Kysely<DB>, times: Iterable<Date | string>): Promise<void> {
  for (const m of monthsOf(times)) await sql`select ensure_readings_partition(${m}::date)`.execute(db);
}

/**
 * Inserts readings; a reading whose (point, factor, period, time, version) is already stored is skipped, so a
 * retransmitted packet is stored once. Returns how many rows were new.
 */
export async function insertReadings(db: Kysely<DB>, rows: NewReading[]): Promise<number> {
  if (rows.length === 0) return 0;
  await ensurePartitions(db, rows.map((r) => r.t as Date | string));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // INSERT … SELECT FROM unnest(arrays): about twice the rate of a multi-row VALUES list on both engines
    // (../shared/stack.md), and one parameter per column whatever the number of rows.
    const arrays = COLUMNS.map(([col, type]) => {
      const values = chunk.map((r) => {
        const v = (r as Record<string, unknown>)[col] ?? DEFAULTS[col] ?? null;
        return v instanceof Date ? v.toISOString() : v;
      });
      return sql`${values}::${sql.raw(type)}[]`;
    });
    const r = await sql`
      insert into readings (${sql.join(COLUMNS.map(([c]) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})
      on conflict do nothing`.execute(db);
    inserted += Number(r.numAffectedRows ?? 0);
  }
  return inserted;
}

/** The identity of one series value (all versions). */
export interface ReadingKey {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: Date;
}

/** Every version of one reading, oldest first. */
export async function readingVersions(db: Kysely<DB>, k: ReadingKey): Promise<ReadingRow[]> {
  return db
    .selectFrom("readings")
    .selectAll()
    .where("point_id", "=", k.pointId)
    .where("factor", "=", k.factor)
    .where("period", "=", k.period)
    .where("t", "=", k.t)
    .orderBy("version")
    .execute();
}

/**
 * Stores a correction as the next version of a reading (the raw value stays). Concurrent corrections of the same
 * reading collide on the primary key; the caller's transaction then fails rather than losing one.
 */
export async function insertCorrection(
  db: Kysely<DB>,
  k: ReadingKey,
  v: { value: number | null; qcFlag: number; reason: string; authorId: string },
): Promise<ReadingRow | undefined> {
  const versions = await readingVersions(db, k);
  const last = versions[versions.length - 1];
  if (!last) return undefined;
  return db
    .insertInto("readings")
    .values({
      ...last,
      version: last.version + 1,
      value: v.value,
      qc_flag: v.qcFlag,
      reason: v.reason,
      author_id: v.authorId,
      received_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The newest current value of every (factor, period) series of a point. */
export async function latestReadings(db: Kysely<DB>, pointId: string, period: ReadingPeriod): Promise<ReadingRow[]> {
  const r = await sql<ReadingRow>`
    select l.* from (select distinct factor from readings where point_id = ${pointId} and period = ${period}) s
    cross join lateral (
      select * from readings r
      where r.point_id = ${pointId} and r.factor = s.factor and r.period = ${period}
      order by r.t desc, r.version desc limit 1
    ) l
    order by l.factor`.execute(db);
  return r.rows;
}

/** One aggregated bucket. */
export interface Bucket {
  t: Date;
  avg: number | null;
  min: number | null;
  max: number | null;
  n: number;
  /** True when any underlying value carries a flag other than N (water rule, HJ 212-2017 App. C). */
  abnormal: boolean;
}

/**
 * Series of one factor at one point aggregated into hour/day/month buckets over current versions. Buckets are
 * UTC unless `offsetMinutes` is given: 480 makes days and months Beijing days and months (no DST in China).
 */
export async function aggregateSeries(
  db: Kysely<DB>,
  q: { pointId: string; factor: string; period: ReadingPeriod; from: Date; to: Date; bucket: "hour" | "day" | "month"; offsetMinutes?: number },
): Promise<Bucket[]> {
  const shift = sql.raw(`interval '${Math.trunc(q.offsetMinutes ?? 0)} minutes'`);
  // Current versions by DISTINCT ON (t) over one scan of the window (sorted by t, version desc), then one GROUP BY:
  // a LATERAL lookup per time was 2–3× slower, the anti-join (two scans of the window) ~25% slower on PGlite.
  const r = await sql<Bucket>`
    select (date_trunc(${q.bucket}, (r.t at time zone 'UTC') + ${shift}) - ${shift}) at time zone 'UTC' as t,
      avg(r.value) as avg, min(r.value) as min, max(r.value) as max, count(r.value)::int as n,
      bool_or(coalesce(r.flag, 'N') <> 'N') as abnormal
    from (
      select distinct on (x.t) x.t, x.value, x.flag from readings x
      where x.point_id = ${q.pointId} and x.factor = ${q.factor} and x.period = ${q.period} and x.t >= ${q.from} and x.t < ${q.to}
      order by x.t, x.version desc
    ) r
    group by 1 order by 1`.execute(db);
  return r.rows.map((b) => ({ ...b, t: new Date(b.t) }));
}

/** A series window of one factor at one point. */
export interface SeriesWindow {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  from: Date;
  to: Date;
}

/** How many distinct times a series window holds (before fetching it raw). */
export async function countSeries(db: Kysely<DB>, w: SeriesWindow): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(distinct t)::int as n from readings
    where point_id = ${w.pointId} and factor = ${w.factor} and period = ${w.period} and t >= ${w.from} and t < ${w.to}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The current version of every reading in a window, oldest first. */
export async function rawSeries(db: Kysely<DB>, w: SeriesWindow): Promise<ReadingRow[]> {
  // Anti-join on the primary key: "no newer version exists" (DISTINCT ON is slow here, see the module note); the
  // window repeated inside lets the newer-version side prune to the window's partitions too.
  const r = await sql<ReadingRow>`
    select r.* from readings r
    where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version and n.t >= ${w.from} and n.t < ${w.to})
    order by r.t`.execute(db);
  return r.rows.map((row) => ({ ...row, t: new Date(row.t) }));
}

/** What a chart needs of one reading. */
export type SeriesValue = Pick<ReadingRow, "t" | "value" | "flag" | "qc_flag" | "below_dl" | "version">;

/**
 * The current version of each reading in a window with only what a chart shows, oldest first, at most `limit`
 * (the caller asks for one more than it will take, to learn that a window is too long without counting it first).
 * The rows come back as one JSON array of arrays built in SQL: a year of hourly values as 8,760 row objects cost
 * PGlite ~3× more (each row crosses from WASM to JS and over a thread boundary) than one string parsed here.
 * The current version per time is DISTINCT ON (t) over one scan of the window sorted by (t, version desc): about
 * half the time of the anti-join (which scans the window twice and hashes it) for a year of hourly values on
 * PGlite (EXPLAIN ANALYZE: ~30 ms against ~65–90 ms).
 */
export async function seriesValues(db: Kysely<DB>, w: SeriesWindow, limit: number): Promise<SeriesValue[]> {
  const r = await sql<{ j: string }>`
    select coalesce(json_agg(json_build_array((extract(epoch from s.t) * 1000)::float8, s.value, s.flag, s.qc_flag, s.below_dl, s.version)
      order by s.t), '[]')::text as j
    from (
      select distinct on (r.t) r.t, r.value, r.flag, r.qc_flag, r.below_dl, r.version from readings r
      where r.point_id = ${w.pointId} and r.factor = ${w.factor} and r.period = ${w.period} and r.t >= ${w.from} and r.t < ${w.to}
      order by r.t, r.version desc
      limit ${limit}
    ) s`.execute(db);
  const rows = JSON.parse(r.rows[0]?.j ?? "[]") as [number, number | null, string | null, number, boolean, number][];
  return rows.map(([t, value, flag, qc, belowDl, version]) => ({ t: new Date(t), value, flag, qc_flag: qc, below_dl: belowDl, version }));
}

/** The current version of every reading of a point and period in a window, all factors, by time then factor. */
export async function pointReadings(
  db: Kysely<DB>,
  q: { pointId: string; period: ReadingPeriod; from: Date; to: Date },
): Promise<ReadingRow[]> {
  const r = await sql<ReadingRow>`
    select r.* from readings r
    where r.point_id = ${q.pointId} and r.period = ${q.period} and r.t >= ${q.from} and r.t < ${q.to}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    order by r.t, r.factor`.execute(db);
  return r.rows.map((row) => ({ ...row, t: new Date(row.t) }));
}

/** One factor's mean over a Beijing month at one point, from readings of one period. */
export interface MonthlyMeanRow {
  point_id: string;
  /** "YYYY-MM", Beijing time. */
  month: string;
  factor: string;
  period: ReadingPeriod;
  mean: number;
  n: number;
}

/**
 * Beijing-month means of every factor at `pointIds` in [from, to) over current versions, per period, from reviewed
 * data (the figures that classes, indicators and compliance are published from): below-DL values at ½·DL (project
 * decision 4); values invalidated (null), rejected, or QC-flagged 3/4 and still waiting for review take no part
 * (readingQc.repository PUBLISHED_SQL).
 */
export async function monthlyMeansOf(
  db: Kysely<DB>,
  q: { pointIds: readonly string[]; from: Date; to: Date; periods: readonly ReadingPeriod[] },
): Promise<MonthlyMeanRow[]> {
  if (q.pointIds.length === 0 || q.periods.length === 0) return [];
  const r = await sql<MonthlyMeanRow>`
    select r.point_id, to_char(r.t at time zone 'Asia/Shanghai', 'YYYY-MM') as month, r.factor, r.period,
      avg(case when r.below_dl then r.value / 2 else r.value end) as mean, count(*)::int as n
    from readings r ${QC_REVIEW_JOINS}
    where r.point_id in (${sql.join(q.pointIds)}) and r.t >= ${q.from} and r.t < ${q.to}
      and r.period in (${sql.join(q.periods)}) and ${PUBLISHED_SQL}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    group by 1, 2, 3, 4
    order by 1, 2, 3`.execute(db);
  return r.rows.map((x) => ({ ...x, mean: Number(x.mean), n: Number(x.n) }));
}

/** One factor's mean over a Beijing day at one point, from readings of one period. */
export interface DailyMeanRow {
  point_id: string;
  /** "YYYY-MM-DD", Beijing time. */
  day: string;
  period: ReadingPeriod;
  mean: number;
  n: number;
  /** Σ cou_value (e.g. m³ of flow) of the day's readings; null when none carried one. */
  cou: number | null;
}

/**
 * Beijing-day means (and Σ cou) of one factor at `pointIds` in [from, to) over current versions, per period, from
 * reviewed data like monthlyMeansOf.
 */
export async function dailyMeansOf(
  db: Kysely<DB>,
  q: { pointIds: readonly string[]; factor: string; from: Date; to: Date },
): Promise<DailyMeanRow[]> {
  if (q.pointIds.length === 0) return [];
  const r = await sql<DailyMeanRow>`
    select r.point_id, to_char(r.t at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, r.period,
      avg(r.value) as mean, count(*)::int as n, sum(r.cou_value) as cou
    from readings r ${QC_REVIEW_JOINS}
    where r.point_id in (${sql.join(q.pointIds)}) and r.factor = ${q.factor} and r.t >= ${q.from} and r.t < ${q.to}
      and ${PUBLISHED_SQL}
      and not exists (select 1 from readings n where n.point_id = r.point_id and n.factor = r.factor and n.period = r.period
        and n.t = r.t and n.version > r.version)
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return r.rows.map((x) => ({ ...x, mean: Number(x.mean), n: Number(x.n), cou: x.cou === null ? null : Number(x.cou) }));
}
