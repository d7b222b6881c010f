import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../../test/testServer";
import { JPEG_1X1, withExif } from "../../../registries/testPhotos";
import { buildDistrict } from "../testHelpers";

/**
 * One outfall through 查 → 测 → 溯 → 治 → 销号: each step refused until what it needs is recorded, the unit doing the
 * work, the office reviewing the closure (a rejection sends it back with the reason); the public progress.
 */
describe.each(ENGINES)("river outfalls on %s", (engine) => {
  let s: TestServer;
  let d: Awaited<ReturnType<typeof buildDistrict>>;
  let admin: TestClient, eco: TestClient, fc: TestClient;
  let id: string;
  const step = (c: TestClient, action: string, note?: string) => c.post(`/api/registries/outfalls/${id}/transitions`, { action, note: note ?? null });

  beforeAll(async () => {
    s = await createTestServer(engine);
    d = await buildDistrict(s.db);
    [admin, eco, fc] = await Promise.all(["admin", "eco.staff", "fc.staff"].map((u) => TestClient.signIn(s.app, u)));
    await admin.post("/api/registries/rivers", { name: "白马门河", kind: "river" });
  });
  afterAll(() => s.close());

  it("registers (查) with validation", async () => {
    const river = (await eco.get("/api/registries/rivers")).body.data[0];
    const bad = await eco.post("/api/registries/outfalls", { code: "PWK-01", name: "某厂雨水排口", typeCode: "other.unlisted", unitId: d.eco.id, foundOn: "2022-04-15", lon: 113.1 });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["lat", "riverId", "typeNote"]);
    expect((await eco.post("/api/registries/outfalls", { code: "PWK-01", name: "x", typeCode: "industrial.storm", unitId: d.eco.id, foundOn: "2022-04-15", riverId: river.id })).status).toBe(400);
    const r = await eco.post("/api/registries/outfalls", {
      code: "PWK-01", name: "某厂雨水排口", typeCode: "industrial.storm.factory", riverId: river.id, unitId: d.eco.id, foundOn: "2022-04-15",
      location: "白马门河左岸", lon: 113.1452, lat: 35.2201,
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ stage: "investigation", typeLabel: "工业排污口／工矿企业雨洪排口／工业企业雨洪排口", riverName: "白马门河", unitName: "中站生态环境分局" });
    id = r.body.data.id;
    expect((await fc.post(`/api/registries/outfalls/${id}/tests`, { sampledOn: "2022-05-10", cod: 30, conclusion: "compliant" })).status).toBe(403);
    expect((await eco.patch(`/api/registries/outfalls/${id}`, { stage: "closed" })).body.data.issues[0].path).toBe("stage");
  });

  it("monitors (测) and traces (溯) before it may be remediated", async () => {
    expect((await step(eco, "startTracing")).status).toBe(409);
    expect((await step(eco, "startMonitoring")).body.data.stage).toBe("monitoring");
    const noTest = await step(eco, "startTracing");
    expect([noTest.status, noTest.body.message]).toEqual([400, "须至少录入一次监测记录"]);
    expect((await eco.post(`/api/registries/outfalls/${id}/tests`, { sampledOn: "2022-05-10", flowing: true, conclusion: "exceeds" })).body.data.issues[0].message).toBe("排水的排口须至少填一项监测值");
    const tested = await eco.post(`/api/registries/outfalls/${id}/tests`, { sampledOn: "2022-05-10", flowing: true, cod: 86, ammonia: 12.5, conclusion: "exceeds", note: "旱天有水" });
    expect(tested.body.data.tests).toHaveLength(1);
    expect((await step(eco, "startTracing")).body.data.stage).toBe("tracing");

    const cycle = await eco.request("PUT", `/api/registries/outfalls/${id}/trace`, { nodes: [{ key: "a", kind: "pipe", label: "甲管", downstream: "b" }, { key: "b", kind: "drain", label: "乙渠", downstream: "a" }] });
    expect([cycle.status, cycle.body.message]).toEqual([400, "“甲管”的去向形成了环"]);
    const partial = await eco.request("PUT", `/api/registries/outfalls/${id}/trace`, { nodes: [{ key: "p", kind: "pipe", label: "厂区雨水管", downstream: null }] });
    expect(partial.body.data.trace).toMatchObject({ complete: false, open: ["“厂区雨水管”尚未追溯到企业或污染源"] });
    const traced = await eco.request("PUT", `/api/registries/outfalls/${id}/trace`, {
      nodes: [
        { key: "p", kind: "pipe", label: "厂区雨水管", downstream: null },
        { key: "e", kind: "enterprise", label: "某化工有限公司", downstream: "p" },
        { key: "h", kind: "source", label: "沿线餐饮散排", downstream: "p" },
      ],
    });
    expect(traced.body.data.trace.complete).toBe(true);
    const e = traced.body.data.trace.nodes.find((n: { label: string }) => n.label === "某化工有限公司");
    const p = traced.body.data.trace.nodes.find((n: { label: string }) => n.label === "厂区雨水管");
    expect([e.downstreamId, traced.body.data.trace.depth[e.id]]).toEqual([p.id, 2]);

    const notYet = await step(eco, "startRemediation");
    expect(notYet.body.data.issues.map((i: { message: string }) => i.message)).toEqual(["须明确责任主体", "须制定“一口一策”整治方案"]);
    await eco.patch(`/api/registries/outfalls/${id}`, { responsibleParty: "某化工有限公司" });
    const plan = await eco.request("PUT", `/api/registries/outfalls/${id}/plan`, {
      remediationKind: "standardize", goal: "雨污分流，旱天无水",
      measures: [{ text: "厂区雨污分流改造", unitId: d.eco.id, deadline: "2022-09-30" }, { text: "排口标识牌和检查井（HJ 1309-2023）", deadline: "2022-10-31" }],
    });
    expect(plan.body.data.plan.measures.map((m: { seq: number; unitName: string | null }) => [m.seq, m.unitName])).toEqual([[1, "中站生态环境分局"], [2, null]]);
    const r = await step(eco, "startRemediation", "溯源完成，按规范整治");
    expect(r.body.data).toMatchObject({ stage: "remediation", remediationKind: "standardize" });
  });

  it("closes (销号) only with every measure done and evidence, on the office's review", async () => {
    const open = await step(eco, "requestClosure");
    expect(open.body.data.issues.map((i: { message: string }) => i.message)).toEqual(["尚有 2 项整治措施未完成", "须上传整治完成的佐证材料（照片或验收文件）"]);
    await eco.request("PUT", `/api/registries/outfalls/${id}/plan`, {
      remediationKind: "standardize", goal: "雨污分流，旱天无水",
      measures: [{ text: "厂区雨污分流改造", unitId: d.eco.id, deadline: "2022-09-30", doneOn: "2022-09-20" }, { text: "排口标识牌和检查井（HJ 1309-2023）", deadline: "2022-10-31", doneOn: "2022-10-12" }],
    });
    const photo = withExif(JPEG_1X1, { lat: 35.2202, lon: 113.1453 });
    expect((await eco.post(`/api/registries/outfalls/${id}/attachments`, { purpose: "evidence", fileName: "整改后.jpg", contentBase64: photo.toString("base64") })).status).toBe(200);
    expect((await step(eco, "requestClosure", "整治完成，申请销号")).body.data.stage).toBe("review");
    // Nothing changes under review; the unit cannot approve its own closure.
    expect((await eco.post(`/api/registries/outfalls/${id}/tests`, { sampledOn: "2022-10-20", flowing: false, conclusion: "dry" })).status).toBe(409);
    expect((await step(eco, "approveClosure")).status).toBe(403);
    expect((await step(admin, "rejectClosure")).body.message).toBe("请说明退回原因");
    expect((await step(admin, "rejectClosure", "标识牌信息不全")).body.data.stage).toBe("remediation");
    expect((await step(eco, "requestClosure", "已补充标识牌")).body.data.stage).toBe("review");
    const closed = await step(admin, "approveClosure", "现场核查通过");
    expect(closed.body.data).toMatchObject({ stage: "closed", actions: [], editable: false });
    expect(closed.body.data.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const history = await fc.get(`/api/registries/outfalls/${id}/history`);
    const steps = history.body.data.filter((h: { transition: unknown }) => h.transition).map((h: { transition: { to: string } }) => h.transition.to).reverse();
    expect(steps).toEqual(["monitoring", "tracing", "remediation", "review", "remediation", "review", "closed"]);
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(["outfall.test", "outfall.trace", "outfall.plan", "outfall.attach"]));
  });

  it("publishes progress without the 责任主体", async () => {
    const r = await new TestClient(s.app).get("/api/public/registries/outfalls/progress");
    expect(r.body.data).toMatchObject({ total: 1, byStage: { closed: 1, investigation: 0 }, byRemediationKind: { standardize: 1, ban: 0, merge: 0 } });
    expect(r.body.data.items).toEqual([{ code: "PWK-01", name: "某厂雨水排口", river: "白马门河", type: "工业排污口／工矿企业雨洪排口／工业企业雨洪排口", stage: "closed", stageLabel: "已销号", remediationKind: "standardize", remediationLabel: "规范整治", closedOn: expect.any(String), demo: false }]);
    expect(JSON.stringify(r.body)).not.toContain("某化工");
  });
});
