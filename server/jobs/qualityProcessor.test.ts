import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { NewReading } from "../db/schema";
import type { CommandContext } from "../context";
import type { Database } from "../db/database";
import { insertReadings } from "../repositories/reading.repository";
import { upsertQcSetting } from "../repositories/qcSettings.repository";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { buildUser } from "../test/factories";
import { alarmRuleSaver, type AlarmRuleSaverProps } from "../commands/alarmRuleSaver";
import { alarmAcknowledger } from "../commands/alarmAcknowledger";
import type { NotificationChannel, OutboundMessage } from "../notify/channel";
import { QualityProcessor } from "./qualityProcessor";

const MIN = 60_000;
const T0 = Date.parse("2024-05-06T02:00:00Z");

/** Captures outbound messages (the SMS gateway lies outside the project). */
class Capture implements NotificationChannel {
  readonly name = "capture";
  sent: OutboundMessage[] = [];
  async send(m: OutboundMessage) {
    this.sent.push(m);
  }
}

describe.each(ENGINES)("quality processor on %s", (engine) => {
  let d: Database;
  let outletId: string;
  let sectionId: string;
  let operatorId: string;
  let adminId: string;
  const capture = new Capture();
  let p: QualityProcessor;
  const quiet = { info() {}, error() {} };
  const as = <T>(userId: string | null, fn: (ctx: CommandContext) => Promise<T>) =>
    d.db.transaction().execute((trx) => fn({ trx, actor: { id: userId, name: "测试" }, ip: null, correlationId: "test" }));
  const cod = (minutes: number, value: number | null, flag = "N"): NewReading =>
    ({ point_id: outletId, factor: "w01018", period: "rt", t: new Date(T0 + minutes * MIN), value, flag, source: "gateway" });
  const rule = (over: Partial<AlarmRuleSaverProps>): AlarmRuleSaverProps => ({
    name: "COD 超许可", enabled: true, severity: "severe", pointId: outletId, pointKind: null, period: "rt", combinator: "and",
    conditions: [{ kind: "threshold", factor: "w01018", basis: "permit", multiple: 1, above: null, below: null }],
    persistenceMinutes: 0, repeatMinutes: 10, escalation: [], ...over,
  });
  const alarmsOf = () => d.db.selectFrom("alarms").selectAll().orderBy("raised_at").execute();
  const inbox = (userId: string) => d.db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();

  beforeAll(async () => {
    d = await createTestDatabase(engine);
    operatorId = (await buildUser(d.db, { username: "op", roles: ["monitoring_operator"] })).id;
    adminId = (await buildUser(d.db, { username: "admin", roles: ["office_admin"] })).id;
    outletId = (await d.db.insertInto("monitoring_points").values({ code: "O01", name: "某厂总排口", kind: "outlet" }).returning("id").executeTakeFirstOrThrow()).id;
    sectionId = (await d.db.insertInto("monitoring_points")
      .values({ code: "S01", name: "府城断面", kind: "section", water_body_type: "river", target_class: 3 }).returning("id").executeTakeFirstOrThrow()).id;
    await d.db.insertInto("point_limits").values({ point_id: outletId, factor: "w01018", upper_limit: 100, lower_limit: null, basis: "排污许可证" }).execute();
    p = new QualityProcessor(d.db, quiet, { channels: [capture], batch: 50 });
  });
  afterAll(() => d.close());

  it("flags every new reading beside it; a spike is re-judged when its next neighbour arrives", async () => {
    await upsertQcSetting(d.db, {
      pointId: sectionId, factor: "w21003", userId: null,
      config: { spike: { suspect: 1, fail: 1.4, maxNeighbourSeconds: 7200 }, grossRange: { failMin: 0, failMax: 50, suspectMin: null, suspectMax: 3 } },
    });
    const nh3 = (h: number, value: number | null, flag = "N"): NewReading =>
      ({ point_id: sectionId, factor: "w21003", period: "hour", t: new Date(T0 + h * 60 * MIN), value, flag, source: "gateway" });
    await insertReadings(d.db, [nh3(0, 0.8), nh3(1, 0.9), nh3(2, 2.5), nh3(3, null, "D")]);
    const first = await p.tick(new Date(T0 + 4 * 60 * MIN));
    expect(first).toMatchObject({ readings: 4 });
    const flags = async () => (await d.db.selectFrom("reading_qc").select(["t", "flag", "tests"]).where("point_id", "=", sectionId).orderBy("t").execute())
      .map((r) => [r.flag, (r.tests as Record<string, number>).spike]);
    // 0.9: |0.9 − 1.65| − 0.85 < 0 → pass; 2.5: the next value has no number, so its spike is not evaluated
    // yet; gross range passes (≤ 3); the D-marked value without a number is missing
    expect(await flags()).toEqual([[1, 2], [1, 1], [1, 2], [9, 2]]);
    const raw = await d.db.selectFrom("readings").select("value").where("point_id", "=", sectionId).orderBy("t").execute();
    expect(raw.map((r) => r.value)).toEqual([0.8, 0.9, 2.5, null]);
    await insertReadings(d.db, [nh3(4, 0.9)]);
    await p.tick(new Date(T0 + 5 * 60 * MIN));
    // 2.5 now has a next value with a number (0.9, 2 h later — the longest neighbour distance): line 0.9→0.9, spike
    // 1.6 − 0 > 1.4 → fail; the new 0.9 has no next value yet
    expect(await flags()).toEqual([[1, 2], [1, 1], [4, 4], [9, 2], [1, 2]]);
    await insertReadings(d.db, [nh3(3.5, 0.95)]);
    await p.tick(new Date(T0 + 5 * 60 * MIN));
    // a back-filled 0.95 at 3.5 h: 2.5's line 0.9→0.95 gives 0.92 at 2 h, spike 1.58 − 0.025 → still fail; 0.95 itself:
    // |0.95 − 1.3| − |0.9 − 2.5|/2 < 0 → pass
    expect(await flags()).toEqual([[1, 2], [1, 1], [4, 4], [9, 2], [1, 1], [1, 2]]);
  });

  it("raises an exceedance alarm at once, notifies, repeats until acknowledged, escalates, clears", async () => {
    await as(adminId, (ctx) => alarmRuleSaver(ctx, rule({})));
    await insertReadings(d.db, [cod(0, 80), cod(1, 120)]);
    const now = T0 + 2 * MIN;
    const r = await p.tick(new Date(now));
    expect(r?.transitions).toMatchObject({ raise: 1 });
    const [alarm] = await alarmsOf();
    expect(alarm).toMatchObject({ active: true, acknowledged: false, severity: "severe", escalation_level: 0, notify_count: 1 });
    expect((alarm.details as { summary: string }).summary).toBe("化学需氧量 120 > 100（许可限值）");
    expect((await inbox(operatorId)).map((n) => n.kind)).toEqual(["alarm.raised"]);
    expect(await inbox(adminId)).toHaveLength(0);
    expect(capture.sent.map((m) => m.username)).toEqual(["op"]);
    // Same instant again (a second worker, a rerun): nothing new.
    await p.tick(new Date(now));
    expect(await inbox(operatorId)).toHaveLength(1);
    expect(await alarmsOf()).toHaveLength(1);
    // More exceeding data: still one alarm (deduplicated), evidence refreshed.
    await insertReadings(d.db, [cod(3, 130)]);
    await p.tick(new Date(now + 2 * MIN));
    expect((await alarmsOf())[0].last_details).toMatchObject({ summary: "化学需氧量 130 > 100（许可限值）" });
    await p.tick(new Date(now + 10 * MIN));
    expect((await inbox(operatorId)).map((n) => n.kind)).toEqual(["alarm.raised", "alarm.repeat"]);
    await p.tick(new Date(now + 30 * MIN));
    expect((await inbox(adminId)).map((n) => n.kind)).toEqual(["alarm.raised"]);
    expect((await alarmsOf())[0]).toMatchObject({ escalation_level: 1, notify_count: 3 });
    await as(operatorId, (ctx) => alarmAcknowledger(ctx, { alarmId: alarm.id, note: "已通知企业排查" }));
    await p.tick(new Date(now + 60 * MIN));
    expect(await inbox(operatorId)).toHaveLength(2);
    await insertReadings(d.db, [cod(70, 60)]);
    await p.tick(new Date(now + 70 * MIN));
    expect((await alarmsOf())[0]).toMatchObject({ active: false, acknowledged: true });
    const events = await d.db.selectFrom("alarm_events").select("kind").where("alarm_id", "=", alarm.id).orderBy("id").execute();
    expect(events.map((e) => e.kind)).toEqual(["raised", "notified", "notified", "escalated", "acknowledged", "cleared"]);
    const audits = await d.db.selectFrom("audit_events").select("action").where("entity_id", "=", alarm.id).orderBy("seq").execute();
    expect(audits.map((a) => a.action)).toEqual(["alarm.raise", "alarm.acknowledge", "alarm.clear"]);
  });

  it("a new occurrence before acknowledgement reactivates the same alarm; marked values change nothing", async () => {
    await insertReadings(d.db, [cod(80, 140)]);
    await p.tick(new Date(T0 + 81 * MIN));
    let open = (await alarmsOf()).filter((a) => !(a.acknowledged && !a.active));
    expect(open).toHaveLength(1);
    const id = open[0].id;
    await insertReadings(d.db, [cod(82, 50)]);
    await p.tick(new Date(T0 + 83 * MIN));
    expect((await alarmsOf()).find((a) => a.id === id)).toMatchObject({ active: false, acknowledged: false });
    await insertReadings(d.db, [cod(84, 150)]);
    await p.tick(new Date(T0 + 85 * MIN));
    open = (await alarmsOf()).filter((a) => !(a.acknowledged && !a.active));
    expect(open.map((a) => [a.id, a.active, a.occurrences])).toEqual([[id, true, 2]]);
    // Maintenance mark on a high value: unknown — the alarm stays active, no second alarm.
    await insertReadings(d.db, [cod(86, 20, "M")]);
    await p.tick(new Date(T0 + 87 * MIN));
    expect((await alarmsOf()).find((a) => a.id === id)).toMatchObject({ active: true });
    await as(operatorId, (ctx) => alarmAcknowledger(ctx, { alarmId: id, note: null }));
    await expect(as(operatorId, (ctx) => alarmAcknowledger(ctx, { alarmId: id, note: null }))).rejects.toMatchObject({ id: "conflict" });
  });

  it("persistence: the condition must hold for N minutes of data", async () => {
    await as(adminId, (ctx) => alarmRuleSaver(ctx, rule({ name: "COD 持续超 1.2 倍", severity: "warning", persistenceMinutes: 10,
      conditions: [{ kind: "threshold", factor: "w01018", basis: "permit", multiple: 1.2, above: null, below: null }] })));
    const named = async () => (await d.db.selectFrom("alarms").innerJoin("alarm_rules as r", "r.id", "alarms.rule_id")
      .select(["r.name", "alarms.active"]).where("r.name", "=", "COD 持续超 1.2 倍").execute());
    await insertReadings(d.db, [cod(100, 130), cod(105, 130)]);
    await p.tick(new Date(T0 + 106 * MIN));
    expect(await named()).toHaveLength(0);
    await insertReadings(d.db, [cod(110, 131)]);
    await p.tick(new Date(T0 + 111 * MIN));
    expect(await named()).toEqual([{ name: "COD 持续超 1.2 倍", active: true }]);
  });

  it("no-data rules fire on time; a late commit behind the watermark is still read", async () => {
    await as(adminId, (ctx) => alarmRuleSaver(ctx, rule({ name: "断面无数据", severity: "warning", pointId: sectionId,
      conditions: [{ kind: "no_data", factor: null, minutes: 30 }], period: "hour" })));
    // The first test's ticks ran up to T0 + 5 h; the section's newest value is now at 6 h.
    const nh3 = (h: number): NewReading => ({ point_id: sectionId, factor: "w21003", period: "hour", t: new Date(T0 + h * 60 * MIN), value: 0.7, flag: "N", source: "gateway" });
    await insertReadings(d.db, [nh3(6)]);
    const lastSection = T0 + 6 * 60 * MIN;
    await p.tick(new Date(lastSection + 29 * MIN));
    const silent = () => d.db.selectFrom("alarms").selectAll().where("point_id", "=", sectionId).execute();
    expect(await silent()).toHaveLength(0);
    await p.tick(new Date(lastSection + 31 * MIN));
    expect((await silent()).map((a) => a.active)).toEqual([true]);
    // A reading whose transaction started 2 s before the watermark (committed late) is still flagged by the re-read
    // of the last 15 s, and its data clear the no-data alarm.
    const wm = new Date((await d.db.selectFrom("quality_watermarks").select("at").executeTakeFirstOrThrow()).at).getTime();
    await insertReadings(d.db, [nh3(7)]);
    await sql`update readings set received_at = ${new Date(wm - 2_000)} where point_id = ${sectionId} and t = ${new Date(T0 + 7 * 60 * MIN)}`.execute(d.db);
    await p.tick(new Date(T0 + 7 * 60 * MIN + 10_000));
    const flagged = (h: number) => d.db.selectFrom("reading_qc").select("flag").where("point_id", "=", sectionId).where("t", "=", new Date(T0 + h * 60 * MIN)).execute();
    expect(await flagged(7)).toHaveLength(1);
    expect((await silent()).map((a) => a.active)).toEqual([false]);
    // One 5 min older than the watermark is beyond the re-read; the sweep (every 10 min, the first tick of a worker)
    // finds it.
    await insertReadings(d.db, [nh3(8)]);
    await sql`update readings set received_at = ${new Date(wm - 5 * 60_000)} where point_id = ${sectionId} and t = ${new Date(T0 + 8 * 60 * MIN)}`.execute(d.db);
    await p.tick(new Date(T0 + 8 * 60 * MIN));
    expect(await flagged(8)).toHaveLength(0);
    await new QualityProcessor(d.db, quiet, { channels: [] }).tick(new Date(T0 + 8 * 60 * MIN));
    expect(await flagged(8)).toHaveLength(1);
  });

  it("a point that never sent data is silent from its creation on, not from the beginning of time", async () => {
    const fresh = (await d.db.insertInto("monitoring_points").values({ code: "O02", name: "新建排口", kind: "outlet" }).returning(["id", "created_at"]).executeTakeFirstOrThrow());
    await as(adminId, (ctx) => alarmRuleSaver(ctx, rule({ name: "新排口无数据", severity: "warning", pointId: fresh.id, conditions: [{ kind: "no_data", factor: null, minutes: 30 }] })));
    const created = new Date(fresh.created_at).getTime();
    const of = () => d.db.selectFrom("alarms").selectAll().where("point_id", "=", fresh.id).execute();
    await p.tick(new Date(created + 60_000));
    expect(await of()).toHaveLength(0);
    await p.tick(new Date(created + 31 * MIN + 30_000));
    expect((await of()).map((a) => (a.last_details as { summary: string }).summary)).toEqual(["全部因子从未收到数据（已 31 分钟，阈值 30 分钟）"]);
  });

  it("two processors at once process every reading once", async () => {
    const rows = Array.from({ length: 120 }, (_, i): NewReading => ({ point_id: outletId, factor: "w21003", period: "min", t: new Date(T0 + i * MIN), value: 2 + (i % 5) * 0.1, flag: "N", source: "gateway" }));
    await insertReadings(d.db, rows);
    const other = new QualityProcessor(d.db, quiet, { channels: [], batch: 50 });
    const now = new Date(T0 + 200 * MIN);
    for (let i = 0; i < 4; i++) await Promise.all([p.tick(now), other.tick(now)]);
    const [{ n: readings }] = await sql<{ n: number }>`select count(*)::int as n from readings`.execute(d.db).then((r) => r.rows);
    const [{ n: flagged }] = await sql<{ n: number }>`select count(*)::int as n from reading_qc`.execute(d.db).then((r) => r.rows);
    expect(Number(flagged)).toBe(Number(readings));
  });
});
