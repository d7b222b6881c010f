/**
 * @module All SQL of WWTP sludge years (0022_registries_wwtp_sludge): per plant and year what was produced and how
 * it was disposed of; a row reads its plant's unit.
 */
import type { Kysely, Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/enterprises";
import type { WwtpSludgeYearRow, WwtpSludgeYearsTable } from "../db/tables/enterprises";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** List filters. */
export interface SludgeFilter {
  q?: string;
  unitId?: string;
  facilityId?: string;
  year?: number;
  demo?: "0" | "1";
}

function where(db: Kysely<DB>, f: SludgeFilter) {
  let q = db.selectFrom("wwtp_sludge_years as s").innerJoin("facilities as f", "f.id", "s.facility_id");
  if (f.q) q = q.where((eb) => eb.or([eb("f.code", "ilike", containsPattern(f.q!)), eb("f.name", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("f.unit_id", "=", f.unitId);
  if (f.facilityId) q = q.where("s.facility_id", "=", f.facilityId);
  if (f.year) q = q.where("s.year", "=", f.year);
  if (f.demo) q = q.where("s.demo", "=", f.demo === "1");
  return q;
}

const columns = ["s.id", "s.facility_id", "s.year", "s.produced_t", "s.landfill_t", "s.incineration_t", "s.coprocess_t", "s.reuse_t", "s.note", "s.demo", "s.created_at", "s.updated_at", "f.unit_id"] as const;

/** One page (newest year first, then plant code), and the total. */
export async function listSludgeYears(db: Kysely<DB>, f: SludgeFilter & { page: number; pageSize: number }): Promise<{ rows: WwtpSludgeYearRow[]; total: number }> {
  const [rows, n] = await Promise.all([
    where(db, f).select(columns).orderBy("s.year", "desc").orderBy("f.code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

/** Every row matching the filter. */
export function allSludgeYears(db: Kysely<DB>, f: SludgeFilter = {}): Promise<WwtpSludgeYearRow[]> {
  return where(db, f).select(columns).orderBy("s.year", "desc").orderBy("f.code").execute();
}

/** One row. */
export function findSludgeYear(db: Kysely<DB>, id: string): Promise<WwtpSludgeYearRow | undefined> {
  return where(db, {}).select(columns).where("s.id", "=", id).executeTakeFirst();
}

/** A plant's row of a year. */
export function findSludgeYearOf(db: Kysely<DB>, facilityId: string, year: number): Promise<WwtpSludgeYearRow | undefined> {
  return where(db, { facilityId, year }).select(columns).executeTakeFirst();
}

/** The newest year of each of the plants (plants without one are absent). */
export async function latestSludgeYears(db: Kysely<DB>, facilityIds: readonly string[]): Promise<Map<string, WwtpSludgeYearRow>> {
  if (!facilityIds.length) return new Map();
  const rows = await where(db, {}).select(columns).where("s.facility_id", "in", [...facilityIds]).orderBy("s.facility_id").orderBy("s.year", "desc").execute();
  const out = new Map<string, WwtpSludgeYearRow>();
  for (const r of rows) if (!out.has(r.facility_id)) out.set(r.facility_id, r);
  return out;
}

/** Inserts a row. */
export async function insertSludgeYear(db: Kysely<DB>, v: Omit<Updateable<WwtpSludgeYearsTable>, "id"> & Pick<WwtpSludgeYearRow, "facility_id" | "year">): Promise<WwtpSludgeYearRow> {
  const { id } = await db.insertInto("wwtp_sludge_years").values(v).returning("id").executeTakeFirstOrThrow();
  return (await findSludgeYear(db, id))!;
}

/** Updates a row. */
export async function updateSludgeYear(db: Kysely<DB>, id: string, v: Updateable<WwtpSludgeYearsTable>): Promise<WwtpSludgeYearRow> {
  await db.updateTable("wwtp_sludge_years").set({ ...v, updated_at: new Date() }).where("id", "=", id).execute();
  return (await findSludgeYear(db, id))!;
}
