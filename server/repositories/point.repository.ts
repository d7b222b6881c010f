/**
 * @module All SQL of monitoring points and their per-factor limits (point_limits).
 */
import { sql, type Kysely, type Selectable, type Insertable, type Updateable } from "kysely";
import type { DB, MonitoringPointsTable, PointKind, PointLevel, PointLimitsTable, PointRow } from "../db/schema";

/** One limit row. */
export type PointLimitRow = Selectable<PointLimitsTable>;
/** The fields of a point that commands set. */
export type PointFields = Omit<Insertable<MonitoringPointsTable>, "id" | "created_at" | "updated_at">;

/** List filters. */
export interface PointFilter {
  kind?: PointKind;
  level?: PointLevel;
  waterBody?: string;
  /** Part of the code or name. */
  q?: string;
  active?: boolean;
}

// LIKE wildcards typed by a user match themselves.
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Points matching `f`, by code. */
export async function listPoints(db: Kysely<DB>, f: PointFilter = {}): Promise<PointRow[]> {
  let q = db.selectFrom("monitoring_points").selectAll();
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.level) q = q.where("level", "=", f.level);
  if (f.waterBody) q = q.where("water_body", "=", f.waterBody);
  if (f.active !== undefined) q = q.where("active", "=", f.active);
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    q = q.where((eb) => eb.or([eb("code", "ilike", pattern), eb("name", "ilike", pattern)]));
  }
  return q.orderBy("code").execute();
}

/** One point by id. */
export function findPoint(db: Kysely<DB>, id: string): Promise<PointRow | undefined> {
  return db.selectFrom("monitoring_points").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Whether another point already has `code` (compared case-insensitively: S01 and s01 would confuse imports). */
export async function pointCodeTaken(db: Kysely<DB>, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom("monitoring_points").select("id").where(sql<string>`lower(code)`, "=", code.toLowerCase());
  if (exceptId) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Inserts a point. */
export function insertPoint(db: Kysely<DB>, v: PointFields): Promise<PointRow> {
  return db.insertInto("monitoring_points").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a point's fields. */
export function updatePoint(db: Kysely<DB>, id: string, v: Updateable<MonitoringPointsTable>): Promise<PointRow> {
  return db
    .updateTable("monitoring_points")
    .set({ ...v, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The limits of a point, by factor. */
export function listLimits(db: Kysely<DB>, pointId: string): Promise<PointLimitRow[]> {
  return db.selectFrom("point_limits").selectAll().where("point_id", "=", pointId).orderBy("factor").execute();
}

/** Replaces the limits of a point. */
export async function replaceLimits(db: Kysely<DB>, pointId: string, limits: Omit<PointLimitRow, "point_id">[]): Promise<void> {
  await db.deleteFrom("point_limits").where("point_id", "=", pointId).execute();
  if (limits.length) await db.insertInto("point_limits").values(limits.map((l) => ({ ...l, point_id: pointId }))).execute();
}

/** Every point's id, code and name: what lab sheets are matched against. */
export function pointNames(db: Kysely<DB>): Promise<{ id: string; code: string; name: string }[]> {
  return db.selectFrom("monitoring_points").select(["id", "code", "name"]).orderBy("code").execute();
}

/** Whether a unit exists. */
export async function unitExists(db: Kysely<DB>, unitId: string): Promise<boolean> {
  return (await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst()) !== undefined;
}
