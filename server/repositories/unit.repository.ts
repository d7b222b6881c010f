/**
 * @module All SQL of units and their aliases.
 */
import type { Kysely } from "kysely";
import type { DB, UnitKind, UnitRow } from "../db/schema";

/** A unit with its aliases. */
export interface UnitWithAliases extends UnitRow {
  aliases: string[];
}

/** Every unit with its aliases, ordered for display. */
export async function listUnits(db: Kysely<DB>): Promise<UnitWithAliases[]> {
  const [units, aliases] = await Promise.all([
    db.selectFrom("units").selectAll().orderBy("sort").orderBy("name").execute(),
    db.selectFrom("unit_aliases").selectAll().orderBy("alias").execute(),
  ]);
  return units.map((u) => ({ ...u, aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias) }));
}

/** One unit by id. */
export async function findUnit(db: Kysely<DB>, id: string): Promise<UnitWithAliases | undefined> {
  const unit = await db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
  if (!unit) return undefined;
  const aliases = await db.selectFrom("unit_aliases").select("alias").where("unit_id", "=", id).execute();
  return { ...unit, aliases: aliases.map((a) => a.alias) };
}

/** Units whose name or alias equals one of `names`: the set of names already taken. */
export async function takenUnitNames(db: Kysely<DB>, names: string[], exceptUnitId?: string): Promise<string[]> {
  if (names.length === 0) return [];
  let units = db.selectFrom("units").select("name as n").where("name", "in", names);
  let aliases = db.selectFrom("unit_aliases").select("alias as n").where("alias", "in", names);
  if (exceptUnitId) {
    units = units.where("id", "!=", exceptUnitId);
    aliases = aliases.where("unit_id", "!=", exceptUnitId);
  }
  const rows = await units.unionAll(aliases).execute();
  return rows.map((r) => r.n);
}

/** Inserts a unit and its aliases. */
export async function insertUnit(
  db: Kysely<DB>,
  v: { name: string; kind: UnitKind; sort?: number; aliases: string[] },
): Promise<UnitWithAliases> {
  const unit = await db
    .insertInto("units")
    .values({ name: v.name, kind: v.kind, sort: v.sort ?? 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceAliases(db, unit.id, v.aliases);
  return { ...unit, aliases: [...v.aliases] };
}

/** Updates a unit's fields. */
export async function updateUnit(db: Kysely<DB>, id: string, v: { name?: string; kind?: UnitKind }): Promise<void> {
  await db
    .updateTable("units")
    .set({ ...v, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Replaces a unit's aliases. */
export async function replaceAliases(db: Kysely<DB>, unitId: string, aliases: string[]): Promise<void> {
  await db.deleteFrom("unit_aliases").where("unit_id", "=", unitId).execute();
  if (aliases.length) {
    await db
      .insertInto("unit_aliases")
      .values(aliases.map((alias) => ({ alias, unit_id: unitId })))
      .execute();
  }
}

/** How many units exist (0 on a fresh install). */
export async function countUnits(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom("units").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
