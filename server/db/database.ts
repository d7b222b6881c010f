/**
 * @module Opens the database: embedded PGlite (default, data under ./data) or PostgreSQL (DATABASE_URL). Both are
 * reached through Kysely with the PostgreSQL dialect, so repositories are the same code on both engines.
 */
import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PgliteWorkerClient, PgliteWorkerDialect } from "./pgliteDialect";
import type { DB } from "./schema";

/** Which engine a {@link Database} runs on. */
export type Engine = "pglite" | "postgres";

/** An open database. */
export interface Database {
  /** Typed query builder; pass it (or a transaction) to repositories. */
  db: Kysely<DB>;
  engine: Engine;
  /** Closes pools / the PGlite worker; PGlite flushes its files. */
  close(): Promise<void>;
}

/** Where to connect. */
export interface DatabaseConfig {
  /** postgres://… ; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; undefined with `memory: true` means in-memory (tests). */
  pgliteDir?: string;
  memory?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

// The pg driver returns the same JS types as the PGlite worker: counts as numbers, DATE as 'YYYY-MM-DD'.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/** Opens the database described by `config`. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  if (!config.memory && config.pgliteDir) mkdirSync(config.pgliteDir, { recursive: true });
  const client = new PgliteWorkerClient({ dataDir: config.memory ? undefined : config.pgliteDir });
  const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(client) });
  await client.ready();
  return { db, engine: "pglite", close: () => db.destroy() };
}
