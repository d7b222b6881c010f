/**
 * @module All SQL of the supervision settings (one JSON row per key; a missing row means the project default).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { SupervisionSettingKey } from "../db/tables/supervision";
import "../db/tables/supervision";

/** The stored rows, by key. */
export async function readSettingRows(db: Kysely<DB>) {
  const rows = await db.selectFrom("supervision_settings").selectAll().execute();
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * Takes the row lock of a setting (inserting the default first when absent), so two office users saving at the
 * same time are applied one after the other rather than the second silently overwriting what it never saw.
 */
export async function lockSetting(db: Kysely<DB>, key: SupervisionSettingKey, fallback: unknown) {
  await db
    .insertInto("supervision_settings")
    .values({ key, value: JSON.stringify(fallback), updated_by: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return db.selectFrom("supervision_settings").selectAll().where("key", "=", key).forUpdate().executeTakeFirstOrThrow();
}

/** Writes a setting. */
export async function writeSetting(db: Kysely<DB>, key: SupervisionSettingKey, value: unknown, by: string | null, at: Date) {
  await db
    .updateTable("supervision_settings")
    .set({ value: JSON.stringify(value), updated_by: by, updated_at: at })
    .where("key", "=", key)
    .execute();
}
