import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { PNG_1X1 } from "../supervision/testFixtures";

describe.each(ENGINES)("rounds, submissions and my tasks on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let planId: string;
  let taskId: string;
  let eco: { id: string };
  let water: { id: string };
  beforeAll(async () => {
    s = await createTestServer(engine);
    eco = await buildUnit(s.db, { name: "中站生态环境分局" });
    water = await buildUnit(s.db, { name: "区水利局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "both", roles: ["unit_staff"], unitIds: [eco.id, water.id] });
    await buildUser(s.db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
    await buildUser(s.db, { username: "water.staff", roles: ["unit_staff"], unitIds: [water.id] });
    const plan = await insertPlan(s.db, {
      title: "方案", docNumber: null, issuer: null, issuedOn: null, year: 2099, sourceText: "x", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    });
    planId = plan.id;
    taskId = await insertTask(s.db, {
      planId, sort: 0, number: "5", section: null, title: "持续推进饮用水水源地规范化建设", text: "…", clauses: [],
      units: [{ role: "co_lead", unitId: eco.id, collective: null }, { role: "responsible", unitId: water.id, collective: null }],
      deadlines: [{ dueOn: "2099-12-31", text: "年底前" }],
    });
    admin = await TestClient.signIn(s.app, "admin");
  });
  afterAll(() => s.close());

  it("validates a new round with field paths", async () => {
    const r = await admin.post("/api/rounds", { planId: "00000000-0000-4000-8000-000000000000", title: "", dueOn: "2099-02-30" });
    expect(r.status).toBe(400);
    expect(r.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["dueOn", "title"]);
    const unknown = await admin.post("/api/rounds", { planId: "00000000-0000-4000-8000-000000000000", title: "调度", dueOn: "2099-02-01" });
    expect(unknown.body.data.issues[0].path).toBe("planId");
  });

  it("a member of two required units names the unit; the office sees every answer, a unit only its own", async () => {
    const round = (await admin.post("/api/rounds", { planId, title: "2099年1月调度", dueOn: "2099-01-31" })).body.data;
    expect(round.units.map((u: { unitName: string }) => u.unitName).sort()).toEqual(["中站生态环境分局", "区水利局"].sort());
    const both = await TestClient.signIn(s.app, "both");
    const ambiguous = await both.post(`/api/rounds/${round.id}/submissions`, { taskId, text: "进展" });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.data.issues[0].path).toBe("unitId");
    const ok = await both.post(`/api/rounds/${round.id}/submissions`, { taskId, unitId: water.id, text: "水源地标志牌已设置" });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ unitName: "区水利局", status: "onTime", submissionCount: 1 });

    const ecoStaff = await TestClient.signIn(s.app, "eco.staff");
    const seen = await ecoStaff.get(`/api/rounds/${round.id}`);
    const byUnit = Object.fromEntries(seen.body.data.requirements.map((q: any) => [q.unitName, q]));
    expect(byUnit["区水利局"].status).toBe("onTime");
    expect(byUnit["区水利局"].submissions).toBeUndefined();
    expect(byUnit["中站生态环境分局"].submissions).toEqual([]);
    expect(seen.body.policies[byUnit["中站生态环境分局"].id]).toEqual({ read: true, submit: true });
    expect(seen.body.policies[byUnit["区水利局"].id]).toEqual({ read: false, submit: false });
    const office = await admin.get(`/api/rounds/${round.id}`);
    const waterReq = office.body.data.requirements.find((q: any) => q.unitName === "区水利局");
    expect(waterReq.submissions[0].text).toBe("水源地标志牌已设置");
    // Someone else's unit cannot be named.
    expect((await ecoStaff.post(`/api/rounds/${round.id}/submissions`, { taskId, unitId: water.id, text: "冒名" })).status).toBe(403);
  });

  it("refuses attachments over 10 MB and files of other types", async () => {
    const round = (await admin.post("/api/rounds", { planId, title: "2099年2月调度", dueOn: "2099-02-28" })).body.data;
    const ecoStaff = await TestClient.signIn(s.app, "eco.staff");
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await ecoStaff.post(`/api/rounds/${round.id}/submissions`, { taskId, text: "大文件", attachments: [{ fileName: "大.png", contentBase64: big.toString("base64") }] });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.data.issues[0].path).toBe("attachments.0.contentBase64");
    const exe = await ecoStaff.post(`/api/rounds/${round.id}/submissions`, { taskId, text: "程序", attachments: [{ fileName: "a.pdf", contentBase64: Buffer.from("MZ\x90\x00").toString("base64") }] });
    expect(exe.status).toBe(400);
    const stored = await s.db.selectFrom("submissions").select("id").execute();
    expect(stored).toHaveLength(1);
  });

  it("lists my tasks with my roles, grouped, and the rounds still to answer", async () => {
    const staff = await TestClient.signIn(s.app, "water.staff");
    const r = await staff.get("/api/tasks?mine=1");
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({ number: "5", myRoles: ["responsible"] });
    expect(r.body.data[0].deadlines).toEqual([{ id: expect.any(String), dueOn: "2099-12-31", text: "年底前", reports: [] }]);
    expect(r.body.data[0].myReportingUnitIds).toEqual([water.id]);
    expect(r.body.data[0].openRequirements.map((q: any) => q.roundTitle)).toEqual(["2099年2月调度"]);
    expect(r.body.byRole.responsible).toEqual([r.body.data[0].id]);
    const all = await admin.get(`/api/tasks?planId=${planId}`);
    expect(all.body.data[0].myRoles).toEqual([]);
  });
});
