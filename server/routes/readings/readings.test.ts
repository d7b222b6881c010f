import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { NewReading } from "../../db/schema";
import { insertReadings } from "../../repositories/reading.repository";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUser } from "../../test/factories";

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

describe.each(ENGINES)("readings on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  let chief: TestClient;
  let sectionId: string;
  let autoId: string;
  const hourly = (t: Date, value: number, flag = "N"): NewReading => ({
    point_id: autoId, factor: "w21003", period: "min", t, value, flag, source: "gateway",
  });
  beforeAll(async () => {
    s = await createTestServer(engine);
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "chief", roles: ["river_chief"] });
    admin = await TestClient.signIn(s.app, "admin");
    operator = await TestClient.signIn(s.app, "op");
    chief = await TestClient.signIn(s.app, "chief");
    sectionId = (await s.db.insertInto("monitoring_points")
      .values({ code: "S01", name: "大沙河府城断面", kind: "section", level: "county", water_body: "大沙河", water_body_type: "river", target_class: 3 })
      .returning("id").executeTakeFirstOrThrow()).id;
    autoId = (await s.db.insertInto("monitoring_points").values({ code: "A01", name: "自动站", kind: "auto_station", water_body_type: "river" })
      .returning("id").executeTakeFirstOrThrow()).id;
    // Five days of minute data (7,200 values) with one spike.
    const start = Date.UTC(2024, 4, 1) - 8 * 3_600_000;
    await insertReadings(s.db, Array.from({ length: 7_200 }, (_, i) =>
      hourly(new Date(start + i * 60_000), i === 5000 ? 9.5 : 0.5 + 0.1 * Math.sin(i / 300), i === 5000 ? "T" : "N")));
  });
  afterAll(() => s.close());

  const series = (c: TestClient, q: string) =>
    c.get(`/api/readings/series?pointId=${autoId}&factor=w21003&period=min&from=2024-04-30T16:00:00Z&to=2024-05-31T16:00:00Z&${q}`);

  it("never ships a long raw series: LTTB keeps the spike within the cap", async () => {
    const r = await series(chief, "bucket=raw&maxPoints=500");
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ bucket: "raw", total: 7_200, downsampled: true });
    expect(r.body.data.points).toHaveLength(500);
    expect(r.body.data.points.find((p: { value: number }) => p.value === 9.5)).toMatchObject({ flag: "T" });
  });

  it("aggregates by Beijing day with min/avg/max/n/abnormal", async () => {
    const r = await series(chief, "bucket=day");
    expect(r.body.data.bucket).toBe("day");
    expect(r.body.data.points).toHaveLength(5);
    expect(r.body.data.points[0]).toMatchObject({ t: "2024-04-30T16:00:00.000Z", n: 1440 });
    const abnormal = r.body.data.points.filter((p: { abnormal: boolean }) => p.abnormal);
    expect(abnormal).toHaveLength(1);
    expect(abnormal[0].max).toBe(9.5);
    const bad = await chief.get(`/api/readings/series?pointId=${autoId}&factor=w21003&from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z`);
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues[0].path).toBe("to");
  });

  it("corrects a value as a new version with reason (operator only), keeping the raw value, audited", async () => {
    const t = new Date(Date.UTC(2024, 4, 1) - 8 * 3_600_000 + 5000 * 60_000).toISOString();
    const body = { pointId: autoId, factor: "w21003", period: "min", t, value: 0.55, qcFlag: 1, reason: "仪器校准时段，按比对结果修正" };
    expect((await admin.post("/api/readings/corrections", body)).status).toBe(403);
    expect((await operator.post("/api/readings/corrections", { ...body, reason: "改" })).status).toBe(400);
    const r = await operator.post("/api/readings/corrections", body);
    expect(r.status).toBe(200);
    expect(r.body.data.versions.map((v: any) => [v.version, v.value, v.reason])).toEqual([[1, 9.5, null], [2, 0.55, body.reason]]);
    const entry = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "reading.correct").executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ factor: "w21003", version: 2, value: 0.55 });
    expect((await operator.post("/api/readings/corrections", { ...body, t: "2020-01-01T00:00:00Z" })).status).toBe(404);
    const day = await series(chief, "bucket=day");
    expect(Math.max(...day.body.data.points.map((p: { max: number }) => p.max))).toBeLessThan(1);
  });

  it("gives the latest value per factor and period", async () => {
    const r = await chief.get(`/api/readings/latest?pointId=${autoId}`);
    expect(r.body.data.map((x: any) => [x.factor, x.period, x.t])).toEqual([["w21003", "min", "2024-05-05T15:59:00.000Z"]]);
  });

  const file = (rows: string[]) => ["站点,采样时间,因子,数值,单位,检出限,备注", ...rows].join("\r\n");
  const good = [
    "S01,2024-05-06 09:30,溶解氧,4.8,mg/L,,",
    "大沙河府城断面,2024-05-06 09:30,氨氮,1.2,mg/L,0.025,",
    "S01,2024-05-06 09:30,总汞,<0.04,µg/L,,未检出",
    "S01,2024-05-20 10:00,溶解氧,6.2,mg/L,,",
    "S01,2024-05-20 10:00,氨氮,0.6,mg/L,,",
  ];

  it("imports lab results: one bad row → full report and nothing stored; fixed → imported and visible", async () => {
    const bad = file([...good.slice(0, 2), "S01,2024-05-06 09:30,总汞,0.04,,,", ...good.slice(3)]);
    const check = await operator.post("/api/readings/lab-imports/check", { fileName: "五月.csv", contentBase64: b64(bad) });
    expect(check.status).toBe(200);
    expect(check.body.data).toMatchObject({ rows: 5, valid: 4, clean: false, fileError: null });
    expect(check.body.data.errors).toEqual([{ row: 4, reasons: ["缺少单位（总汞应为 mg/L 或可换算的单位）"], cells: expect.objectContaining({ 因子: "总汞" }) }]);
    const refused = await operator.post("/api/readings/lab-imports", { fileName: "五月.csv", contentBase64: b64(bad) });
    expect(refused.status).toBe(400);
    expect(refused.body.data.issues).toEqual([{ path: "rows.4", message: "第 4 行：缺少单位（总汞应为 mg/L 或可换算的单位）" }]);
    const stored = await s.db.selectFrom("readings").select((eb) => eb.fn.countAll<number>().as("n")).where("source", "=", "lab").executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);

    const ok = await operator.post("/api/readings/lab-imports", { fileName: "五月.csv", contentBase64: b64(file(good)) });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ inserted: 5, duplicates: 0, skippedRows: 0 });
    const hg = await s.db.selectFrom("readings").selectAll().where("factor", "=", "w20111").executeTakeFirstOrThrow();
    expect(hg).toMatchObject({ source: "lab", period: "sample", value: 0.00004, below_dl: true, detection_limit: 0.00004, original_value: 0.04, original_unit: "µg/L", note: "未检出" });
    const entry = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "reading.lab_import").executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ fileName: "五月.csv", inserted: 5, points: [sectionId] });

    const raw = await chief.get(`/api/readings/series?pointId=${sectionId}&factor=w21003&period=sample&from=2024-05-01T00:00:00%2B08:00&to=2024-06-01T00:00:00%2B08:00`);
    expect(raw.body.data.points.map((p: any) => [p.t, p.value])).toEqual([["2024-05-06T01:30:00.000Z", 1.2], ["2024-05-20T02:00:00.000Z", 0.6]]);
    const again = await admin.post("/api/readings/lab-imports", { fileName: "五月.csv", contentBase64: b64(file(good)) });
    expect(again.body.data).toMatchObject({ inserted: 0, duplicates: 5 });
  });

  it("skips bad rows only when asked, reads .xlsx, and refuses other roles and formats", async () => {
    const skipped = await operator.post("/api/readings/lab-imports", {
      fileName: "补充.csv", skipErrors: true, contentBase64: b64(file(["S01,2024-05-27 10:00,氨氮,0.7,mg/L,,", "S99,2024-05-27 10:00,氨氮,0.7,mg/L,,"])),
    });
    expect(skipped.body.data).toMatchObject({ inserted: 1, skippedRows: 1 });
    expect(skipped.body.data.report.errors[0]).toMatchObject({ row: 3, reasons: ["站点“S99”不存在（按站点编码或名称匹配）"] });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.addRow(["站点", "采样时间", "因子", "数值", "单位"]);
    ws.addRow(["S01", new Date("2024-05-28T09:00:00Z"), "w21011", 0.15, "mg/L"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await operator.post("/api/readings/lab-imports", { fileName: "a.xlsx", contentBase64: b64(xlsx) });
    expect(x.status).toBe(200);
    const tp = await s.db.selectFrom("readings").select(["t", "value"]).where("factor", "=", "w21011").executeTakeFirstOrThrow();
    // The sheet shows 09:00; Beijing 09:00 is 01:00 UTC.
    expect([new Date(tp.t).toISOString(), tp.value]).toEqual(["2024-05-28T01:00:00.000Z", 0.15]);
    expect((await operator.post("/api/readings/lab-imports/check", { fileName: "a.xls", contentBase64: b64("x") })).body.data.fileError).toContain(".xlsx");
    expect((await operator.post("/api/readings/lab-imports", { fileName: "a.xls", contentBase64: b64("x") })).status).toBe(400);
    expect((await chief.post("/api/readings/lab-imports/check", { fileName: "a.csv", contentBase64: b64(file(good)) })).status).toBe(403);
  });

  it("offers the template in both formats", async () => {
    const csv = await chief.get("/api/readings/lab-template?format=csv");
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("站点,采样时间,因子,数值,单位,检出限,备注");
    const res = await s.app.inject({ method: "GET", url: "/api/readings/lab-template", headers: { cookie: chief.cookie! } });
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, "站点", "采样时间", "因子", "数值", "单位", "检出限", "备注"]);
  });

  it("assesses a month: per-sample and monthly class, main pollutants, attainment", async () => {
    const r = await chief.get(`/api/readings/assessment?pointId=${sectionId}&month=2024-05`);
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d).toMatchObject({ body: "river", targetClass: 3 });
    expect(d.samples.map((x: any) => [x.localTime, x.class])).toEqual([
      ["2024-05-06 09:30:00", 4], ["2024-05-20 10:00:00", 3], ["2024-05-27 10:00:00", 3], ["2024-05-28 09:00:00", 3],
    ]);
    // DO 4.8 Ⅳ and NH3-N 1.2 Ⅳ on 6 May; Hg below DL counts as ½·DL (Ⅰ).
    expect(d.samples[0]).toMatchObject({ perFactor: { w01009: 4, w21003: 4, w20111: 1 }, attainment: { attained: false, gap: 1 }, factorsOverTarget: ["w01009", "w21003"] });
    expect(d.samples[0].mainPollutants.map((p: any) => p.code)).toEqual(["w21003", "w01009"]);
    // Month: DO mean 5.5 Ⅲ, NH3-N mean (1.2 + 0.6 + 0.7) / 3 ≈ 0.83 Ⅲ, TP 0.15 Ⅲ → Ⅲ, attained.
    expect(d.monthly).toMatchObject({ class: 3, sampleCount: 4, attainment: { attained: true, gap: 0 }, factorsOverTarget: [], mainPollutants: [] });
    expect(d.monthly.means.w20111).toMatchObject({ mean: 0.00002, belowDetectionLimit: true });
    const empty = await chief.get(`/api/readings/assessment?pointId=${sectionId}&month=2024-07`);
    expect(empty.body.data).toMatchObject({ samples: [], monthly: null });
    expect((await chief.get(`/api/readings/assessment?pointId=${sectionId}&month=2024-13`)).status).toBe(400);
  });
});
