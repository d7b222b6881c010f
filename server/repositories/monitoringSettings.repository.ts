/**
 * @module All SQL of the monitoring settings (one JSON row per key; a missing row means the project default).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { MonitoringSettingKey } from "../db/tables/monitoring";
import "../db/tables/monitoring";

/** The stored rows, by key. */
export async function readMonitoringSettingRows(db: Kysely<DB>) {
  const rows = await db.selectFrom("monitoring_settings").selectAll().execute();
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * Takes the row lock of a setting (inserting the default first when absent), so two people saving at once are
 * applied one after the other instead of the second overwriting what it never saw.
 */
export async function lockMonitoringSetting(db: Kysely<DB>, key: MonitoringSettingKey, fallback: unknown) {
  await db
    .insertInto("monitoring_settings")
    .values({ key, value: JSON.stringify(fallback), updated_by: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return db.selectFrom("monitoring_settings").selectAll().where("key", "=", key).forUpdate().executeTakeFirstOrThrow();
}

/** Writes a setting. */
export async function writeMonitoringSetting(db: Kysely<DB>, key: MonitoringSettingKey, value: unknown, by: string | null, at: Date) {
  await db.updateTable("monitoring_settings").set({ value: JSON.stringify(value), updated_by: by, updated_at: at }).where("key", "=", key).execute();
}
