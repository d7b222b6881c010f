import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../../test/testServer";
import { JPEG_1X1, withExif } from "../../../registries/testPhotos";
import { rowsOf, upload, xlsxOf } from "../../../registries/testSheets";
import { PNG_1X1 } from "../../supervision/testFixtures";
import { buildDistrict, download } from "../testHelpers";

/**
 * The registry framework on its first two registries (河湖名录, 河湖长名录): paged filtered lists, map, validation,
 * unit-scoped edits, history, photos with their EXIF location, and the .xlsx template / import / export.
 */
describe.each(ENGINES)("registry framework: rivers and river chiefs on %s", (engine) => {
  let s: TestServer;
  let d: Awaited<ReturnType<typeof buildDistrict>>;
  let admin: TestClient;
  let ecoStaff: TestClient;
  let fcStaff: TestClient;
  let auditor: TestClient;
  const line = (lon: number) => ({ type: "LineString", coordinates: [[lon, 35.2], [lon + 0.01, 35.2]] });

  beforeAll(async () => {
    s = await createTestServer(engine);
    d = await buildDistrict(s.db);
    [admin, ecoStaff, fcStaff, auditor] = await Promise.all(["admin", "eco.staff", "fc.staff", "auditor"].map((u) => TestClient.signIn(s.app, u)));
  });
  afterAll(() => s.close());

  it("creates rivers (office) with validation, computes a length from the course, and pages and filters the list", async () => {
    const bad = await admin.post("/api/registries/rivers", { name: " ", kind: "river", geometry: { type: "LineString", coordinates: [[200, 35]] } });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["geometry", "name"]);
    // A lake may not be drawn as a point; the command knows the kind.
    const lakePoint = await admin.post("/api/registries/rivers", { name: "某湖", kind: "lake", geometry: { type: "Point", coordinates: [113, 35] } });
    expect(lakePoint.status).toBe(400);

    // 0.01° of longitude at 35.2° N: 6371.0088 km × 0.01 × π/180 × cos 35.2° = 0.9086 km, kept to 0.1 km: 0.9.
    const a = await admin.post("/api/registries/rivers", { name: "大沙河", kind: "river", geometry: line(113.1), basin: "海河流域", unitId: d.eco.id });
    expect(a.status).toBe(200);
    expect(a.body.data.lengthKm).toBe(0.9);
    expect(a.body.data.unitName).toBe("中站生态环境分局");
    await admin.post("/api/registries/rivers", { name: "白马门河", kind: "river", geometry: line(113.2) });
    await admin.post("/api/registries/rivers", { name: "群英湖", kind: "lake", lengthKm: null });
    const dup = await admin.post("/api/registries/rivers", { name: "大沙河", kind: "river" });
    expect(dup.status).toBe(409);

    const page1 = await auditor.get("/api/registries/rivers?pageSize=2");
    expect(page1.body.meta).toMatchObject({ total: 3, page: 1, pageSize: 2, pages: 2, can: { create: false, import: false } });
    // Ordered by name (PostgreSQL collation of the database; both engines use the same C/UTF-8 default here).
    const page2 = await auditor.get("/api/registries/rivers?pageSize=2&page=2");
    expect(page1.body.data.length + page2.body.data.length).toBe(3);
    expect(new Set([...page1.body.data, ...page2.body.data].map((r: { name: string }) => r.name))).toEqual(new Set(["大沙河", "白马门河", "群英湖"]));
    expect((await auditor.get("/api/registries/rivers?kind=lake")).body.data.map((r: { name: string }) => r.name)).toEqual(["群英湖"]);
    expect((await auditor.get("/api/registries/rivers?q=沙")).body.data.map((r: { name: string }) => r.name)).toEqual(["大沙河"]);
    expect((await auditor.get("/api/registries/rivers?kind=sea")).status).toBe(400);

    // The map has the two rivers with a course, not the lake without one.
    const map = await auditor.get("/api/registries/rivers/map");
    expect(map.body.data.features.map((f: { properties: { name: string } }) => f.properties.name).sort()).toEqual(["大沙河", "白马门河"].sort());
    // Only the office creates rivers without a unit; a unit worker may not.
    expect((await ecoStaff.post("/api/registries/rivers", { name: "新河", kind: "river" })).status).toBe(403);
  });

  it("lets a unit keep its own chiefs only; everyone reads the directory by level", async () => {
    const river = (await admin.get("/api/registries/rivers?q=大沙河")).body.data[0];
    const mine = await fcStaff.post("/api/registries/river-chiefs", {
      riverId: river.id, level: "subdistrict", name: "李四", position: "府城办事处主任", reach: "府城段", phone: "0391-1234567", unitId: d.fucheng.id, userId: d.chief.id,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.policies[mine.body.data.id]).toMatchObject({ read: true, update: true, review: false });
    expect((await fcStaff.post("/api/registries/river-chiefs", { riverId: river.id, level: "district", name: "王五", position: "区长", unitId: d.eco.id })).status).toBe(403);
    const theirs = await admin.post("/api/registries/river-chiefs", { riverId: river.id, level: "district", name: "张三", position: "区委副书记", unitId: d.office.id });
    expect(theirs.status).toBe(200);
    expect((await fcStaff.patch(`/api/registries/river-chiefs/${theirs.body.data.id}`, { position: "区长" })).status).toBe(403);
    const moved = await fcStaff.patch(`/api/registries/river-chiefs/${mine.body.data.id}`, { unitId: d.eco.id });
    expect(moved.status).toBe(403);
    const bad = await fcStaff.patch(`/api/registries/river-chiefs/${mine.body.data.id}`, { phone: "call me" });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues[0].path).toBe("phone");
    expect((await fcStaff.patch(`/api/registries/river-chiefs/${mine.body.data.id}`, { position: "府城办事处党工委书记" })).status).toBe(200);

    const list = await auditor.get(`/api/registries/river-chiefs?riverId=${river.id}`);
    // Directory order: 区级 before 街道级.
    expect(list.body.data.map((c: { name: string; level: string }) => `${c.level}:${c.name}`)).toEqual(["district:张三", "subdistrict:李四"]);
    expect(list.body.policies[mine.body.data.id].update).toBe(false);
    const detail = await auditor.get(`/api/registries/rivers/${river.id}`);
    expect(detail.body.data.chiefs.map((c: { name: string }) => c.name)).toEqual(["张三", "李四"]);
    expect(detail.body.data.registries.map((r: { key: string }) => r.key)).toEqual(expect.any(Array));

    const history = await auditor.get(`/api/registries/river-chiefs/${mine.body.data.id}/history`);
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(["river_chief.update", "river_chief.create"]);
    expect(history.body.data[0].data.changes.position).toEqual(["府城办事处主任", "府城办事处党工委书记"]);
  });

  it("stores photos by content with their EXIF location; refuses what is not a photo", async () => {
    const river = (await admin.get("/api/registries/rivers?q=大沙河")).body.data[0];
    const jpeg = withExif(JPEG_1X1, { lat: 35.1961, lon: 113.1712, dateTimeOriginal: "2022:06:01 09:30:00" });
    const up = await admin.post(`/api/registries/rivers/${river.id}/attachments`, { purpose: "photo", fileName: "现场.jpg", contentBase64: jpeg.toString("base64"), caption: "府城段" });
    expect(up.status).toBe(200);
    // 09:30 Beijing time is 01:30 UTC.
    expect(up.body.data).toMatchObject({ contentType: "image/jpeg", location: { lon: 113.1712, lat: 35.1961 }, takenAt: "2022-06-01T01:30:00.000Z", uploadedBy: "用户admin" });
    const png = await admin.post(`/api/registries/rivers/${river.id}/attachments`, { fileName: "截图.png", contentBase64: PNG_1X1.toString("base64") });
    expect(png.body.data.location).toBeNull();
    const fake = await admin.post(`/api/registries/rivers/${river.id}/attachments`, { fileName: "假照片.jpg", contentBase64: Buffer.from("not a photo").toString("base64") });
    expect(fake.status).toBe(400);
    expect(fake.body.data.issues[0].message).toBe("照片须为 JPEG 或 PNG 图片");
    const pdfAsPhoto = await admin.post(`/api/registries/rivers/${river.id}/attachments`, { purpose: "photo", fileName: "a.pdf", contentBase64: Buffer.from("%PDF-1.7\n%%EOF").toString("base64") });
    expect(pdfAsPhoto.status).toBe(400);
    const pdfDoc = await admin.post(`/api/registries/rivers/${river.id}/attachments`, { purpose: "document", fileName: "方案.pdf", contentBase64: Buffer.from("%PDF-1.7\n%%EOF").toString("base64") });
    expect(pdfDoc.status).toBe(200);
    // A unit that does not keep the river may not attach to it.
    expect((await fcStaff.post(`/api/registries/rivers/${river.id}/attachments`, { fileName: "x.png", contentBase64: PNG_1X1.toString("base64") })).status).toBe(403);

    const got = await download(s.app, auditor, up.body.data.url);
    expect(got.status).toBe(200);
    expect(got.headers["content-type"]).toBe("image/jpeg");
    expect(Buffer.compare(got.bytes, jpeg)).toBe(0);
    const detail = await auditor.get(`/api/registries/rivers/${river.id}`);
    expect(detail.body.data.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(["现场.jpg", "截图.png", "方案.pdf"]);
    const history = await auditor.get(`/api/registries/rivers/${river.id}/history`);
    expect(history.body.data.filter((h: { action: string }) => h.action === "river.attach")).toHaveLength(3);
  });

  it("imports a chief sheet completely or not at all, with a row-level report", async () => {
    const tpl = await download(s.app, auditor, "/api/registries/river-chiefs/template.xlsx");
    expect(tpl.status).toBe(200);
    const header = (await rowsOf(tpl.bytes))[0];
    expect(header).toEqual(["河湖", "级别", "姓名", "职务", "负责河段", "联系电话", "平台账号", "所属单位", "在任"]);
    const notes = await rowsOf(tpl.bytes, "说明");
    expect(notes.some((r) => r[0] === "级别" && r[2].includes("区级河湖长、街道级河湖长、村级河湖长"))).toBe(true);

    const rows = [
      header,
      ["白马门河", "区级河湖长", "赵六", "区人大常委会副主任", "", "", "", "区攻坚办", "是"],
      ["白马门河", "村级", "钱七", "村支书", "", "", "", "府城办事处", ""],
      ["新河", "区级河湖长", "孙八", "副区长", "", "", "nobody", "", "也许"],
      ["白马门河", "区级河湖长", "赵六", "重复", "", "", "", "", ""],
    ];
    const file = upload("河湖长.xlsx", await xlsxOf("河湖长名录", rows));
    const before = (await auditor.get("/api/registries/river-chiefs")).body.meta.total;
    const check = await admin.post("/api/registries/river-chiefs/import/check", file);
    expect(check.status).toBe(200);
    expect(check.body.data).toMatchObject({ rows: 4, creates: 1, clean: false });
    expect(check.body.data.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([
      [3, ["级别：应为：区级河湖长、街道级河湖长、村级河湖长"]],
      [4, ["河湖：未找到“新河”", "平台账号：未找到“nobody”", "在任：应填“是”或“否”"]],
      [5, ["河湖＋姓名：与第 2 行重复"]],
    ]);
    const refused = await admin.post("/api/registries/river-chiefs/import", file);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("有 3 行有误，未导入任何数据");
    expect((await auditor.get("/api/registries/river-chiefs")).body.meta.total).toBe(before);

    // A unit may import only its own unit's entries.
    const fixed = upload("河湖长.xlsx", await xlsxOf("河湖长名录", [header, rows[1], ["白马门河", "村级河湖长", "钱七", "村支书", "", "", "", "府城办事处", ""]]));
    const scoped = await fcStaff.post("/api/registries/river-chiefs/import/check", fixed);
    expect(scoped.body.data.errors.map((e: { row: number }) => e.row)).toEqual([2]);
    const done = await admin.post("/api/registries/river-chiefs/import", fixed);
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect((await auditor.get("/api/registries/river-chiefs")).body.meta.total).toBe(before + 2);

    // The export reads back as the same records: importing it changes nothing.
    const exported = await download(s.app, auditor, "/api/registries/river-chiefs/export.xlsx");
    const again = await admin.post("/api/registries/river-chiefs/import", upload("导出.xlsx", exported.bytes));
    expect(again.body.data).toMatchObject({ created: 0, updated: 0, unchanged: before + 2 });
    const exportedRivers = await download(s.app, auditor, "/api/registries/rivers/export.xlsx");
    const riversAgain = await admin.post("/api/registries/rivers/import/check", upload("河湖.xlsx", exportedRivers.bytes));
    expect(riversAgain.body.data).toMatchObject({ rows: 3, creates: 0, updates: 0, unchanged: 3, clean: true });
    // Not an .xlsx: a clear file error.
    const txt = await admin.post("/api/registries/rivers/import/check", { fileName: "a.xlsx", contentBase64: Buffer.from("名称,类型").toString("base64") });
    expect(txt.body.data.fileError).toBe("只支持 .xlsx 文件（请使用下载的模板；.xls 请另存为 .xlsx）");
  });
});
