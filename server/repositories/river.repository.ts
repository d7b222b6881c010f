/**
 * @module All SQL of the river register and the 河湖长 directory (rivers, river_chiefs), and of what lies on a
 * river (monitoring points).
 */
import { sql, type Kysely, type Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { RiverChiefRow, RiverChiefsTable, RiverRow, RiversTable } from "../db/tables/registries";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** Directory order of chiefs (alias c): level (区级 first). */
const LEVEL_ORDER = sql.raw("case c.level when 'district' then 1 when 'subdistrict' then 2 else 3 end");

/** River list filters. */
export interface RiverFilter {
  q?: string;
  kind?: RiverRow["kind"];
  unitId?: string;
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function riversWhere(db: Kysely<DB>, f: RiverFilter) {
  let q = db.selectFrom("rivers");
  if (f.q) q = q.where((eb) => eb.or([eb("name", "ilike", containsPattern(f.q!)), eb("basin", "ilike", containsPattern(f.q!))]));
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of rivers by name, and the total. */
export async function listRivers(db: Kysely<DB>, f: RiverFilter): Promise<{ rows: RiverRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    riversWhere(db, f).selectAll().orderBy("name").limit(f.pageSize).offset(offsetOf(f)).execute(),
    riversWhere(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every river matching the filter, by name. */
export function allRivers(db: Kysely<DB>, f: Omit<RiverFilter, "page" | "pageSize"> = {}): Promise<RiverRow[]> {
  return riversWhere(db, { ...f, page: 1, pageSize: 1 }).selectAll().orderBy("name").execute();
}

/** One river. */
export function findRiver(db: Kysely<DB>, id: string): Promise<RiverRow | undefined> {
  return db.selectFrom("rivers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The river of a name. */
export function findRiverByName(db: Kysely<DB>, name: string): Promise<RiverRow | undefined> {
  return db.selectFrom("rivers").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Inserts a river. */
export function insertRiver(db: Kysely<DB>, v: Omit<Updateable<RiversTable>, "id" | "created_at" | "updated_at"> & Pick<RiverRow, "name" | "kind">): Promise<RiverRow> {
  return db.insertInto("rivers").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a river. */
export function updateRiver(db: Kysely<DB>, id: string, v: Updateable<RiversTable>): Promise<RiverRow> {
  return db.updateTable("rivers").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Chief list filters. */
export interface ChiefFilter {
  q?: string;
  riverId?: string;
  level?: RiverChiefRow["level"];
  unitId?: string;
  active?: "0" | "1";
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function chiefsWhere(db: Kysely<DB>, f: ChiefFilter) {
  let q = db.selectFrom("river_chiefs as c").innerJoin("rivers as r", "r.id", "c.river_id");
  if (f.q) q = q.where((eb) => eb.or([eb("c.name", "ilike", containsPattern(f.q!)), eb("c.position", "ilike", containsPattern(f.q!)), eb("c.reach", "ilike", containsPattern(f.q!))]));
  if (f.riverId) q = q.where("c.river_id", "=", f.riverId);
  if (f.level) q = q.where("c.level", "=", f.level);
  if (f.unitId) q = q.where("c.unit_id", "=", f.unitId);
  if (f.active) q = q.where("c.active", "=", f.active === "1");
  if (f.demo) q = q.where("c.demo", "=", f.demo === "1");
  return q;
}


/** One page of chiefs in directory order, and the total. */
export async function listChiefs(db: Kysely<DB>, f: ChiefFilter): Promise<{ rows: RiverChiefRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    chiefsWhere(db, f).selectAll("c").orderBy("r.name").orderBy(LEVEL_ORDER).orderBy("c.name").limit(f.pageSize).offset(offsetOf(f)).execute(),
    chiefsWhere(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every chief matching the filter, in directory order. */
export async function allChiefs(db: Kysely<DB>, f: Omit<ChiefFilter, "page" | "pageSize"> = {}): Promise<RiverChiefRow[]> {
  return chiefsWhere(db, { ...f, page: 1, pageSize: 1 }).selectAll("c").orderBy("r.name").orderBy(LEVEL_ORDER).orderBy("c.name").execute();
}

/** Chiefs of some rivers in directory order (区级 first), for river lists and pages. */
export function chiefsOfRivers(db: Kysely<DB>, riverIds: string[]): Promise<RiverChiefRow[]> {
  if (riverIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("river_chiefs as c").selectAll("c").where("c.river_id", "in", riverIds).orderBy(LEVEL_ORDER).orderBy("c.name").execute();
}

/** One chief. */
export function findChief(db: Kysely<DB>, id: string): Promise<RiverChiefRow | undefined> {
  return db.selectFrom("river_chiefs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The chief of a river by name. */
export function findChiefByName(db: Kysely<DB>, riverId: string, name: string): Promise<RiverChiefRow | undefined> {
  return db.selectFrom("river_chiefs").selectAll().where("river_id", "=", riverId).where("name", "=", name).executeTakeFirst();
}

/** Inserts a chief. */
export function insertChief(db: Kysely<DB>, v: Omit<Updateable<RiverChiefsTable>, "id" | "created_at" | "updated_at"> & Pick<RiverChiefRow, "river_id" | "level" | "name" | "position">): Promise<RiverChiefRow> {
  return db.insertInto("river_chiefs").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a chief. */
export function updateChief(db: Kysely<DB>, id: string, v: Updateable<RiverChiefsTable>): Promise<RiverChiefRow> {
  return db.updateTable("river_chiefs").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Monitoring points on a river. */
export function pointsOnRiver(db: Kysely<DB>, riverId: string) {
  return db.selectFrom("monitoring_points").select(["id", "code", "name", "kind"]).where("river_id", "=", riverId).orderBy("code").execute();
}

/** Links monitoring points to a river by their water-body name (seeding). */
export async function linkPointsByWaterBody(db: Kysely<DB>, riverId: string, waterBody: string): Promise<number> {
  const r = await db.updateTable("monitoring_points").set({ river_id: riverId }).where("water_body", "=", waterBody).where("river_id", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Whether a user exists. */
export async function userExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst());
}
