/**
 * @module Lookups that sheets resolve names with (domain/registries/sheet.ts RefLookup): units by name or alias,
 * rivers by name, river chiefs by name — written "姓名（河流）" when two chiefs share a name — and user accounts by
 * username. Built from the database once per import or export.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { RefLookup } from "../../domain/registries/sheet";
import { chiefNameRows, riverNameRows, unitNameRows, userNameRows } from "../repositories/registryRefs.repository";

const norm = (s: string) => s.trim().replace(/\(/g, "（").replace(/\)/g, "）");

/** A lookup over (id, name) pairs with extra accepted names. */
export function lookupOf(rows: readonly { id: string; name: string }[], aliases: readonly { id: string; name: string }[] = []): RefLookup {
  const byName = new Map<string, string>();
  for (const r of [...rows, ...aliases]) if (!byName.has(norm(r.name))) byName.set(norm(r.name), r.id);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return { idOf: (name) => byName.get(norm(name)) ?? null, nameOf: (id) => names.get(id) };
}

/** Units by name or alias. */
export async function unitLookup(db: Kysely<DB>): Promise<RefLookup> {
  const { units, aliases } = await unitNameRows(db);
  return lookupOf(units, aliases.map((a) => ({ id: a.unit_id, name: a.alias })));
}

/** Rivers by name. */
export async function riverLookup(db: Kysely<DB>): Promise<RefLookup> {
  return lookupOf(await riverNameRows(db));
}

/** River chiefs by name, or "姓名（河流）" for a name several chiefs share (refused when written bare). */
export async function chiefLookup(db: Kysely<DB>): Promise<RefLookup> {
  const rows = await chiefNameRows(db);
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const full = (r: (typeof rows)[number]) => `${r.name}（${r.river_name}）`;
  const byName = new Map<string, string>();
  for (const r of rows) {
    byName.set(norm(full(r)), r.id);
    if (count.get(r.name) === 1) byName.set(norm(r.name), r.id);
  }
  const names = new Map(rows.map((r) => [r.id, count.get(r.name) === 1 ? r.name : full(r)]));
  return {
    idOf(name) {
      const id = byName.get(norm(name));
      if (id) return id;
      if ((count.get(name.trim()) ?? 0) > 1) throw new Error(`“${name.trim()}”有重名，请写作“姓名（河流）”`);
      return null;
    },
    nameOf: (id) => names.get(id),
  };
}

/** User accounts by username. */
export async function userLookup(db: Kysely<DB>): Promise<RefLookup> {
  return lookupOf((await userNameRows(db)).map((u) => ({ id: u.id, name: u.username })));
}
