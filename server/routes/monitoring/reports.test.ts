import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { NewReading, PointKind } from "../../db/schema";
import { insertReadings } from "../../repositories/reading.repository";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUser } from "../../test/factories";

/** Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`);

describe.each(ENGINES)("monitoring reports on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  const ids: Record<string, string> = {};
  const point = async (code: string, kind: PointKind, extra: Record<string, unknown>) => {
    ids[code] = (await s.db.insertInto("monitoring_points").values({ code, name: `${code}（测试）`, kind, ...extra }).returning("id").executeTakeFirstOrThrow()).id;
  };
  const reading = (code: string, factor: string, period: NewReading["period"], t: string, value: number, more: Partial<NewReading> = {}): NewReading =>
    ({ point_id: ids[code], factor, period, t: bj(t), value, source: period === "sample" ? "lab" : "manual", ...more });
  const sample = (code: string, t: string, values: Record<string, number>) => Object.entries(values).map(([f, v]) => reading(code, f, "sample", t, v));

  beforeAll(async () => {
    s = await createTestServer(engine);
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    admin = await TestClient.signIn(s.app, "admin");
    operator = await TestClient.signIn(s.app, "op");
    await point("FL1", "flow_station", { water_body: "甲河", eco_flow_target: 1.0 });
    await point("DW-A", "drinking_intake", { water_body: "甲河", water_body_type: "river", target_class: 2 });
    await point("DW-B", "drinking_intake", { water_body: "乙渠", water_body_type: "river", target_class: 3 });
    await point("S1", "section", { water_body: "甲河", water_body_type: "river", target_class: 3, level: "county" });
    await point("S2", "section", { water_body: "甲河", water_body_type: "river", target_class: 4, level: "city" });
    await insertReadings(s.db, [
      // Flow (L/s): the daily value wins over hours of the same day; a day of hours only is their mean.
      reading("FL1", "w00000", "day", "2024-03-01T00:00:00", 1200), reading("FL1", "w00000", "hour", "2024-03-01T10:00:00", 100),
      reading("FL1", "w00000", "day", "2024-03-02T00:00:00", 900), reading("FL1", "w00000", "day", "2024-03-03T00:00:00", 700),
      reading("FL1", "w00000", "day", "2024-03-04T00:00:00", 1000),
      reading("FL1", "w00000", "hour", "2024-03-05T08:00:00", 800), reading("FL1", "w00000", "hour", "2024-03-05T09:00:00", 1400),
      // Intakes: A complies in May, fails manganese (Table 2, 0.1) in June; B fails NH3-N (class Ⅳ) in May, complies in June.
      ...sample("DW-A", "2024-05-10T09:00:00", { w01001: 7.5, w01009: 7, w21003: 0.3, w20124: 0.05 }),
      reading("DW-A", "w20111", "sample", "2024-05-10T09:00:00", 0.00004, { below_dl: true, detection_limit: 0.00004 }),
      ...sample("DW-A", "2024-06-10T09:00:00", { w01001: 7.5, w01009: 7, w21003: 0.3, w20124: 0.15 }),
      ...sample("DW-B", "2024-05-11T09:00:00", { w01001: 7.2, w01009: 6, w21003: 1.2 }),
      ...sample("DW-B", "2024-06-11T09:00:00", { w01001: 7.2, w01009: 6, w21003: 0.5 }),
      // Intake volumes: a day's Cou (m³) when stored, else mean L/s × 86.4.
      reading("DW-A", "w00000", "day", "2024-05-01T00:00:00", 11.6, { cou_value: 1000 }),
      reading("DW-A", "w00000", "day", "2024-05-02T00:00:00", 10),
      reading("DW-A", "w00000", "day", "2024-06-01T00:00:00", 23, { cou_value: 2000 }),
      reading("DW-B", "w00000", "day", "2024-05-01T00:00:00", 6, { cou_value: 500 }),
      reading("DW-B", "w00000", "day", "2024-06-01T00:00:00", 4, { cou_value: 300 }),
      // Sections of 甲河: S1 Ⅲ in May and June, S2 Ⅴ in May (NH3-N 1.8) and no June sample.
      ...sample("S1", "2024-05-08T10:00:00", { w01009: 6, w01019: 5, w21003: 0.8 }),
      ...sample("S1", "2024-06-08T10:00:00", { w01009: 6, w01019: 5, w21003: 0.6 }),
      ...sample("S2", "2024-05-09T10:00:00", { w01009: 4, w01019: 8, w21003: 1.8 }),
    ]);
  });
  afterAll(() => s?.close());

  it("ecological flow: daily means against the target, complying days, guarantee rate, warnings and the month", async () => {
    const r = await operator.get("/api/monitoring/eco-flow?from=2024-03-01&to=2024-03-31");
    expect(r.status).toBe(200);
    const [st] = r.body.data.stations;
    expect(st.point).toMatchObject({ code: "FL1", target: 1 });
    expect(st.result.days.map((d: { date: string; mean: number; complies: boolean; warning: string }) => [d.date, d.mean, d.complies, d.warning])).toEqual([
      ["2024-03-01", 1.2, true, "none"], ["2024-03-02", 0.9, false, "yellow"], ["2024-03-03", 0.7, false, "red"],
      ["2024-03-04", 1, true, "none"], ["2024-03-05", 1.1, true, "none"],
    ]);
    expect(st.result).toMatchObject({ evaluatedDays: 5, complyingDays: 3, guaranteeRate: 0.6, meetsGuarantee: false });
    expect(st.months).toHaveLength(1);
    expect(st.months[0]).toMatchObject({ month: "2024-03", evaluatedDays: 5, complyingDays: 3, yellowDays: 1, redDays: 1, minFlow: 0.7 });
    expect(st.months[0].meanFlow).toBeCloseTo(0.98, 10);
    expect(r.body.data.settings).toEqual({ guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.8 });
  });

  it("the office moves the red line to 60%: 0.7 m³/s is then yellow; bad settings are refused with the field; audited", async () => {
    expect((await operator.request("PUT", "/api/monitoring/settings", { ecoFlow: { guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.6 } })).status).toBe(403);
    const bad = await admin.request("PUT", "/api/monitoring/settings", { ecoFlow: { guaranteeTarget: 0.9, yellowBelow: 0.8, redBelow: 0.9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues).toEqual([{ path: "ecoFlow.redBelow", message: "红色预警线不能高于黄色预警线" }]);
    const ok = await admin.request("PUT", "/api/monitoring/settings", { ecoFlow: { guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.6 } });
    expect(ok.status).toBe(200);
    expect(ok.body.meta.changed).toEqual(["eco_flow"]);
    expect(ok.body.data.ecoFlow).toEqual({ guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.6 });
    const again = await admin.request("PUT", "/api/monitoring/settings", { ecoFlow: { guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.6 } });
    expect(again.body.meta.changed).toEqual([]);
    const r = await operator.get("/api/monitoring/eco-flow?from=2024-03-03&to=2024-03-03");
    expect(r.body.data.stations[0].result.days[0].warning).toBe("yellow");
    const audit = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "settings.update").where("entity_type", "=", "monitoring_settings").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ key: "eco_flow", before: { redBelow: 0.8 }, after: { redBelow: 0.6 } });
    await admin.request("PUT", "/api/monitoring/settings", { ecoFlow: { guaranteeTarget: 0.9, yellowBelow: 1, redBelow: 0.8 } });
  });

  it("drinking water: monthly compliance per intake, 水源达标率 and 取水水质达标率 weighted by intake volume", async () => {
    const r = await operator.get("/api/monitoring/drinking-water?from=2024-04&to=2024-06");
    expect(r.status).toBe(200);
    const d = r.body.data;
    const a = d.intakes.find((i: { point: { code: string } }) => i.point.code === "DW-A");
    expect(a.months.map((m: { month: string; compliant: boolean | null; volume: number | null }) => [m.month, m.compliant, m.volume])).toEqual([
      ["2024-04", null, null], ["2024-05", true, 1864], ["2024-06", false, 2000],
    ]);
    expect(a.months[2].failures).toEqual([{ item: "w20124", table: 2, value: 0.15, limit: 0.1, multiple: expect.closeTo(0.5, 10) }]);
    const b = d.intakes.find((i: { point: { code: string } }) => i.point.code === "DW-B");
    expect(b.months[1].failures).toEqual([{ item: "w21003", table: 1, value: 1.2, limit: 1, multiple: expect.closeTo(0.2, 10) }]);
    expect(d.months.map((m: { month: string; evaluated: number; compliant: number; sourceRate: number | null; volume: number; compliantVolume: number }) =>
      [m.month, m.evaluated, m.compliant, m.sourceRate, m.volume, m.compliantVolume])).toEqual([
      ["2024-04", 0, 0, null, 0, 0], ["2024-05", 2, 1, 0.5, 2364, 1864], ["2024-06", 2, 1, 0.5, 2300, 300],
    ]);
    expect(d.months[1].intakeRate).toBeCloseTo(1864 / 2364, 10);
    expect(d.summary).toMatchObject({ evaluated: 4, compliant: 2, sourceRate: 0.5, volume: 4664, compliantVolume: 2164, volumeMissing: 0 });
    expect(d.summary.intakeRate).toBeCloseTo(2164 / 4664, 10);
  });

  it("river grade by water body: fewer than 5 sections ⇒ the mean of each item; sections with class and attainment", async () => {
    const r = await operator.get("/api/monitoring/rivers?from=2024-05&to=2024-05");
    expect(r.status).toBe(200);
    const [jia] = r.body.data.waterBodies;
    expect(jia.waterBody).toBe("甲河");
    // Means: NH3-N 1.3 (Ⅳ), DO 5 (Ⅲ), CODMn 6.5 (Ⅳ) ⇒ Ⅳ, 轻度污染; NH3-N first (multiple 0.3 > 0.083).
    expect(jia.grade).toMatchObject({ method: "mean", status: "轻度污染", class: 4 });
    expect(jia.grade.mainPollutants).toEqual([{ code: "w21003", rate: 0.5 }, { code: "w01019", rate: 0.5 }]);
    const [s1, s2] = jia.sections;
    expect(s1).toMatchObject({ code: "S1", class: 3, status: "良好", attained: true, months: 1, mainPollutants: [] });
    expect(s2).toMatchObject({ code: "S2", class: 5, status: "中度污染", attained: false });
    expect(s2.mainPollutants.map((p: { code: string }) => p.code)).toEqual(["w21003", "w01019", "w01009"]);
  });

  it("a river's year: each month graded from its own sections, the year from the mean of monthly means", async () => {
    const r = await operator.get(`/api/monitoring/rivers/${encodeURIComponent("甲河")}?year=2024`);
    expect(r.status).toBe(200);
    const months = r.body.data.months;
    expect(months).toHaveLength(12);
    expect(months[4].grade).toMatchObject({ status: "轻度污染", class: 4 });
    // June: only S1 (NH3-N 0.6, DO 6, CODMn 5) ⇒ Ⅲ 良好.
    expect(months[5].grade).toMatchObject({ status: "良好", class: 3 });
    expect(months[0].grade).toBeNull();
    // Year: S1 NH3-N (0.8 + 0.6) / 2 = 0.7; with S2's 1.8 the mean is 1.25 ⇒ Ⅳ.
    expect(r.body.data.grade).toMatchObject({ class: 4, status: "轻度污染" });
    expect((await operator.get(`/api/monitoring/rivers/${encodeURIComponent("无此河")}?year=2024`)).status).toBe(404);
  });

  it("a point's year of monthly classes, as JSON and as .xlsx", async () => {
    const r = await operator.get(`/api/readings/assessment/year?pointId=${ids.S2}&year=2024`);
    expect(r.status).toBe(200);
    expect(r.body.data.months).toHaveLength(12);
    expect(r.body.data.months[4].monthly).toMatchObject({ class: 5, sampleCount: 1, attainment: { attained: false, gap: 1 } });
    expect(r.body.data.months[5].monthly).toBeNull();
    const x = await operator.request("GET", `/api/readings/assessment/year?pointId=${ids.S2}&year=2024&format=xlsx`);
    expect(x.status).toBe(200);
    expect(String(x.headers["content-type"])).toContain("spreadsheetml");
    expect(String(x.headers["content-disposition"])).toContain("filename*=UTF-8''");
  });

  it("exports the eco-flow, drinking-water, river and device tables as .xlsx with Chinese headers", async () => {
    const read = async (url: string) => {
      const res = await s.app.inject({ method: "GET", url, headers: { cookie: operator.cookie! } });
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets.map((ws) => ws.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1)));
    };
    const eco = await read("/api/monitoring/eco-flow?from=2024-03-01&to=2024-03-31&format=xlsx");
    expect(eco[0][0].slice(0, 6)).toEqual(["流量站", "月份", "生态流量目标(m³/s)", "评价天数", "达标天数", "保证率"]);
    expect(eco[0][1].slice(1, 6)).toEqual(["2024-03", 1, 5, 3, 0.6]);
    expect(eco[1][3]).toEqual(["2024-03-03", 0.7, 1, "否", "红色预警"]);
    const dw = await read("/api/monitoring/drinking-water?from=2024-05&to=2024-06&format=xlsx");
    expect(dw[0][0][0]).toBe("取水口");
    expect(dw[1].at(-1)).toEqual(["2024-05 至 2024-06", 4, 2, 0.5, 4664, 2164, expect.closeTo(2164 / 4664, 10)]);
    const rivers = await read("/api/monitoring/rivers?from=2024-05&to=2024-05&format=xlsx");
    expect(rivers[0][1].slice(0, 2)).toEqual(["甲河", "轻度污染"]);
    expect(rivers[0][2].slice(4, 9)).toEqual(["S2（测试）", "S2", "Ⅴ类", "Ⅳ类", "否"]);
    const devices = await read("/api/monitoring/devices/status?day=2024-05-01&format=xlsx");
    expect(devices[0][0].slice(0, 4)).toEqual(["MN", "ST", "站点", "状态"]);
  });

  it("refuses bad windows with the field at fault", async () => {
    const r = await operator.get("/api/monitoring/drinking-water?from=2024-06&to=2024-05");
    expect(r.status).toBe(400);
    expect(r.body.data.issues[0].path).toBe("to");
    expect((await operator.get("/api/monitoring/eco-flow?from=2024-13-01&to=2024-12-31")).status).toBe(400);
  });
});
