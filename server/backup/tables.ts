/**
 * @module Which tables a backup holds and in which order they can be restored: every table of the public schema
 * (partitions excluded — their rows are read through the partitioned parent), parents before children by their
 * foreign keys. Read from the catalog, so new tables are included without a list to maintain.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";

/** A table and its columns (in order). */
export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  /** Primary-key columns (empty when the table has none: then every column orders it). */
  key: string[];
}

/** Tables in restore order. */
export async function backupTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
    order by c.relname`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`.execute(db);
  const cols = await sql<{ table: string; name: string; type: string }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const pks = await sql<{ table: string; name: string; pos: number }>`
    select c.relname as table, a.attname as name, array_position(i.indkey::int2[], a.attnum) as pos
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
    where i.indisprimary and n.nspname = 'public'`.execute(db);
  const names = tables.rows.map((t) => t.name);
  const deps = new Map(names.map((n) => [n, new Set(fks.rows.filter((f) => f.child === n).map((f) => f.parent))]));
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of deps.get(n) ?? []) if (names.includes(p)) visit(p, path);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => ({
    name,
    columns: cols.rows.filter((c) => c.table === name).map(({ name, type }) => ({ name, type })),
    key: pks.rows.filter((k) => k.table === name).sort((a, b) => a.pos - b.pos).map((k) => k.name),
  }));
}
