/**
 * @module All SQL of HJ 212 devices (数采仪) as configured by operators. The gateway reads the same table.
 */
import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import type { DB, DevicesTable } from "../db/schema";

/** One device row (the access password `pw` included: presenters leave it out). */
export type DeviceRow = Selectable<DevicesTable>;
/** The fields of a device that commands set. */
export type DeviceFields = Omit<Insertable<DevicesTable>, "id" | "created_at" | "updated_at" | "last_seen_at">;

/** Devices, optionally of one point, by MN. */
export async function listDevices(db: Kysely<DB>, f: { pointId?: string } = {}): Promise<DeviceRow[]> {
  let q = db.selectFrom("devices").selectAll();
  if (f.pointId) q = q.where("point_id", "=", f.pointId);
  return q.orderBy("mn").execute();
}

/** One device by id. */
export function findDevice(db: Kysely<DB>, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom("devices").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Whether another device already has `mn`. */
export async function deviceMnTaken(db: Kysely<DB>, mn: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom("devices").select("id").where("mn", "=", mn);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Inserts a device. */
export function insertDevice(db: Kysely<DB>, v: DeviceFields): Promise<DeviceRow> {
  return db.insertInto("devices").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a device's fields. */
export function updateDevice(db: Kysely<DB>, id: string, v: Updateable<DevicesTable>): Promise<DeviceRow> {
  return db
    .updateTable("devices")
    .set({ ...v, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
