/**
 * @module All SQL of the black-odorous water body list: bodies, their sampling rounds and results.
 */
import type { Kysely, Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { BlackOdorousBodiesTable, BlackOdorousBodyRow, BlackOdorousRoundRow } from "../db/tables/registries";
import { containsPattern, offsetOf } from "../registries/listQuery";
import type { SampleRow } from "../../domain/blackOdorous/samplingSheet";

/** List filters. */
export interface BodyFilter {
  q?: string;
  unitId?: string;
  riverId?: string;
  status?: BlackOdorousBodyRow["status"];
  grade?: "none" | "light" | "severe";
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function where(db: Kysely<DB>, f: Omit<BodyFilter, "page" | "pageSize">) {
  let q = db.selectFrom("black_odorous_bodies");
  if (f.q) q = q.where((eb) => eb.or([eb("code", "ilike", containsPattern(f.q!)), eb("name", "ilike", containsPattern(f.q!)), eb("location", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("river_id", "=", f.riverId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.grade) q = q.where("latest_grade", "=", f.grade);
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of bodies by code, and the total. */
export async function listBodies(db: Kysely<DB>, f: BodyFilter) {
  const [rows, total] = await Promise.all([
    where(db, f).selectAll().orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every body matching the filter, by code. */
export function allBodies(db: Kysely<DB>, f: Omit<BodyFilter, "page" | "pageSize"> = {}): Promise<BlackOdorousBodyRow[]> {
  return where(db, f).selectAll().orderBy("code").execute();
}

/** One body. */
export function findBody(db: Kysely<DB>, id: string): Promise<BlackOdorousBodyRow | undefined> {
  return db.selectFrom("black_odorous_bodies").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One body, locked for the rest of the transaction (a round and a status change must not cross). */
export function lockBody(db: Kysely<DB>, id: string): Promise<BlackOdorousBodyRow | undefined> {
  return db.selectFrom("black_odorous_bodies").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The body with a code. */
export function findBodyByCode(db: Kysely<DB>, code: string): Promise<BlackOdorousBodyRow | undefined> {
  return db.selectFrom("black_odorous_bodies").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Inserts a body. */
export function insertBody(db: Kysely<DB>, v: Omit<Updateable<BlackOdorousBodiesTable>, "id"> & Pick<BlackOdorousBodyRow, "code" | "name" | "unit_id" | "status_since">) {
  return db.insertInto("black_odorous_bodies").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a body. */
export function updateBody(db: Kysely<DB>, id: string, v: Updateable<BlackOdorousBodiesTable>) {
  return db.updateTable("black_odorous_bodies").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Stores a round and its samples. */
export async function insertRound(
  db: Kysely<DB>,
  v: { bodyId: string; from: string; to: string; grade: BlackOdorousRoundRow["grade"]; result: object; fileName: string; sha256: string | null; relapse: boolean; importedBy: string | null },
  samples: readonly SampleRow[],
): Promise<BlackOdorousRoundRow> {
  const round = await db
    .insertInto("black_odorous_rounds")
    .values({
      body_id: v.bodyId, sampled_from: v.from, sampled_to: v.to, grade: v.grade, result: JSON.stringify(v.result),
      file_name: v.fileName, file_sha256: v.sha256, relapse: v.relapse, imported_by: v.importedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (samples.length)
    await db
      .insertInto("black_odorous_samples")
      .values(samples.map((s) => ({
        round_id: round.id, point: s.point, point_order: s.order, sampled_on: s.date, depth_cm: s.depthCm, transparency: s.transparency,
        dissolved_oxygen: s.dissolvedOxygen, orp: s.orp, ammonia: s.ammonia, note: s.note, sheet_row: s.row,
      })))
      .execute();
  return round;
}

/** A body's rounds, newest first. */
export function listRounds(db: Kysely<DB>, bodyId: string) {
  return db
    .selectFrom("black_odorous_rounds as r")
    .leftJoin("users as u", "u.id", "r.imported_by")
    .selectAll("r")
    .select("u.display_name as imported_by_name")
    .where("r.body_id", "=", bodyId)
    .orderBy("r.sampled_to", "desc")
    .orderBy("r.imported_at", "desc")
    .execute();
}

/** A round with its importer's name. */
export type RoundView = Awaited<ReturnType<typeof listRounds>>[number];

/** The results of a round, by point order and day. */
export function listSamples(db: Kysely<DB>, roundId: string) {
  return db.selectFrom("black_odorous_samples").selectAll().where("round_id", "=", roundId).orderBy("point_order").orderBy("sampled_on").execute();
}

/** Bodies on a river (the river page). */
export function bodiesOnRiver(db: Kysely<DB>, riverId: string) {
  return db.selectFrom("black_odorous_bodies").select(["id", "name", "status"]).where("river_id", "=", riverId).orderBy("code").execute();
}
