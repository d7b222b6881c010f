import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestServer } from "../../../test/testServer";
import type { buildDistrict } from "../testHelpers";
import type { GroupContext } from "../enterprises/testContext";

/**
 * Facilities, one registry per kind: each kind's required attributes and statuses, a medical institution past its
 * 2022-10-31 deadline overdue and the GB 18466 table it answers to, a WWTP's sludge years with routes bounded by
 * what it produced and its landfill share, tailings hazards, eco projects drawn as areas, the overview of every kind.
 */
export function facilityCases(ctx: () => GroupContext) {
  describe("facilities", () => {
    let s: TestServer;
    let d: Awaited<ReturnType<typeof buildDistrict>>;
    let ecoStaff: TestClient, fcStaff: TestClient, auditor: TestClient;

    beforeAll(() => {
      ({ s, d, ecoStaff, fcStaff, auditor } = ctx());
    });

    it("keeps medical institutions with their level, deadline and GB 18466 table", async () => {
      const base = { code: "YL-01", name: "区人民医院", unitId: d.eco.id, level: "2", category: "general", beds: 260, discharge: "sewer" };
      const missing = await ecoStaff.post("/api/registries/medical-institutions", { ...base, level: null, category: "hotel" });
      expect(missing.status).toBe(400);
      expect(missing.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["category", "level"]);
      const notDone = await ecoStaff.post("/api/registries/medical-institutions", { ...base, status: "rectifying", completedOn: "2022-09-30" });
      expect(notDone.body.data.issues).toEqual([{ path: "completedOn", message: "状态为“已建成达标运行”时才能填写完成日期" }]);
      const a = await ecoStaff.post("/api/registries/medical-institutions", { ...base, status: "rectifying", deadline: "2022-10-31", capacityM3d: 300 });
      expect(a.status).toBe(200);
      // Past 2022-10-31 and not compliant: overdue; 260 beds to a sewer: Table 2 pre-treatment.
      expect(a.body.data).toMatchObject({ kind: "medical", status: "rectifying", overdue: true, beds: 260, derived: { standard: "t2pretreatment" } });
      const done = await ecoStaff.patch(`/api/registries/medical-institutions/${a.body.data.id}`, { status: "compliant", completedOn: "2022-10-20" });
      expect(done.body.data.overdue).toBe(false);
      const history = await auditor.get(`/api/registries/medical-institutions/${a.body.data.id}/history`);
      expect(history.body.data[0].data.changes).toEqual({ status: ["rectifying", "compliant"], completed_on: [null, "2022-10-20"] });
      await ecoStaff.post("/api/registries/medical-institutions", { ...base, code: "YL-02", name: "区传染病医院", category: "infectious", beds: 40, status: "none", deadline: "2022-10-31" });
      expect((await auditor.get("/api/registries/medical-institutions?overdue=1")).body.data.map((x: { code: string }) => x.code)).toEqual(["YL-02"]);
      expect((await auditor.get("/api/registries/medical-institutions?status=compliant")).body.data.map((x: { code: string }) => x.code)).toEqual(["YL-01"]);
      expect((await auditor.get("/api/registries/medical-institutions?status=running")).status).toBe(400);
      expect((await fcStaff.patch(`/api/registries/medical-institutions/${a.body.data.id}`, { beds: 300 })).status).toBe(403);
      // Codes are unique within a kind only.
      expect((await ecoStaff.post("/api/registries/medical-institutions", { ...base, name: "重复" })).status).toBe(409);
      expect((await ecoStaff.post("/api/registries/wwtps", { code: "YL-01", name: "同号污水厂", unitId: d.eco.id, capacityWanM3d: 1, grade: "1A" })).status).toBe(200);
    });

    it("keeps a WWTP's sludge per year, routes bounded by what it produced; the plant shows its newest year", async () => {
      const plant = await ecoStaff.post("/api/registries/wwtps", { code: "WS-01", name: "中站区污水处理厂", unitId: d.eco.id, status: "running", capacityWanM3d: 4, loadWanM3d: 3.2, grade: "1A", builtYear: 2009 });
      expect(plant.status).toBe(200);
      // 3.2 ÷ 4 = 0.8; no sludge year yet.
      expect(plant.body.data.derived).toEqual({ loadRate: expect.closeTo(0.8, 10), sludgeYear: null, sludge: null });
      const id = plant.body.data.id;
      const year = (y: number, v: object) => ecoStaff.post("/api/registries/wwtp-sludge-years", { facilityId: id, year: y, ...v });
      const over = await year(2022, { producedT: 5200, landfillT: 800, incinerationT: 2400, coprocessT: 1500, reuseT: 506 });
      expect(over.status).toBe(400);
      expect(over.body.data.issues).toEqual([{ path: "landfillT", message: "各处置方式合计 5206 t，超过污泥产生量 5200 t" }]);
      expect((await year(2022, { landfillT: 100 })).body.data.issues).toEqual([{ path: "producedT", message: "请填写污泥产生量" }]);
      expect((await year(2021, { producedT: 5000, landfillT: 2000, incinerationT: 3000 })).status).toBe(200);
      const y22 = await year(2022, { producedT: 5200, landfillT: 800, incinerationT: 2400, coprocessT: 1500, reuseT: 500 });
      expect(y22.status).toBe(200);
      // 800 ÷ 5200 = 0.1538 landfilled; (2400 + 1500 + 500) ÷ 5200 = 0.8462 safely disposed.
      expect(y22.body.data.shares.landfill).toBeCloseTo(800 / 5200, 10);
      expect(y22.body.data.shares.safe).toBeCloseTo(4400 / 5200, 10);
      expect((await year(2022, { producedT: 1 })).status).toBe(409);
      // Only a WWTP has sludge years; another unit's staff may not add one.
      const hospital = (await ecoStaff.get("/api/registries/medical-institutions?q=YL-01")).body.data[0];
      expect((await ecoStaff.post("/api/registries/wwtp-sludge-years", { facilityId: hospital.id, year: 2022, producedT: 1 })).body.data.issues).toEqual([{ path: "facilityId", message: "请选择污水处理厂" }]);
      expect((await fcStaff.post("/api/registries/wwtp-sludge-years", { facilityId: id, year: 2020, producedT: 4800 })).status).toBe(403);
      const shown = (await auditor.get(`/api/registries/wwtps/${id}`)).body.data;
      expect(shown.derived.sludgeYear).toBe(2022);
      expect(shown.derived.sludge.landfill).toBeCloseTo(800 / 5200, 10);
      const list = (await auditor.get(`/api/registries/wwtp-sludge-years?facilityId=${id}`)).body.data;
      expect(list.map((r: { year: number; landfillT: number }) => [r.year, r.landfillT])).toEqual([[2022, 800], [2021, 2000]]);
      // An edit is checked on the merged record: landfill 2000 with the 2022 routes is 5600 > 5200.
      expect((await ecoStaff.patch(`/api/registries/wwtp-sludge-years/${y22.body.data.id}`, { landfillT: 2000 })).status).toBe(400);
      expect((await ecoStaff.post("/api/registries/wwtps", { code: "WS-02", name: "x", unitId: d.eco.id, status: "running", capacityWanM3d: 1, grade: "4A" })).status).toBe(400);
    });

    it("keeps tailings ponds, service areas and eco projects, and gives an overview of every kind", async () => {
      const t = await ecoStaff.post("/api/registries/tailings-ponds", { code: "WK-01", name: "某尾矿库", unitId: d.eco.id, grade: "4", safety: "normal", hazardsRectified: true });
      expect(t.body.data.issues).toEqual([{ path: "hazardsRectified", message: "没有隐患问题时不必填写整改情况" }]);
      expect((await ecoStaff.post("/api/registries/tailings-ponds", { code: "WK-01", name: "某尾矿库", unitId: d.eco.id, grade: "4", safety: "sick", hazards: "排洪设施淤堵", hazardsRectified: false, waterSource: true })).status).toBe(200);
      const sa = await fcStaff.post("/api/registries/service-areas", { code: "FW-01", name: "中站服务区", unitId: d.fucheng.id, siteKind: "serviceArea", expressway: "焦晋高速", outlet: "water", reuse: true, status: "compliant", lon: 113.2, lat: 35.26 });
      expect(sa.status).toBe(200);
      const area = { type: "Polygon", coordinates: [[[113.16, 35.2], [113.17, 35.2], [113.17, 35.21], [113.16, 35.2]]] };
      const eco = await ecoStaff.post("/api/registries/eco-projects", { code: "ST-01", name: "大沙河人工湿地", unitId: d.eco.id, ecoKind: "constructedWetland", areaHa: 35, geometry: area, status: "building" });
      expect(eco.status).toBe(200);
      const map = await auditor.get("/api/registries/eco-projects/map");
      expect(map.body.data.features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual(["Polygon"]);
      // Other kinds have no outline: a given one is not kept; their map shows the position.
      const saMap = await auditor.get("/api/registries/service-areas/map");
      expect(saMap.body.data.features[0].geometry).toEqual({ type: "Point", coordinates: [113.2, 35.26] });

      const all = await auditor.get("/api/registries/facilities");
      expect(all.status).toBe(200);
      const kinds = Object.fromEntries(all.body.meta.kinds.map((k: { key: string; total: number }) => [k.key, k.total]));
      expect(kinds).toEqual({ "medical-institutions": 2, wwtps: 2, "tailings-ponds": 1, "service-areas": 1, "eco-projects": 1 });
      expect(all.body.meta.kinds.find((k: { kind: string }) => k.kind === "medical").byStatus).toEqual({ none: 1, insufficient: 0, rectifying: 0, compliant: 1 });
      expect(all.body.meta.total).toBe(7);
      expect((await auditor.get("/api/registries/facilities?kind=wwtps")).body.data.map((x: { code: string }) => x.code)).toEqual(["WS-01", "YL-01"]);
      expect((await auditor.get("/api/registries/facilities?kind=hotels")).status).toBe(400);
      // Every kind has its own template, with its own columns.
      const tpl = await s.app.inject({ method: "GET", url: "/api/registries/wwtps/template.xlsx", headers: { cookie: auditor.cookie! } });
      expect(tpl.statusCode).toBe(200);
    });
  });
}
