import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { NewReading } from "../db/schema";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { buildUser } from "../test/factories";
import { aggregateSeries, countSeries, insertCorrection, insertReadings, latestReadings, monthsOf, pointReadings, rawSeries, readingVersions, seriesValues } from "./reading.repository";

describe("monthsOf", () => {
  it("gives the UTC months covering the times", () => {
    expect(monthsOf([new Date("2022-05-31T23:59:59Z"), new Date("2022-06-01T00:00:00Z"), "2022-05-01T00:00:00Z"])).toEqual([
      "2022-05-01",
      "2022-06-01",
    ]);
  });
});

describe.each(ENGINES)("readings on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let pointId: string;
  const reading = (t: string, factor: string, value: number, flag = "N"): NewReading => ({
    point_id: pointId, factor, period: "hour", t: new Date(t), value, flag, source: "gateway", device_mn: "MN1",
    detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
    cou_value: null, packet_qn: null, author_id: null, reason: null,
  });
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    const p = await d.db.insertInto("monitoring_points")
      .values({ code: "S01", name: "大沙河 府城断面", kind: "section", level: "county", water_body: "大沙河", water_body_type: "river",
        target_class: 3, lon: 113.18, lat: 35.25, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    pointId = p.id;
  });
  afterAll(() => d.close());

  it("stores readings in monthly partitions and skips retransmissions", async () => {
    const rows = [
      reading("2022-05-31T22:00:00Z", "w21003", 0.8),
      reading("2022-05-31T23:00:00Z", "w21003", 1.2, "M"),
      reading("2022-06-01T00:00:00Z", "w21003", 0.9),
      reading("2022-06-01T00:00:00Z", "w01009", 6.1),
    ];
    expect(await insertReadings(d.db, rows)).toBe(4);
    expect(await insertReadings(d.db, rows)).toBe(0);
    const parts = await sql<{ relname: string }>`
      select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'readings'::regclass order by 1`.execute(d.db);
    expect(parts.rows.map((r) => r.relname)).toEqual(["readings_y2022m05", "readings_y2022m06"]);
    const may = await sql<{ n: number }>`select count(*) as n from readings_y2022m05`.execute(d.db);
    expect(may.rows[0].n).toBe(2);
  });

  it("keeps the raw value when correcting, as a new version", async () => {
    const author = await buildUser(d.db, { roles: ["monitoring_operator"] });
    const key = { pointId, factor: "w21003", period: "hour" as const, t: new Date("2022-05-31T23:00:00Z") };
    const v2 = await insertCorrection(d.db, key, { value: 1.0, qcFlag: 1, reason: "维护期间数据，按比对结果修正", authorId: author.id });
    expect(v2).toMatchObject({ version: 2, value: 1.0, reason: "维护期间数据，按比对结果修正" });
    const versions = await readingVersions(d.db, key);
    expect(versions.map((v) => [v.version, v.value])).toEqual([[1, 1.2], [2, 1.0]]);
    expect(await insertCorrection(d.db, { ...key, t: new Date("2000-01-01T00:00:00Z") }, { value: 1, qcFlag: 1, reason: "x", authorId: author.id })).toBeUndefined();
  });

  it("returns the latest current value per factor", async () => {
    const latest = await latestReadings(d.db, pointId, "hour");
    expect(latest.map((r) => [r.factor, r.value, new Date(r.t).toISOString()])).toEqual([
      ["w01009", 6.1, "2022-06-01T00:00:00.000Z"],
      ["w21003", 0.9, "2022-06-01T00:00:00.000Z"],
    ]);
  });

  it("aggregates by day over current versions; a day is abnormal if any value is", async () => {
    const days = await aggregateSeries(d.db, {
      pointId, factor: "w21003", period: "hour", from: new Date("2022-05-01Z"), to: new Date("2022-07-01Z"), bucket: "day",
    });
    expect(days).toEqual([
      // 0.8 and the corrected 1.0 (version 2 keeps flag M from the raw reading)
      { t: new Date("2022-05-31T00:00:00Z"), avg: 0.9, min: 0.8, max: 1.0, n: 2, abnormal: true },
      { t: new Date("2022-06-01T00:00:00Z"), avg: 0.9, min: 0.9, max: 0.9, n: 1, abnormal: false },
    ]);
  });
});

describe.each(ENGINES)("reading series on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let pointId: string;
  const row = (t: string, value: number): NewReading => ({
    point_id: pointId, factor: "w21003", period: "hour", t: new Date(t), value, flag: "N", source: "gateway", device_mn: null,
    detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
    cou_value: null, packet_qn: null, author_id: null, reason: null,
  });
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    pointId = (await d.db.insertInto("monitoring_points").values({ code: "A01", name: "自动站", kind: "auto_station" })
      .returning("id").executeTakeFirstOrThrow()).id;
    // 15:00Z and 16:00Z on 31 May are 23:00 on 31 May and 00:00 on 1 June in Beijing.
    await insertReadings(d.db, [row("2024-05-31T15:00:00Z", 1), row("2024-05-31T16:00:00Z", 3), row("2024-06-01T02:00:00Z", 5)]);
    const author = await buildUser(d.db, { roles: ["monitoring_operator"] });
    await insertCorrection(d.db, { pointId, factor: "w21003", period: "hour", t: new Date("2024-06-01T02:00:00Z") }, { value: 4, qcFlag: 1, reason: "校准", authorId: author.id });
  });
  afterAll(() => d.close());

  it("buckets days in Beijing time when asked", async () => {
    const w = { pointId, factor: "w21003", period: "hour" as const, from: new Date("2024-05-01Z"), to: new Date("2024-07-01Z") };
    const utc = await aggregateSeries(d.db, { ...w, bucket: "day" });
    expect(utc.map((b) => [b.t.toISOString(), b.n])).toEqual([["2024-05-31T00:00:00.000Z", 2], ["2024-06-01T00:00:00.000Z", 1]]);
    const bj = await aggregateSeries(d.db, { ...w, bucket: "day", offsetMinutes: 480 });
    expect(bj.map((b) => [b.t.toISOString(), b.avg])).toEqual([["2024-05-30T16:00:00.000Z", 1], ["2024-05-31T16:00:00.000Z", 3.5]]);
    const months = await aggregateSeries(d.db, { ...w, bucket: "month", offsetMinutes: 480 });
    expect(months.map((b) => b.t.toISOString())).toEqual(["2024-04-30T16:00:00.000Z", "2024-05-31T16:00:00.000Z"]);
  });

  it("counts and reads the current versions of a window", async () => {
    const w = { pointId, factor: "w21003", period: "hour" as const, from: new Date("2024-05-01Z"), to: new Date("2024-07-01Z") };
    expect(await countSeries(d.db, w)).toBe(3);
    const raw = await rawSeries(d.db, w);
    expect(raw.map((r) => [r.t.toISOString(), r.value, r.version])).toEqual([
      ["2024-05-31T15:00:00.000Z", 1, 1], ["2024-05-31T16:00:00.000Z", 3, 1], ["2024-06-01T02:00:00.000Z", 4, 2],
    ]);
    const all = await pointReadings(d.db, { pointId, period: "hour", from: w.from, to: w.to });
    expect(all.map((r) => r.value)).toEqual([1, 3, 4]);
  });

  it("gives a chart's values exactly (ms, every digit, flags, versions), current versions only, at most `limit`", async () => {
    const w = { pointId, factor: "w21003", period: "hour" as const, from: new Date("2024-05-01Z"), to: new Date("2024-07-01Z") };
    expect((await seriesValues(d.db, w, 10)).map((r) => [r.t.toISOString(), r.value, r.version, r.qc_flag])).toEqual([
      ["2024-05-31T15:00:00.000Z", 1, 1, 2], ["2024-05-31T16:00:00.000Z", 3, 1, 2], ["2024-06-01T02:00:00.000Z", 4, 2, 1],
    ]);
    expect(await seriesValues(d.db, w, 2)).toHaveLength(2);
    await insertReadings(d.db, [{ ...row("2024-06-02T03:04:05.678Z", 0.1 + 0.2), factor: "w21011", flag: "T", below_dl: true }]);
    const [v] = await seriesValues(d.db, { ...w, factor: "w21011" }, 10);
    expect(v).toEqual({ t: new Date("2024-06-02T03:04:05.678Z"), value: 0.30000000000000004, flag: "T", qc_flag: 2, below_dl: true, version: 1 });
    expect(await seriesValues(d.db, { ...w, factor: "w01001" }, 10)).toEqual([]);
  });
});
