/**
 * @module `qingliu restore`: loads a backup into an EMPTY database — never used: no account, no audit entry; rows
 * its migrations seeded are replaced by the backup's — (migrated to the same versions) and its files
 * into the files directory, in one transaction — a failed restore leaves the database as it was. Rows go back
 * through json_populate_recordset, so every value is parsed by PostgreSQL exactly as it was written out.
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize, sep } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema";
import { migrate } from "../db/migrate";
import { BACKUP_FORMAT, type BackupSummary } from "./backup";
import type { TableInfo } from "./tables";

/** Rows per INSERT. */
const BATCH = 2000;

type Line =
  | { type: "header"; format: number; migrations: { version: string; checksum: string }[]; tables: TableInfo[]; partitions: { name: string; parent: string; bound: string }[] }
  | { type: "row"; table: string; row: Record<string, unknown> }
  | { type: "file"; path: string; data: string }
  | { type: "end"; summary: BackupSummary };

async function flush(trx: Transaction<DB>, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
  rows.length = 0;
}

/** Restores `file` into `db` (which must hold no data) and writes attachments under `filesDir`. */
export async function restoreBackup(db: Kysely<DB>, file: string, filesDir: string | null): Promise<BackupSummary> {
  await migrate(db);
  let header: Extract<Line, { type: "header" }> | null = null;
  let summary: BackupSummary | null = null;
  const files: { path: string; data: Buffer }[] = [];
  await db.transaction().execute(async (trx) => {
    let table = "";
    const batch: Record<string, unknown>[] = [];
    // Opened right before iterating: readline emits lines as soon as it exists, and lines emitted before the
    // loop starts would be lost.
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if (line.type === "header") {
        if (line.format !== BACKUP_FORMAT) throw new Error(`unsupported backup format ${line.format}`);
        const have = (await trx.selectFrom("schema_migrations").select(["version", "checksum"]).orderBy("version").execute()).map((m) => m.version);
        const want = line.migrations.map((m) => m.version);
        const missing = want.filter((v) => !have.includes(v));
        if (missing.length) throw new Error(`the backup needs migrations this version does not have: ${missing.join(", ")}`);
        // Empty means unused: no account and no audit entry (every change writes one). The migrations may seed
        // reference rows of their own (e.g. complaint categories); the backup's rows of those tables replace them.
        for (const used of ["users", "audit_events"]) {
          const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(used)}`.execute(trx);
          if (n.rows[0].n > 0) throw new Error(`restore needs an empty database: table ${used} has ${n.rows[0].n} rows`);
        }
        const seeded: string[] = [];
        for (const t of line.tables) {
          const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(trx);
          if (n.rows[0].n > 0) seeded.push(t.name);
        }
        // Children before parents (the header lists parents first).
        for (const t of seeded.reverse()) await sql`delete from ${sql.table(t)}`.execute(trx);
        for (const p of line.partitions) {
          await sql`create table if not exists ${sql.table(p.name)} partition of ${sql.table(p.parent)} ${sql.raw(p.bound)}`.execute(trx);
        }
        header = line;
      } else if (line.type === "row") {
        if (!header) throw new Error("backup has rows before its header");
        if (line.table !== table || batch.length >= BATCH) {
          await flush(trx, table, batch);
          table = line.table;
        }
        batch.push(line.row);
      } else if (line.type === "file") {
        files.push({ path: line.path, data: Buffer.from(line.data, "base64") });
      } else if (line.type === "end") {
        await flush(trx, table, batch);
        summary = line.summary;
      }
    }
    if (!summary) throw new Error("backup is incomplete (no end record)");
    // Serial columns continue after the restored ids.
    const serials = await sql<{ table: string; column: string; seq: string }>`
      select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(trx);
    for (const s of serials.rows) {
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1, false)`.execute(trx);
    }
  });
  if (filesDir) {
    for (const f of files) {
      const target = normalize(join(filesDir, f.path));
      // A crafted backup cannot write outside the files directory.
      if (!target.startsWith(normalize(filesDir) + sep)) throw new Error(`file path escapes the files directory: ${f.path}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.data);
    }
  }
  return summary!;
}
