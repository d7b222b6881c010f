import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewReading } from "../../db/schema";
import { insertReadings } from "../../repositories/reading.repository";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { QualityProcessor } from "../../jobs/qualityProcessor";
import { DischargeTask } from "../../jobs/dischargeTask";

const H = 3_600_000;

describe.each(ENGINES)("alarm routes on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let operator: TestClient;
  let chief: TestClient;
  let staff: TestClient;
  let outletId: string;
  let sectionId: string;
  let processor: QualityProcessor;
  const quiet = { info() {}, error() {} };
  const now = Date.now();
  const cod = (t: number, value: number, period: NewReading["period"] = "rt"): NewReading =>
    ({ point_id: outletId, factor: "w01018", period, t: new Date(t), value, flag: "N", source: "gateway" });

  beforeAll(async () => {
    s = await createTestServer(engine);
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "op", roles: ["monitoring_operator"] });
    await buildUser(s.db, { username: "chief", roles: ["river_chief"] });
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"] });
    [admin, operator, chief, staff] = await Promise.all(["admin", "op", "chief", "staff"].map((u) => TestClient.signIn(s.app, u)));
    const unit = await buildUnit(s.db, { name: "中站生态环境分局" });
    const enterprise = await s.db.insertInto("enterprises").values({ code: "QY-01", name: "某化工企业", unit_id: unit.id }).returning("id").executeTakeFirstOrThrow();
    outletId = (await s.db.insertInto("monitoring_points").values({ code: "O01", name: "某厂总排口", kind: "outlet", enterprise_id: enterprise.id })
      .returning("id").executeTakeFirstOrThrow()).id;
    sectionId = (await s.db.insertInto("monitoring_points").values({ code: "S01", name: "府城断面", kind: "section", water_body_type: "river", target_class: 3 })
      .returning("id").executeTakeFirstOrThrow()).id;
    await s.db.insertInto("point_limits").values({ point_id: outletId, factor: "w01018", upper_limit: 100, lower_limit: null, basis: "排污许可证" }).execute();
    processor = new QualityProcessor(s.db, quiet, { channels: [] });
  });
  afterAll(() => s.close());

  it("validates rules with clear messages", async () => {
    const bad = await admin.post("/api/alarms/rules", {
      name: "断面 COD", severity: "warning", pointId: sectionId, conditions: [{ kind: "threshold", factor: "w01018", basis: "permit" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues).toEqual([{ path: "conditions.0.basis", message: "许可限值只适用于排口" }]);
    const noBound = await admin.post("/api/alarms/rules", { name: "x", severity: "info", conditions: [{ kind: "threshold", factor: "w01018", basis: "value" }] });
    expect(noBound.body.data.issues[0]).toMatchObject({ path: "conditions.0.above", message: "请填写上限或下限" });
    const levels = await admin.post("/api/alarms/rules", {
      name: "x", severity: "info", conditions: [{ kind: "no_data", minutes: 30 }], escalation: [{ afterMinutes: 10 }, { afterMinutes: 5 }],
    });
    expect(levels.body.data.issues[0]).toMatchObject({ path: "escalation", message: "各级的时间须逐级递增" });
    expect((await staff.post("/api/alarms/rules", { name: "x", severity: "info", conditions: [{ kind: "no_data", minutes: 30 }] })).status).toBe(403);
  });

  it("an exceedance becomes an alarm in the list; acknowledged; cleared when values return", async () => {
    const created = await operator.post("/api/alarms/rules", {
      name: "COD 超许可", severity: "severe", pointId: outletId, period: "rt",
      conditions: [{ kind: "threshold", factor: "w01018", basis: "permit" }], repeatMinutes: 10,
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ name: "COD 超许可", combinator: "or", persistenceMinutes: 0, escalation: [] });
    await insertReadings(s.db, [cod(now - 2 * 60_000, 90), cod(now - 60_000, 135)]);
    await processor.tick(new Date(now));
    const list = await staff.get("/api/alarms");
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const a = list.body.data[0];
    expect(a).toMatchObject({ state: "active_unack", severity: "severe", pointCode: "O01", ruleName: "COD 超许可", summary: "化学需氧量 135 > 100（许可限值）" });
    expect(list.body.counts).toEqual([{ active: true, acknowledged: false, severity: "severe", n: 1 }]);
    expect(list.body.policies[a.id]).toEqual({ read: true, acknowledge: false });
    const detail = await chief.get(`/api/alarms/${a.id}`);
    expect(detail.body.data.events.map((e: { kind: string }) => e.kind)).toEqual(["raised", "notified"]);
    expect(detail.body.policies[a.id].acknowledge).toBe(true);
    expect((await staff.post(`/api/alarms/${a.id}/acknowledge`, { note: null })).status).toBe(403);
    const ack = await chief.post(`/api/alarms/${a.id}/acknowledge`, { note: "已电话通知企业" });
    expect(ack.body.data).toMatchObject({ state: "active_ack", ackNote: "已电话通知企业" });
    const again = await operator.post(`/api/alarms/${a.id}/acknowledge`, {});
    expect(again.status).toBe(409);
    await insertReadings(s.db, [cod(now, 60)]);
    await processor.tick(new Date(now + 60_000));
    expect((await staff.get("/api/alarms")).body.data).toHaveLength(0);
    const closed = await staff.get("/api/alarms?state=closed");
    expect(closed.body.data.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([[a.id, "closed"]]);
    const events = (await staff.get(`/api/alarms/${a.id}`)).body.data.events;
    expect(events.map((e: { kind: string; actorName: string | null }) => [e.kind, e.actorName])).toEqual([
      ["raised", null], ["notified", null], ["acknowledged", "用户chief"], ["cleared", null],
    ]);
    expect((await s.db.selectFrom("audit_events").select("action").where("entity_id", "=", a.id).orderBy("seq").execute()).map((x) => x.action))
      .toEqual(["alarm.raise", "alarm.acknowledge", "alarm.clear"]);
  });

  it("changes a rule (audited) and lists rules with policies", async () => {
    const rules = await staff.get("/api/alarms/rules");
    const r = rules.body.data[0];
    expect(rules.body.policies[r.id]).toEqual({ read: true, update: false });
    expect(rules.body.canCreate).toBe(false);
    const patched = await admin.patch(`/api/alarms/rules/${r.id}`, { ...r, enabled: false, persistenceMinutes: 15 });
    expect(patched.body.data).toMatchObject({ enabled: false, persistenceMinutes: 15 });
    expect((await admin.patch("/api/alarms/rules/00000000-0000-4000-8000-000000000000", r)).status).toBe(404);
    const audits = await s.db.selectFrom("audit_events").select("action").where("entity_id", "=", r.id).orderBy("seq").execute();
    expect(audits.map((x) => x.action)).toEqual(["alarm_rule.create", "alarm_rule.update"]);
  });

  it("exceeding China days become violation records; the outlet's status follows the SNC criteria", async () => {
    // Three China days of hourly COD: day 1 mean 110 (violation), day 2 mean 130 (≥ 1.2 × 100), day 3 mean 90.
    const CHINA = 8 * H;
    const todayStart = Math.floor((now + CHINA) / 86_400_000) * 86_400_000 - CHINA;
    // ±1 around each level: identical values for hours would fail the flat-line test and be left out.
    const day = (i: number, values: number[]) => values.map((v, h) => cod(todayStart - (3 - i) * 86_400_000 + h * H, v + (h % 2 ? 1 : -1), "hour"));
    await insertReadings(s.db, [
      ...day(0, [...Array(12).fill(100), ...Array(12).fill(120)]), ...day(1, Array(24).fill(130)), ...day(2, Array(24).fill(90)),
    ]);
    await processor.tick(new Date(now));
    const task = new DischargeTask({ days: 4, minHours: 18 });
    expect(await task.run({ db: s.db, now: new Date(todayStart) })).toMatchObject({ evaluated: 3, opened: 2, withdrawn: 0 });
    expect(await task.run({ db: s.db, now: new Date(todayStart) })).toMatchObject({ opened: 0, withdrawn: 0 });
    const v = await staff.get(`/api/alarms/violations?pointId=${outletId}`);
    expect(v.body.data.map((x: { mean: number; exceedMultiple: number; status: string }) => [x.mean, Math.round(x.exceedMultiple * 100) / 100, x.status]))
      .toEqual([[130, 0.3, "open"], [110, 0.1, "open"]]);
    const nc = await staff.get("/api/alarms/noncompliance");
    const outlet = nc.body.data.outlets.find((o: { pointId: string }) => o.pointId === outletId);
    // 2 of 3 days exceed (67% ≥ 66%: chronic) and 1 of 3 is ≥ 1.2 × limit (33%: TRC)
    expect(outlet).toMatchObject({ status: "significant", enterpriseName: "某化工企业", factors: [{ factor: "w01018", evaluated: 3, exceeded: 2, overTrc: 1, chronic: true, trc: true }] });
    expect(nc.body.data.enterprises).toEqual([expect.objectContaining({ enterpriseName: "某化工企业", status: "significant", outlets: [outletId] })]);
    expect(v.body.data[0].enterpriseName).toBe("某化工企业");
    // Rejecting day 2's values in review leaves day 2 without valid data.
    const rows = await s.db.selectFrom("readings").select(["t", "version"]).where("point_id", "=", outletId).where("period", "=", "hour")
      .where("value", "in", [129, 131]).execute();
    const rejected = await operator.post("/api/review/decisions", {
      items: rows.map((r) => ({ pointId: outletId, factor: "w01018", period: "hour", t: new Date(r.t).toISOString(), version: r.version })),
      decision: "reject", reason: "仪器故障期间数据",
    });
    expect(rejected.body.data.decided).toBe(24);
    // The decision re-evaluates day 2 in its own transaction: no valid hour left, so its violation is withdrawn at once.
    expect(rejected.body.data.violations).toEqual({ opened: 0, withdrawn: 1, revised: 0 });
    expect(await task.run({ db: s.db, now: new Date(todayStart) })).toMatchObject({ evaluated: 2, opened: 0, withdrawn: 0 });
    const after = await staff.get(`/api/alarms/violations?pointId=${outletId}&status=open`);
    expect(after.body.data.map((x: { mean: number }) => x.mean)).toEqual([110]);
    const gone = (await staff.get(`/api/alarms/violations?pointId=${outletId}&status=withdrawn`)).body.data;
    expect(gone.map((x: { mean: number; withdrawal: unknown }) => [x.mean, x.withdrawal])).toEqual([
      [130, expect.objectContaining({ cause: "reject", reason: "仪器故障期间数据", hours: 0, mean: null, byName: "用户op" })],
    ]);
  });
});
