/**
 * @module Opens the database: embedded PGlite (default, data under ./data) or PostgreSQL (DATABASE_URL). Both are
 * reached through Kysely with the PostgreSQL dialect, so repositories are the same code on both engines. With a
 * streaming replica (DATABASE_REPLICA_URL) a second pool serves `read`, the handle of read-only public routes.
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
  /**
   * Read-only handle for public pages: the streaming replica when configured, else `db` itself. A replica lags the
   * primary by a little (usually under a second), so use it only where slightly old data is fine, never to read
   * back what the same request wrote.
   */
  read: Kysely<DB>;
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
  /** postgres://… of a streaming replica for {@link Database.read}; PostgreSQL only. */
  replicaUrl?: string;
}

/**
 * How long an idle pooled connection stays open. pg's default (10 s) closes the connections a burst of requests
 * opened as soon as it is over, and the next burst pays for new ones inside its requests' latency (a TCP connect,
 * a PostgreSQL backend forked, authentication: several ms of CPU on both sides); a minute rides over the pauses
 * between users' clicks while still giving connections back when a process falls quiet.
 */
const POOL_IDLE_MS = 60_000;

/** A PostgreSQL pool behind Kysely. */
function postgresPool(url: string, max: number): Kysely<DB> {
  // TCP keep-alive: a connection cut by a firewall or a failed-over server is noticed while it idles. Idle
  // connections do not keep a process alive (a command or test that forgot close() exits instead of waiting out the
  // idle minute); services stay up by their listeners and timers.
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: POOL_IDLE_MS, keepAlive: true, allowExitOnIdle: true });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

// The pg driver returns the same JS types as the PGlite worker: counts as numbers, DATE as 'YYYY-MM-DD'.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/** Opens the database described by `config`. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const db = postgresPool(config.databaseUrl, config.poolSize ?? 10);
    await sql`select 1`.execute(db);
    if (!config.replicaUrl) return { db, read: db, engine: "postgres", close: () => db.destroy() };
    const read = postgresPool(config.replicaUrl, config.poolSize ?? 10);
    await sql`select 1`.execute(read).catch(async (err) => {
      await db.destroy();
      await read.destroy();
      throw new Error(`DATABASE_REPLICA_URL: ${(err as Error).message}`);
    });
    return { db, read, engine: "postgres", close: async () => void (await Promise.all([db.destroy(), read.destroy()])) };
  }
  if (config.replicaUrl) throw new Error("DATABASE_REPLICA_URL needs DATABASE_URL (a replica of PostgreSQL)");
  if (!config.memory && config.pgliteDir) mkdirSync(config.pgliteDir, { recursive: true });
  const client = new PgliteWorkerClient({ dataDir: config.memory ? undefined : config.pgliteDir });
  const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(client) });
  await client.ready();
  return { db, read: db, engine: "pglite", close: () => db.destroy() };
}
