import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { toIsoDate, addDays } from "../../../domain/supervision/days";
import { PNG_1X1 } from "../supervision/testFixtures";
import { insertReadings } from "../../repositories/reading.repository";

/** A small plan written for this test: one unknown name (区水务集团), one unregistered spelling (中站环保分局). */
const PLAN = `中环攻坚办〔2030〕7号

中站区2030年水污染防治攻坚战实施方案

一、工作目标

城市集中式饮用水水源地取水水质达标率达到100%。到2030年底，万元工业增加值用水量较2028年下降3%。

二、主要任务

（一）城市水体

1.开展排污口排查。2030年5月底前完成排查。（中站环保分局牵头，区水务集团参与，各办事处负责落实）

2.推进雨污分流。2030年10月底前完成改造。（区住房和城乡建设局牵头）

三、保障措施

（一）制定实施方案。各办事处要制定实施方案，5月20日前报区攻坚办。
`;

async function docxOf(text: string) {
  return Packer.toBuffer(new Document({ sections: [{ children: text.split("\n").map((l) => new Paragraph(l)) }] }));
}

describe.each(ENGINES)("reviewed plan import, milestones, dashboard and indicators on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let eco: { id: string };
  let planId: string;
  let sourceText: string;

  beforeAll(async () => {
    s = await createTestServer(engine);
    eco = await buildUnit(s.db, { name: "中站生态环境分局", kind: "branch" });
    await buildUnit(s.db, { name: "区住房和城乡建设局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
    admin = await TestClient.signIn(s.app, "admin");
  });
  afterAll(() => s.close());

  it("previews an uploaded .docx: tasks with spans, unknown names, the annual plans' due date and indicators", async () => {
    const r = await admin.post("/api/plans/preview", { file: { fileName: "方案.docx", contentBase64: (await docxOf(PLAN)).toString("base64") } });
    expect(r.status).toBe(200);
    const { parsed, normalizedText, annualPlanDueOn, indicators } = r.body.data;
    sourceText = r.body.data.sourceText;
    expect(parsed.docNumber).toBe("中环攻坚办〔2030〕7号");
    expect(parsed.tasks.map((t: any) => t.number)).toEqual(["1", "2"]);
    expect(parsed.unknownUnits.map((u: any) => u.name).sort()).toEqual(["中站环保分局", "区水务集团"].sort());
    const lead = parsed.tasks[0].clauses.find((c: any) => c.role === "lead");
    expect(normalizedText.slice(lead.span.start, lead.span.end)).toBe("中站环保分局牵头");
    expect(annualPlanDueOn).toBe("2030-05-20");
    expect(indicators.map((i: any) => [i.code, i.comparison, i.target, i.baselineYear])).toEqual([
      ["drinking_intake", "at_least", 100, null], ["industrial_water", "decrease", 3, 2028],
    ]);
    expect((await admin.post("/api/plans/preview", { file: { fileName: "a.pdf", contentBase64: Buffer.from("%PDF-1.4 x").toString("base64") } })).body.data.issues[0].path).toBe("file");
  });

  it("refuses while names are unknown and keeps nothing; imports with the reviewer's decisions and corrections", async () => {
    const refused = await admin.post("/api/plans", { text: sourceText, confirm: true });
    expect(refused.status).toBe(400);
    expect(refused.body.data.issues.map((i: any) => i.message).join()).toContain("区水务集团");
    expect(await s.db.selectFrom("plans").selectAll().execute()).toEqual([]);

    const badCorrection = await admin.post("/api/plans", {
      text: sourceText, confirm: true,
      decisions: [{ name: "中站环保分局", action: "alias", unitId: eco.id }, { name: "区水务集团", action: "create", kind: "other" }],
      corrections: [{ number: "2", units: { lead: ["不存在的局"] } }],
    });
    expect(badCorrection.body.data.issues[0].path).toBe("corrections.0.units.lead.0");
    // The directory changes of a refused import are rolled back with it.
    expect((await s.db.selectFrom("units").select("name").execute()).map((u) => u.name)).not.toContain("区水务集团");

    const ok = await admin.post("/api/plans", {
      text: sourceText, confirm: true,
      decisions: [{ name: "中站环保分局", action: "alias", unitId: eco.id }, { name: "区水务集团", action: "ignore" }],
      corrections: [{ number: "2", deadlines: [{ date: "2030-11-30", text: "2030年11月底前完成改造" }], units: { lead: ["区住房和城乡建设局"], participant: ["中站生态环境分局"] } }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ tasks: 2, indicators: 2, annualPlanDueOn: "2030-05-20" });
    planId = ok.body.data.planId;
    const aliases = await s.db.selectFrom("unit_aliases").select("alias").where("unit_id", "=", eco.id).execute();
    expect(aliases.map((a) => a.alias)).toContain("中站环保分局");
    const plan = (await admin.get(`/api/plans/${planId}`)).body.data;
    const byRole = (n: number, role: string) => plan.tasks[n].units.filter((u: any) => u.role === role).map((u: any) => u.unitName ?? u.collective);
    expect(byRole(0, "lead")).toEqual(["中站生态环境分局"]);
    expect(byRole(0, "participant")).toEqual([]);
    expect(byRole(1, "participant")).toEqual(["中站生态环境分局"]);
    expect(plan.tasks[1].deadlines.map((d: any) => d.dueOn)).toEqual(["2030-11-30"]);
    const actions = (await s.db.selectFrom("audit_events").select("action").orderBy("seq").execute()).map((a) => a.action);
    expect(actions.slice(-3)).toEqual(["unit.update", "plan.import", "plan.review"]);
    // The same document number again, even as other text, is the same plan.
    const again = await admin.post("/api/plans", { text: sourceText.replace("推进雨污分流", "推进雨污分流改造"), confirm: true, decisions: [{ name: "区水务集团", action: "ignore" }] });
    expect(again.status).toBe(409);
  });

  it("a unit reports a milestone met with evidence; the dashboard counts it; the office revokes it", async () => {
    const staff = await TestClient.signIn(s.app, "eco.staff");
    const task = (await staff.get(`/api/tasks?mine=1&planId=${planId}`)).body.data.find((t: any) => t.number === "1");
    expect(task.myReportingUnitIds).toEqual([eco.id]);
    const deadlineId = task.deadlines[0].id;
    const today = toIsoDate(Date.now());
    const future = await staff.post(`/api/tasks/${task.id}/milestones`, { deadlineId, completedOn: addDays(today, 1), note: "完成" });
    expect(future.body.data.issues[0].path).toBe("completedOn");
    const r = await staff.post(`/api/tasks/${task.id}/milestones`, {
      deadlineId, completedOn: today, note: "完成 12 个排污口排查", attachments: [{ fileName: "排查表.png", contentBase64: PNG_1X1.toString("base64") }],
    });
    expect(r.status).toBe(200);
    expect(r.body.data.attachments[0]).toMatchObject({ fileName: "排查表.png", contentType: "image/png" });
    expect((await staff.get(r.body.data.attachments[0].url)).status).toBe(200);
    expect((await staff.post(`/api/tasks/${task.id}/milestones`, { deadlineId, completedOn: today, note: "再报" })).status).toBe(409);

    const dash = (await admin.get(`/api/plans/${planId}/dashboard`)).body.data;
    const ecoRow = dash.byUnit.find((u: any) => u.unitId === eco.id);
    // Task 1 for eco: reported done; task 2 has eco only as participant (no milestone of its own).
    expect(ecoRow).toMatchObject({ milestones: 1, done: 1 });

    expect((await staff.post(`/api/milestones/${r.body.data.id}/revoke`, { reason: "材料不全" })).status).toBe(403);
    expect((await admin.post(`/api/milestones/${r.body.data.id}/revoke`, { reason: "排查表无盖章" })).status).toBe(200);
    const after = (await admin.get(`/api/plans/${planId}/dashboard`)).body.data.byUnit.find((u: any) => u.unitId === eco.id);
    expect(after.done).toBe(0);
  });

  it("judges indicators: entered values with their documents, baseline for a relative target", async () => {
    const list = (await admin.get(`/api/indicators?planId=${planId}`)).body.data;
    const water = list.find((i: any) => i.code === "industrial_water");
    expect(water.status.light).toBe("none");
    const noDoc = await admin.post(`/api/indicators/${water.id}/values`, { period: "2030", value: 24 });
    expect(noDoc.body.data.issues[0].path).toBe("sourceDocument");
    await admin.post(`/api/indicators/${water.id}/values`, { period: "2028", value: 25, sourceDocument: "《2028年焦作市水资源公报》" });
    const r = await admin.post(`/api/indicators/${water.id}/values`, { period: "2030", value: 24.5, sourceDocument: "区统计局《2030年工业用水统计》" });
    // (25 − 24.5) ÷ 25 = 2% against a 3% target: red without an amber margin …
    expect(r.body.data.indicator.status).toEqual({ light: "red", achieved: 2, shortfall: 1 });
    // … amber with a margin of 1 point.
    const patched = await admin.patch(`/api/indicators/${water.id}`, { amberMargin: 1 });
    expect(patched.body.data.status.light).toBe("amber");
    const drinking = (await admin.get(`/api/indicators?planId=${planId}&year=2030`)).body.data.find((i: any) => i.code === "drinking_intake");
    expect(drinking).toMatchObject({ method: "drinking_intake", value: null, status: { light: "none" } });
  });

  it("computes 万元工业增加值用水量 from the enterprises' yearly figures; an entered value still comes first", async () => {
    const ent = async (code: string) => (await s.db.insertInto("enterprises").values({ code, name: `企业${code}`, unit_id: eco.id }).returning("id").executeTakeFirstOrThrow()).id;
    const [a, b] = [await ent("E1"), await ent("E2")];
    await s.db.insertInto("enterprise_years").values([
      // 2028: (60 000 + 40 000) m³ ÷ (2 000 + 2 000) 万元 = 25 m³/万元; 2030: (50 000 + 46 000) ÷ (2 000 + 2 000) = 24 m³/万元 → −4%.
      { enterprise_id: a, year: 2028, water_m3: 60_000, value_added_wan: 2_000 }, { enterprise_id: b, year: 2028, water_m3: 40_000, value_added_wan: 2_000 },
      { enterprise_id: a, year: 2030, water_m3: 50_000, value_added_wan: 2_000 }, { enterprise_id: b, year: 2030, water_m3: 46_000, value_added_wan: 2_000 },
      // Without value added: left out.
      { enterprise_id: (await ent("E3")), year: 2030, water_m3: 9_999, value_added_wan: null },
    ]).execute();
    const plan2 = await s.db.insertInto("plans").values({ title: "另一方案", year: 2030, source_text: "x", source_sha256: "e".repeat(64) }).returning("id").executeTakeFirstOrThrow();
    const [def] = await s.db.insertInto("indicators").values({
      plan_id: plan2.id, code: "industrial_water", name: "万元工业增加值用水量", unit: "m³/万元", comparison: "decrease", target_value: 3, target_year: 2030,
      baseline_year: 2028, formula: "…", method: "industrial_water",
    }).returning("id").execute();
    const view = (await admin.get(`/api/indicators?planId=${plan2.id}`)).body.data.find((i: any) => i.id === def.id);
    expect(view).toMatchObject({ value: 24, valueSource: "computed", computedBaseline: 25, status: { light: "green", achieved: 4, shortfall: 0 } });
    expect(view.computed.detail).toMatchObject({ counted: 2, incomplete: 1, waterM3: 96_000, valueAddedWan: 4_000 });
  });

  it("computes 取水水质达标率 from the intake's readings: current versions, ½·DL, QC failures left out, Beijing months", async () => {
    const intake = await s.db.insertInto("monitoring_points").values({ code: "QS01", name: "某水厂取水口", kind: "drinking_intake", water_body_type: "river", target_class: 2 })
      .returning("id").executeTakeFirstOrThrow();
    const tp = (t: string, value: number, extra: Record<string, unknown> = {}) =>
      ({ point_id: intake.id, factor: "w21011", period: "sample" as const, t: new Date(t), value, source: "lab" as const, ...extra });
    await insertReadings(s.db, [
      tp("2030-01-15T02:00:00Z", 0.1), // TP 0.1 ≤ 0.2 (class III, river): complies
      tp("2030-02-15T02:00:00Z", 0.3), tp("2030-02-15T02:00:00Z", 0.15, { version: 2 }), // corrected to 0.15: complies
      tp("2030-03-15T02:00:00Z", 0.5, { qc_flag: 4 }), // failed QC: no part, March has no data
      tp("2030-04-15T02:00:00Z", 0.3, { below_dl: true, detection_limit: 0.3 }), // <0.3 → 0.15: complies
      tp("2030-12-31T20:00:00Z", 0.9), // 2031-01-01 04:00 in Beijing: next year
    ]);
    const ind = (await admin.get(`/api/indicators?planId=${planId}&year=2030`)).body.data.find((i: any) => i.code === "drinking_intake");
    expect(ind.computed.detail).toMatchObject({ weighted: false, months: 3, compliantMonths: 3 });
    expect(ind).toMatchObject({ value: 100, valueSource: "computed", status: { light: "green" } });
    await insertReadings(s.db, [tp("2030-05-15T02:00:00Z", 0.4)]);
    const worse = (await admin.get(`/api/indicators?planId=${planId}&year=2030`)).body.data.find((i: any) => i.code === "drinking_intake");
    expect(worse.value).toBe(75);
    expect(worse.computed.detail.failing).toEqual([{ code: "QS01", name: "某水厂取水口", month: "2030-05", failures: ["w21011"] }]);
  });
});
