import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { NewReading } from "../db/schema";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { GroupCommitter, type DecodedUpload } from "./groupCommit";

describe.each(ENGINES)("group commit on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let pointId: string;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    const p = await d.db.insertInto("monitoring_points").values({ code: "A1", name: "白马门河自动站", kind: "auto_station", level: null,
      water_body: "白马门河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    pointId = p.id;
    await d.db.insertInto("devices").values({ mn: "MN01", pw: "123456", st: "21", point_id: pointId }).execute();
  });
  afterAll(() => d.close());

  const upload = (qn: string, time: string, values: Record<string, number>): DecodedUpload => ({
    mn: "MN01", cn: "2061", qn, dataTime: new Date(time),
    readings: Object.entries(values).map(([factor, value]): NewReading => ({
      point_id: pointId, factor, period: "hour", t: new Date(time), value, flag: "N", source: "gateway",
      device_mn: "MN01", packet_qn: qn, detection_limit: null, original_value: null, original_unit: null,
      min_value: null, max_value: null, cou_value: null, author_id: null, reason: null,
    })),
  });

  it("stores concurrent uploads in one batch and each retransmission once", async () => {
    const g = new GroupCommitter(d.db, { maxBatch: 100, maxDelayMs: 20 });
    const outcomes = await Promise.all([
      g.submit(upload("20220601000000001", "2022-06-01T00:00:00Z", { w21003: 0.5, w01009: 6.2 })),
      g.submit(upload("20220601000000001", "2022-06-01T00:00:00Z", { w21003: 0.5, w01009: 6.2 })), // same QN
      g.submit(upload("20220601010000001", "2022-06-01T01:00:00Z", { w21003: 0.6 })),
    ]);
    expect(outcomes).toEqual(["stored", "duplicate", "stored"]);
    // Same data time under a new QN (a device resending after a lost 9014) is a duplicate too.
    expect(await g.submit(upload("20220601010000999", "2022-06-01T01:00:00Z", { w21003: 0.6 }))).toBe("duplicate");
    g.recordError("MN01", "CRC 校验错误");
    await g.drain();
    const n = await sql<{ n: number }>`select count(*) as n from readings`.execute(d.db);
    expect(n.rows[0].n).toBe(3);
    const daily = await d.db.selectFrom("device_daily").selectAll().executeTakeFirstOrThrow();
    expect(daily).toMatchObject({ mn: "MN01", packets: 4, duplicates: 2, errors: 1, readings: 3, last_error: "CRC 校验错误" });
    const dev = await d.db.selectFrom("devices").select("last_seen_at").executeTakeFirstOrThrow();
    expect(dev.last_seen_at).toBeInstanceOf(Date);
  });

  it("refuses the whole batch when the store fails, reports it, and recovers", async () => {
    const g = new GroupCommitter(d.db, { maxBatch: 100, maxDelayMs: 5 });
    await sql`alter table gateway_packets rename to gateway_packets_away`.execute(d.db);
    try {
      await expect(g.submit(upload("20220602000000001", "2022-06-02T00:00:00Z", { w21003: 0.7 }))).rejects.toThrow();
      expect(g.health().ok).toBe(false);
    } finally {
      await sql`alter table gateway_packets_away rename to gateway_packets`.execute(d.db);
    }
    expect(await g.submit(upload("20220602000000001", "2022-06-02T00:00:00Z", { w21003: 0.7 }))).toBe("stored");
    expect(g.health()).toEqual({ ok: true });
  });
});
