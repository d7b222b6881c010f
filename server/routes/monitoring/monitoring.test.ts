import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";

describe.each(ENGINES)("monitoring points and devices on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  let staff: TestClient;
  let unitId: string;
  const section = { code: "S01", name: "大沙河府城断面", kind: "section", level: "county", waterBody: "大沙河", waterBodyType: "river", targetClass: 3, lon: 113.18, lat: 35.25 };
  beforeAll(async () => {
    s = await createTestServer(engine);
    unitId = (await buildUnit(s.db, { name: "中站生态环境分局" })).id;
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"], unitIds: [unitId] });
    admin = await TestClient.signIn(s.app, "admin");
    operator = await TestClient.signIn(s.app, "op");
    staff = await TestClient.signIn(s.app, "staff");
  });
  afterAll(() => s.close());

  it("creates a section, audited in the same transaction, and refuses a taken code (any case) with 409", async () => {
    const r = await admin.post("/api/monitoring/points", { ...section, unitId });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ code: "S01", kind: "section", targetClass: 3, active: true, limits: [] });
    expect(r.body.policies[r.body.data.id]).toEqual({ read: true, update: true, manageLimits: false, correctReadings: false });
    const entry = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "monitoring_point.create").executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(r.body.data.id);
    expect(entry.data).toMatchObject({ code: "S01", target_class: 3 });
    const dup = await operator.post("/api/monitoring/points", { ...section, code: "s01", name: "另一个" });
    expect(dup.status).toBe(409);
  });

  it("validates ranges and kind-specific rules with field paths, storing nothing", async () => {
    const before = await s.db.selectFrom("monitoring_points").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const range = await admin.post("/api/monitoring/points", { ...section, code: "S02", targetClass: 6, lon: 35.25, lat: 113.18 });
    expect(range.status).toBe(400);
    expect(range.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["lat", "lon", "targetClass"]);
    const rules = await admin.post("/api/monitoring/points", {
      code: "S03", name: "无目标断面", kind: "section", ecoFlowTarget: 2, lon: 113.2,
      limits: [{ factor: "w01018", upperLimit: 50, basis: "许可证" }],
    });
    expect(rules.status).toBe(400);
    expect(rules.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ["ecoFlowTarget", "lat", "level", "limits", "targetClass", "waterBodyType"].sort(),
    );
    const after = await s.db.selectFrom("monitoring_points").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("keeps outlet limits per factor and replaces them", async () => {
    const outlet = await operator.post("/api/monitoring/points", {
      code: "O01", name: "某污水处理厂排口", kind: "outlet",
      limits: [{ factor: "w01018", upperLimit: 50, basis: "GB 18918-2002 一级A" }, { factor: "w01001", lowerLimit: 6, upperLimit: 9, unit: "", basis: "许可证" }],
    });
    expect(outlet.status).toBe(200);
    expect(outlet.body.data.limits.map((l: { factor: string }) => l.factor)).toEqual(["w01001", "w01018"]);
    const id = outlet.body.data.id;
    const bad = await operator.request("PUT", `/api/monitoring/points/${id}/limits`, { limits: [{ factor: "w21003", lowerLimit: 5, upperLimit: 1, basis: "x" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues[0].path).toBe("limits.0.lowerLimit");
    const put = await operator.request("PUT", `/api/monitoring/points/${id}/limits`, { limits: [{ factor: "w21003", upperLimit: 5, basis: "许可证" }] });
    expect(put.body.data).toEqual([{ factor: "w21003", upperLimit: 5, lowerLimit: null, unit: "mg/L", basis: "许可证" }]);
    expect((await staff.request("PUT", `/api/monitoring/points/${id}/limits`, { limits: [] })).status).toBe(403);
    const audit = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "monitoring_point.update").where("entity_id", "=", id).executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ limitsAfter: [{ factor: "w21003", upper_limit: 5 }] });
  });

  it("lists with filters; every role reads, only managers write", async () => {
    await admin.post("/api/monitoring/points", { code: "L01", name: "某湖心", kind: "section", level: "provincial", waterBody: "某湖", waterBodyType: "lake", targetClass: 2 });
    const codes = async (c: TestClient, q: string) => (await c.get(`/api/monitoring/points${q}`)).body.data.map((p: { code: string }) => p.code);
    expect(await codes(staff, "")).toEqual(["L01", "O01", "S01"]);
    expect(await codes(staff, "?kind=section")).toEqual(["L01", "S01"]);
    expect(await codes(staff, "?level=county")).toEqual(["S01"]);
    expect(await codes(staff, `?waterBody=${encodeURIComponent("大沙河")}`)).toEqual(["S01"]);
    expect(await codes(staff, `?q=${encodeURIComponent("污水")}`)).toEqual(["O01"]);
    expect(await codes(staff, "?q=%25")).toEqual([]);
    expect((await staff.get("/api/monitoring/points?kind=nope")).status).toBe(400);
    const list = await staff.get("/api/monitoring/points");
    expect(Object.values(list.body.policies).every((p: any) => p.read && !p.update)).toBe(true);
    expect((await staff.post("/api/monitoring/points", { ...section, code: "S09" })).status).toBe(403);
  });

  it("patches a point against the merged rules", async () => {
    const s01 = (await admin.get("/api/monitoring/points?q=S01")).body.data[0];
    const ok = await operator.patch(`/api/monitoring/points/${s01.id}`, { targetClass: 2, active: false });
    expect(ok.body.data).toMatchObject({ targetClass: 2, active: false, code: "S01" });
    const bad = await operator.patch(`/api/monitoring/points/${s01.id}`, { kind: "flow_station" });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues.map((i: { path: string }) => i.path)).toEqual(["targetClass", "level"]);
    expect((await operator.patch(`/api/monitoring/points/${s01.id}`, { bogus: 1 })).status).toBe(400);
    expect((await operator.patch("/api/monitoring/points/00000000-0000-4000-8000-000000000000", { name: "x" })).status).toBe(404);
  });

  it("registers devices with unique MN, links them to points and never shows the password", async () => {
    const outlet = (await admin.get("/api/monitoring/points?kind=outlet")).body.data[0];
    const r = await operator.post("/api/monitoring/devices", { mn: "88888880000001", pw: "secret1", st: "32", pointId: outlet.id, expectedFactors: ["w01018", "w21003"] });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ mn: "88888880000001", pointId: outlet.id, enabled: true, protocolVersion: "2017" });
    expect(JSON.stringify(r.body)).not.toContain("secret1");
    expect((await operator.post("/api/monitoring/devices", { mn: "88888880000001", pw: "x", st: "32" })).status).toBe(409);
    expect((await operator.post("/api/monitoring/devices", { mn: "MN-1", pw: "x", st: "3" })).body.data.issues.map((i: any) => i.path)).toEqual(["mn", "st"]);
    const ghost = await operator.post("/api/monitoring/devices", { mn: "MN2", pw: "x", st: "32", pointId: "00000000-0000-4000-8000-000000000000" });
    expect(ghost.status).toBe(400);
    const up = await admin.patch(`/api/monitoring/devices/${r.body.data.id}`, { pw: "secret2", enabled: false });
    expect(up.body.data.enabled).toBe(false);
    const audit = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "device.update").executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify(audit.data)).not.toContain("secret");
    const detail = await staff.get(`/api/monitoring/points/${outlet.id}`);
    expect(detail.body.data.devices.map((d: { mn: string }) => d.mn)).toEqual(["88888880000001"]);
    expect((await staff.get(`/api/monitoring/devices?pointId=${outlet.id}`)).body.data).toHaveLength(1);
    expect((await staff.patch(`/api/monitoring/devices/${r.body.data.id}`, { enabled: true })).status).toBe(403);
  });
});
