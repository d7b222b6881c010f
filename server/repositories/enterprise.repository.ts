/**
 * @module All SQL of the enterprise register: enterprises, their outlets (monitoring points linked by
 * monitoring_points.enterprise_id) with those outlets' devices and permit limits, the enterprise-years of water use
 * and value added, and the district's 万元工业增加值用水量 (`waterUseIntensity`, which the indicators call).
 */
import { sql, type Kysely, type Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/enterprises";
import type { EnterpriseRow, EnterprisesTable, EnterpriseYearRow, EnterpriseYearsTable } from "../db/tables/enterprises";
import { containsPattern, offsetOf } from "../registries/listQuery";
import { intensityChange, waterUseIntensity as intensityOf, type WaterUseIntensity } from "../../domain/registries/enterprise";

/** Enterprise list filters. */
export interface EnterpriseFilter {
  q?: string;
  unitId?: string;
  riverId?: string;
  /** "1": 涉氟企业 only. */
  fluoride?: "0" | "1";
  permitClass?: EnterpriseRow["permit_class"];
  /** Discharges this pollutant (HJ 212 code). */
  pollutant?: string;
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

/** The outlets' codes of enterprise `e` as one text. */
const outletCodes = sql<string | null>`(select string_agg(p.code, '、' order by p.code) from monitoring_points p where p.enterprise_id = enterprises.id)`.as("outlet_codes");

function where(db: Kysely<DB>, f: Omit<EnterpriseFilter, "page" | "pageSize">) {
  let q = db.selectFrom("enterprises");
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb("code", "ilike", p), eb("name", "ilike", p), eb("permit_no", "ilike", p), eb("credit_code", "ilike", p), eb("industry", "ilike", p)]));
  }
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("river_id", "=", f.riverId);
  if (f.fluoride) q = q.where("fluoride", "=", f.fluoride === "1");
  if (f.permitClass) q = q.where("permit_class", "=", f.permitClass);
  if (f.pollutant) q = q.where(sql<boolean>`${f.pollutant} = any(pollutants)`);
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of enterprises by code, and the total. */
export async function listEnterprises(db: Kysely<DB>, f: EnterpriseFilter): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    where(db, f).selectAll().select(outletCodes).orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every enterprise matching the filter, by code. */
export function allEnterprises(db: Kysely<DB>, f: Omit<EnterpriseFilter, "page" | "pageSize"> = {}): Promise<EnterpriseRow[]> {
  return where(db, f).selectAll().select(outletCodes).orderBy("code").execute();
}

/** One enterprise. */
export function findEnterprise(db: Kysely<DB>, id: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom("enterprises").selectAll().select(outletCodes).where("id", "=", id).executeTakeFirst();
}

/** The enterprise with a code. */
export function findEnterpriseByCode(db: Kysely<DB>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom("enterprises").selectAll().select(outletCodes).where("code", "=", code).executeTakeFirst();
}

/** Another enterprise holding the same name, credit code or permit number, if any. */
export function enterpriseClash(db: Kysely<DB>, v: { id?: string; name: string; creditCode: string | null; permitNo: string | null }) {
  let q = db
    .selectFrom("enterprises")
    .select(["id", "code", "name", "credit_code", "permit_no"])
    .where((eb) => eb.or([
      eb("name", "=", v.name),
      ...(v.creditCode ? [eb("credit_code", "=", v.creditCode)] : []),
      ...(v.permitNo ? [eb("permit_no", "=", v.permitNo)] : []),
    ]));
  if (v.id) q = q.where("id", "!=", v.id);
  return q.executeTakeFirst();
}

/** Inserts an enterprise. */
export async function insertEnterprise(db: Kysely<DB>, v: Omit<Updateable<EnterprisesTable>, "id"> & Pick<EnterpriseRow, "code" | "name" | "unit_id">): Promise<EnterpriseRow> {
  const { id } = await db.insertInto("enterprises").values(v).returning("id").executeTakeFirstOrThrow();
  return (await findEnterprise(db, id))!;
}

/** Updates an enterprise. */
export async function updateEnterprise(db: Kysely<DB>, id: string, v: Updateable<EnterprisesTable>): Promise<EnterpriseRow> {
  await db.updateTable("enterprises").set({ ...v, updated_at: new Date() }).where("id", "=", id).execute();
  return (await findEnterprise(db, id))!;
}

/** Every enterprise's id, code and name (sheet lookups). */
export function enterpriseNameRows(db: Kysely<DB>) {
  return db.selectFrom("enterprises").select(["id", "code", "name", "unit_id"]).orderBy("code").execute();
}

// ── Outlets, their devices and limits ───────────────────────────────────────────────────────────────────────

/** An outlet of an enterprise. */
export interface OutletView {
  id: string;
  enterprise_id: string;
  code: string;
  name: string;
  kind: string;
  lon: number | null;
  lat: number | null;
  water_body: string | null;
  active: boolean;
}

/** The outlets of some enterprises, by code. */
export function outletsOf(db: Kysely<DB>, enterpriseIds: string[]): Promise<OutletView[]> {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return db
    .selectFrom("monitoring_points")
    .select(["id", "enterprise_id", "code", "name", "kind", "lon", "lat", "water_body", "active"])
    .where("enterprise_id", "in", enterpriseIds)
    .orderBy("code")
    .execute() as Promise<OutletView[]>;
}

/** Monitoring points with these codes (the caller checks kind and owner). */
export function pointsByCodes(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom("monitoring_points")
    .select(["id", "code", "kind", "enterprise_id"])
    .where(sql<string>`lower(code)`, "in", codes.map((c) => c.toLowerCase()))
    .execute();
}

/** Makes `pointIds` the outlets of an enterprise (outlets it had besides are released). */
export async function setOutlets(db: Kysely<DB>, enterpriseId: string, pointIds: string[]): Promise<void> {
  let release = db.updateTable("monitoring_points").set({ enterprise_id: null }).where("enterprise_id", "=", enterpriseId);
  if (pointIds.length) release = release.where("id", "not in", pointIds);
  await release.execute();
  if (pointIds.length) await db.updateTable("monitoring_points").set({ enterprise_id: enterpriseId }).where("id", "in", pointIds).execute();
}

/** Outlet points that belong to no enterprise or to `enterpriseId` (the form's choices). */
export function outletChoices(db: Kysely<DB>) {
  return db.selectFrom("monitoring_points").select(["id", "code", "name", "enterprise_id"]).where("kind", "=", "outlet").orderBy("code").execute();
}

/** The devices on some points. */
export function devicesOnPoints(db: Kysely<DB>, pointIds: string[]) {
  if (!pointIds.length) return Promise.resolve([]);
  return db
    .selectFrom("devices")
    .select(["id", "mn", "point_id", "enabled", "expected_factors", "protocol_version", "last_seen_at"])
    .where("point_id", "in", pointIds)
    .orderBy("mn")
    .execute();
}

/** The permit limits of some points, by factor. */
export function limitsOfPoints(db: Kysely<DB>, pointIds: string[]) {
  if (!pointIds.length) return Promise.resolve([]);
  return db.selectFrom("point_limits").selectAll().where("point_id", "in", pointIds).orderBy("point_id").orderBy("factor").execute();
}

// ── Enterprise-years ────────────────────────────────────────────────────────────────────────────────────────

/** Enterprise-year list filters. */
export interface YearFilter {
  q?: string;
  unitId?: string;
  enterpriseId?: string;
  year?: number;
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function yearsWhere(db: Kysely<DB>, f: Omit<YearFilter, "page" | "pageSize">) {
  let q = db.selectFrom("enterprise_years as y").innerJoin("enterprises as e", "e.id", "y.enterprise_id");
  if (f.q) q = q.where((eb) => eb.or([eb("e.code", "ilike", containsPattern(f.q!)), eb("e.name", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("e.unit_id", "=", f.unitId);
  if (f.enterpriseId) q = q.where("y.enterprise_id", "=", f.enterpriseId);
  if (f.year) q = q.where("y.year", "=", f.year);
  if (f.demo) q = q.where("y.demo", "=", f.demo === "1");
  return q;
}

const yearColumns = ["y.id", "y.enterprise_id", "y.year", "y.water_m3", "y.value_added_wan", "y.reused_m3", "y.note", "y.demo", "y.created_at", "y.updated_at", "e.unit_id"] as const;

/** One page of enterprise-years (newest year first, then enterprise code), and the total. */
export async function listYears(db: Kysely<DB>, f: YearFilter): Promise<{ rows: EnterpriseYearRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    yearsWhere(db, f).select(yearColumns).orderBy("y.year", "desc").orderBy("e.code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    yearsWhere(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every enterprise-year matching the filter. */
export function allYears(db: Kysely<DB>, f: Omit<YearFilter, "page" | "pageSize"> = {}): Promise<EnterpriseYearRow[]> {
  return yearsWhere(db, f).select(yearColumns).orderBy("y.year", "desc").orderBy("e.code").execute();
}

/** One enterprise-year. */
export function findYear(db: Kysely<DB>, id: string): Promise<EnterpriseYearRow | undefined> {
  return yearsWhere(db, {}).select(yearColumns).where("y.id", "=", id).executeTakeFirst();
}

/** An enterprise's figures for a year. */
export function findYearOf(db: Kysely<DB>, enterpriseId: string, year: number): Promise<EnterpriseYearRow | undefined> {
  return yearsWhere(db, { enterpriseId, year }).select(yearColumns).executeTakeFirst();
}

/** Inserts an enterprise-year. */
export async function insertYear(db: Kysely<DB>, v: Omit<Updateable<EnterpriseYearsTable>, "id"> & Pick<EnterpriseYearRow, "enterprise_id" | "year">): Promise<EnterpriseYearRow> {
  const { id } = await db.insertInto("enterprise_years").values(v).returning("id").executeTakeFirstOrThrow();
  return (await findYear(db, id))!;
}

/** Updates an enterprise-year. */
export async function updateYear(db: Kysely<DB>, id: string, v: Updateable<EnterpriseYearsTable>): Promise<EnterpriseYearRow> {
  await db.updateTable("enterprise_years").set({ ...v, updated_at: new Date() }).where("id", "=", id).execute();
  return (await findYear(db, id))!;
}

/** The district's 万元工业增加值用水量 in a year and in the base year, and the change. */
export interface DistrictWaterUse {
  year: number;
  baseYear: number;
  current: WaterUseIntensity;
  base: WaterUseIntensity;
  /** (I − I₀) ÷ I₀; null when either is unknown. */
  change: number | null;
}

/**
 * 万元工业增加值用水量 of the district's registered enterprises in `year` (m³/万元, comparable prices) and its
 * change against `baseYear` (seed plan task 13: 较2020年下降2%). For the indicators (Supervision area).
 * @example (await waterUseIntensity(db, 2022)).change // -0.021
 */
export async function waterUseIntensity(db: Kysely<DB>, year: number, baseYear = 2020): Promise<DistrictWaterUse> {
  const rows = await db.selectFrom("enterprise_years").select(["year", "water_m3", "value_added_wan"]).where("year", "in", [year, baseYear]).execute();
  const of = (y: number) => intensityOf(rows.filter((r) => r.year === y).map((r) => ({ waterM3: r.water_m3, valueAddedWan: r.value_added_wan })));
  const current = of(year);
  const base = of(baseYear);
  return { year, baseYear, current, base, change: intensityChange(current.intensity, base.intensity) };
}

/** Years that have figures, newest first. */
export async function yearsWithFigures(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom("enterprise_years").select("year").distinct().orderBy("year", "desc").execute();
  return rows.map((r) => r.year);
}
