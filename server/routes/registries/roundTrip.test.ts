import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { rowsOf, upload } from "../../registries/testSheets";
import { buildDistrict, download } from "./testHelpers";

/** A district with the same units and accounts (what lies outside these registries). */
async function district(s: TestServer) {
  const d = await buildDistrict(s.db);
  return { d, admin: await TestClient.signIn(s.app, "admin") };
}

/** A record as presented, without what differs between districts by construction (ids, times). */
function comparable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(comparable);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !/^id$|Id$|At$/.test(k)).map(([k, x]) => [k, comparable(x)]));
  return v;
}

/** The first group's registries in the order their references need (rivers before chiefs before the rest). */
const KEYS = ["rivers", "river-chiefs", "black-odorous", "outfalls", "four-chaos"];

/**
 * Every registry of the first group round-trips through its .xlsx: the export of a district imported into an empty
 * district (same units and accounts) creates every record, the new district's export is cell for cell the same,
 * every presented field is the same, and importing it again changes nothing. Records are made in varied states —
 * a closed outfall, a verified problem, an eliminated body, a lake drawn as a polygon, names needing 姓名（河湖）.
 */
describe.each(ENGINES)(".xlsx round trip of the first group of registries on %s", (engine) => {
  let from: TestServer;
  let to: TestServer;
  let a: Awaited<ReturnType<typeof district>>;
  let b: Awaited<ReturnType<typeof district>>;

  beforeAll(async () => {
    [from, to] = await Promise.all([createTestServer(engine), createTestServer(engine)]);
    [a, b] = await Promise.all([district(from), district(to)]);
    const { d, admin } = a;
    const ok = async (p: Promise<{ status: number; body: { data: { id: string } } }>) => {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.data.id;
    };
    const river = await ok(admin.post("/api/registries/rivers", { name: "大沙河", kind: "river", geometry: { type: "LineString", coordinates: [[113.128, 35.205], [113.171, 35.196]] }, basin: "海河流域", unitId: d.eco.id, note: "演示" }));
    const lake = await ok(admin.post("/api/registries/rivers", { name: "群英湖", kind: "lake", lengthKm: 2.5, geometry: { type: "Polygon", coordinates: [[[113.2, 35.2], [113.21, 35.2], [113.21, 35.21], [113.2, 35.2]]] } }));
    const c1 = await ok(admin.post("/api/registries/river-chiefs", { riverId: river, level: "subdistrict", name: "李河长", position: "府城办事处主任", reach: "府城段", phone: "0391-1234567", userId: d.chief.id, unitId: d.fucheng.id }));
    // The same name on two waters: the sheets write 姓名（河湖）.
    await ok(admin.post("/api/registries/river-chiefs", { riverId: lake, level: "district", name: "李河长", position: "副区长", active: false }));
    await ok(admin.post("/api/registries/black-odorous", {
      code: "HC-01", name: "大沙河（府城段）", riverId: river, unitId: d.eco.id, chiefId: c1, location: "甲桥至乙桥", lengthKm: 1.2, deadline: "2022-12-31",
      status: "eliminated", statusSince: "2022-10-15", identifiedGrade: "severe", measures: "控源截污", geometry: { type: "LineString", coordinates: [[113.15, 35.2], [113.16, 35.199]] },
    }));
    await ok(admin.post("/api/registries/black-odorous", { code: "HC-02", name: "某坑塘", bodyKind: "pond", unitId: d.fucheng.id, areaKm2: 0.02 }));
    await ok(admin.post("/api/registries/outfalls", {
      code: "PWK-01", name: "某厂雨水排口", typeCode: "industrial.storm.factory", riverId: river, unitId: d.eco.id, responsibleParty: "某化工有限公司",
      location: "左岸", lon: 113.1452, lat: 35.2201, foundOn: "2022-04-15", stage: "closed", stageSince: "2022-10-20", remediationKind: "standardize", closedOn: "2022-10-20",
    }));
    await ok(admin.post("/api/registries/outfalls", { code: "PWK-02", name: "未列明排口", typeCode: "other.unlisted", typeNote: "桥面排水口", receivingWater: "无名沟", unitId: d.fucheng.id, foundOn: "2022-05-01" }));
    await ok(admin.post("/api/registries/four-chaos", {
      code: "SL-01", category: "dumping", subtype: "倾倒、填埋、贮存、堆放固体废物", riverId: river, chiefId: c1, location: "府城段", lon: 113.17, lat: 35.197, source: "complaint",
      foundOn: "2022-05-12", description: "堆放建筑垃圾", severity: "serious", unitId: d.fucheng.id, deadline: "2022-06-30", status: "verified", statusSince: "2022-06-20",
      rectification: "已清运", rectifiedOn: "2022-06-10", verifiedOn: "2022-06-20",
    }));
    await ok(admin.post("/api/registries/four-chaos", { code: "SL-02", category: "mining", subtype: "非法采砂", riverId: lake, source: "patrol", foundOn: "2022-07-01", description: "夜间采砂", unitId: d.eco.id }));
  }, 120_000);
  afterAll(async () => {
    await Promise.all([from?.close(), to?.close()]);
  });

  it("imports each export into an empty district as the same records", async () => {
    for (const key of KEYS) {
      const exported = await download(from.app, a.admin, `/api/registries/${key}/export.xlsx`);
      expect(exported.status, key).toBe(200);
      const rows = await rowsOf(exported.bytes);
      expect(rows.length - 1, key).toBe(2);
      const imported = await b.admin.post(`/api/registries/${key}/import`, upload(`${key}.xlsx`, exported.bytes));
      expect(imported.status, `${key}: ${JSON.stringify(imported.body)}`).toBe(200);
      expect(imported.body.data, key).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const again = await download(to.app, b.admin, `/api/registries/${key}/export.xlsx`);
      expect(await rowsOf(again.bytes), key).toEqual(rows);
      const twice = await b.admin.post(`/api/registries/${key}/import/check`, upload(`${key}.xlsx`, again.bytes));
      expect(twice.body.data, key).toMatchObject({ rows: 2, creates: 0, updates: 0, unchanged: 2, clean: true });
    }
    for (const key of KEYS) {
      const list = async (c: TestClient) => comparable((await c.get(`/api/registries/${key}?pageSize=200`)).body.data);
      expect(await list(b.admin), key).toEqual(await list(a.admin));
    }
    // The sheets wrote the shared name as 姓名（河湖） and read it back to the right chief.
    const chiefs = await rowsOf((await download(from.app, a.admin, "/api/registries/black-odorous/export.xlsx")).bytes);
    expect(chiefs[1][chiefs[0].indexOf("河湖长")]).toBe("李河长（大沙河）");
  });
});
