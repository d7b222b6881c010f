import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { recordAudit, verifyAudit } from "../repositories/audit.repository";
import { buildUnit, buildUser } from "../test/factories";
import { canonicalJson } from "./chain";

const run = promisify(execFile);
const BIN = new URL("../../bin/qingliu.mjs", import.meta.url).pathname;

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: [2, { d: null, c: "x" }] }, '{"a":[2,{"c":"x","d":null}],"b":1}'],
    [{ skip: undefined, k: "中文" }, '{"k":"中文"}'],
    [[], "[]"],
  ])("%j → %s", (v, out) => expect(canonicalJson(v)).toBe(out));
});

describe.each(ENGINES)("audit chain on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    const unit = await buildUnit(d.db, { name: "区农业农村局", aliases: ["农业农村局"] });
    for (let i = 0; i < 3; i++) await buildUser(d.db, { roles: ["unit_staff"], unitIds: [unit.id] });
  });
  afterAll(() => d.close());

  it("links entries and verifies an intact chain", async () => {
    const rows = await d.db.selectFrom("audit_events").selectAll().orderBy("seq").execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAudit(d.db)).toEqual({ ok: true, count: 4, headSeq: 4 });
  });

  it("writes the entry in the caller's transaction: a rollback leaves no entry", async () => {
    await expect(
      d.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actor: null, action: "test.rollback", entityType: "test" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await d.db.selectFrom("audit_events").select("seq").where("action", "=", "test.rollback").execute()).toEqual([]);
    expect((await verifyAudit(d.db)).ok).toBe(true);
  });

  it("serialises concurrent writers into one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        d.db.transaction().execute((trx) => recordAudit(trx, { actor: null, action: "test.concurrent", entityType: "test", data: { i } })),
      ),
    );
    expect(await verifyAudit(d.db)).toEqual({ ok: true, count: 12, headSeq: 12 });
  });

  it("refuses UPDATE and DELETE through the database", async () => {
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(d.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 1`.execute(d.db)).rejects.toThrow(/append-only/);
  });

  it("names the first bad entry after a row is changed, and after rows are deleted", async () => {
    // Tampering needs the trigger off, as an attacker with superuser rights would do.
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(d.db);
    await sql`update audit_events set data = '{"username":"mallory"}'::jsonb where seq = 3`.execute(d.db);
    expect(await verifyAudit(d.db)).toMatchObject({ ok: false, seq: 3, reason: "entry 3 was changed after it was written" });
    await sql`delete from audit_events where seq = 3`.execute(d.db);
    expect(await verifyAudit(d.db)).toMatchObject({ ok: false, seq: 3, reason: "entry 3 is missing" });
  });

  it("detects deletion of the newest entries through the chain head", async () => {
    const e = await createTestDatabase(engine);
    try {
      for (let i = 0; i < 3; i++) await e.db.transaction().execute((trx) => recordAudit(trx, { actor: null, action: "t", entityType: "t" }));
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(e.db);
      await sql`delete from audit_events where seq = 3`.execute(e.db);
      expect(await verifyAudit(e.db)).toMatchObject({ ok: false, seq: 3 });
    } finally {
      await e.close();
    }
  });
});

describe("qingliu audit verify against PostgreSQL", () => {
  it("prints OK and exits 0 on an intact chain; exits 1 naming the entry after a direct change", async () => {
    const d = await createTestDatabase("postgres");
    try {
      await buildUnit(d.db, { name: "区财政局" });
      await buildUnit(d.db, { name: "区城市管理局" });
      const env = { ...process.env, DATABASE_URL: d.url!, LOG_LEVEL: "silent" };
      const ok = await run(process.execPath, [BIN, "audit", "verify"], { env });
      expect(ok.stdout).toMatch(/^OK — 2 entries/);
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(d.db);
      await sql`update audit_events set actor_name = 'someone else' where seq = 1`.execute(d.db);
      const bad = await run(process.execPath, [BIN, "audit", "verify"], { env }).then(
        () => ({ code: 0, stdout: "" }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain("first bad entry: 1");
    } finally {
      await d.close();
    }
  });
});
