import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewReading } from "../../db/schema";
import { insertReadings, monthlyMeansOf } from "../../repositories/reading.repository";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUser } from "../../test/factories";
import { QualityProcessor } from "../../jobs/qualityProcessor";
import { DetectorTask } from "../../jobs/detectorTask";
import { readingsWithoutQc } from "../../repositories/readingQc.repository";

const H = 3_600_000;

describe.each(ENGINES)("quality and review routes on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  let auditor: TestClient;
  let staff: TestClient;
  let stationId: string;
  let outletId: string;
  let processor: QualityProcessor;
  // Whole hours, 3 days back: inside the detectors' window.
  const start = Math.floor(Date.now() / H) * H - 60 * H;
  const at = (pointId: string, factor: string, h: number, value: number | null, flag = "N", period: NewReading["period"] = "hour"): NewReading =>
    ({ point_id: pointId, factor, period, t: new Date(start + h * H), value, flag, source: "gateway" });
  const q = (from: number, to: number) => `from=${new Date(start + from * H).toISOString()}&to=${new Date(start + to * H).toISOString()}`;

  beforeAll(async () => {
    s = await createTestServer(engine);
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "aud", roles: ["auditor"] });
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"] });
    [admin, operator, auditor, staff] = await Promise.all(["admin", "op", "aud", "staff"].map((u) => TestClient.signIn(s.app, u)));
    stationId = (await s.db.insertInto("monitoring_points").values({ code: "A01", name: "白马门河自动站", kind: "auto_station", water_body_type: "river", target_class: 3 })
      .returning("id").executeTakeFirstOrThrow()).id;
    outletId = (await s.db.insertInto("monitoring_points").values({ code: "O01", name: "某厂总排口", kind: "outlet" }).returning("id").executeTakeFirstOrThrow()).id;
    await s.db.insertInto("devices").values({ mn: "MN-A01", pw: "123456", st: "21", point_id: stationId, expected_factors: ["w21003", "w21001"] }).execute();
    processor = new QualityProcessor(s.db, { info() {}, error() {} }, { channels: [] });
  });
  afterAll(() => s.close());

  it("settings: defaults per factor, validation in Chinese, save and reset (audited)", async () => {
    const g = await operator.get(`/api/quality/settings?pointId=${stationId}`);
    expect(g.body.data.canEdit).toBe(true);
    expect(g.body.data.factors.map((f: { factor: string }) => f.factor)).toEqual(["w21001", "w21003"]);
    expect(g.body.data.factors[1]).toMatchObject({ stored: null, defaults: { grossRange: { failMin: 0, failMax: null }, flatLine: { suspectSeconds: 10800 } } });
    const bad = await operator.request("PUT", `/api/quality/settings/${stationId}/w21003`, { config: { spike: { suspect: 2, fail: 1, maxNeighbourSeconds: 3600 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues).toEqual([{ path: "config.spike.fail", message: "失效阈值须大于可疑阈值" }]);
    const unknown = await operator.request("PUT", `/api/quality/settings/${stationId}/w21003`, { config: { spikes: {} } });
    expect(unknown.status).toBe(400);
    const ok = await operator.request("PUT", `/api/quality/settings/${stationId}/w21003`, {
      config: { spike: { suspect: 0.5, fail: 1, maxNeighbourSeconds: 7200 }, instrument: { detectionLimit: 0.025, rangeMin: 0, rangeMax: 10, resolution: 0.01 } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.stored.spike).toEqual({ suspect: 0.5, fail: 1, maxNeighbourSeconds: 7200 });
    expect((await staff.request("PUT", `/api/quality/settings/${stationId}/w21003`, { config: {} })).status).toBe(403);
    expect((await auditor.get(`/api/quality/settings?pointId=${stationId}`)).body.data.canEdit).toBe(false);
    expect((await admin.request("DELETE", `/api/quality/settings/${stationId}/w21001`)).status).toBe(200);
    const audits = await s.db.selectFrom("audit_events").select("action").where("entity_id", "=", stationId).orderBy("seq").execute();
    expect(audits.map((a) => a.action)).toEqual(["qc_settings.save", "qc_settings.reset"]);
  });

  it("flags and the review queue; accept, reject, correct; published figures leave out rejected and pending values", async () => {
    // NH3-N hourly: a spike of 3.2 among ~0.6 (fails: |3.2 − 0.62| − 0.01 = 2.57 > 1; its neighbours pass)
    const values = [0.6, 0.62, 0.61, 3.2, 0.63, 0.6, 0.64, 0.62];
    await insertReadings(s.db, values.map((v, h) => at(stationId, "w21003", h, v)));
    await processor.tick();
    const flags = await auditor.get(`/api/quality/flags?pointId=${stationId}&factor=w21003&period=hour&${q(0, 8)}`);
    expect(flags.body.data.map((r: { qcFlag: number }) => r.qcFlag)).toEqual([1, 1, 1, 4, 1, 1, 1, 1]);
    expect(flags.body.data[3]).toMatchObject({ value: 3.2, reviewState: "pending", tests: { spike: 4 } });
    expect((await staff.get(`/api/quality/flags?pointId=${stationId}&factor=w21003&period=hour&${q(0, 8)}`)).status).toBe(403);
    const queue = await auditor.get(`/api/review/queue?pointId=${stationId}`);
    expect(queue.body.data.map((e: { value: number; qcFlag: number }) => [e.value, e.qcFlag])).toEqual([[3.2, 4]]);
    expect(queue.body.canDecide).toBe(false);
    const item = { pointId: stationId, factor: "w21003", period: "hour", t: queue.body.data[0].t, version: 1 };
    const published = async () => (await staff.get(`/api/quality/series?pointId=${stationId}&factor=w21003&period=hour&${q(0, 8)}`)).body.data;
    let p = await published();
    expect(p).toMatchObject({ basis: "reviewed", excluded: { pending: 1, rejected: 0 }, unchecked: 0, total: 7 });
    expect((await admin.post("/api/review/decisions", { items: [item], decision: "accept", reason: "真实污染过程" })).status).toBe(403);
    const noReason = await operator.post("/api/review/decisions", { items: [item], decision: "reject", reason: "" });
    expect(noReason.body.data.issues[0]).toMatchObject({ path: "reason", message: "请填写审核理由" });
    const corrected = await operator.post("/api/review/decisions", { items: [item], decision: "correct", value: 0.62, reason: "比对监测确认为仪器漂移" });
    // A station has no permit: the decision changes no violation.
    expect(corrected.body.data).toEqual({ decided: 1, correctedVersion: 2, violations: { opened: 0, withdrawn: 0, revised: 0 } });
    expect((await operator.post("/api/review/decisions", { items: [item], decision: "accept", reason: "重复" })).status).toBe(409);
    p = await published();
    expect(p).toMatchObject({ excluded: { pending: 0, rejected: 0 }, total: 8 });
    expect(p.points[3]).toMatchObject({ value: 0.62, version: 2 });
    const after = await auditor.get(`/api/quality/flags?pointId=${stationId}&factor=w21003&period=hour&${q(0, 8)}`);
    expect(after.body.data[3]).toMatchObject({ version: 2, value: 0.62, qcFlag: 1, reviewState: "corrected" });
    // The raw value is still there as version 1, with the review beside it.
    const versions = await s.db.selectFrom("readings").select(["version", "value"]).where("point_id", "=", stationId).where("t", "=", new Date(item.t)).orderBy("version").execute();
    expect(versions).toEqual([{ version: 1, value: 3.2 }, { version: 2, value: 0.62 }]);
    const second = { ...item, t: new Date(start + 5 * H).toISOString() };
    expect((await operator.post("/api/review/decisions", { items: [second], decision: "reject", reason: "停电恢复后首值" })).status).toBe(200);
    p = await published();
    expect(p).toMatchObject({ excluded: { rejected: 1 }, total: 7 });
    const day = await staff.get(`/api/quality/series?pointId=${stationId}&factor=w21003&period=hour&${q(0, 8)}&bucket=day`);
    expect(day.body.data.points.reduce((n: number, b: { n: number }) => n + b.n, 0)).toBe(7);
    const stale = await operator.post("/api/review/decisions", { items: [{ ...item, version: 1 }], decision: "reject", reason: "旧版本" });
    expect(stale.status).toBe(409);
  });

  it("detectors find what the data show; a finding carries its evidence and is decided once", async () => {
    // TN 0.5 while NH3-N reads ≥ 0.6 at hours 0–3 (impossible) — and an 8-h silence of TN from hour 3 to 11.
    await insertReadings(s.db, [...Array.from({ length: 4 }, (_, h) => at(stationId, "w21001", h, 0.5 + 0.01 * (h % 2))), at(stationId, "w21001", 11, 0.9)]);
    // Outlet: COD marked F (stopped) for 3 h while the flow shows 20 L/s.
    await insertReadings(s.db, Array.from({ length: 10 }, (_, h) => [
      at(outletId, "w01018", h, 40 + (h % 3), h >= 3 && h <= 6 ? "F" : "N"), at(outletId, "w00000", h, 20 + (h % 2)),
    ]).flat());
    await processor.tick();
    // At hour 12 no series has been silent for 6 h yet (NH3-N since hour 7, TN since 11).
    const now = new Date(start + 12 * H);
    expect(await new DetectorTask().run({ db: s.db, now })).toMatchObject({ created: 3 });
    // Idempotent: the same data again add nothing.
    expect(await new DetectorTask().run({ db: s.db, now })).toMatchObject({ created: 0, extended: 0 });
    const list = await auditor.get("/api/quality/findings?status=open");
    const byRule = Object.fromEntries(list.body.data.map((f: { rule: string }) => [f.rule, f]));
    expect(Object.keys(byRule).sort()).toEqual(["cross_factor", "false_marking", "unexplained_gap"]);
    expect(byRule.cross_factor).toMatchObject({ factors: ["w21003", "w21001"], severity: "serious", pointCode: "A01", numbers: { times: 4 } });
    expect(byRule.unexplained_gap).toMatchObject({ factors: ["w21001"], numbers: { hours: 8 } });
    expect(byRule.false_marking).toMatchObject({ factors: ["w01018", "w00000"], severity: "serious", numbers: { marks: "F", hours: 3 } });
    expect((await staff.get("/api/quality/findings")).status).toBe(403);
    const detail = await auditor.get(`/api/quality/findings/${byRule.false_marking.id}`);
    expect(detail.body.data.evidence.map((e: { factor: string; values: unknown[] }) => [e.factor, e.values.length])).toEqual([["w01018", 8], ["w00000", 8]]);
    expect(detail.body.policies[byRule.false_marking.id]).toEqual({ read: true, decide: false, rejectData: false });
    const confirm = await operator.post(`/api/quality/findings/${byRule.false_marking.id}/decision`, { decision: "confirm", reason: "现场核查：停运标记期间仍在排放", rejectData: true });
    expect(confirm.body.data).toMatchObject({ status: "confirmed", rejected: 4 });
    expect((await admin.post(`/api/quality/findings/${byRule.false_marking.id}/decision`, { decision: "dismiss", reason: "重复处理" })).status).toBe(409);
    expect((await admin.post(`/api/quality/findings/${byRule.cross_factor.id}/decision`, { decision: "confirm", reason: "x", rejectData: true })).status).toBe(400);
    expect((await admin.post(`/api/quality/findings/${byRule.cross_factor.id}/decision`, { decision: "confirm", reason: "总氮分析仪故障", rejectData: true })).status).toBe(403);
    const dismissed = await admin.post(`/api/quality/findings/${byRule.cross_factor.id}/decision`, { decision: "dismiss", reason: "总氮分析仪标定错误，已重新标定" });
    expect(dismissed.body.data.status).toBe("dismissed");
    const audits = await s.db.selectFrom("audit_events").select("action").where("entity_type", "=", "qc_finding").orderBy("seq").execute();
    expect(audits.map((a) => a.action)).toEqual(["finding.detect", "finding.detect", "finding.detect", "finding.confirm", "finding.dismiss"]);
    // A decided window is not raised again.
    expect(await new DetectorTask().run({ db: s.db, now })).toMatchObject({ created: 0 });
    const summary = await auditor.get("/api/quality/summary");
    expect(summary.body.data.openFindings).toEqual({ unexplained_gap: 1 });
  });

  it("the published monthly assessment says which basis it used", async () => {
    // The Beijing month of the rejected value (hour 5).
    const month = new Date(start + 5 * H + 8 * H).toISOString().slice(0, 7);
    const r = await staff.get(`/api/quality/assessment?pointId=${stationId}&month=${month}&period=hour`);
    expect(r.status).toBe(200);
    expect(r.body.data.basis).toBe("reviewed");
    expect(r.body.data.excluded.rejected).toBeGreaterThanOrEqual(1);
    expect((await staff.get(`/api/quality/assessment?pointId=${stationId}&month=2024-13`)).status).toBe(400);
  });

  it("readings carry their QC verdict; published figures (public map and ranking, indicators, the reviewed class table) use reviewed data and say so", async () => {
    const sec = (await s.db.insertInto("monitoring_points").values({ code: "S1", name: "审核断面", kind: "section", water_body_type: "river", target_class: 3, lat: 35.2, lon: 113.2 })
      .returning("id").executeTakeFirstOrThrow()).id;
    // CODMn above 10 is suspect at this section (an operator bound).
    expect((await operator.request("PUT", `/api/quality/settings/${sec}/w01019`, { config: { grossRange: { failMin: 0, failMax: null, suspectMin: null, suspectMax: 10 } } })).status).toBe(200);
    const day = (d: number) => new Date(Date.UTC(2024, 4, d, 2));
    const lab = (d: number, factor: string, value: number): NewReading => ({ point_id: sec, factor, period: "sample", t: day(d), value, flag: null, source: "lab" });
    await insertReadings(s.db, [
      lab(10, "w21003", 0.4), lab(10, "w01019", 4), lab(10, "w01009", 6),
      lab(20, "w21003", 0.8), lab(20, "w01019", 4), lab(20, "w01009", 6),
      lab(15, "w21003", 5.0), // to be rejected
      lab(25, "w01019", 14), // suspect: waits for review
    ]);
    // One statement's rows share one received_at: a processor whose watermark stopped there still finds the rest.
    const arrival = (await s.db.selectFrom("readings").select("received_at").where("point_id", "=", sec).executeTakeFirstOrThrow()).received_at;
    expect(await readingsWithoutQc(s.db, new Date(arrival), 100)).toHaveLength(8);
    const series = async () => (await staff.get(`/api/readings/series?pointId=${sec}&factor=w01019&period=sample&from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z`)).body.data.points.map((p: { qcFlag: number }) => p.qcFlag);
    // Not evaluated yet: 2; after the processor, the worst flag of the tests (pass 1, the suspect bound 3).
    expect(await series()).toEqual([2, 2, 2]);
    await processor.tick();
    expect(await series()).toEqual([1, 1, 3]);
    const stored = await s.db.selectFrom("readings").select(["factor", "qc_flag"]).where("point_id", "=", sec).orderBy("t").orderBy("factor").execute();
    expect(stored.map((r) => r.qc_flag)).toEqual([1, 1, 1, 1, 1, 1, 1, 3]);
    const rejected = { pointId: sec, factor: "w21003", period: "sample", t: day(15).toISOString(), version: 1 };
    expect((await operator.post("/api/review/decisions", { items: [rejected], decision: "reject", reason: "采样瓶污染，实验室复核作废" })).status).toBe(200);

    // Raw (staff): NH3-N mean (0.4 + 0.8 + 5.0) / 3 = 2.07 > 2.0 ⇒ 劣Ⅴ for May.
    const raw = await staff.get(`/api/readings/assessment/year?pointId=${sec}&year=2024`);
    expect(raw.body.data).toMatchObject({ basis: "raw", excluded: null });
    expect(raw.body.data.months[4].monthly).toMatchObject({ class: 6 });
    // Reviewed: NH3-N (0.4 + 0.8) / 2 = 0.6 ⇒ Ⅲ, CODMn (4 + 4) / 2 = 4 ⇒ Ⅱ, DO 6 ⇒ Ⅱ: the month is Ⅲ and meets its target.
    const reviewed = await staff.get(`/api/readings/assessment/year?pointId=${sec}&year=2024&basis=reviewed`);
    expect(reviewed.body.data).toMatchObject({ basis: "reviewed", excluded: { pending: 1, rejected: 1 }, unchecked: 0 });
    expect(reviewed.body.data.months[4].monthly).toMatchObject({ class: 3, sampleCount: 2, attainment: { attained: true } });
    expect((await staff.get(`/api/readings/assessment/year?pointId=${sec}&year=2024&basis=cooked`)).status).toBe(400);

    const pub = await new TestClient(s.app).get("/api/public/water-quality?month=2024-05");
    const row = pub.body.data.sections.find((x: { code: string }) => x.code === "S1");
    expect(row).toMatchObject({ class: 3, attainment: true, provenance: { basis: "reviewed", samples: 2, readings: 6, excluded: { pending: 1, rejected: 1 }, used: { passed: 6, unchecked: 0 } } });
    // CWQI = 0.6/1.0 + 4/6 + 5/6 (DO: Cs/Ci) = 2.1
    expect(row.index).toBeCloseTo(2.1, 3);
    expect(pub.body.data.basis).toEqual({ kind: "reviewed", excluded: { pending: 1, rejected: 1 }, unchecked: 0 });
    expect(pub.body.data.rules.qc).toContain("经审核数据");
    // The indicators' monthly means (地表水考核目标, 取水水质达标率) are the reviewed ones too.
    const means = await monthlyMeansOf(s.db, { pointIds: [sec], from: day(1), to: new Date(Date.UTC(2024, 5, 1)), periods: ["sample"] });
    const byFactor = Object.fromEntries(means.map((m) => [m.factor, m]));
    expect(Object.keys(byFactor).sort()).toEqual(["w01009", "w01019", "w21003"]);
    expect([byFactor.w01009.mean, byFactor.w01019.mean, byFactor.w01019.n]).toEqual([6, 4, 2]);
    expect(byFactor.w21003.mean).toBeCloseTo(0.6, 9);
  });
});
