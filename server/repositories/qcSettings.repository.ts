/**
 * @module All SQL of QC settings per point and factor (qc_settings): what is stored replaces the defaults of
 * domain/qc/config.ts test by test.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { StoredQcConfig } from "../../domain/qc/config";

/** One stored setting. */
export interface QcSettingRow {
  pointId: string;
  factor: string;
  config: StoredQcConfig;
  updatedBy: string | null;
  updatedAt: Date;
}

const toRow = (r: { point_id: string; factor: string; config: unknown; updated_by: string | null; updated_at: Date }): QcSettingRow => ({
  pointId: r.point_id, factor: r.factor, config: r.config as StoredQcConfig, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at),
});

/** The stored settings of a point (all factors), or of every point. */
export async function listQcSettings(db: Kysely<DB>, pointId?: string): Promise<QcSettingRow[]> {
  let q = db.selectFrom("qc_settings").selectAll();
  if (pointId) q = q.where("point_id", "=", pointId);
  return (await q.orderBy("point_id").orderBy("factor").execute()).map(toRow);
}

/** The stored settings of a set of (point, factor) pairs, keyed "point|factor". */
export async function qcSettingsFor(db: Kysely<DB>, pairs: { pointId: string; factor: string }[]): Promise<Map<string, StoredQcConfig>> {
  const out = new Map<string, StoredQcConfig>();
  const points = [...new Set(pairs.map((p) => p.pointId))];
  if (!points.length) return out;
  const rows = await db.selectFrom("qc_settings").select(["point_id", "factor", "config"]).where("point_id", "in", points).execute();
  for (const r of rows) out.set(`${r.point_id}|${r.factor}`, r.config as StoredQcConfig);
  return out;
}

/** Stores (replaces) the settings of one point and factor; returns the stored row. */
export async function upsertQcSetting(db: Kysely<DB>, v: { pointId: string; factor: string; config: StoredQcConfig; userId: string | null }): Promise<QcSettingRow> {
  const r = await db
    .insertInto("qc_settings")
    .values({ point_id: v.pointId, factor: v.factor, config: JSON.stringify(v.config), updated_by: v.userId })
    .onConflict((oc) => oc.columns(["point_id", "factor"]).doUpdateSet({ config: JSON.stringify(v.config), updated_by: v.userId, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRow(r);
}

/** Removes the settings of one point and factor (back to defaults); returns whether a row existed. */
export async function deleteQcSetting(db: Kysely<DB>, pointId: string, factor: string): Promise<boolean> {
  const r = await db.deleteFrom("qc_settings").where("point_id", "=", pointId).where("factor", "=", factor).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
