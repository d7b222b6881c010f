import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";

describe.each(ENGINES)("user and unit administration on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let eco: { id: string };
  let agri: { id: string };
  beforeAll(async () => {
    s = await createTestServer(engine);
    eco = await buildUnit(s.db, { name: "中站生态环境分局", kind: "branch", aliases: ["中站生态环境局"] });
    agri = await buildUnit(s.db, { name: "区农业农村局", aliases: ["农业农村局"] });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "head", roles: ["unit_head"], unitIds: [eco.id] });
    await buildUser(s.db, { username: "agri.staff", roles: ["unit_staff"], unitIds: [agri.id] });
    admin = await TestClient.signIn(s.app, "admin");
  });
  afterAll(() => s.close());

  it("creates a user with roles and units, audited in the same transaction", async () => {
    const r = await admin.post("/api/users", {
      username: "eco.new",
      displayName: "新同事",
      password: "Start-password-42",
      roles: ["unit_staff"],
      unitIds: [eco.id],
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ username: "eco.new", roles: ["unit_staff"], mustChangePassword: true });
    expect(r.body.policies[r.body.data.id]).toEqual({ read: true, update: true, resetPassword: true, disable: true });
    const entry = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "user.create").where("entity_id", "=", r.body.data.id).executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ username: "eco.new", roles: ["unit_staff"] });
    expect(JSON.stringify(entry.data)).not.toContain("Start-password-42");
  });

  it("rejects bad input with field paths and a taken username with 409, storing nothing", async () => {
    const before = await s.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const bad = await admin.post("/api/users", { username: "有 空格", displayName: "", password: "x", roles: [], unitIds: ["nope"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("validation");
    const paths = bad.body.data.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["username", "displayName", "roles", "unitIds.0"]));
    const missingUnit = await admin.post("/api/users", {
      username: "ghost", displayName: "幽灵", password: "Start-password-42", roles: ["unit_staff"], unitIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(missingUnit.status).toBe(400);
    expect(missingUnit.body.data.issues[0].path).toBe("unitIds.0");
    const dup = await admin.post("/api/users", { username: "ECO.NEW", displayName: "重复", password: "Start-password-42", roles: ["unit_staff"] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toBe("conflict");
    const after = await s.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("lists users filtered by unit and role; a unit head sees only their units' accounts", async () => {
    const byUnit = await admin.get(`/api/users?unitId=${eco.id}`);
    expect(byUnit.body.data.map((u: { username: string }) => u.username).sort()).toEqual(["eco.new", "head"]);
    const byRole = await admin.get("/api/users?role=office_admin");
    expect(byRole.body.data.map((u: { username: string }) => u.username)).toEqual(["admin"]);
    const head = await TestClient.signIn(s.app, "head");
    const seen = await head.get("/api/users");
    expect(seen.body.data.map((u: { username: string }) => u.username).sort()).toEqual(["eco.new", "head"]);
    expect(Object.values(seen.body.policies).every((p: any) => p.update === false)).toBe(true);
    const other = await s.db.selectFrom("users").select("id").where("username", "=", "agri.staff").executeTakeFirstOrThrow();
    expect((await head.get(`/api/users/${other.id}`)).status).toBe(403);
  });

  it("updates roles and units, disables (ending sessions) and resets passwords", async () => {
    const target = await s.db.selectFrom("users").select("id").where("username", "=", "agri.staff").executeTakeFirstOrThrow();
    const staff = await TestClient.signIn(s.app, "agri.staff");
    const up = await admin.patch(`/api/users/${target.id}`, { roles: ["unit_head"], unitIds: [agri.id, eco.id], displayName: "农业负责人" });
    expect(up.status).toBe(200);
    expect(up.body.data.roles).toEqual(["unit_head"]);
    expect(up.body.data.units.map((u: { name: string }) => u.name).sort()).toEqual(["中站生态环境分局", "区农业农村局"].sort());
    const dis = await admin.patch(`/api/users/${target.id}`, { disabled: true });
    expect(dis.body.data.disabled).toBe(true);
    expect((await staff.get("/api/auth/me")).status).toBe(401);
    await admin.patch(`/api/users/${target.id}`, { disabled: false });
    const reset = await admin.post(`/api/users/${target.id}/password`, { newPassword: "Reset-password-77" });
    expect(reset.status).toBe(200);
    const again = await TestClient.signIn(s.app, "agri.staff", "Reset-password-77");
    expect((await again.get("/api/auth/me")).body.data.user.mustChangePassword).toBe(true);
    const self = await s.db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
    expect((await admin.patch(`/api/users/${self.id}`, { disabled: true })).status).toBe(403);
  });

  it("keeps unit names and aliases unique across units", async () => {
    const r = await admin.post("/api/units", { name: "区住房和城乡建设局", kind: "department", aliases: ["住房城乡建设局", "住房和城乡建设局"] });
    expect(r.status).toBe(200);
    expect(r.body.data.aliases).toEqual(["住房城乡建设局", "住房和城乡建设局"]);
    const clash = await admin.post("/api/units", { name: "中站生态环境局", kind: "branch" });
    expect(clash.status).toBe(409);
    const list = await admin.get("/api/units");
    expect(list.body.data.find((u: { name: string }) => u.name === "中站生态环境分局").aliases).toEqual(["中站生态环境局"]);
    const patch = await admin.patch(`/api/units/${agri.id}`, { aliases: ["农业农村局", "区农业农村委"] });
    expect(patch.body.data.aliases.sort()).toEqual(["农业农村局", "区农业农村委"].sort());
    const staff = await TestClient.signIn(s.app, "head");
    expect((await staff.post("/api/units", { name: "某局", kind: "department" })).status).toBe(403);
  });
});
