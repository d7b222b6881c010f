import { beforeAll, describe, expect, it } from "vitest";
import type { NewReading } from "../../../db/schema";
import { insertReadings } from "../../../repositories/reading.repository";
import { TestClient, type TestServer } from "../../../test/testServer";
import type { buildDistrict } from "../testHelpers";
import type { GroupContext } from "../enterprises/testContext";

/** Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`);
const square = (lon: number, lat: number, d: number) => ({ type: "Polygon", coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });

/**
 * Drinking-water sources: zones nested, intakes linked to drinking_intake points (one source each), compliance
 * of each source from its intakes' monitoring, problems through 回头看 to 销号 with the dynamic-zero count, the
 * map and the public list.
 */
export function drinkingSourceCases(ctx: () => GroupContext) {
  describe("drinking-water sources", () => {
    let s: TestServer;
    let d: Awaited<ReturnType<typeof buildDistrict>>;
    let admin: TestClient, ecoStaff: TestClient, fcStaff: TestClient, auditor: TestClient;
    const ids: Record<string, string> = {};
    let sourceId: string;
    let otherId: string;

    beforeAll(async () => {
      ({ s, d, admin, ecoStaff, fcStaff, auditor } = ctx());
      Object.assign(ids, ctx().points);
      const r = (code: string, factor: string, period: NewReading["period"], t: string, value: number, more: Partial<NewReading> = {}): NewReading =>
        ({ point_id: ids[code], factor, period, t: bj(t), value, source: period === "sample" ? "lab" : "manual", ...more });
      const sample = (code: string, t: string, values: Record<string, number>) => Object.entries(values).map(([f, v]) => r(code, f, "sample", t, v));
      await insertReadings(s.db, [
        // A complies in May, fails manganese (Table 2, 0.1) in June; B fails NH3-N (class Ⅳ) in May, complies in June; C complies in May.
        ...sample("DW-A", "2024-05-10T09:00:00", { w01001: 7.5, w01009: 7, w21003: 0.3, w20124: 0.05 }),
        ...sample("DW-A", "2024-06-10T09:00:00", { w01001: 7.5, w01009: 7, w21003: 0.3, w20124: 0.15 }),
        ...sample("DW-B", "2024-05-11T09:00:00", { w01001: 7.2, w01009: 6, w21003: 1.2 }),
        ...sample("DW-B", "2024-06-11T09:00:00", { w01001: 7.2, w01009: 6, w21003: 0.5 }),
        ...sample("DW-C", "2024-05-12T09:00:00", { w01001: 7.4, w01009: 6.5, w21003: 0.4 }),
        // Volumes: a day's Cou (m³) when stored, else mean L/s × 86.4 (10 L/s → 864 m³).
        r("DW-A", "w00000", "day", "2024-05-01T00:00:00", 11.6, { cou_value: 1000 }),
        r("DW-A", "w00000", "day", "2024-05-02T00:00:00", 10),
        r("DW-A", "w00000", "day", "2024-06-01T00:00:00", 23, { cou_value: 2000 }),
        r("DW-B", "w00000", "day", "2024-05-01T00:00:00", 6, { cou_value: 500 }),
        r("DW-B", "w00000", "day", "2024-06-01T00:00:00", 4, { cou_value: 300 }),
        r("DW-C", "w00000", "day", "2024-05-01T00:00:00", 8, { cou_value: 700 }),
      ]);
    });

    it("validates zones and intakes, links each intake to one source, and keeps units to their own records", async () => {
      const base = { code: "SY-01", name: "甲渠水源地", sourceKind: "river", level: "city", unitId: d.eco.id };
      const outOfZone = await ecoStaff.post("/api/registries/drinking-sources", { ...base, zone1: square(113.179, 35.24, 0.01), zone2: square(113.18, 35.23, 0.03) });
      expect(outOfZone.status).toBe(400);
      expect(outOfZone.body.data.issues).toEqual([{ path: "zone1", message: "一级保护区须位于二级保护区内" }]);
      const badIntakes = await ecoStaff.post("/api/registries/drinking-sources", { ...base, intakeCodes: ["S1", "NOPE"] });
      expect(badIntakes.status).toBe(400);
      expect(badIntakes.body.data.issues).toEqual([{ path: "intakeCodes", message: "站点“S1”不是饮用水取水口；站点“NOPE”不存在" }]);
      const lineZone = await ecoStaff.post("/api/registries/drinking-sources", { ...base, zone2: { type: "LineString", coordinates: [[113, 35], [113.1, 35]] } });
      expect(lineZone.status).toBe(400);
      expect(lineZone.body.data.issues[0].path).toBe("zone2");
      expect((await fcStaff.post("/api/registries/drinking-sources", base)).status).toBe(403);

      const ok = await ecoStaff.post("/api/registries/drinking-sources", {
        ...base, zone1: square(113.19, 35.24, 0.01), zone2: square(113.18, 35.23, 0.03), zone3: square(113.17, 35.22, 0.05), intakeCodes: "DW-B、dw-a", populationWan: 12,
      });
      expect(ok.status).toBe(200);
      sourceId = ok.body.data.id;
      // Codes are matched regardless of case and kept by code.
      expect(ok.body.data.intakes.map((i: { code: string }) => i.code)).toEqual(["DW-A", "DW-B"]);
      // 0.01° square, ring's mean latitude 35.244° N: 1.11195 km × (1.11195 × cos 35.244° = 0.90815 km) ≈ 1.0098 km² (kept to 0.001: 1.01).
      expect(ok.body.data.zoneAreas.zone1).toBe(1.01);
      expect(ok.body.data.problems).toEqual({ open: 0, overdue: 0, closed: 0, zero: true });

      const other = await ecoStaff.post("/api/registries/drinking-sources", { code: "SY-02", name: "备用水源地", sourceKind: "reservoir", level: "county", unitId: d.eco.id, lon: 113.3, lat: 35.3, intakeCodes: ["DW-A"] });
      expect(other.status).toBe(400);
      expect(other.body.data.issues[0].message).toBe("取水口“DW-A”已属于其他水源地");
      const other2 = await ecoStaff.post("/api/registries/drinking-sources", { code: "SY-02", name: "备用水源地", sourceKind: "reservoir", level: "county", unitId: d.eco.id, lon: 113.3, lat: 35.3, intakeCodes: ["DW-C"] });
      expect(other2.status).toBe(200);
      otherId = other2.body.data.id;
      expect((await ecoStaff.post("/api/registries/drinking-sources", { ...base, name: "重复" })).status).toBe(409);

      // The map: the outermost zone of the first, the position of the second.
      const map = await auditor.get("/api/registries/drinking-sources/map");
      const types = Object.fromEntries(map.body.data.features.map((f: { properties: { code: string }; geometry: { type: string } }) => [f.properties.code, f.geometry.type]));
      expect(types).toEqual({ "SY-01": "Polygon", "SY-02": "Point" });
      expect(map.body.data.features.find((f: { properties: { code: string } }) => f.properties.code === "SY-01").geometry).toEqual(square(113.17, 35.22, 0.05));

      // Releasing an intake by editing the list.
      const released = await ecoStaff.patch(`/api/registries/drinking-sources/${otherId}`, { intakeCodes: null });
      expect(released.body.data.intakes).toEqual([]);
      const back = await ecoStaff.patch(`/api/registries/drinking-sources/${otherId}`, { intakeCodes: ["DW-C"] });
      expect(back.body.data.intakes.map((i: { code: string }) => i.code)).toEqual(["DW-C"]);
      const history = await auditor.get(`/api/registries/drinking-sources/${otherId}/history`);
      expect(history.body.data[0].data.changes.intakes).toEqual([[], ["DW-C"]]);
    });

    it("computes each source's compliance from its intakes: a month complies only when all its intakes do", async () => {
      const r = await auditor.get("/api/registries/drinking-sources/compliance?from=2024-05&to=2024-06");
      expect(r.status).toBe(200);
      const one = r.body.data.sources.find((x: { code: string }) => x.code === "SY-01");
      // May: A complies (1000 + 864 = 1864 m³), B fails NH3-N (500 m³) → fails, 2364 m³. June: A fails Mn (2000), B complies (300) → fails, 2300.
      expect(one.months.map((m: { month: string; compliant: boolean | null; intakes: number; volume: number }) => [m.month, m.compliant, m.intakes, m.volume])).toEqual([
        ["2024-05", false, 2, 2364], ["2024-06", false, 2, 2300],
      ]);
      expect(one.months[1].failures).toEqual([{ item: "w20124", table: 2, value: 0.15, limit: 0.1, multiple: expect.closeTo(0.5, 10), intake: "DW-A" }]);
      expect(one).toMatchObject({ evaluated: 2, compliant: 0, volume: 4664, compliantVolume: 0, sourceRate: 0, intakeRate: 0 });
      const two = r.body.data.sources.find((x: { code: string }) => x.code === "SY-02");
      expect(two.months.map((m: { month: string; compliant: boolean | null }) => [m.month, m.compliant])).toEqual([["2024-05", true], ["2024-06", null]]);
      expect(two).toMatchObject({ evaluated: 1, compliant: 1, volume: 700, intakeRate: 1 });
      // District: 1 of 3 source-months complies; 700 of 5364 m³.
      expect(r.body.data.summary).toMatchObject({ evaluated: 3, compliant: 1, volume: 5364, compliantVolume: 700 });
      expect(r.body.data.summary.sourceRate).toBeCloseTo(1 / 3, 10);
      expect(r.body.data.summary.intakeRate).toBeCloseTo(700 / 5364, 10);
      expect((await auditor.get("/api/registries/drinking-sources/compliance?from=2024-07&to=2024-05")).status).toBe(400);
      expect((await auditor.get("/api/registries/drinking-sources/compliance?from=2018-01&to=2024-05")).status).toBe(400);
    });

    it("takes problems from 回头看 to 销号 with the office verifying, and counts what is open per source", async () => {
      const p = { sourceId, place: "zone2", category: "agriculture", origin: "review", foundOn: "2022-06-10", unitId: d.fucheng.id };
      const a = await fcStaff.post("/api/registries/drinking-problems", { ...p, code: "WT-01", description: "二级保护区内养殖棚舍", deadline: "2022-08-31", lon: 113.2, lat: 35.25 });
      expect(a.status).toBe(200);
      expect(a.body.data).toMatchObject({ status: "open", sourceName: "甲渠水源地", overdue: true });
      const early = await fcStaff.post("/api/registries/drinking-problems", { ...p, code: "WT-02", description: "垃圾堆放", deadline: "2022-06-01" });
      expect(early.status).toBe(400);
      expect(early.body.data.issues).toEqual([{ path: "deadline", message: "整改期限不能早于发现日期" }]);
      const b = await fcStaff.post("/api/registries/drinking-problems", { ...p, code: "WT-02", category: "waste", description: "垃圾堆放" });
      expect(b.status).toBe(200);
      expect((await ecoStaff.post("/api/registries/drinking-problems", { ...p, code: "WT-03", description: "x" })).status).toBe(403);

      const step = (c: TestClient, id: string, body: object) => c.post(`/api/registries/drinking-problems/${id}/transitions`, body);
      const id = a.body.data.id;
      expect((await step(ecoStaff, id, { action: "startRectification" })).status).toBe(403);
      const noText = await step(fcStaff, id, { action: "submitRectification" });
      expect(noText.status).toBe(400);
      expect(noText.body.data.issues).toEqual([{ path: "rectification", message: "须填写整改情况" }]);
      expect((await step(fcStaff, id, { action: "startRectification" })).body.data.status).toBe("rectifying");
      expect((await step(fcStaff, id, { action: "submitRectification", rectification: "棚舍已拆除，场地已复绿" })).body.data.status).toBe("rectified");
      expect((await step(fcStaff, id, { action: "close" })).status).toBe(403);
      expect((await step(admin, id, { action: "rejectRectification" })).status).toBe(400);
      expect((await step(admin, id, { action: "rejectRectification", note: "现场仍有残留建筑垃圾" })).body.data.status).toBe("rectifying");
      await step(fcStaff, id, { action: "submitRectification", rectification: "残留建筑垃圾已清运" });
      const closed = await step(admin, id, { action: "close", note: "现场核查通过" });
      expect(closed.body.data).toMatchObject({ status: "closed", rectification: "残留建筑垃圾已清运", overdue: false });
      expect((await step(admin, id, { action: "close" })).status).toBe(409);
      // A save cannot move the status.
      const sneak = await fcStaff.patch(`/api/registries/drinking-problems/${b.body.data.id}`, { status: "closed" });
      expect(sneak.status).toBe(400);
      expect(sneak.body.data.issues[0].path).toBe("status");

      const history = await auditor.get(`/api/registries/drinking-problems/${id}/history`);
      expect(history.body.data.filter((h: { transition: unknown }) => h.transition).map((h: { transition: { action: string } }) => h.transition.action)).toEqual([
        "close", "submitRectification", "rejectRectification", "submitRectification", "startRectification",
      ]);
      const source = await auditor.get(`/api/registries/drinking-sources/${sourceId}`);
      expect(source.body.data.problems).toEqual({ open: 1, overdue: 0, closed: 1, zero: false });
      expect(source.body.data.problemList.map((x: { code: string }) => x.code).sort()).toEqual(["WT-01", "WT-02"]);
      // 清零 filter: SY-02 has no open problem, SY-01 has one.
      expect((await auditor.get("/api/registries/drinking-sources?open=0")).body.data.map((x: { code: string }) => x.code)).toEqual(["SY-02"]);
      expect((await auditor.get("/api/registries/drinking-sources?open=1")).body.data.map((x: { code: string }) => x.code)).toEqual(["SY-01"]);
      expect((await auditor.get(`/api/registries/drinking-problems?sourceId=${sourceId}&open=1`)).body.data.map((x: { code: string }) => x.code)).toEqual(["WT-02"]);
    });

    it("publishes the sources with their zones and open-problem count, without personal data", async () => {
      const r = await new TestClient(s.app).get("/api/public/registries/drinking-sources");
      expect(r.status).toBe(200);
      const one = r.body.data.find((x: { code: string }) => x.code === "SY-01");
      expect(one).toMatchObject({ name: "甲渠水源地", kind: "河流型", level: "城市级", problemsOpen: 1, statusLabel: "1 个问题整改中" });
      expect(one.zones.zone1).toEqual(square(113.19, 35.24, 0.01));
      expect(r.body.data.find((x: { code: string }) => x.code === "SY-02").statusLabel).toBe("问题动态清零");
      expect(JSON.stringify(r.body.data)).not.toMatch(/unitId|userId|phone/);
    });
  });
}
