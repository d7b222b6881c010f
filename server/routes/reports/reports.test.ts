import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import type { Kysely } from "kysely";
import type { DB, NewReading } from "../../db/schema";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertReadings } from "../../repositories/reading.repository";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { insertLadder, insertStep } from "../../repositories/ladder.repository";
import { insertRequirements, insertRound } from "../../repositories/round.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { readReportXlsx } from "../../reports/renderXlsx";
import { waterTotals, type SectionMonth } from "../../reports/waterQuality";
import { previousMonth } from "../../reports/period";

/**
 * The monthly reports (issue 7 §4) on real data: three sections with May 2024 readings whose classes are worked out
 * by hand from GB 3838-2002 Table 1, and a plan with a late unit; generated on demand through the API, downloaded
 * and parsed back (.docx with mammoth, .xlsx with exceljs).
 */
const docText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

async function seedWater(db: Kysely<DB>) {
  const point = (code: string, name: string, target: number) =>
    db.insertInto("monitoring_points").values({ code, name, kind: "section", level: "city", water_body: "大沙河", water_body_type: "river", target_class: target,
      lon: 113.2, lat: 35.2, unit_id: null, eco_flow_target: null }).returning("id").executeTakeFirstOrThrow();
  const [s1, s2, s3] = [await point("DSH-01", "大沙河上游断面", 3), await point("DSH-02", "大沙河中游断面", 3), await point("DSH-03", "大沙河下游断面", 4)];
  const row = (pointId: string, period: "sample" | "hour", t: string, factor: string, value: number): NewReading => ({
    point_id: pointId, factor, period, t: new Date(t), value, flag: period === "hour" ? "N" : null, source: period === "hour" ? "gateway" : "lab",
    detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null, cou_value: null, device_mn: null,
    packet_qn: null, author_id: null, reason: null,
  });
  await insertReadings(db, [
    // S1, two lab samples: NH3-N mean 0.5 (Ⅱ: ≤ 0.5), DO 7.0 (Ⅱ: ≥ 6), COD 14 (Ⅰ: ≤ 15) → Ⅱ, attains Ⅲ.
    row(s1.id, "sample", "2024-05-06T02:00:00Z", "w21003", 0.4), row(s1.id, "sample", "2024-05-06T02:00:00Z", "w01009", 7.0), row(s1.id, "sample", "2024-05-06T02:00:00Z", "w01018", 14),
    row(s1.id, "sample", "2024-05-20T02:00:00Z", "w21003", 0.6), row(s1.id, "sample", "2024-05-20T02:00:00Z", "w01009", 7.0), row(s1.id, "sample", "2024-05-20T02:00:00Z", "w01018", 14),
    // S2, two hours: NH3-N mean 1.8 (Ⅴ: ≤ 2.0; multiple (1.8−1)/1 = 0.8), COD mean 25 (Ⅳ: ≤ 30; multiple 5/20 = 0.25) → Ⅴ.
    row(s2.id, "hour", "2024-05-10T00:00:00Z", "w21003", 1.7), row(s2.id, "hour", "2024-05-10T00:00:00Z", "w01018", 24),
    row(s2.id, "hour", "2024-05-10T01:00:00Z", "w21003", 1.9), row(s2.id, "hour", "2024-05-10T01:00:00Z", "w01018", 26),
    // S3: NH3-N 2.5 (> 2.0: 劣Ⅴ, multiple 1.5) against a Ⅳ target.
    row(s3.id, "hour", "2024-05-12T00:00:00Z", "w21003", 2.5),
    // Outside the Beijing month (2024-05-31 16:00 UTC is June 1st 00:00 in Beijing): left out.
    row(s3.id, "hour", "2024-05-31T16:00:00Z", "w21003", 0.1),
    // Not on the published basis, so S1 stays Ⅱ with 2 samples: a third sample whose NH3-N 5.0 was rejected on
    // review (with it the mean would be 2.0, Ⅴ) and whose COD 40 was failed by QC and waits for review (劣Ⅴ).
    row(s1.id, "sample", "2024-05-27T02:00:00Z", "w21003", 5.0), { ...row(s1.id, "sample", "2024-05-27T02:00:00Z", "w01018", 40), qc_flag: 4 },
  ]);
  const reviewer = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  await db.insertInto("reading_reviews").values({ point_id: s1.id, factor: "w21003", period: "sample", t: new Date("2024-05-27T02:00:00Z"), version: 1,
    decision: "rejected", reason: "采样瓶污染，复测无此值", reviewer_id: reviewer.id }).execute();
}

async function seedCampaign(db: Kysely<DB>, a: string, b: string) {
  const plan = await insertPlan(db, { title: "测试区2024年水污染防治攻坚战实施方案", docNumber: "测攻坚办〔2024〕1号", issuer: null, issuedOn: "2024-03-01", year: 2024,
    sourceText: "…", sourceSha256: randomBytes(32).toString("hex"), importedBy: null });
  const task = (n: string, title: string, unitId: string, dueOn: string) => insertTask(db, { planId: plan.id, sort: Number(n), number: n, section: null, title, text: title,
    clauses: [], units: [{ role: "lead", unitId, collective: null }], deadlines: [{ dueOn, text: `${dueOn}前完成` }] });
  const t1 = await task("1", "入河排污口排查整治", a, "2024-05-10");
  await task("2", "黑臭水体长治久清", b, "2024-06-30");
  const t3 = await task("3", "饮用水水源地规范化建设", b, "2024-04-30");
  await db.updateTable("tasks").set({ status: "done" }).where("id", "=", t3).execute();
  // Two rounds for unit A: one answered on time (05-18 for 05-20), one not answered (due 05-15).
  const missed = await insertRound(db, { planId: plan.id, kind: "progress", title: "5月上旬调度", dueOn: "2024-05-15", openedBy: null, openedAt: new Date("2024-05-08T00:00:00Z") });
  const answered = await insertRound(db, { planId: plan.id, kind: "progress", title: "5月中旬调度", dueOn: "2024-05-20", openedBy: null, openedAt: new Date("2024-05-14T00:00:00Z") });
  await insertRequirements(db, missed.id, [{ taskId: t1, unitId: a, roles: ["lead"] }]);
  await insertRequirements(db, answered.id, [{ taskId: t1, unitId: a, roles: ["lead"] }]);
  const reqOf = async (roundId: string) => (await db.selectFrom("round_requirements").select("id").where("round_id", "=", roundId).executeTakeFirstOrThrow()).id;
  await db.insertInto("submissions").values({ requirement_id: await reqOf(answered.id), submitted_by: null, submitted_at: new Date("2024-05-18T02:00:00Z"), text: "已完成排查", figures: "[]" }).execute();
  await db.insertInto("lateness_records").values({ requirement_id: await reqOf(missed.id), round_id: missed.id, task_id: t1, unit_id: a, due_on: "2024-05-15", kind: "missing",
    days: 16, submitted_on: null, recorded_at: new Date(), updated_at: new Date() }).execute();
  const ladder = await insertLadder(db, { taskId: t1, unitId: a, openedAt: new Date("2024-05-18T00:00:00Z") });
  await insertStep(db, { ladderId: ladder.id, seq: 1, step: "notice", at: new Date("2024-05-20T02:00:00Z"), confirmedBy: null, documentId: null, reasons: [] });
  // A rung after the month: not in May's report.
  await insertStep(db, { ladderId: ladder.id, seq: 2, step: "letter", at: new Date("2024-06-03T02:00:00Z"), confirmedBy: null, documentId: null, reasons: [] });
}

describe("report month and totals (plain inputs)", () => {
  it("takes the month before, across a year boundary, in Beijing time", () => {
    expect(previousMonth(new Date("2024-06-01T00:30:00+08:00"))).toBe("2024-05");
    expect(previousMonth(new Date("2024-05-31T16:30:00Z"))).toBe("2024-05"); // already June 1st in Beijing
    expect(previousMonth(new Date("2025-01-01T08:00:00+08:00"))).toBe("2024-12");
  });

  it("counts classes, shares and 达标率 only over sections that have a class and a target", () => {
    const s = (code: string, cls: SectionMonth["class"], target: SectionMonth["targetClass"], pollutants: string[] = []): SectionMonth => ({
      code, name: code, waterBody: null, level: null, targetClass: target, class: cls, attained: cls && target ? cls <= target : null,
      mainPollutants: pollutants.map((p) => ({ code: p, name: p, class: 5, multiple: 1 })), overTarget: [], period: "hour", samples: 1, qcExcluded: 0, means: {},
    });
    const t = waterTotals([s("a", 2, 3), s("b", 4, 3, ["w21003"]), s("c", 6, null, ["w21003", "w01018"]), s("d", null, 3)]);
    expect(t).toMatchObject({ sections: 4, assessed: 3, withTarget: 2, attained: 1, attainmentRate: 50, goodShare: 33.3, inferiorShare: 33.3 });
    expect(t.classCounts).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 0, 6: 1 });
    expect(t.pollutants.map((p) => [p.code, p.sections])).toEqual([["w21003", 2], ["w01018", 1]]);
  });
});

describe.each(ENGINES)("monthly reports through the API on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  let staff: TestClient;
  beforeAll(async () => {
    s = await createTestServer(engine);
    const a = await buildUnit(s.db, { name: "区生态环境分局" });
    const b = await buildUnit(s.db, { name: "区水利局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "operator", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"], unitIds: [a.id] });
    await seedWater(s.db);
    await seedCampaign(s.db, a.id, b.id);
    [admin, operator, staff] = await Promise.all([TestClient.signIn(s.app, "admin"), TestClient.signIn(s.app, "operator"), TestClient.signIn(s.app, "staff")]);
  });
  afterAll(() => s.close());

  const download = async (c: TestClient, url: string) => {
    const r = await s.app.inject({ method: "GET", url, headers: c.cookie ? { cookie: c.cookie } : {} });
    return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload };
  };

  it("generates May's water-quality report whose .docx and .xlsx state the hand-worked classes and 达标率", async () => {
    const r = await admin.post("/api/reports", { kind: "water_quality", period: "2024-05" });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ kind: "water_quality", period: "2024-05", version: 1, trigger: "manual", interim: false, title: "2024年5月地表水环境质量月报" });
    const docx = await download(admin, r.body.data.files.docx.url);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(String(docx.headers["content-disposition"])).toContain(encodeURIComponent("2024年5月地表水环境质量月报.docx"));
    const text = await docText(docx.bytes);
    expect(text).toContain("2024年5月地表水环境质量月报");
    expect(text).toContain("全区纳入评价的监测断面（点位）3个，有监测数据的3个。其中Ⅰ～Ⅲ类水质断面1个，占33.3%；Ⅳ类0个，Ⅴ类1个；劣Ⅴ类1个，占33.3%。有水质目标的3个断面中，达到目标的1个，达标率33.3%。");
    expect(text).toContain("本月主要污染指标为氨氮（2个断面）、化学需氧量（1个断面）。");

    const sheets = await readReportXlsx((await download(admin, r.body.data.files.xlsx.url)).bytes);
    const [header, ...rows] = sheets["断面水质"];
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((x) => [x[col("断面（点位）")], x[col("本月类别")], x[col("是否达标")], x[col("主要污染指标（超标倍数）")], x[col("样本数")]])).toEqual([
      ["大沙河上游断面", "Ⅱ类", "达标", null, 2],
      ["大沙河中游断面", "Ⅴ类", "未达标", "氨氮（0.8）、化学需氧量（0.25）", 2],
      ["大沙河下游断面", "劣Ⅴ类", "未达标", "氨氮（1.5）", 1],
    ]);
    const figures = Object.fromEntries(sheets["概况"].slice(1).map(([k, v]) => [k, v]));
    expect(figures).toMatchObject({ "达标率（%）": 33.3, "Ⅱ类": 1, "Ⅴ类": 1, "劣Ⅴ类": 1, "有目标断面数": 3, "达标断面数": 1 });
  });

  it("generates May's campaign report: overdue task, missed round, the 督办 rung of May only, and the ranking", async () => {
    const r = await admin.post("/api/reports", { kind: "campaign_progress", period: "2024-05" });
    expect(r.status).toBe(200);
    const sheets = await readReportXlsx((await download(admin, r.body.data.files.xlsx.url)).bytes);
    expect(sheets["逾期任务"].slice(1)).toEqual([["1", "入河排污口排查整治", "区生态环境分局", "2024-05-10", 21]]);
    expect(sheets["调度报送"].slice(1)).toEqual([["区生态环境分局", "1", "5月上旬调度", "2024-05-15", "未报送", 16]]);
    expect(sheets["督办情况"].slice(1)).toEqual([["2024-05-20", "督办通知", "区生态环境分局", "1", null]]);
    // A: 3 obligations due, 1 on time → 33.3; overdue 21 + 16 days × 0.5 = 18.5; 督办通知 2 → 12.8. B: nothing due → 100.
    expect(sheets["单位排名"].slice(1)).toEqual([[1, "区水利局", 100, null, 0, 0], [2, "区生态环境分局", 12.8, 33.3, 37, 2]]);
    const figures = Object.fromEntries(sheets["概况"].slice(1).map(([k, v]) => [k, v]));
    expect(figures).toMatchObject({ 任务总数: 3, 已完成: 1, 推进中: 2, 逾期未完成: 1, 未到期: 1, 本月到期: 1, 未报送次数: 1, 督办措施次数: 1 });
    const text = await docText((await download(admin, r.body.data.files.docx.url)).bytes);
    expect(text).toContain("共3项任务，已完成1项，推进中2项。");
    expect(text).toContain("本月共采取督办措施1次：督办通知1次。");
  });

  it("keeps every version, marks the newest, and shows each role only the reports it may read", async () => {
    const again = await admin.post("/api/reports", { kind: "water_quality", period: "2024-05" });
    expect(again.body.data.version).toBe(2);
    const list = await admin.get("/api/reports?period=2024-05");
    expect(list.body.data.map((x: { kind: string; version: number; latest: boolean }) => [x.kind, x.version, x.latest])).toEqual([
      ["campaign_progress", 1, true], ["water_quality", 2, true], ["water_quality", 1, false],
    ]);
    expect(list.body.can).toEqual({ generate: true, mail: false });
    const opList = await operator.get("/api/reports");
    expect(new Set(opList.body.data.map((x: { kind: string }) => x.kind))).toEqual(new Set(["water_quality"]));
    const campaign = list.body.data.find((x: { kind: string }) => x.kind === "campaign_progress");
    expect((await download(operator, campaign.files.docx.url)).status).toBe(403);
    expect((await download(staff, campaign.files.docx.url)).status).toBe(200);
    expect((await staff.post("/api/reports", { kind: "water_quality", period: "2024-05" })).status).toBe(403);
  });

  it("refuses a month not yet begun and a malformed one, storing nothing", async () => {
    const before = (await admin.get("/api/reports")).body.data.length;
    const future = await admin.post("/api/reports", { kind: "water_quality", period: "2999-01" });
    expect(future.status).toBe(400);
    expect(future.body.error).toBe("report.future_period");
    const bad = await admin.post("/api/reports", { kind: "water_quality", period: "2024-13" });
    expect(bad.body.data.issues).toEqual([expect.objectContaining({ path: "period" })]);
    expect((await admin.get("/api/reports")).body.data.length).toBe(before);
  });

  it("publishes the newest water-quality report of each month, never a campaign report", async () => {
    const anon = new TestClient(s.app);
    const pub = await anon.get("/api/public/reports");
    expect(pub.body.data.map((x: { kind: string; version: number }) => [x.kind, x.version])).toEqual([["water_quality", 2]]);
    const file = await download(anon, pub.body.data[0].files.xlsx.url);
    expect(file.status).toBe(200);
    expect((await readReportXlsx(file.bytes))["断面水质"]).toHaveLength(4);
    const campaign = (await admin.get("/api/reports?kind=campaign_progress")).body.data[0];
    expect((await download(anon, `/api/public/reports/${campaign.id}/docx`)).status).toBe(404);
  });

  it("audits generation with the files' hashes", async () => {
    const entries = await s.db.selectFrom("audit_events").select(["data", "actor_name"]).where("action", "=", "report.generate").execute();
    expect(entries).toHaveLength(3);
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    for (const e of entries) expect(files.get((e.data as { docxSha256: string }).docxSha256)).not.toBeNull();
  });
});
