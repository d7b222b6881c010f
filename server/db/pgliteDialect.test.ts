import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kysely, sql } from "kysely";
import { NestedConnectionError, PgliteWorkerClient, PgliteWorkerDialect } from "./pgliteDialect";

describe("PGlite dialect: one connection, handed out in turn", () => {
  let client: PgliteWorkerClient;
  let db: Kysely<Record<string, never>>;
  let driver: ReturnType<PgliteWorkerDialect["createDriver"]>;
  const stalls: { heldMs: number; waiting: number; sql: string | null; runningMs: number | null }[] = [];
  beforeAll(async () => {
    client = new PgliteWorkerClient({});
    const dialect = new PgliteWorkerDialect(client, (r) => stalls.push(r));
    const create = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => (driver = create());
    db = new Kysely({ dialect });
    await sql`create table t (n int)`.execute(db);
  }, 60_000);
  afterAll(() => db.destroy());

  it("refuses at once a query through db inside a transaction (it would wait for its own connection for ever)", async () => {
    const inside = db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      await sql`select count(*) from t`.execute(db);
    });
    await expect(inside).rejects.toBeInstanceOf(NestedConnectionError);
    // The transaction rolled back and the connection is free again.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t`.execute(db);
    expect(rows[0].n).toBe(0);
  });

  it("lets a transaction of another database use this one (only its own connection is refused)", async () => {
    const other = new Kysely<Record<string, never>>({ dialect: new PgliteWorkerDialect(new PgliteWorkerClient({})) });
    try {
      const n = await other.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        return (await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)).rows[0].n;
      });
      expect(n).toBe(0);
    } finally {
      await other.destroy();
    }
  }, 60_000);

  it("still serialises separate callers: a query from outside waits for the transaction, then sees its commit", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into t values (2)`.execute(trx);
      await gate;
    });
    // Started from outside the transaction's async context: it queues, it is not refused.
    const outside = sql<{ n: number }>`select count(*)::int as n from t`.execute(db);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect((await outside).rows[0].n).toBe(1);
  });

  it("code after a transaction, and timers it started, use db freely", async () => {
    let later!: Promise<unknown>;
    await db.transaction().execute(async (trx) => {
      await sql`insert into t values (3)`.execute(trx);
      later = new Promise((r) => setTimeout(r, 20)).then(() => sql`select 1`.execute(db));
    });
    await expect(later).resolves.toBeDefined();
    await expect(sql`select 1`.execute(db)).resolves.toBeDefined();
  });

  it("reports a holder that keeps the connection while others wait, with its last statement", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction().execute(async (trx) => {
      await sql`select 42 as held`.execute(trx);
      await gate;
    });
    const waiter = sql`select 1`.execute(db);
    await new Promise((r) => setTimeout(r, 50));
    // The watchdog checks every 5 s and reports after 20 s; the check is driven here with a later "now".
    driver.checkStall(Date.now() + 21_000);
    driver.checkStall(Date.now() + 22_000); // once per 20 s, not on every check
    release();
    await Promise.all([tx, waiter]);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatchObject({ waiting: 1, sql: "select 42 as held", runningMs: null });
    expect(stalls[0].heldMs).toBeGreaterThanOrEqual(21_000);
    // Nobody waits now: nothing to report however long ago the last holder started.
    driver.checkStall(Date.now() + 60_000);
    expect(stalls).toHaveLength(1);
  });
});
