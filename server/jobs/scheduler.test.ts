import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testDatabase";
import { Scheduler } from "./scheduler";
import { SessionCleanupTask } from "./sessionCleanupTask";
import { buildUser } from "../test/factories";
import type { ScheduledTask } from "./task";

const quiet = { info: () => {}, error: () => {} };

describe("scheduler on PostgreSQL", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    d = await createTestDatabase("postgres");
  });
  afterAll(() => d.close());

  it("runs a task once per period even with two workers", async () => {
    let runs = 0;
    const task: ScheduledTask = { name: "count", periodMs: 60_000, run: async () => ++runs };
    const a = new Scheduler(d.db, [task], quiet);
    const b = new Scheduler(d.db, [task], quiet);
    await Promise.all([a.runIfDue(task), b.runIfDue(task), a.runIfDue(task)]);
    expect(runs).toBe(1);
    const row = await d.db.selectFrom("job_runs").selectAll().where("name", "=", "count").executeTakeFirstOrThrow();
    expect(row.last_status).toBe("ok");
  });

  it("records a failing task and keeps going", async () => {
    const task: ScheduledTask = { name: "fail", periodMs: 1000, run: async () => { throw new Error("disk on fire"); } };
    await new Scheduler(d.db, [task], quiet).runIfDue(task);
    const row = await d.db.selectFrom("job_runs").selectAll().where("name", "=", "fail").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_status: "failed", last_error: "disk on fire" });
  });

  it("session cleanup deletes expired sessions only", async () => {
    const u = await buildUser(d.db, { roles: ["auditor"] });
    const now = new Date();
    await d.db.insertInto("sessions").values([
      { id: "old", user_id: u.id, csrf_token: "x", ip: null, user_agent: null, expires_at: new Date(now.getTime() - 1) },
      { id: "live", user_id: u.id, csrf_token: "y", ip: null, user_agent: null, expires_at: new Date(now.getTime() + 3_600_000) },
    ]).execute();
    const result = await new SessionCleanupTask().run({ db: d.db, now });
    expect(result).toMatchObject({ sessions: 1 });
    expect((await d.db.selectFrom("sessions").select("id").execute()).map((r) => r.id)).toEqual(["live"]);
  });
});
