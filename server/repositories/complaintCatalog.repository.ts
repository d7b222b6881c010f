/**
 * @module All SQL of the complaint catalogue and the portal's housekeeping: categories, response templates,
 * settings, used challenges, and the registries' rivers and river chiefs (read only when their tables exist).
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/public";
import type { ComplaintCategoriesTable, ComplaintTemplatesTable } from "../db/tables/public";
import type { RoutingChief, RoutingRiver } from "../../domain/complaints/routing";
import { mergeSettings, type PortalSettings } from "../../domain/complaints/settings";

/** A category row with its unit's name. */
export type CategoryRow = Selectable<ComplaintCategoriesTable> & { unit_name: string | null };
/** A template row. */
export type TemplateRow = Selectable<ComplaintTemplatesTable>;

/** Categories in order (active only unless `all`). */
export async function listCategories(db: Kysely<DB>, all = false): Promise<CategoryRow[]> {
  let q = db.selectFrom("complaint_categories as k").leftJoin("units as u", "u.id", "k.unit_id").selectAll("k").select("u.name as unit_name");
  if (!all) q = q.where("k.active", "=", true);
  return q.orderBy("k.sort").orderBy("k.code").execute();
}

/** One category. */
export async function findCategory(db: Kysely<DB>, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom("complaint_categories as k").leftJoin("units as u", "u.id", "k.unit_id").selectAll("k").select("u.name as unit_name").where("k.code", "=", code).executeTakeFirst();
}

/** Inserts or replaces a category. */
export async function upsertCategory(db: Kysely<DB>, v: Omit<Selectable<ComplaintCategoriesTable>, never>) {
  await db.insertInto("complaint_categories").values(v).onConflict((oc) => oc.column("code").doUpdateSet({ ...v })).execute();
}

/** Templates, optionally for one step. */
export function listTemplates(db: Kysely<DB>, step?: string): Promise<TemplateRow[]> {
  let q = db.selectFrom("complaint_templates").selectAll();
  if (step) q = q.where("step", "=", step);
  return q.orderBy("step").orderBy("sort").orderBy("title").execute();
}

/** One template. */
export function findTemplate(db: Kysely<DB>, id: string) {
  return db.selectFrom("complaint_templates").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a template. */
export function insertTemplate(db: Kysely<DB>, v: Omit<TemplateRow, "id">) {
  return db.insertInto("complaint_templates").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a template. */
export function updateTemplate(db: Kysely<DB>, id: string, v: Partial<Omit<TemplateRow, "id">>) {
  return db.updateTable("complaint_templates").set(v).where("id", "=", id).returningAll().executeTakeFirst();
}

/** A stored setting, or undefined. */
export async function readSetting<T>(db: Kysely<DB>, key: string): Promise<T | undefined> {
  const r = await db.selectFrom("public_settings").select("value").where("key", "=", key).executeTakeFirst();
  return r?.value as T | undefined;
}

/** Stores a setting. */
export async function writeSetting(db: Kysely<DB>, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await db.insertInto("public_settings").values({ key, value: json }).onConflict((oc) => oc.column("key").doUpdateSet({ value: json, updated_at: new Date() })).execute();
}

/** Records a challenge as used; false when it was used before (a replay). */
export async function useChallenge(db: Kysely<DB>, tokenHash: string, expiresAt: Date): Promise<boolean> {
  const r = await db.insertInto("public_challenges_used").values({ token_hash: tokenHash, expires_at: expiresAt }).onConflict((oc) => oc.column("token_hash").doNothing()).returning("token_hash").executeTakeFirst();
  return r !== undefined;
}

/** Deletes used challenges past their expiry (they could not be replayed anyway). */
export async function deleteExpiredChallenges(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db.deleteFrom("public_challenges_used").where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Whether a table exists (the registries' tables arrive in their own migrations). */
export async function tableExists(db: Kysely<DB>, name: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db);
  return r.rows[0]?.t != null;
}

/** Rivers with their geometry, or none when the registries' table is not there yet. */
export async function routingRivers(db: Kysely<DB>): Promise<RoutingRiver[]> {
  if (!(await tableExists(db, "rivers"))) return [];
  const r = await sql<{ id: string; name: string; geometry: unknown }>`select id, name, geometry from rivers where geometry is not null`.execute(db);
  return r.rows.map((x) => ({ id: x.id, name: x.name, geometry: (typeof x.geometry === "string" ? JSON.parse(x.geometry) : x.geometry) as RoutingRiver["geometry"] }));
}

/** River chiefs of a river, or none when the table is not there yet. */
export async function routingChiefs(db: Kysely<DB>, riverId: string): Promise<RoutingChief[]> {
  if (!(await tableExists(db, "river_chiefs"))) return [];
  const r = await sql<{ id: string; river_id: string; level: RoutingChief["level"]; user_id: string | null; unit_id: string | null }>`
    select id, river_id, level, user_id, unit_id from river_chiefs where river_id = ${riverId} and active`.execute(db);
  return r.rows.map((x) => ({ id: x.id, riverId: x.river_id, level: x.level, userId: x.user_id, unitId: x.unit_id }));
}

/** The portal's settings: the stored `portal` value over the defaults. */
export async function portalSettings(db: Kysely<DB>): Promise<PortalSettings> {
  return mergeSettings(await readSetting(db, "portal"));
}
