/**
 * @module All SQL of the facility registers (医疗机构, 污水处理厂, 尾矿库, 服务区, 湿地与生态工程): one table, each
 * kind read and written on its own (domain/registries/facility.ts).
 */
import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/enterprises";
import type { FacilitiesTable, FacilityRow } from "../db/tables/enterprises";
import type { FacilityKind } from "../../domain/registries/facility";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** List filters. */
export interface FacilityFilter {
  kind?: FacilityKind;
  q?: string;
  unitId?: string;
  riverId?: string;
  status?: string;
  /** "1": past the deadline (the caller passes today and the kind's done statuses). */
  overdue?: "0" | "1";
  today?: string;
  done?: readonly string[];
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function where(db: Kysely<DB>, f: Omit<FacilityFilter, "page" | "pageSize">) {
  let q = db.selectFrom("facilities");
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.q) q = q.where((eb) => eb.or([eb("code", "ilike", containsPattern(f.q!)), eb("name", "ilike", containsPattern(f.q!)), eb("address", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("river_id", "=", f.riverId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.overdue === "1" && f.today) {
    q = q.where("deadline", "<", f.today);
    if (f.done?.length) q = q.where("status", "not in", [...f.done]);
  }
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of facilities by kind and code, and the total. */
export async function listFacilities(db: Kysely<DB>, f: FacilityFilter): Promise<{ rows: FacilityRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    where(db, f).selectAll().orderBy("kind").orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every facility matching the filter. */
export function allFacilities(db: Kysely<DB>, f: Omit<FacilityFilter, "page" | "pageSize"> = {}): Promise<FacilityRow[]> {
  return where(db, f).selectAll().orderBy("kind").orderBy("code").execute();
}

/** One facility (of a kind, when given). */
export function findFacility(db: Kysely<DB>, id: string, kind?: FacilityKind): Promise<FacilityRow | undefined> {
  let q = db.selectFrom("facilities").selectAll().where("id", "=", id);
  if (kind) q = q.where("kind", "=", kind);
  return q.executeTakeFirst();
}

/** The facility of a kind with a code. */
export function findFacilityByCode(db: Kysely<DB>, kind: FacilityKind, code: string): Promise<FacilityRow | undefined> {
  return db.selectFrom("facilities").selectAll().where("kind", "=", kind).where("code", "=", code).executeTakeFirst();
}

/** Inserts a facility. */
export function insertFacility(db: Kysely<DB>, v: Insertable<FacilitiesTable>) {
  return db.insertInto("facilities").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a facility. */
export function updateFacility(db: Kysely<DB>, id: string, v: Updateable<FacilitiesTable>) {
  return db.updateTable("facilities").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** How many facilities of each kind and status (the overview). */
export async function facilityCounts(db: Kysely<DB>): Promise<{ kind: FacilityKind; status: string; n: number }[]> {
  const rows = await db.selectFrom("facilities").select(["kind", "status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy(["kind", "status"]).execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
}
