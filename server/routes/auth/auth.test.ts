import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories";

describe.each(ENGINES)("auth routes on %s", (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(engine, {
      loginPolicy: { maxFailures: 3, lockMinutes: 15, maxIpFailures: 8, ipWindowMinutes: 15, sessionHours: 8 },
    });
  });
  afterAll(() => s.close());

  it("signs in with an HttpOnly SameSite=Lax cookie and returns the user, CSRF token and abilities", async () => {
    const unit = await buildUnit(s.db, { name: "中站生态环境分局" });
    await buildUser(s.db, { username: "alice", roles: ["unit_staff"], unitIds: [unit.id] });
    const c = new TestClient(s.app);
    const r = await c.post("/api/auth/login", { username: "ALICE", password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    const cookie = String((r.headers["set-cookie"] as string[] | string).toString());
    expect(cookie).toMatch(/qingliu_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(r.body.data.user).toMatchObject({ username: "alice", roles: ["unit_staff"], units: [{ name: "中站生态环境分局" }] });
    expect(r.body.data.user.password_hash).toBeUndefined();
    expect(r.body.data.abilities["user.create"]).toBe(false);
    expect(r.body.data.csrfToken).toMatch(/^[\w-]{40,}$/);
    const me = await c.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.data.user.username).toBe("alice");
  });

  it("stores argon2id hashes", async () => {
    const row = await s.db.selectFrom("users").select("password_hash").where("username", "=", "alice").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses state-changing requests without the CSRF token", async () => {
    const c = await TestClient.signIn(s.app, "alice");
    const token = c.csrf;
    c.csrf = null;
    const r = await c.post("/api/auth/logout", {});
    expect(r.status).toBe(403);
    expect(r.body.error).toBe("auth.csrf");
    c.csrf = "wrong".padEnd(43, "x");
    expect((await c.post("/api/auth/logout", {})).body.error).toBe("auth.csrf");
    c.csrf = token;
    expect((await c.post("/api/auth/logout", {})).status).toBe(200);
    expect((await c.get("/api/auth/me")).body.error).toBe("auth.required");
  });

  it("answers wrong passwords and unknown users alike, then locks the account with a clear message", async () => {
    await buildUser(s.db, { username: "bob", roles: ["unit_staff"] });
    const c = new TestClient(s.app);
    const unknown = await c.post("/api/auth/login", { username: "nobody", password: "whatever-123" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe("auth.invalid_credentials");
    for (let i = 0; i < 2; i++) {
      const r = await c.post("/api/auth/login", { username: "bob", password: "wrong-password-1" });
      expect(r.body.error).toBe("auth.invalid_credentials");
    }
    const third = await c.post("/api/auth/login", { username: "bob", password: "wrong-password-1" });
    expect(third.status).toBe(429);
    expect(third.body.error).toBe("auth.locked");
    expect(third.body.message).toContain("15 分钟");
    expect(third.body.data.retryAfterSeconds).toBe(900);
    expect(third.headers["retry-after"]).toBe("900");
    // Even the right password is refused while locked.
    const right = await c.post("/api/auth/login", { username: "bob", password: TEST_PASSWORD });
    expect(right.body.error).toBe("auth.locked");
    const audit = await s.db.selectFrom("audit_events").select("action").where("action", "like", "auth.%").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.login.fail", "auth.lock", "auth.login"]));
  });

  it("rate-limits an address after many failures", async () => {
    const c = new TestClient(s.app);
    let last = 0;
    for (let i = 0; i < 10; i++) last = (await c.post("/api/auth/login", { username: `x${i}`, password: "nope-nope-1" })).status;
    expect(last).toBe(429);
    const r = await c.post("/api/auth/login", { username: "alice", password: TEST_PASSWORD });
    expect(r.body.error).toBe("rate_limited");
    await s.db.deleteFrom("login_attempts").execute();
  });

  it("changes the password: wrong current refused, weak refused, other sessions ended", async () => {
    await buildUser(s.db, { username: "carol", roles: ["auditor"] });
    const a = await TestClient.signIn(s.app, "carol");
    const b = await TestClient.signIn(s.app, "carol");
    const wrong = await a.post("/api/auth/password", { currentPassword: "not-it-at-all", newPassword: "Another-good-pass-9" });
    expect(wrong.body.error).toBe("auth.password_incorrect");
    const weak = await a.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.data.issues[0].path).toBe("newPassword");
    const ok = await a.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "Another-good-pass-9" });
    expect(ok.status).toBe(200);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    await TestClient.signIn(s.app, "carol", "Another-good-pass-9");
  });

  it("ends the session on logout and expires sessions", async () => {
    const c = await TestClient.signIn(s.app, "alice");
    await s.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await c.get("/api/auth/me")).status).toBe(401);
  });

  it("refuses a disabled user's live session, and sees role and unit changes on the next request", async () => {
    const c = await TestClient.signIn(s.app, "alice");
    const alice = await s.db.selectFrom("users").select("id").where("username", "=", "alice").executeTakeFirstOrThrow();
    await s.db.insertInto("user_roles").values({ user_id: alice.id, role: "auditor" }).execute();
    const me = await c.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect([...me.body.data.user.roles].sort()).toEqual(["auditor", "unit_staff"]);
    await s.db.deleteFrom("user_roles").where("user_id", "=", alice.id).where("role", "=", "auditor").execute();
    await s.db.updateTable("users").set({ disabled: true }).where("id", "=", alice.id).execute();
    expect((await c.get("/api/auth/me")).status).toBe(401);
    await s.db.updateTable("users").set({ disabled: false }).where("id", "=", alice.id).execute();
  });
});
