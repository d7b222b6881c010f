/**
 * @module SQL behind the public site's read-only pages: the campaign plan's goals and indicator values (the
 * supervision area's tables), sections with a month's readings, and the registries' enterprises as the reward
 * checks need them. Tables of other areas are read with plain SQL after checking they exist, so the portal works
 * (with less to show) whichever areas have landed.
 */
import { sql, type Kysely } from "kysely";
import type { DB, PointRow } from "../db/schema";
import { tableExists } from "./complaintCatalog.repository";

/** The newest imported plan with its goals. */
export async function currentPlanGoals(db: Kysely<DB>) {
  const plan = await db.selectFrom("plans").select(["id", "title", "doc_number", "year", "issued_on"]).orderBy("year", "desc").orderBy("imported_at", "desc").executeTakeFirst();
  if (!plan) return null;
  const goals = await db.selectFrom("plan_goals").select(["id", "sort", "text", "targets"]).where("plan_id", "=", plan.id).orderBy("sort").execute();
  return { plan, goals };
}

/** An indicator with its newest value (the newest row of the newest period). */
export interface IndicatorWithValue {
  id: string;
  code: string;
  name: string;
  unit: string;
  comparison: "at_least" | "at_most" | "decrease" | "increase";
  target_value: number;
  target_year: number;
  baseline_year: number | null;
  amber_margin: number;
  goal_text: string | null;
  formula: string;
  method: string;
  period: string | null;
  value: number | null;
  source: string | null;
  source_document: string | null;
  recorded_at: Date | null;
  baseline: number | null;
}

/** Indicators of a plan with their newest values and baseline values; [] when the supervision tables are not there. */
export async function planIndicators(db: Kysely<DB>, planId: string): Promise<IndicatorWithValue[]> {
  if (!(await tableExists(db, "indicators")) || !(await tableExists(db, "indicator_values"))) return [];
  const r = await sql<IndicatorWithValue>`
    select i.id, i.code, i.name, i.unit, i.comparison, i.target_value::float8 as target_value, i.target_year, i.baseline_year,
      i.amber_margin::float8 as amber_margin, i.goal_text, i.formula, i.method,
      v.period, v.value::float8 as value, v.source, v.source_document, v.recorded_at,
      b.value::float8 as baseline
    from indicators i
    left join lateral (
      select period, value, source, source_document, recorded_at from indicator_values x
      where x.indicator_id = i.id order by x.period desc, x.recorded_at desc limit 1) v on true
    left join lateral (
      select value from indicator_values y
      where y.indicator_id = i.id and i.baseline_year is not null and y.period = i.baseline_year::text
      order by y.recorded_at desc limit 1) b on true
    where i.plan_id = ${planId}
    order by i.sort, i.code`.execute(db);
  return r.rows.map((x) => ({ ...x, recorded_at: x.recorded_at ? new Date(x.recorded_at) : null }));
}

/** Active sections and automatic stations with a position. */
export function publicSections(db: Kysely<DB>): Promise<PointRow[]> {
  return db.selectFrom("monitoring_points").selectAll().where("active", "=", true).where("kind", "in", ["section", "auto_station"])
    .where("lat", "is not", null).where("lon", "is not", null).orderBy("code").execute();
}

/** How many readings of each point and period a window holds (to pick the period a month is assessed on). */
export async function periodCounts(db: Kysely<DB>, pointIds: string[], from: Date, to: Date) {
  if (!pointIds.length) return [];
  const r = await sql<{ point_id: string; period: string; n: number }>`
    select point_id, period, count(*)::int as n from readings
    where point_id in (${sql.join(pointIds)}) and t >= ${from} and t < ${to} and period in ('sample', 'day', 'hour')
    group by point_id, period`.execute(db);
  return r.rows;
}

/** The months (Beijing time, YYYY-MM) that have readings of sections, newest first (at most 24). */
export async function monthsWithReadings(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ m: string }>`
    select distinct to_char(r.t at time zone 'Asia/Shanghai', 'YYYY-MM') as m from readings r
    join monitoring_points p on p.id = r.point_id and p.kind in ('section', 'auto_station')
    where r.period in ('sample', 'day', 'hour') and r.t > now() - interval '3 years'
    order by m desc limit 24`.execute(db);
  return r.rows.map((x) => x.m);
}

/**
 * The enterprise named `name` as the reward checks need it: phones, e-mails, people and web domains found in its
 * registry row (any column whose name says phone/tel/mobile, email, person/legal/contact name, website/domain).
 * Null when the registries' table is not there or no enterprise has that name.
 */
export async function enterpriseParties(db: Kysely<DB>, name: string) {
  if (!(await tableExists(db, "enterprises"))) return null;
  const r = await sql<{ j: Record<string, unknown> }>`select to_jsonb(e) as j from enterprises e where e.name = ${name} limit 1`.execute(db);
  const row = r.rows[0]?.j;
  if (!row) return null;
  const pick = (re: RegExp) => Object.entries(row).filter(([k, v]) => re.test(k) && typeof v === "string" && v.trim()).map(([, v]) => String(v));
  return {
    name,
    phones: pick(/phone|tel|mobile/i),
    emails: pick(/email|mail/i),
    people: pick(/person|legal|representative|contact_name|manager/i),
    domains: pick(/website|domain|url/i).map((u) => u.replace(/^https?:\/\//, "").replace(/^www\./, "").split("/")[0]),
  };
}
