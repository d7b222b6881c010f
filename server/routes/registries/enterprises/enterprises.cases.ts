import { beforeAll, describe, expect, it } from "vitest";
import { TestClient, type TestServer } from "../../../test/testServer";
import type { buildDistrict } from "../testHelpers";
import type { GroupContext } from "./testContext";

/** Published 统一社会信用代码 (valid check characters). */
const CREDIT_A = "9144030071526726XG";
const CREDIT_B = "91330100716105852F";

/**
 * Enterprises: permit and credit-code checks, the 涉氟 rule, outlets linked to outlet points (one enterprise
 * each), permit limits per outlet, online monitors per factor and the fluoride coverage report turning covered
 * when a device sending w21017 is registered for the outlet; enterprise-years and the district's 万元工业增加值用水量.
 */
export function enterpriseCases(ctx: () => GroupContext) {
  describe("enterprises", () => {
    let s: TestServer;
    let d: Awaited<ReturnType<typeof buildDistrict>>;
    let admin: TestClient, ecoStaff: TestClient, fcStaff: TestClient, auditor: TestClient;
    const points: Record<string, string> = {};
    const ent: Record<string, string> = {};

    beforeAll(() => {
      ({ s, d, admin, ecoStaff, fcStaff, auditor } = ctx());
      Object.assign(points, ctx().points);
    });

    it("checks codes, permits and the 涉氟 rule, and links each outlet to one enterprise", async () => {
      const base = { code: "QY-01", name: "甲氟化工有限公司", unitId: d.eco.id };
      const bad = await ecoStaff.post("/api/registries/enterprises", {
        ...base, creditCode: "9144030071526726XA", pollutants: "化学需氧量、氟化物", fluoride: false, outletCodes: ["S1"], permitNo: `${CREDIT_B}001V`,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.data.issues).toEqual([
        { path: "creditCode", message: "统一社会信用代码校验位不符（应为 G）" },
        { path: "permitNo", message: "排污许可证编号的前 18 位应为该企业的统一社会信用代码" },
        { path: "permitClass", message: "有排污许可证编号时须选择管理类别" },
        { path: "fluoride", message: "排放氟化物的企业须标为涉氟企业" },
        { path: "outletCodes", message: "站点“S1”不是排口" },
      ]);
      const unknown = await ecoStaff.post("/api/registries/enterprises", { ...base, pollutants: "化学需氧量、二噁英" });
      expect(unknown.status).toBe(400);
      expect(unknown.body.data.issues).toEqual([{ path: "pollutants", message: "未知的污染物：二噁英" }]);

      const a = await ecoStaff.post("/api/registries/enterprises", {
        ...base, creditCode: CREDIT_A.toLowerCase(), permitNo: `${CREDIT_A}001V`, permitClass: "key", industry: "无机化学原料制造",
        pollutants: "氟化物、化学需氧量、氨氮", fluoride: true, outletCodes: "O1", lon: 113.15, lat: 35.22,
      });
      expect(a.status).toBe(200);
      ent.a = a.body.data.id;
      // The credit code is kept in capitals; pollutants in catalogue order.
      expect(a.body.data).toMatchObject({ creditCode: CREDIT_A, outlets: [{ code: "O1" }], fluorideState: "none" });
      expect(a.body.data.pollutants.map((p: { name: string }) => p.name)).toEqual(["化学需氧量", "氨氮", "氟化物"]);
      const b = await ecoStaff.post("/api/registries/enterprises", { code: "QY-02", name: "乙铝业有限公司", creditCode: CREDIT_B, unitId: d.eco.id, fluoride: true, declaredMonitors: ["w21017"], outletCodes: ["O2"] });
      ent.b = b.body.data.id;
      expect(b.body.data.fluorideState).toBe("declared");
      const c = await ecoStaff.post("/api/registries/enterprises", { code: "QY-03", name: "丙磷肥厂", unitId: d.eco.id, pollutants: ["w21017", "w21011"], fluoride: true });
      ent.c = c.body.data.id;
      await ecoStaff.post("/api/registries/enterprises", { code: "QY-04", name: "丁食品厂", unitId: d.eco.id, pollutants: ["w01018"] });

      const taken = await ecoStaff.patch(`/api/registries/enterprises/${ent.c}`, { outletCodes: ["O1"] });
      expect(taken.status).toBe(400);
      expect(taken.body.data.issues[0].message).toBe("排口“O1”已属于其他企业");
      const sameName = await ecoStaff.post("/api/registries/enterprises", { code: "QY-05", name: "甲氟化工有限公司", unitId: d.eco.id });
      expect(sameName.status).toBe(409);
      expect(sameName.body.message).toBe("企业名称已被“甲氟化工有限公司”（QY-01）使用");
      const sameCredit = await ecoStaff.post("/api/registries/enterprises", { code: "QY-05", name: "戊公司", creditCode: CREDIT_B, unitId: d.eco.id });
      expect(sameCredit.body.data.issues).toEqual([{ path: "creditCode", message: "已被QY-02使用" }]);
      expect((await fcStaff.post("/api/registries/enterprises", { code: "QY-06", name: "己公司", unitId: d.eco.id })).status).toBe(403);

      expect((await auditor.get("/api/registries/enterprises?fluoride=1")).body.meta.total).toBe(3);
      expect((await auditor.get("/api/registries/enterprises?pollutant=w01018")).body.data.map((e: { code: string }) => e.code)).toEqual(["QY-01", "QY-04"]);
      expect((await auditor.get("/api/registries/enterprises?q=91330100")).body.data.map((e: { code: string }) => e.code)).toEqual(["QY-02"]);
      // The monitoring point knows its enterprise.
      const o1 = await s.db.selectFrom("monitoring_points").select("enterprise_id").where("code", "=", "O1").executeTakeFirstOrThrow();
      expect(o1.enterprise_id).toBe(ent.a);
    });

    it("reports fluoride enterprises without fluoride online monitoring until a w21017 device is registered for the outlet", async () => {
      const before = await auditor.get("/api/registries/enterprises/fluoride-coverage");
      expect(before.body.data.summary).toEqual({ total: 3, connected: 0, declared: 1, none: 2, installedRate: 1 / 3, connectedRate: 0 });
      expect(before.body.data.enterprises.map((e: { code: string; state: string }) => [e.code, e.state])).toEqual([["QY-01", "none"], ["QY-02", "declared"], ["QY-03", "none"]]);

      // A disabled fluoride device does not count; an enabled one does.
      const off = await admin.post("/api/monitoring/devices", { mn: "MNOFF0001", pw: "123456", st: "32", pointId: points.O1, expectedFactors: ["w21017"], enabled: false });
      expect(off.status).toBe(200);
      expect((await auditor.get("/api/registries/enterprises/fluoride-coverage")).body.data.summary.connected).toBe(0);
      const on = await admin.post("/api/monitoring/devices", { mn: "MNFLU0001", pw: "123456", st: "32", pointId: points.O1, expectedFactors: ["w01018", "w21017", "w00000"] });
      expect(on.status).toBe(200);
      const after = await auditor.get("/api/registries/enterprises/fluoride-coverage");
      expect(after.body.data.summary).toEqual({ total: 3, connected: 1, declared: 1, none: 1, installedRate: 2 / 3, connectedRate: 1 / 3 });
      expect(after.body.data.enterprises[0]).toMatchObject({ code: "QY-01", state: "connected", devices: [{ mn: "MNFLU0001", pointCode: "O1", lastSeenAt: null }] });

      const detail = await auditor.get(`/api/registries/enterprises/${ent.a}`);
      // Monitors per factor: the pollutants, and what the device sends besides (flow).
      expect(detail.body.data.monitors.map((m: { factor: string; state: string }) => [m.factor, m.state])).toEqual([
        ["w01018", "connected"], ["w21003", "none"], ["w21017", "connected"], ["w00000", "connected"],
      ]);
      expect(detail.body.data.outletDetails[0].devices.map((x: { mn: string }) => x.mn)).toEqual(["MNFLU0001", "MNOFF0001"]);
    });

    it("publishes permits and fluoride monitoring without positions or people", async () => {
      const r = await new TestClient(s.app).get("/api/public/registries/enterprises");
      expect(r.status).toBe(200);
      const a = r.body.data.find((x: { code: string }) => x.code === "QY-01");
      expect(a).toEqual({
        code: "QY-01", name: "甲氟化工有限公司", permitNo: `${CREDIT_A}001V`, permitClass: "重点管理", industry: "无机化学原料制造",
        pollutants: ["化学需氧量", "氨氮", "氟化物"], fluoride: true, fluorideMonitoring: "connected", demo: false,
      });
      expect(r.body.data.find((x: { code: string }) => x.code === "QY-04").fluorideMonitoring).toBeNull();
    });

    it("sets permit limits per outlet of the enterprise only, audited on the enterprise", async () => {
      const url = (e: string, p: string) => `/api/registries/enterprises/${e}/outlets/${p}/limits`;
      const limits = [
        { factor: "w21017", upperLimit: 10, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（其他排污单位）" },
        { factor: "w01001", upperLimit: 9, lowerLimit: 6, unit: "无量纲", basis: "排污许可证" },
      ];
      expect((await fcStaff.request("PUT", url(ent.a, points.O1), { limits })).status).toBe(403);
      const notMine = await ecoStaff.request("PUT", url(ent.a, points.O2), { limits });
      expect(notMine.status).toBe(400);
      expect(notMine.body.data.issues[0].message).toBe("该站点不是本企业的排口");
      const twice = await ecoStaff.request("PUT", url(ent.a, points.O1), { limits: [limits[0], limits[0]] });
      expect(twice.status).toBe(400);
      const ok = await ecoStaff.request("PUT", url(ent.a, points.O1), { limits });
      expect(ok.status).toBe(200);
      expect(ok.body.data.map((l: { factor: string }) => l.factor)).toEqual(["w01001", "w21017"]);
      const detail = await auditor.get(`/api/registries/enterprises/${ent.a}`);
      expect(detail.body.data.outletDetails[0].limits.find((l: { factor: string }) => l.factor === "w21017")).toMatchObject({ name: "氟化物", upperLimit: 10 });
      const history = await auditor.get(`/api/registries/enterprises/${ent.a}/history`);
      expect(history.body.data[0]).toMatchObject({ action: "enterprise.limits", data: { outlet: "O1" } });
      // The monitoring area sees the same limits on its point.
      expect((await auditor.get(`/api/monitoring/points/${points.O1}`)).body.data.limits.map((l: { factor: string }) => l.factor)).toEqual(["w01001", "w21017"]);
    });

    it("records water use and value added per enterprise-year and computes 万元工业增加值用水量 against 2020", async () => {
      const y = (enterpriseId: string, year: number, waterM3: number | null, valueAddedWan: number | null) => ecoStaff.post("/api/registries/enterprise-years", { enterpriseId, year, waterM3, valueAddedWan });
      expect((await y(ent.a, 2020, 120_000, 10_000)).status).toBe(200);
      await y(ent.b, 2020, 30_000, 5_000);
      await y(ent.a, 2022, 117_000, 10_000);
      await y(ent.b, 2022, 30_000, 5_000);
      // Value added missing: left out of the intensity.
      await y(ent.c, 2022, 9_000, null);
      expect((await y(ent.a, 2022, 1, 1)).status).toBe(409);
      expect((await y(ent.a, 2021, null, null)).status).toBe(400);
      // A year belongs to the enterprise's unit.
      expect((await fcStaff.post("/api/registries/enterprise-years", { enterpriseId: ent.a, year: 2021, waterM3: 1 })).status).toBe(403);

      const r = await auditor.get("/api/registries/enterprise-years/intensity?year=2022");
      // 2022: (117 000 + 30 000) ÷ (10 000 + 5 000) = 9.8; 2020: 150 000 ÷ 15 000 = 10 → −2%.
      expect(r.body.data.current).toMatchObject({ counted: 2, incomplete: 1, waterM3: 147_000, valueAddedWan: 15_000 });
      expect(r.body.data.current.intensity).toBeCloseTo(9.8, 10);
      expect(r.body.data.base.intensity).toBe(10);
      expect(r.body.data.change).toBeCloseTo(-0.02, 10);
      expect(r.body.data.trend.map((t: { year: number }) => t.year)).toEqual([2020, 2022]);
      const list = await auditor.get(`/api/registries/enterprise-years?enterpriseId=${ent.a}`);
      expect(list.body.data.map((x: { year: number; intensity: number }) => [x.year, x.intensity])).toEqual([[2022, 11.7], [2020, 12]]);
      const detail = await auditor.get(`/api/registries/enterprises/${ent.a}`);
      expect(detail.body.data.years.map((x: { year: number }) => x.year)).toEqual([2022, 2020]);
    });
  });
}
