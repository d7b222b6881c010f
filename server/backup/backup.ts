/**
 * @module `qingliu backup`: a consistent copy of the database and the attachment files in one gzip'd JSON-lines
 * file. The rows are read in one REPEATABLE READ transaction (one snapshot on PostgreSQL; PGlite has a single
 * connection), so the copy is consistent even while the platform keeps writing. The format is engine-neutral:
 * a PGlite backup restores into PostgreSQL and back.
 */
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createGzip } from "node:zlib";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";
import { backupTables, type TableInfo } from "./tables";

/** Version of the backup format. */
export const BACKUP_FORMAT = 1;
/** Rows read per query. */
const PAGE = 5000;

/** What a backup run wrote. */
export interface BackupSummary {
  tables: Record<string, number>;
  files: number;
  migrations: string[];
}

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/**
 * The rows of a table in pages: keyset pagination on the primary key (large tables such as readings), or ordered by
 * every column with OFFSET for the few small tables without one — deterministic inside the snapshot either way.
 */
async function* pages(db: Kysely<DB>, t: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  // Rows leave as PostgreSQL's own JSON (to_json): timestamps keep their microseconds, numerics their digits.
  const json = (r: { rows: { j: Record<string, unknown> }[] }) => r.rows.map((x) => x.j);
  if (t.key.length === 0) {
    const order = sql.join(t.columns.map((c) => sql.ref(`x.${c.name}`)));
    for (let offset = 0; ; offset += PAGE) {
      const r = await sql<{ j: Record<string, unknown> }>`select to_json(x) as j from ${sql.table(t.name)} x order by ${order} offset ${offset} limit ${PAGE}`.execute(db);
      yield json(r);
      if (r.rows.length < PAGE) return;
    }
  }
  const keys = sql.join(t.key.map((k) => sql.ref(`x.${k}`)));
  let last: Record<string, unknown> | null = null;
  for (;;) {
    // Key values come back as JSON text; PostgreSQL casts them to the key columns' types in the comparison.
    const after = last ? sql`where (${keys}) > (${sql.join(t.key.map((k) => sql`${String(last![k])}`))})` : sql``;
    const r = await sql<{ j: Record<string, unknown> }>`select to_json(x) as j from ${sql.table(t.name)} x ${after} order by ${keys} limit ${PAGE}`.execute(db);
    const rows = json(r);
    yield rows;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1];
  }
}

/** Writes a backup of `db` and the files under `filesDir` to `outFile`. */
export async function writeBackup(db: Kysely<DB>, outFile: string, filesDir: string | null): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(outFile, { mode: 0o600 });
  gzip.pipe(out);
  const write = (obj: unknown) =>
    new Promise<void>((resolve) => (gzip.write(JSON.stringify(obj) + "\n") ? resolve() : gzip.once("drain", resolve)));
  const summary: BackupSummary = { tables: {}, files: 0, migrations: [] };
  await db.transaction().setIsolationLevel("repeatable read").execute(async (trx) => {
    const migrations = await trx.selectFrom("schema_migrations").select(["version", "checksum"]).orderBy("version").execute();
    summary.migrations = migrations.map((m) => m.version);
    const tables = await backupTables(trx);
    const partitions = await sql<{ name: string; parent: string; bound: string }>`
      select c.relname as name, p.relname as parent, pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(trx);
    await write({ type: "header", format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables, partitions: partitions.rows });
    for (const t of tables) {
      summary.tables[t.name] = 0;
      for await (const rows of pages(trx, t)) {
        for (const row of rows) await write({ type: "row", table: t.name, row });
        summary.tables[t.name] += rows.length;
      }
    }
  });
  if (filesDir) {
    for (const path of walk(filesDir)) {
      if (statSync(path).size > 512 * 2 ** 20) throw new Error(`attachment too large for the backup format: ${path}`);
      await write({ type: "file", path: relative(filesDir, path), data: readFileSync(path).toString("base64") });
      summary.files++;
    }
  }
  await write({ type: "end", summary });
  await new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    gzip.end();
  });
  return summary;
}
