import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../../test/testServer";
import { JPEG_1X1, withExif } from "../../../registries/testPhotos";
import { buildDistrict } from "../testHelpers";

/**
 * A 清四乱 problem from the river chief's patrol to 销号: reported by the chief on their own river (not on another),
 * rectified by the unit with a photo, verified by the chief (a failed check goes back), closed by the office; the
 * dynamic-zero board and the public progress without the description.
 */
describe.each(ENGINES)("清四乱 problems on %s", (engine) => {
  let s: TestServer;
  let d: Awaited<ReturnType<typeof buildDistrict>>;
  let admin: TestClient, fc: TestClient, eco: TestClient, chief: TestClient;
  let riverId: string, otherRiverId: string, chiefId: string, id: string;
  const step = (c: TestClient, action: string, extra: Record<string, unknown> = {}) => c.post(`/api/registries/four-chaos/${id}/transitions`, { action, ...extra });

  beforeAll(async () => {
    s = await createTestServer(engine);
    d = await buildDistrict(s.db);
    [admin, fc, eco, chief] = await Promise.all(["admin", "fc.staff", "eco.staff", "river.chief"].map((u) => TestClient.signIn(s.app, u)));
    riverId = (await admin.post("/api/registries/rivers", { name: "大沙河", kind: "river" })).body.data.id;
    otherRiverId = (await admin.post("/api/registries/rivers", { name: "新河", kind: "river" })).body.data.id;
    chiefId = (await admin.post("/api/registries/river-chiefs", { riverId, level: "subdistrict", name: "李河长", position: "府城办事处主任", userId: d.chief.id, unitId: d.fucheng.id })).body.data.id;
  });
  afterAll(() => s.close());

  const problem = (over: Record<string, unknown> = {}) => ({
    code: "SL-001", category: "dumping", subtype: "乱扔乱堆垃圾", riverId, location: "府城段左岸", lon: 113.172, lat: 35.1968, source: "patrol",
    foundOn: "2022-05-12", description: "河道管理范围内堆放建筑垃圾约 30 立方米，举报人张某", unitId: d.fucheng.id, chiefId, deadline: "2022-06-30", ...over,
  });

  it("lets a river chief report from patrol on their own river only, with the sub-type of its category", async () => {
    const list = await chief.get("/api/registries/four-chaos");
    expect(list.body.meta.can).toEqual({ create: true, import: false });
    const wrongSub = await chief.post("/api/registries/four-chaos", problem({ subtype: "非法采砂" }));
    expect(wrongSub.body.data.issues[0]).toEqual({ path: "subtype", message: "“乱堆”的问题子类应为：乱扔乱堆垃圾、倾倒、填埋、贮存、堆放固体废物、弃置、堆放阻碍行洪的物体" });
    expect((await chief.post("/api/registries/four-chaos", problem({ riverId: otherRiverId, chiefId: null }))).status).toBe(403);
    expect((await chief.post("/api/registries/four-chaos", problem({ deadline: "2022-05-01" }))).body.data.issues[0].path).toBe("deadline");
    const r = await chief.post("/api/registries/four-chaos", problem());
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: "open", unitName: "府城办事处", chief: { name: "李河长" }, riverName: "大沙河" });
    id = r.body.data.id;
    // The unit that must rectify edits it; the chief who reported it and other units do not.
    expect(r.body.policies[id]).toMatchObject({ update: false, attach: true, verify: true });
    expect((await eco.patch(`/api/registries/four-chaos/${id}`, { severity: "serious" })).status).toBe(403);
    expect((await fc.patch(`/api/registries/four-chaos/${id}`, { severity: "serious" })).body.data.severity).toBe("serious");
  });

  it("goes through rectification, the chief's verification and the office's 销号", async () => {
    expect((await step(chief, "startRectification")).status).toBe(403);
    expect((await step(fc, "startRectification")).body.data.status).toBe("rectifying");
    const bare = await step(fc, "submitRectification");
    expect(bare.body.data.issues.map((i: { message: string }) => i.message)).toEqual(["须填写整改情况", "须上传至少一张整改后照片"]);
    const photo = withExif(JPEG_1X1, { lat: 35.1969, lon: 113.1721 });
    expect((await fc.post(`/api/registries/four-chaos/${id}/attachments`, { purpose: "rectification", fileName: "清运后.jpg", contentBase64: photo.toString("base64") })).body.data.location).toEqual({ lon: 113.1721, lat: 35.1969 });
    expect((await step(fc, "submitRectification", { rectification: "已清运建筑垃圾 30 立方米并平整场地" })).body.data).toMatchObject({ status: "rectified", rectification: "已清运建筑垃圾 30 立方米并平整场地" });
    expect((await step(eco, "verify")).status).toBe(403);
    expect((await step(chief, "rejectVerification")).body.data.issues[0].message).toBe("须说明核查未通过的原因");
    expect((await step(chief, "rejectVerification", { note: "现场仍有少量残留" })).body.data.status).toBe("rectifying");
    expect((await step(fc, "submitRectification")).body.data.status).toBe("rectified");
    expect((await step(chief, "verify", { note: "现场核查已清理" })).body.data.status).toBe("verified");
    expect((await step(chief, "close")).status).toBe(403);
    const closed = await step(admin, "close", { note: "销号" });
    expect(closed.body.data).toMatchObject({ status: "closed", actions: [] });
    const history = await fc.get(`/api/registries/four-chaos/${id}/history`);
    expect(history.body.data.filter((h: { transition: unknown }) => h.transition).map((h: { transition: { action: string } }) => h.transition.action).reverse())
      .toEqual(["startRectification", "submitRectification", "rejectVerification", "submitRectification", "verify", "close"]);
  });

  it("shows the dynamic-zero board and the public progress without descriptions", async () => {
    await admin.post("/api/registries/four-chaos", problem({ code: "SL-002", category: "mining", subtype: "非法取土", riverId: otherRiverId, chiefId: null, deadline: "2022-06-01" }));
    const board = await eco.get("/api/registries/four-chaos/board");
    const byName = Object.fromEntries(board.body.data.rivers.map((r: { riverName: string }) => [r.riverName, r]));
    expect(byName["大沙河"]).toMatchObject({ total: 1, closed: 1, open: 0, cleared: true });
    expect(byName["新河"]).toMatchObject({ total: 1, open: 1, overdue: 1, cleared: false, openByCategory: { mining: 1 } });
    expect(board.body.data.totals).toEqual({ total: 2, open: 1, overdue: 1, clearedRivers: 1, rivers: 2 });
    const pub = await new TestClient(s.app).get("/api/public/registries/four-chaos/progress");
    expect(pub.body.data.rivers).toEqual(expect.arrayContaining([{ river: "新河", total: 1, closed: 0, open: 1, overdue: 1, cleared: false }]));
    expect(pub.body.data.items.map((i: { code: string; statusLabel: string }) => `${i.code}:${i.statusLabel}`).sort()).toEqual(["SL-001:已销号", "SL-002:待整改"]);
    expect(JSON.stringify(pub.body)).not.toMatch(/张某|建筑垃圾|府城段左岸/);
  });
});
