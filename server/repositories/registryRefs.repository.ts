/**
 * @module All SQL behind the names registry records show and the sheets resolve: units (with aliases), rivers,
 * river chiefs and user accounts, and the river chiefs' accounts per river (who may verify on a river).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";

/** Every unit's id, name and aliases. */
export async function unitNameRows(db: Kysely<DB>) {
  const [units, aliases] = await Promise.all([
    db.selectFrom("units").select(["id", "name"]).execute(),
    db.selectFrom("unit_aliases").select(["unit_id", "alias"]).execute(),
  ]);
  return { units, aliases };
}

/** Every river's id and name. */
export function riverNameRows(db: Kysely<DB>) {
  return db.selectFrom("rivers").select(["id", "name"]).orderBy("name").execute();
}

/** Every river chief's id, name, level and river name. */
export function chiefNameRows(db: Kysely<DB>) {
  return db
    .selectFrom("river_chiefs as c")
    .innerJoin("rivers as r", "r.id", "c.river_id")
    .select(["c.id", "c.name", "c.level", "c.river_id", "r.name as river_name"])
    .execute();
}

/** Every user's id and username. */
export function userNameRows(db: Kysely<DB>) {
  return db.selectFrom("users").select(["id", "username"]).execute();
}

/** Names of some units, rivers and chiefs, by id. */
export async function namesOf(db: Kysely<DB>, ids: { unitIds?: (string | null)[]; riverIds?: (string | null)[]; chiefIds?: (string | null)[] }) {
  const clean = (xs?: (string | null)[]) => [...new Set((xs ?? []).filter((x): x is string => Boolean(x)))];
  const [u, r, c] = [clean(ids.unitIds), clean(ids.riverIds), clean(ids.chiefIds)];
  const [units, rivers, chiefs] = await Promise.all([
    u.length ? db.selectFrom("units").select(["id", "name"]).where("id", "in", u).execute() : [],
    r.length ? db.selectFrom("rivers").select(["id", "name"]).where("id", "in", r).execute() : [],
    c.length ? db.selectFrom("river_chiefs").select(["id", "name", "position", "level"]).where("id", "in", c).execute() : [],
  ]);
  return {
    units: new Map(units.map((x) => [x.id, x.name])),
    rivers: new Map(rivers.map((x) => [x.id, x.name])),
    chiefs: new Map(chiefs.map((x) => [x.id, x])),
  };
}

/** Usernames of some accounts, by id. */
export async function usernamesOf(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  const clean = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (clean.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "username"]).where("id", "in", clean).execute();
  return new Map(rows.map((u) => [u.id, u.username]));
}

/** Account ids of the active river chiefs of each river. */
export async function chiefUsersByRiver(db: Kysely<DB>, riverIds: (string | null)[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(riverIds.filter((x): x is string => Boolean(x)))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("river_chiefs")
    .select(["river_id", "user_id"])
    .where("river_id", "in", ids)
    .where("active", "=", true)
    .where("user_id", "is not", null)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.river_id, [...(out.get(r.river_id) ?? []), r.user_id!]);
  return out;
}

/** Whether a unit exists. */
export async function unitExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom("units").select("id").where("id", "=", id).executeTakeFirst());
}
