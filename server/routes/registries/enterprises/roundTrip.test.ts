import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../../test/testServer";
import { rowsOf, upload } from "../../../registries/testSheets";
import { buildDistrict, download } from "../testHelpers";

const square = (lon: number, lat: number, dd: number) => ({ type: "Polygon", coordinates: [[[lon, lat], [lon + dd, lat], [lon + dd, lat + dd], [lon, lat + dd], [lon, lat]]] });

/** What both districts share that lies outside these registries: units, a river, monitoring points. */
async function district(s: TestServer) {
  const d = await buildDistrict(s.db);
  const admin = await TestClient.signIn(s.app, "admin");
  const river = await admin.post("/api/registries/rivers", { name: "甲渠", kind: "canal" });
  await points(s.db);
  return { d, admin, riverId: river.body.data.id as string };
}
async function points(db: Kysely<DB>) {
  for (const [code, kind] of [["DW-A", "drinking_intake"], ["DW-B", "drinking_intake"], ["O1", "outlet"], ["O2", "outlet"]] as const) {
    await db.insertInto("monitoring_points").values({ code, name: code, kind, ...(kind === "drinking_intake" ? { water_body_type: "river" as const } : {}) }).execute();
  }
}

/** A record as presented, without what differs between districts by construction (ids, times). */
function comparable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(comparable);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !/^id$|Id$|At$/.test(k)).map(([k, x]) => [k, comparable(x)]));
  return v;
}
const listOf = async (c: TestClient, key: string) => comparable((await c.get(`/api/registries/${key}?pageSize=200`)).body.data);

/** The second group's registries in the order their references need. */
const KEYS = ["drinking-sources", "drinking-problems", "enterprises", "enterprise-years", "medical-institutions", "wwtps", "tailings-ponds", "service-areas", "eco-projects", "wwtp-sludge-years"];

/**
 * Every registry of the second group round-trips through its .xlsx: the export of a district imported into an
 * empty district creates every record, the new district's export is cell for cell the same, and importing it
 * again changes nothing.
 */
describe.each(ENGINES)(".xlsx round trip of the second group of registries on %s", (engine) => {
  let from: TestServer;
  let to: TestServer;
  let a: Awaited<ReturnType<typeof district>>;
  let b: Awaited<ReturnType<typeof district>>;

  beforeAll(async () => {
    [from, to] = await Promise.all([createTestServer(engine), createTestServer(engine)]);
    [a, b] = await Promise.all([district(from), district(to)]);
    const { d, admin, riverId } = a;
    const ok = async (p: Promise<{ status: number; body: { data: { id: string } } }>) => {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.data.id;
    };
    const src = await ok(admin.post("/api/registries/drinking-sources", {
      code: "SY-01", name: "甲渠水源地", sourceKind: "river", level: "city", riverId, unitId: d.eco.id, waterWorks: "甲水厂", populationWan: 12.5, capacityWanM3d: 5,
      approval: "某政文〔2019〕1号", standardized: true, zone1: square(113.19, 35.24, 0.01), zone2: square(113.18, 35.23, 0.03), zone3: square(113.17, 35.22, 0.05),
      intakeCodes: ["DW-A", "DW-B"], lon: 113.195, lat: 35.245, note: "演示",
    }));
    await ok(admin.post("/api/registries/drinking-sources", { code: "SY-02", name: "地下水源", sourceKind: "groundwater", level: "township", unitId: d.fucheng.id, standardized: false }));
    const p = await ok(admin.post("/api/registries/drinking-problems", {
      code: "WT-01", sourceId: src, place: "zone2", category: "agriculture", origin: "review", description: "养殖棚舍", foundOn: "2022-06-10", unitId: d.fucheng.id,
      deadline: "2022-08-31", lon: 113.2, lat: 35.25,
    }));
    await admin.post(`/api/registries/drinking-problems/${p}/transitions`, { action: "submitRectification", rectification: "已拆除" });
    await ok(admin.post("/api/registries/drinking-problems", { code: "WT-02", sourceId: src, place: "outside", category: "other", origin: "complaint", description: "上游垃圾", foundOn: "2022-07-01", unitId: d.eco.id }));
    const e = await ok(admin.post("/api/registries/enterprises", {
      code: "QY-01", name: "甲氟化工有限公司", creditCode: "9144030071526726XG", permitNo: "9144030071526726XG001V", permitClass: "key", permitValidTo: "2026-12-31",
      industry: "无机化学原料制造", address: "某路 1 号", unitId: d.eco.id, riverId, pollutants: "化学需氧量、氨氮、氟化物", fluoride: true, declaredMonitors: "总磷",
      outletCodes: "O1、O2", lon: 113.15, lat: 35.22, note: "演示",
    }));
    await ok(admin.post("/api/registries/enterprises", { code: "QY-02", name: "乙食品厂", unitId: d.fucheng.id, fluoride: false }));
    await ok(admin.post("/api/registries/enterprise-years", { enterpriseId: e, year: 2020, waterM3: 120000, valueAddedWan: 10000.5, reusedM3: 300000, note: "统计局" }));
    await ok(admin.post("/api/registries/enterprise-years", { enterpriseId: e, year: 2022, waterM3: 117000, valueAddedWan: null }));
    const common = { unitId: d.eco.id, riverId, address: "某地", lon: 113.16, lat: 35.21, note: "演示" };
    await ok(admin.post("/api/registries/medical-institutions", {
      ...common, code: "YL-01", name: "区人民医院", status: "compliant", deadline: "2022-10-31", completedOn: "2022-10-20", level: "2", category: "general", beds: 260,
      capacityM3d: 300, process: "二级生化＋消毒", disinfection: "chlorineDioxide", discharge: "sewer",
    }));
    const wwtp = await ok(admin.post("/api/registries/wwtps", {
      ...common, code: "WS-01", name: "区污水处理厂", status: "running", capacityWanM3d: 4, loadWanM3d: 3.2, grade: "1A", builtYear: 2009, reclaimedWanM3y: 180,
    }));
    await ok(admin.post("/api/registries/wwtp-sludge-years", { facilityId: wwtp, year: 2021, producedT: 5000, landfillT: 2000, incinerationT: 3000, note: "年报" }));
    await ok(admin.post("/api/registries/wwtp-sludge-years", { facilityId: wwtp, year: 2022, producedT: 5200, landfillT: 800, incinerationT: 2400, coprocessT: 1500, reuseT: 500 }));
    await ok(admin.post("/api/registries/tailings-ponds", {
      ...common, code: "WK-01", name: "某尾矿库", status: "inUse", grade: "4", safety: "sick", capacityWanM3: 120, mineral: "铝土矿尾矿", waterSource: true,
      lastInspection: "2022-06-15", hazards: "排洪设施淤堵", hazardsRectified: false,
    }));
    await ok(admin.post("/api/registries/service-areas", {
      ...common, code: "FW-01", name: "中站服务区", status: "rectifying", deadline: "2022-12-31", siteKind: "serviceArea", expressway: "焦晋高速", capacityM3d: 150,
      process: "A²/O", outlet: "water", reuse: true, lastCheck: "2022-07-20",
    }));
    await ok(admin.post("/api/registries/eco-projects", {
      ...common, code: "ST-01", name: "人工湿地", status: "building", geometry: square(113.16, 35.2, 0.01), ecoKind: "constructedWetland", areaHa: 35,
      treatmentM3d: 20000, investmentWan: 5600, startYear: 2022, finishYear: 2023,
    }));
  }, 120_000);
  afterAll(async () => {
    await Promise.all([from?.close(), to?.close()]);
  });

  it("imports each export into an empty district as the same records", async () => {
    for (const key of KEYS) {
      const exported = await download(from.app, a.admin, `/api/registries/${key}/export.xlsx`);
      expect(exported.status, key).toBe(200);
      const rows = await rowsOf(exported.bytes);
      const n = rows.length - 1;
      expect(n, key).toBeGreaterThan(0);
      const imported = await b.admin.post(`/api/registries/${key}/import`, upload(`${key}.xlsx`, exported.bytes));
      expect(imported.status, `${key}: ${JSON.stringify(imported.body)}`).toBe(200);
      expect(imported.body.data, key).toMatchObject({ created: n, updated: 0, unchanged: 0 });
      const again = await download(to.app, b.admin, `/api/registries/${key}/export.xlsx`);
      expect(await rowsOf(again.bytes), key).toEqual(rows);
      const twice = await b.admin.post(`/api/registries/${key}/import/check`, upload(`${key}.xlsx`, again.bytes));
      expect(twice.body.data, key).toMatchObject({ rows: n, creates: 0, updates: 0, unchanged: n, clean: true });
    }
    // Every field, not only what the sheets show (a column an export left out would differ here), once every
    // registry is in (a source's open-problem count comes from the problems).
    for (const key of KEYS) expect(await listOf(b.admin, key), key).toEqual(await listOf(a.admin, key));
    // Links outside the sheets came back too: intakes, outlets, the problem's status.
    const src = (await b.admin.get("/api/registries/drinking-sources?q=SY-01")).body.data[0];
    expect(src.intakes.map((i: { code: string }) => i.code)).toEqual(["DW-A", "DW-B"]);
    const problem = (await b.admin.get("/api/registries/drinking-problems?q=WT-01")).body.data[0];
    expect(problem).toMatchObject({ status: "rectified", rectification: "已拆除" });
    const ent = (await b.admin.get("/api/registries/enterprises?q=QY-01")).body.data[0];
    expect(ent.outlets.map((o: { code: string }) => o.code)).toEqual(["O1", "O2"]);
  });
});
