import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testDatabase";
import { insertReadings } from "../repositories/reading.repository";
import { PacketRetentionTask, packetRetentionDays } from "./packetRetentionTask";

/** Gateway packet ledger retention: old ledger rows go, in batches; readings stay; the setting is checked. */
describe("gateway packet retention on PostgreSQL", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  const now = new Date("2026-06-30T00:00:00Z");
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  beforeAll(async () => {
    d = await createTestDatabase("postgres");
    const p = await d.db.insertInto("monitoring_points").values({ code: "RET-1", name: "保留测试站", kind: "auto_station", level: null,
      water_body: "大沙河", water_body_type: "river", target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    // Received 200, 120, 91, 90 (exactly the cut-off), 89, 10 days ago and today; each carried one reading.
    const ages = [200, 120, 91, 90, 89, 10, 0];
    await d.db.insertInto("gateway_packets").values(ages.map((age, i) => ({
      mn: "RET0001", cn: i % 2 ? "2011" : "2051", qn: `20260101000000${String(i).padStart(3, "0")}`, data_time: daysAgo(age), readings: 1, received_at: daysAgo(age),
    }))).execute();
    await insertReadings(d.db, ages.map((age) => ({
      point_id: p.id, factor: "w21003", period: "min", t: daysAgo(age), value: 0.5, flag: "N", source: "gateway", device_mn: "RET0001",
      packet_qn: null, detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
      cou_value: null, author_id: null, reason: null,
    })));
  });
  afterAll(() => d.close());

  const ledgerAges = async () =>
    (await d.db.selectFrom("gateway_packets").select("received_at").orderBy("received_at").execute())
      .map((r) => Math.round((now.getTime() - new Date(r.received_at).getTime()) / 86_400_000));

  it("deletes ledger rows received more than 90 days ago, batch by batch, and no reading", async () => {
    // Batches of 2 and at most one per run: the first run stops with rows still due and says so.
    const capped = await new PacketRetentionTask({ days: 90, batchSize: 2, maxBatches: 1 }).run({ db: d.db, now });
    expect(capped).toEqual({ days: 90, cutoff: "2026-04-01T00:00:00.000Z", deleted: 2, complete: false });
    expect(await ledgerAges()).toEqual([91, 90, 89, 10, 0]);
    // The next run finishes: the 91-day-old row goes, the one received exactly 90 days ago stays.
    const rest = await new PacketRetentionTask({ days: 90, batchSize: 2 }).run({ db: d.db, now });
    expect(rest).toEqual({ days: 90, cutoff: "2026-04-01T00:00:00.000Z", deleted: 1, complete: true });
    expect(await ledgerAges()).toEqual([90, 89, 10, 0]);
    const readings = await d.db.selectFrom("readings").select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(readings.n)).toBe(7);
    // Nothing more is due: a second run deletes nothing.
    expect(await new PacketRetentionTask({ days: 90 }).run({ db: d.db, now })).toMatchObject({ deleted: 0, complete: true });
  });

  it("keeps everything with 0 days, and a shorter setting deletes more", async () => {
    expect(await new PacketRetentionTask({ days: 0 }).run({ db: d.db, now })).toEqual({ days: 0, cutoff: null, deleted: 0, complete: true });
    expect(await ledgerAges()).toEqual([90, 89, 10, 0]);
    expect(await new PacketRetentionTask({ days: 30 }).run({ db: d.db, now })).toMatchObject({ cutoff: "2026-05-31T00:00:00.000Z", deleted: 2 });
    expect(await ledgerAges()).toEqual([10, 0]);
  });

  it("reads GATEWAY_PACKET_RETENTION_DAYS: 90 by default, whole days only", () => {
    expect(packetRetentionDays({})).toBe(90);
    expect(packetRetentionDays({ GATEWAY_PACKET_RETENTION_DAYS: "" })).toBe(90);
    expect(packetRetentionDays({ GATEWAY_PACKET_RETENTION_DAYS: " 30 " })).toBe(30);
    expect(packetRetentionDays({ GATEWAY_PACKET_RETENTION_DAYS: "0" })).toBe(0);
    for (const bad of ["-1", "30d", "1.5", "ninety"]) {
      expect(() => packetRetentionDays({ GATEWAY_PACKET_RETENTION_DAYS: bad })).toThrow(/GATEWAY_PACKET_RETENTION_DAYS must be a whole number of days/);
    }
  });
});
