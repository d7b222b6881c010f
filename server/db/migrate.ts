/**
 * @module Applies the plain-SQL migrations in ./migrations in name order, each in its own transaction, under an
 * advisory lock so that several processes starting at once apply each migration exactly once.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { sql, type Kysely } from "kysely";
import type { DB } from "./schema";

const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
/** Arbitrary constant naming Qingliu's migration lock among other advisory locks. */
const MIGRATION_LOCK_KEY = 7_212_3838;

/** One migration file. */
export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** Reads the migration files, sorted by version (their file names). */
export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const text = readFileSync(new URL(f, MIGRATIONS_DIR), "utf8");
      return { version: f.replace(/\.sql$/, ""), sql: text, checksum: createHash("sha256").update(text).digest("hex") };
    });
}

/** Pending and changed migrations against the database's record. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since: a release error that must be fixed, never ignored. */
  changed: string[];
}

async function ensureTable(db: Kysely<DB>) {
  await sql`create table if not exists schema_migrations (
    version text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(db);
}

/** Compares the files with what the database has applied. */
export async function migrationStatus(db: Kysely<DB>): Promise<MigrationStatus> {
  await ensureTable(db);
  const rows = await db.selectFrom("schema_migrations").select(["version", "checksum"]).execute();
  const done = new Map(rows.map((r) => [r.version, r.checksum]));
  const files = loadMigrations();
  return {
    applied: files.filter((m) => done.has(m.version)).map((m) => m.version),
    pending: files.filter((m) => !done.has(m.version)).map((m) => m.version),
    changed: files.filter((m) => done.has(m.version) && done.get(m.version) !== m.checksum).map((m) => m.version),
  };
}

/** Applies every pending migration; returns the versions applied now. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await ensureTable(db);
  const applied: string[] = [];
  // The whole run is one transaction holding a transaction-scoped advisory lock: a second process waits, then
  // sees the migrations as applied. DDL is transactional in PostgreSQL, so a failed file leaves nothing behind.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    const rows = await trx.selectFrom("schema_migrations").select(["version", "checksum"]).execute();
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    for (const m of loadMigrations()) {
      if (done.has(m.version)) {
        if (done.get(m.version) !== m.checksum) throw new Error(`migration ${m.version} changed after it was applied`);
        continue;
      }
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto("schema_migrations").values({ version: m.version, checksum: m.checksum }).execute();
      applied.push(m.version);
    }
  });
  return applied;
}
