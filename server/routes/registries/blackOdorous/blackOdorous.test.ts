import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../../test/testServer";
import { upload, xlsxOf } from "../../../registries/testSheets";
import { buildDistrict } from "../testHelpers";

const HEADER = ["点位编号", "沿程序号", "采样日期", "水深(cm)", "透明度(cm)", "溶解氧(mg/L)", "氧化还原电位(mV)", "氨氮(mg/L)"];
/** Three points × three days; NH3-N per point (10 轻度, 20 重度, 2 clear), other indicators clear. */
async function round(nh3: [number, number, number], days: string[]) {
  const rows = [HEADER, ...days.flatMap((d) => nh3.map((v, i) => [`P${i + 1}`, String(i + 1), d, "80", "40", "5", "100", String(v)]))];
  return upload("监测结果.xlsx", await xlsxOf("黑臭水体监测", rows));
}

/**
 * A black-odorous body through its lifecycle: listed, treated, graded rounds imported, eliminated only on a clean
 * round, and a black-odorous round after elimination raising 返黑返臭 (back to 治理中, a task, notifications to the
 * unit, the river chief and the office); the public list without personal data.
 */
describe.each(ENGINES)("black-odorous water bodies on %s", (engine) => {
  let s: TestServer;
  let d: Awaited<ReturnType<typeof buildDistrict>>;
  let admin: TestClient, ecoStaff: TestClient, fcStaff: TestClient, chief: TestClient;
  let bodyId: string;

  beforeAll(async () => {
    s = await createTestServer(engine);
    d = await buildDistrict(s.db);
    [admin, ecoStaff, fcStaff, chief] = await Promise.all(["admin", "eco.staff", "fc.staff", "river.chief"].map((u) => TestClient.signIn(s.app, u)));
    const river = await admin.post("/api/registries/rivers", { name: "白马门河", kind: "river" });
    const c = await admin.post("/api/registries/river-chiefs", { riverId: river.body.data.id, level: "subdistrict", name: "李河长", position: "府城办事处主任", phone: "0391-1234567", userId: d.chief.id, unitId: d.fucheng.id });
    const other = await admin.post("/api/registries/rivers", { name: "新河", kind: "river" });
    const otherChief = await admin.post("/api/registries/river-chiefs", { riverId: other.body.data.id, level: "district", name: "王河长", position: "区长" });
    const wrongChief = await ecoStaff.post("/api/registries/black-odorous", { code: "HC-01", name: "白马门河（建成区段）", riverId: river.body.data.id, unitId: d.eco.id, chiefId: otherChief.body.data.id });
    expect(wrongChief.status).toBe(400);
    expect(wrongChief.body.data.issues).toEqual([{ path: "chiefId", message: "河湖长须是该水体所在河湖的河湖长" }]);
    const b = await ecoStaff.post("/api/registries/black-odorous", {
      code: "HC-01", name: "白马门河（建成区段）", riverId: river.body.data.id, unitId: d.eco.id, chiefId: c.body.data.id, deadline: "2022-12-31",
      location: "人民路桥至入大沙河口", geometry: { type: "LineString", coordinates: [[113.149, 35.2145], [113.153, 35.2005]] }, identifiedGrade: "light",
    });
    expect(b.status).toBe(200);
    bodyId = b.body.data.id;
  });
  afterAll(() => s.close());

  it("lists the body with its 主责部门, 河湖长 and 达标期限; only its unit and the office edit; the status is not editable", async () => {
    const list = await fcStaff.get("/api/registries/black-odorous?status=identified");
    expect(list.body.data).toHaveLength(1);
    // 113.149,35.2145 → 113.153,35.2005: Δlat 0.014° = 1.5567 km, Δlon 0.004° × cos 35.2° = 0.3634 km; √ = 1.60 km.
    expect(list.body.data[0]).toMatchObject({ code: "HC-01", unitName: "中站生态环境分局", chief: { name: "李河长", position: "府城办事处主任" }, deadline: "2022-12-31", status: "identified", lengthKm: 1.6 });
    expect(list.body.policies[bodyId]).toMatchObject({ update: false });
    expect((await fcStaff.patch(`/api/registries/black-odorous/${bodyId}`, { measures: "截污" })).status).toBe(403);
    const status = await ecoStaff.patch(`/api/registries/black-odorous/${bodyId}`, { status: "eliminated" });
    expect(status.status).toBe(400);
    expect(status.body.data.issues[0].path).toBe("status");
    expect((await ecoStaff.patch(`/api/registries/black-odorous/${bodyId}`, { measures: "控源截污、清淤疏浚" })).status).toBe(200);
    const map = await fcStaff.get("/api/registries/black-odorous/map");
    expect(map.body.data.features[0].properties).toMatchObject({ code: "HC-01", grade: "light", status: "identified" });
  });

  it("grades rounds by the guide and declares elimination only on a clean round", async () => {
    expect((await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/transitions`, { action: "startTreatment", note: "治理方案已批复" })).body.data.status).toBe("underTreatment");
    expect((await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/transitions`, { action: "eliminate" })).status).toBe(403);
    const early = await admin.post(`/api/registries/black-odorous/${bodyId}/transitions`, { action: "eliminate" });
    expect(early.status).toBe(400);
    expect(early.body.message).toBe("尚无监测结果：须有治理后的一次监测判定为不黑臭");

    const days = ["2099-06-01", "2099-06-04", "2099-06-07"];
    const light = await round([10, 2, 2], days);
    const check = await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds/check`, light);
    expect(check.body.data).toMatchObject({ clean: true, samples: 9, sampledFrom: "2099-06-01", sampledTo: "2099-06-07", relapse: null });
    expect(check.body.data.grade.grade).toBe("light");
    expect((await fcStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, light)).status).toBe(403);
    const imported = await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, light);
    expect(imported.status).toBe(200);
    expect(imported.body.data).toMatchObject({ status: "underTreatment", relapse: null });
    expect(imported.body.data.grade.points.map((p: { id: string; grade: string }) => `${p.id}:${p.grade}`)).toEqual(["P1:light", "P2:none", "P3:none"]);
    expect((await admin.post(`/api/registries/black-odorous/${bodyId}/transitions`, { action: "eliminate" })).body.message).toBe("最近一次监测判定为轻度黑臭，不能认定消除");

    // A bad row stores nothing.
    const bad = upload("错.xlsx", await xlsxOf("黑臭水体监测", [HEADER, ["P1", "1", "2099-07-01", "", "", "", "", ""]]));
    const refused = await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.data.issues).toEqual([{ path: "rows.2", message: "第 2 行：透明度、溶解氧、氧化还原电位、氨氮至少填一项" }]);

    expect((await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, await round([2, 2, 2], ["2099-07-01", "2099-07-04", "2099-07-07"]))).body.data.grade.grade).toBe("none");
    const done = await admin.post(`/api/registries/black-odorous/${bodyId}/transitions`, { action: "eliminate", note: "经监测及公众评议，已消除黑臭" });
    expect(done.body.data).toMatchObject({ status: "eliminated", latestGrade: "none", latestSampledTo: "2099-07-07" });
    const detail = await fcStaff.get(`/api/registries/black-odorous/${bodyId}`);
    expect(detail.body.data.rounds.map((r: { grade: string }) => r.grade)).toEqual(["none", "light"]);
    expect(detail.body.data.actions).toEqual([expect.objectContaining({ action: "confirmLongTerm", by: "office", allowed: false })]);
  });

  it("raises 返黑返臭 when an eliminated body is graded black-odorous again", async () => {
    const severe = await round([20, 20, 2], ["2099-08-01", "2099-08-04", "2099-08-07"]);
    const preview = await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds/check`, severe);
    expect(preview.body.data.relapse).toMatchObject({ grade: "severe", previousStatus: "eliminated", pointIds: ["P1", "P2"] });
    const r = await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, severe);
    expect(r.body.data.status).toBe("underTreatment");
    // The unit's staff, the office admin and the river chief are told.
    expect(r.body.data.relapse.notified).toBe(3);
    const tasks = await admin.get(`/api/registries/tasks?status=open&recordId=${bodyId}`);
    expect(tasks.body.data).toHaveLength(1);
    expect(tasks.body.data[0]).toMatchObject({ kind: "relapse", title: "返黑返臭：白马门河（建成区段）", unitName: "中站生态环境分局", chief: { name: "李河长" }, dueOn: expect.any(String) });
    expect(tasks.body.policies[tasks.body.data[0].id].close).toBe(true);
    for (const c of [ecoStaff, chief, admin]) {
      const inbox = await c.get("/api/inbox");
      expect(inbox.body.data.some((n: { title: string }) => n.title === "返黑返臭：白马门河（建成区段）")).toBe(true);
    }
    expect((await fcStaff.get("/api/inbox")).body.data.some((n: { title: string }) => n.title.startsWith("返黑返臭"))).toBe(false);
    // Importing the same file again is another round, but the body is no longer eliminated: no second relapse.
    expect((await ecoStaff.post(`/api/registries/black-odorous/${bodyId}/rounds`, severe)).body.data.relapse).toBeNull();

    const history = await fcStaff.get(`/api/registries/black-odorous/${bodyId}/history`);
    const steps = history.body.data.filter((h: { transition: unknown }) => h.transition).map((h: { transition: { action: string; to: string } }) => `${h.transition.action}→${h.transition.to}`);
    expect(steps).toEqual(["relapse→underTreatment", "eliminate→eliminated", "startTreatment→underTreatment"]);
    expect(history.body.data.find((h: { action: string }) => h.action === "black_odorous_body.relapse").transition.note).toBe("白马门河（建成区段）（已消除黑臭）2099-08-07 监测判定为重度黑臭，返黑返臭");

    expect((await ecoStaff.post(`/api/registries/tasks/${tasks.body.data[0].id}/close`, { note: "已处理" })).status).toBe(403);
    expect((await admin.post(`/api/registries/tasks/${tasks.body.data[0].id}/close`, { note: "排口已封堵，复测达标" })).body.data.status).toBe("done");
  });

  it("publishes the list without personal data", async () => {
    const anon = new TestClient(s.app);
    const r = await anon.get("/api/public/registries/black-odorous");
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{
      code: "HC-01", name: "白马门河（建成区段）", river: "白马门河", location: "人民路桥至入大沙河口", responsibleDepartment: "中站生态环境分局",
      riverChief: { name: "李河长", position: "府城办事处主任" }, deadline: "2022-12-31", status: "underTreatment", statusLabel: "治理中", statusSince: "2099-08-07", demo: false,
    }]);
    expect(JSON.stringify(r.body)).not.toContain("0391");
  });
});
