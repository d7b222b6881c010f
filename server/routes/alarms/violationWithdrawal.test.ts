import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewReading } from "../../db/schema";
import { insertReadings } from "../../repositories/reading.repository";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { DischargeTask } from "../../jobs/dischargeTask";
import { readingReviewer } from "../../commands/readingReviewer";
import { sql } from "kysely";

const H = 3_600_000;
const DAY = 24 * H;
// Two China days a few days ago (inside the six-month status window); the scheduled run at 00:00 China time of the
// day after D2, with a three-day window, evaluates D1 and D2.
const TODAY = Math.floor((Date.now() + 8 * H) / DAY) * DAY - 8 * H;
const D1 = TODAY - 5 * DAY;
const D2 = D1 + DAY;
const RUN = new Date(D2 + DAY);
const dayOf = (t: number) => new Date(t + 8 * H).toISOString().slice(0, 10);
const [DAY1, DAY2] = [dayOf(D1), dayOf(D2)];

describe.each(ENGINES)("violations follow review decisions on %s", (engine) => {
  let s: TestServer;
  let op: TestClient;
  let staff: TestClient;
  let outletId: string;
  let enterpriseId: string;
  const task = new DischargeTask({ days: 3, minHours: 18 });
  const cod = (t: number, value: number): NewReading => ({ point_id: outletId, factor: "w01018", period: "hour", t: new Date(t), value, flag: "N", source: "gateway" });
  const item = (t: number, version = 1) => ({ pointId: outletId, factor: "w01018", period: "hour", t: new Date(t).toISOString(), version });
  const violations = async () => (await staff.get(`/api/alarms/violations?pointId=${outletId}`)).body.data as {
    id: string; day: string; mean: number; exceedMultiple: number; status: string;
    withdrawal: null | { cause: string; reason: string; hours: number; mean: number | null; byName: string | null; correlationId: string | null };
  }[];
  const status = async () => {
    const d = (await staff.get("/api/alarms/noncompliance")).body.data;
    const o = d.outlets.find((x: { pointId: string }) => x.pointId === outletId);
    const e = d.enterprises.find((x: { enterpriseId: string }) => x.enterpriseId === enterpriseId);
    return { outlet: o.status, evaluated: o.factors[0].evaluated, exceeded: o.factors[0].exceeded, enterprise: e.status };
  };

  beforeAll(async () => {
    s = await createTestServer(engine);
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"] });
    [op, staff] = await Promise.all(["op", "staff"].map((u) => TestClient.signIn(s.app, u)));
    const unit = await buildUnit(s.db, { name: "中站生态环境分局" });
    enterpriseId = (await s.db.insertInto("enterprises").values({ code: "QY-02", name: "某印染企业", unit_id: unit.id }).returning("id").executeTakeFirstOrThrow()).id;
    outletId = (await s.db.insertInto("monitoring_points").values({ code: "O02", name: "印染厂总排口", kind: "outlet", enterprise_id: enterpriseId })
      .returning("id").executeTakeFirstOrThrow()).id;
    await s.db.insertInto("point_limits").values({ point_id: outletId, factor: "w01018", upper_limit: 100, lower_limit: null, basis: "排污许可证" }).execute();
    // D1: 20 hours at 90 and hours 8–11 at 300 → mean (20 × 90 + 4 × 300) / 24 = 3000 / 24 = 125 > 100 (multiple 0.25).
    // D2: 24 hours at 80 → mean 80.
    await insertReadings(s.db, [
      ...Array.from({ length: 24 }, (_, h) => cod(D1 + h * H, h >= 8 && h < 12 ? 300 : 90)),
      ...Array.from({ length: 24 }, (_, h) => cod(D2 + h * H, 80)),
    ]);
  });
  afterAll(() => s.close());

  it("rejecting the exceeding values withdraws the violation with the review's reason; a correction upward opens one", async () => {
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 2, opened: 1, withdrawn: 0, revised: 0 });
    let v = await violations();
    expect(v.map((x) => [x.day, x.mean, x.exceedMultiple, x.status])).toEqual([[DAY1, 125, 0.25, "open"]]);
    // 1 of 2 days exceeds (50% < 66%: not chronic); 125 ≥ 1.2 × 100 on 1 of 2 days (50% ≥ 33%: TRC) → significant.
    expect(await status()).toEqual({ outlet: "significant", evaluated: 2, exceeded: 1, enterprise: "significant" });

    // Reject hours 8–11 of D1: 20 valid hours remain (≥ 18), mean 90 ≤ 100 → withdrawn at once, the record kept.
    const reject = await op.post("/api/review/decisions", { items: [8, 9, 10, 11].map((h) => item(D1 + h * H)), decision: "reject", reason: "仪表校准期间的异常值" });
    expect(reject.status).toBe(200);
    expect(reject.body.data.violations).toEqual({ opened: 0, withdrawn: 1, revised: 0 });
    v = await violations();
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ day: DAY1, mean: 125, status: "withdrawn",
      withdrawal: { cause: "reject", reason: "仪表校准期间的异常值", hours: 20, mean: 90, byName: "用户op" } });
    expect(await status()).toEqual({ outlet: "compliant", evaluated: 2, exceeded: 0, enterprise: "compliant" });
    // The withdrawal is audited by the reviewer, in the review's request (same correlation id as the review entry).
    const audits = await s.db.selectFrom("audit_events").select(["action", "actor_name", "correlation_id", "data"]).where("entity_id", "=", v[0].id).orderBy("seq").execute();
    expect(audits.map((a) => [a.action, a.actor_name])).toEqual([["violation.record", "系统（排放评价）"], ["violation.withdraw", "用户op"]]);
    const review = await s.db.selectFrom("audit_events").select("correlation_id").where("action", "=", "reading.review.reject").executeTakeFirstOrThrow();
    expect(audits[1].correlation_id).toBe(review.correlation_id);
    expect(v[0].withdrawal!.correlationId).toBe(review.correlation_id);
    expect(audits[1].data).toMatchObject({ cause: "reject", reason: "仪表校准期间的异常值", hours: 20, mean: 90 });
    // The next run finds the day settled.
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 2, opened: 0, withdrawn: 0, revised: 0 });

    // Correct D2 hour 5 from 80 to 680 (a new version): mean (23 × 80 + 680) / 24 = 2520 / 24 = 105 > 100 → a violation.
    const correct = await op.post("/api/review/decisions", { items: [item(D2 + 5 * H)], decision: "correct", reason: "比对监测结果修正", value: 680 });
    expect(correct.status).toBe(200);
    expect(correct.body.data).toMatchObject({ decided: 1, correctedVersion: 2, violations: { opened: 1, withdrawn: 0, revised: 0 } });
    v = await violations();
    expect(v.map((x) => [x.day, x.mean, x.exceedMultiple, x.status])).toEqual([[DAY2, 105, 0.05, "open"], [DAY1, 125, 0.25, "withdrawn"]]);
    // 1 of 2 days exceeds, 105 < 120 → no TRC: violation (and so is the enterprise).
    expect(await status()).toEqual({ outlet: "violation", evaluated: 2, exceeded: 1, enterprise: "violation" });
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 2, opened: 0, withdrawn: 0, revised: 0 });

    // Reject seven of D2's other hours: 17 valid hours < 18 → the day is no longer evaluated and its violation withdrawn.
    const seven = await op.post("/api/review/decisions", { items: [0, 1, 2, 3, 4, 6, 7].map((h) => item(D2 + h * H)), decision: "reject", reason: "停产检修期间数据" });
    expect(seven.body.data.violations).toEqual({ opened: 0, withdrawn: 1, revised: 0 });
    v = await violations();
    expect(v[0]).toMatchObject({ day: DAY2, status: "withdrawn", withdrawal: { cause: "reject", reason: "停产检修期间数据", hours: 17, mean: null } });
    expect(await status()).toEqual({ outlet: "compliant", evaluated: 1, exceeded: 0, enterprise: "compliant" });
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 1, opened: 0, withdrawn: 0, revised: 0 });
  });

  it("a correction made on the data page re-evaluates its day at once, as a review decision does", async () => {
    // D1 now: 20 valid hours at 90. Hour 0 corrected to 410 → (19 × 90 + 410) / 20 = 2120 / 20 = 106 > 100.
    const up = await op.post("/api/readings/corrections", { pointId: outletId, factor: "w01018", period: "hour", t: new Date(D1).toISOString(), value: 410, reason: "核对原始记录后修正" });
    expect(up.status).toBe(200);
    expect(up.body.data.violations).toEqual({ opened: 1, withdrawn: 0, revised: 0 });
    const reopened = (await violations()).find((x) => x.day === DAY1)!;
    expect(reopened).toMatchObject({ mean: 106, status: "open", withdrawal: null });
    expect((reopened.exceedMultiple * 100).toFixed(2)).toBe("6.00");
    // The scheduled run finds nothing left to do.
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 1, opened: 0, withdrawn: 0, revised: 0 });
    // Back to 90: mean 90 → withdrawn by this correction, with its reason and author.
    const down = await op.post("/api/readings/corrections", { pointId: outletId, factor: "w01018", period: "hour", t: new Date(D1).toISOString(), value: 90, reason: "撤回错误的修正" });
    expect(down.body.data.violations).toEqual({ opened: 0, withdrawn: 1, revised: 0 });
    expect((await violations()).find((x) => x.day === DAY1)).toMatchObject({
      status: "withdrawn", withdrawal: { cause: "correct", reason: "撤回错误的修正", hours: 20, mean: 90, byName: "用户op" },
    });
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 1, opened: 0, withdrawn: 0, revised: 0 });
  });

  it("a change that bypasses review and corrections is still caught by the scheduled run, which withdraws as the system", async () => {
    // D1 is at 90 over 20 hours and withdrawn; an hourly value raised straight in the table (as an import or
    // another tool might) to 410 → mean 106: the run reopens it; lowered back → the run withdraws it.
    const raise = (v: number) => s.db.updateTable("readings").set({ value: v }).where("point_id", "=", outletId).where("factor", "=", "w01018").where("period", "=", "hour").where("t", "=", new Date(D1)).execute();
    await raise(410);
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 1, opened: 1, withdrawn: 0, revised: 0 });
    expect((await violations()).find((x) => x.day === DAY1)).toMatchObject({ mean: 106, status: "open", withdrawal: null });
    await raise(90);
    expect(await task.run({ db: s.db, now: RUN })).toEqual({ evaluated: 1, opened: 0, withdrawn: 1, revised: 0 });
    expect((await violations()).find((x) => x.day === DAY1)).toMatchObject({
      status: "withdrawn", withdrawal: { cause: "evaluation", reason: "重新评价后该日不再超过许可限值", hours: 20, mean: 90, byName: null },
    });
  });

  it("confirming a finding that rejects its window's values withdraws the violation as the finding's", async () => {
    // D0, the day before D1: hours 0–11 at 90, 12–23 at 150 → mean (12 × 90 + 12 × 150) / 24 = 2880 / 24 = 120 > 100.
    const D0 = D1 - DAY;
    await insertReadings(s.db, Array.from({ length: 24 }, (_, h) => cod(D0 + h * H, h < 12 ? 90 : 150)));
    expect(await new DischargeTask({ days: 2, minHours: 18 }).run({ db: s.db, now: new Date(D1) })).toEqual({ evaluated: 1, opened: 1, withdrawn: 0, revised: 0 });
    const finding = await s.db.insertInto("qc_findings").values({
      rule: "narrow_variation", point_id: outletId, factors: ["w01018"], period: "hour", window_from: new Date(D0 + 12 * H), window_to: new Date(D0 + 23 * H),
      severity: "serious", numbers: JSON.stringify({}), summary: "12 小时内变化不足量程 2%",
    }).returning("id").executeTakeFirstOrThrow();
    const decided = await op.post(`/api/quality/findings/${finding.id}/decision`, { decision: "confirm", reason: "现场核查确认人为干预", rejectData: true });
    expect(decided.status).toBe(200);
    expect(decided.body.data.rejected).toBe(12);
    // 12 valid hours left (< 18): no longer evaluated.
    expect((await violations()).find((x) => x.day === dayOf(D0))).toMatchObject({
      mean: 120, status: "withdrawn", withdrawal: { cause: "finding", reason: "线索确认：现场核查确认人为干预", hours: 12, mean: null, byName: "用户op" },
    });
  });

  // Several connections only on PostgreSQL (PGlite has one, so the two cannot overlap there).
  it.skipIf(engine === "pglite")("a scheduled run during a review waits for it and does not reopen what the review withdrew", async () => {
    // D3: 24 hours at 150 → mean 150, a violation; the run at 00:00 after D3 evaluates D2 (short) and D3.
    const D3 = D2 + DAY;
    const run = new Date(D3 + DAY);
    await insertReadings(s.db, Array.from({ length: 24 }, (_, h) => cod(D3 + h * H, 150)));
    expect(await task.run({ db: s.db, now: run })).toEqual({ evaluated: 1, opened: 1, withdrawn: 0, revised: 0 });
    const reviewer = await s.db.selectFrom("users").select(["id", "display_name"]).where("username", "=", "op").executeTakeFirstOrThrow();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reviewed!: () => void;
    const inside = new Promise<void>((r) => (reviewed = r));
    // The review rejects all of D3 and holds its transaction open until the run is seen waiting.
    const review = s.db.transaction().execute(async (trx) => {
      const r = await readingReviewer({ trx, actor: { id: reviewer.id, name: reviewer.display_name }, ip: null, correlationId: "race" }, {
        items: Array.from({ length: 24 }, (_, h) => ({ pointId: outletId, factor: "w01018", period: "hour" as const, t: new Date(D3 + h * H), version: 1 })),
        decision: "reject", reason: "设备故障期间数据",
      });
      reviewed();
      await gate;
      return r;
    });
    await inside;
    const running = task.run({ db: s.db, now: run });
    for (;;) {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(s.db);
      if (waiting.rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    expect((await review).violations).toEqual({ opened: 0, withdrawn: 1, revised: 0 });
    expect(await running).toEqual({ evaluated: 0, opened: 0, withdrawn: 0, revised: 0 });
    expect((await violations()).find((x) => x.day === dayOf(D3))).toMatchObject({
      status: "withdrawn", withdrawal: { cause: "reject", reason: "设备故障期间数据", hours: 0, mean: null },
    });
  });
});
