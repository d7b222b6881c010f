import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUser } from "../../test/factories";
import { seedDemoDistrict } from "../../seed/demo";
import { ledgerRows, readLedgerXlsx } from "../../plans/ledger";

const SEED = readFileSync(new URL("../../../../shared/seed/zhongzhan-2022-water-plan.txt", import.meta.url), "utf8");

describe.each(ENGINES)("plan import on %s", (engine) => {
  let s: TestServer;
  let office: TestClient;
  beforeAll(async () => {
    s = await createTestServer(engine);
    await seedDemoDistrict(s.db, "Plan-test-2026-pw");
    office = await TestClient.signIn(s.app, "admin", "Plan-test-2026-pw");
  });
  afterAll(() => s.close());

  it("previews the seed plan against the directory: 19 tasks, no unknown units, spans into the normalised text", async () => {
    const r = await office.post("/api/plans/preview", { text: SEED });
    expect(r.status).toBe(200);
    const { parsed, normalizedText } = r.body.data;
    expect(parsed.docNumber).toBe("中环攻坚办〔2022〕13号");
    expect(parsed.year).toBe(2022);
    expect(parsed.tasks).toHaveLength(19);
    expect(parsed.unknownUnits).toEqual([]);
    const t1 = parsed.tasks[0];
    expect(t1.units.co_lead).toEqual(["区住房和城乡建设局", "中站生态环境分局"]);
    expect(t1.deadlines[0]).toMatchObject({ date: "2022-05-31" });
    const clause = t1.clauses[0];
    expect(normalizedText.slice(clause.span.start, clause.span.end)).toBe(clause.text);
  });

  it("imports once, audited; tasks come back with units by role and deadlines", async () => {
    // The demo district already holds the seed plan: the same document is refused.
    const again = await office.post("/api/plans", { text: SEED, confirm: true });
    expect(again.status).toBe(409);
    const revised = SEED.replace("中环攻坚办〔2022〕13号", "中环攻坚办〔2022〕14号");
    const r = await office.post("/api/plans", { text: revised, confirm: true });
    expect(r.status).toBe(200);
    expect(r.body.data.tasks).toBe(19);
    const list = await office.get("/api/plans");
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[0]).toMatchObject({ docNumber: "中环攻坚办〔2022〕14号", year: 2022, taskCount: 19 });
    expect(list.body.data[1]).toMatchObject({ docNumber: "中环攻坚办〔2022〕13号", year: 2022, taskCount: 19 });
    const plan = await office.get(`/api/plans/${r.body.data.planId}`);
    const t6 = plan.body.data.tasks.find((t: { number: string }) => t.number === "6");
    expect(t6.units.filter((u: { role: string }) => u.role === "lead").map((u: { unitName: string }) => u.unitName)).toEqual(["中站生态环境分局"]);
    expect(t6.units.some((u: { role: string; collective: string | null }) => u.role === "implementer" && u.collective === "各办事处")).toBe(true);
    const audit = await s.db.selectFrom("audit_events").select(["data", "actor_name"]).where("action", "=", "plan.import").orderBy("seq").execute();
    expect(audit.map((a) => a.data)).toMatchObject([{ tasks: 19, docNumber: "中环攻坚办〔2022〕13号" }, { tasks: 19, docNumber: "中环攻坚办〔2022〕14号" }]);
  });

  it("exports the task ledger as .xlsx in the office's layout, and it reads back the same", async () => {
    const [plan] = (await office.get("/api/plans")).body.data.filter((p: { docNumber: string }) => p.docNumber === "中环攻坚办〔2022〕13号");
    const res = await s.app.inject({ method: "GET", url: `/api/plans/${plan.id}/ledger.xlsx`, headers: { cookie: office.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const rows = await readLedgerXlsx(res.rawPayload);
    const detail = await office.get(`/api/plans/${plan.id}`);
    expect(rows).toEqual(ledgerRows(detail.body.data.tasks));
    expect(rows).toHaveLength(19);
    expect(rows[2]).toMatchObject({ 序号: "3", 牵头单位: "区城市管理局", 落实单位: "各办事处", 状态: "推进中" });
    expect(rows[15].完成时限).toBe("2022-10-31");
  });

  it("refuses a plan with a unit the directory does not know, storing nothing", async () => {
    const text = SEED.replace("区城市管理局牵头", "区海洋渔业局牵头").replace("中环攻坚办〔2022〕13号", "中环攻坚办〔2022〕99号");
    const before = await s.db.selectFrom("plans").select("id").execute();
    const preview = await office.post("/api/plans/preview", { text });
    expect(preview.body.data.parsed.unknownUnits.map((u: { name: string }) => u.name)).toContain("区海洋渔业局");
    const r = await office.post("/api/plans", { text, confirm: true });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("validation");
    expect(r.body.message).toContain("未知单位");
    expect(await s.db.selectFrom("plans").select("id").execute()).toEqual(before);
  });

  it("lets staff read but not import; validates input", async () => {
    await buildUser(s.db, { username: "reader", roles: ["unit_staff"] });
    const staff = await TestClient.signIn(s.app, "reader");
    expect((await staff.get("/api/plans")).status).toBe(200);
    expect((await staff.post("/api/plans/preview", { text: SEED })).status).toBe(403);
    const short = await office.post("/api/plans/preview", { text: "太短" });
    expect(short.status).toBe(400);
    expect(short.body.data.issues[0].path).toBe("text");
    expect((await office.post("/api/plans", { text: SEED })).body.data.issues[0].path).toBe("confirm");
  });
});
