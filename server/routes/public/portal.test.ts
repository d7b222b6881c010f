import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { insertReadings } from "../../repositories/reading.repository";
import { insertGoals, insertPlan } from "../../repositories/plan.repository";

describe.each(ENGINES)("public portal reads on %s", (engine) => {
  let s: TestServer;
  const anon = () => new TestClient(s.app);
  beforeAll(async () => {
    s = await createTestServer(engine);
    const p = await s.db.insertInto("monitoring_points")
      .values({ code: "S9", name: "测试断面", kind: "section", level: "county", water_body_type: "river", target_class: 3, lat: 35.2, lon: 113.2 })
      .returning("id").executeTakeFirstOrThrow();
    // The same water against a class Ⅱ target: not attained, one class short.
    const strict = await s.db.insertInto("monitoring_points")
      .values({ code: "S8", name: "严格断面", kind: "section", level: "county", water_body_type: "river", target_class: 2, lat: 35.21, lon: 113.2 })
      .returning("id").executeTakeFirstOrThrow();
    await insertReadings(s.db, [["w21003", 0.6], ["w01019", 4], ["w01009", 6]].map(([factor, value]) => ({
      point_id: strict.id, factor: factor as string, period: "sample" as const, t: new Date("2024-05-12T02:00:00Z"), value: value as number, flag: null, source: "lab" as const,
    })));
    const at = (d: string) => new Date(`2024-05-${d}T02:00:00Z`);
    const r = (t: Date, factor: string, value: number, qc = 2) => ({ point_id: p.id, factor, period: "sample" as const, t, value, flag: null, source: "lab" as const, qc_flag: qc });
    await insertReadings(s.db, [
      r(at("10"), "w21003", 0.4), r(at("10"), "w01019", 4), r(at("10"), "w01009", 6),
      r(at("20"), "w21003", 0.8, 1), r(at("20"), "w01019", 4, 1), r(at("20"), "w01009", 6, 3),
      // A value that failed QC: left out of the month (it would make the section 劣Ⅴ).
      r(at("15"), "w21003", 5.0, 4),
    ]);
    const plan = await insertPlan(s.db, { title: "测试方案", docNumber: "测〔2024〕1号", issuer: null, issuedOn: null, year: 2024, sourceText: "x", sourceSha256: randomBytes(32).toString("hex"), importedBy: null });
    await insertGoals(s.db, plan.id, [{ text: "城市集中式饮用水水源地取水水质达标率达到100%", targets: [] }]);
    const ind = await sql<{ id: string }>`insert into indicators (plan_id, code, name, unit, comparison, target_value, target_year, formula, method, amber_margin)
      values (${plan.id}, 'dw_rate', '饮用水水源地达标率', '%', 'at_least', 100, 2024, '达标次数 ÷ 监测次数', 'entered', 5) returning id`.execute(s.db);
    await sql`insert into indicator_values (indicator_id, period, value, source, source_document) values (${ind.rows[0].id}, '2024', 97, 'entered', '《2024年水质公报》')`.execute(s.db);
  });
  afterAll(() => s.close());

  it("classes the month from the means, ranks by CWQI and says which readings it used", async () => {
    const r = await anon().get("/api/public/water-quality?month=2024-05");
    expect(r.status).toBe(200);
    const sec = r.body.data.sections.find((x: { code: string }) => x.code === "S9");
    expect(r.body.data.sections.find((x: { code: string }) => x.code === "S8")).toMatchObject({ class: 3, attainment: false, classesShort: 1 });
    // Means: NH3-N (0.4+0.8)/2 = 0.6 → Ⅲ; COD_Mn 4 → Ⅱ; DO 6 → Ⅱ; the month is Ⅲ, its target met.
    expect(sec).toMatchObject({ code: "S9", class: 3, attainment: true });
    expect(sec.rank).toBeGreaterThan(0);
    // CWQI = 0.6/1.0 + 4/6 + 5/6 = 2.1
    expect(sec.index).toBeCloseTo(2.1, 3);
    expect(sec.provenance).toMatchObject({ period: "sample", samples: 2, readings: 7, qc: { failedExcluded: 1, suspect: 1, passed: 2, notEvaluated: 3 } });
    const one = await anon().get("/api/public/water-quality/S9?month=2024-05");
    const means = one.body.data.section.detail.means;
    expect(Object.keys(means).sort()).toEqual(["w01009", "w01019", "w21003"]);
    expect(means.w21003).toBeCloseTo(0.6, 9);
    expect([means.w01009, means.w01019]).toEqual([6, 4]);
    expect(one.body.data.rules.ranking).toContain("环办监测〔2017〕51号");
    expect((await anon().get("/api/public/water-quality/NOPE?month=2024-05")).status).toBe(404);
  });

  it("shows the plan's goals and each indicator's light with its source", async () => {
    const r = await anon().get("/api/public/overview");
    expect(r.body.data.plan).toMatchObject({ title: "测试方案", docNumber: "测〔2024〕1号" });
    expect(r.body.data.goals.map((g: { text: string }) => g.text)).toEqual(["城市集中式饮用水水源地取水水质达标率达到100%"]);
    // 97 against at least 100 with a 5-point amber band: amber, 3 short.
    expect(r.body.data.indicators).toEqual([expect.objectContaining({ code: "dw_rate", value: 97, light: "amber", shortfall: 3, source: expect.objectContaining({ kind: "entered", document: "《2024年水质公报》" }) })]);
    expect(JSON.stringify(r.body)).not.toMatch(/recorded_by|user/);
  });
});
