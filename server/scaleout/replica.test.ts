import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openDatabase, type Database } from "../db/database";
import { migrate } from "../db/migrate";
import { buildApp, type App } from "../app";
import { startPostgresCluster, type PostgresCluster } from "../test/postgresCluster";
import { startStreamingReplica, type StreamingReplica } from "./streamingReplica";
import { reportGenerator } from "../commands/reportGenerator";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../repositories/file.repository";

/**
 * Replica reads (issue 7 §2): a real streaming replica on loopback (pg_basebackup -R of a throwaway primary).
 * `Database.read` — the handle public routes get as `deps.readDb` — is the standby; writes go to the primary and
 * arrive on the standby by streaming.
 */
describe("read handle on a streaming replica", () => {
  let primary: PostgresCluster;
  let replica: StreamingReplica;
  let database: Database;
  let app: App;

  beforeAll(async () => {
    primary = await startPostgresCluster();
    replica = await startStreamingReplica(primary);
    database = await openDatabase({ databaseUrl: primary.url, replicaUrl: replica.url, poolSize: 3 });
    await migrate(database.db);
    app = await buildApp({ db: database.db, readDb: database.read, config: { cookieSecure: false, testRoutes: false, logLevel: "silent" }, logger: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    replica?.stop();
    primary?.stop();
  });

  /** Polls the replica until `probe` is true (streaming is asynchronous). */
  async function eventually(probe: () => Promise<boolean>, timeoutMs = 20_000) {
    const end = Date.now() + timeoutMs;
    // Until the standby replayed the migrations the tables do not exist there yet: an error counts as "not yet".
    while (!(await probe().catch(() => false))) {
      if (Date.now() > end) throw new Error("the replica did not catch up");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("reads from the standby what was written on the primary, and refuses writes", async () => {
    const recovery = async (db: Database["db"]) => (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(db)).rows[0].r;
    expect(await recovery(database.db)).toBe(false);
    expect(await recovery(database.read)).toBe(true);
    const unit = await database.db.insertInto("units").values({ name: "区河长制办公室", kind: "department" })
      .returning("id").executeTakeFirstOrThrow();
    await eventually(async () => Boolean(await database.read.selectFrom("units").select("id").where("id", "=", unit.id).executeTakeFirst()));
    await expect(database.read.insertInto("units").values({ name: "不应写入", kind: "department" }).execute())
      .rejects.toThrow(/read-only/);
  });

  it("serves a public route from the standby: with replay paused it does not see a new report, then it does", async () => {
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    const publicList = async () => (await app.inject({ method: "GET", url: "/api/public/reports" })).json().data as { period: string }[];
    expect(await publicList()).toEqual([]);
    // Stop the standby applying WAL: whatever the primary commits now is invisible to the read handle.
    await sql`select pg_wal_replay_pause()`.execute(database.read);
    await database.db.transaction().execute((trx) => reportGenerator({ trx, actor: null, ip: null, correlationId: "replica" },
      { kind: "water_quality", period: "2024-05", trigger: "schedule", now: new Date(), files }));
    expect(await database.db.selectFrom("reports").select("period").execute()).toEqual([{ period: "2024-05" }]);
    expect(await publicList()).toEqual([]);
    await sql`select pg_wal_replay_resume()`.execute(database.read);
    await eventually(async () => (await publicList()).length === 1);
    expect((await publicList())[0].period).toBe("2024-05");
  });
});
