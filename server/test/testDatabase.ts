/**
 * @module Databases for tests, on both engines: an in-memory PGlite, or a fresh database in the run's throwaway
 * PostgreSQL cluster. Both migrated; the same repository code runs on each.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database, type Engine } from "../db/database";
import { migrate } from "../db/migrate";

/** The engines every repository and route suite runs on. */
export const ENGINES: Engine[] = ["pglite", "postgres"];

/** A new, migrated, empty database on `engine`. */
export async function createTestDatabase(engine: Engine): Promise<Database & { url?: string }> {
  if (engine === "pglite") {
    const database = await openDatabase({ memory: true });
    await migrate(database.db);
    return database;
  }
  const adminUrl = inject("pgUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await migrate(database.db);
  return { ...database, url };
}
