import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase } from "../test/testDatabase";
import { buildUnit } from "../test/factories";
import { DEMO_MN_PREFIX, seedDemoMonitoring } from "./demoMonitoring";
import { DEMO_NOTE, valueInClass } from "./demoMonitoringHistory";
import { demoSimulatorSetting, startDemoTraffic } from "./demoMonitoringTraffic";
import { DeviceRegistry } from "../gateway/devices";
import { GroupCommitter } from "../gateway/groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../gateway/gateway";
import { assessMonth } from "../routes/readings/assessment";
import { classOfValue } from "../../domain/standards/gb3838";
import type { PointRow, ReadingRow } from "../db/schema";
import { indicatorViews } from "../plans/indicators";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe("valueInClass", () => {
  it.each([
    ["w21003", 3, 0], ["w21003", 3, 1], ["w21003", 5, 0.5], ["w21003", 6, 0.5], ["w21011", 1, 0.3], ["w01018", 3, 0.9],
    ["w01009", 1, 0.5], ["w01009", 4, 0], ["w01009", 4, 1], ["w21017", 4, 0.2], ["w01019", 2, 0.7],
  ] as const)("%s in class %i (u=%f) is classed so by GB 3838", (code, c, u) => {
    expect(classOfValue(code, valueInClass(code, c, u), "river")).toBe(c);
  });
});

describe("DEMO_SIMULATOR", () => {
  it("defaults to true, reads true/false, refuses anything else", () => {
    expect(demoSimulatorSetting({})).toBe(true);
    expect(demoSimulatorSetting({ DEMO_SIMULATOR: "true" })).toBe(true);
    expect(demoSimulatorSetting({ DEMO_SIMULATOR: "false" })).toBe(false);
    expect(() => demoSimulatorSetting({ DEMO_SIMULATOR: "off" })).toThrow(/DEMO_SIMULATOR/);
  });
});

describe("the demo district's monitoring data (PGlite)", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  // 2024-06-10 10:30 Beijing time: the history covers June 2023 – June 2024.
  const now = new Date("2024-06-10T10:30:00+08:00");
  const points = new Map<string, PointRow>();
  beforeAll(async () => {
    d = await createTestDatabase("pglite");
    const ids = new Map<string, string>();
    for (const name of ["中站生态环境分局", "区农业农村局"]) ids.set(name, (await buildUnit(d.db, { name })).id);
    await d.db.transaction().execute((trx) =>
      seedDemoMonitoring({ trx, actor: { id: null, name: "系统（演示数据）" }, ip: null, correlationId: "seed" }, ids, now));
    for (const p of await d.db.selectFrom("monitoring_points").selectAll().execute()) points.set(p.code, p);
  }, 60_000);
  afterAll(async () => {
    await d?.close();
  });

  const readingsOf = (code: string, period: string) =>
    d.db.selectFrom("readings").selectAll().where("point_id", "=", points.get(code)!.id).where("period", "=", period as ReadingRow["period"]).execute();

  it("has sections, stations, an outlet, a flow station with its target and two intakes, all labelled 演示", () => {
    expect(points.size).toBe(11);
    for (const p of points.values()) expect(p.name).toContain("（演示）");
    expect(points.get("ZZ-FL-DSH")).toMatchObject({ kind: "flow_station", eco_flow_target: 0.5 });
    expect([...points.values()].filter((p) => p.kind === "drinking_intake").map((p) => p.code).sort()).toEqual(["ZZ-DW-01", "ZZ-DW-02"]);
  });

  it("gives every section 12 monthly lab samples of the 24 Table 1 items, intakes 23 + Table 2's 5, all noted 演示数据", async () => {
    for (const code of ["ZZ-NSBD-01", "ZZ-DSH-01", "ZZ-DSH-02", "ZZ-BMM-01", "ZZ-XH-01", "ZZ-DW-01", "ZZ-DW-02"]) {
      // The past year (June 2023 on); 2022, the plan's year, is checked below.
      const rows = (await readingsOf(code, "sample")).filter((r) => new Date(r.t) >= new Date("2023-05-31T16:00:00Z"));
      const times = new Set(rows.map((r) => new Date(r.t).getTime()));
      expect(times.size, code).toBe(12);
      expect(rows.length, code).toBe(12 * (code.startsWith("ZZ-DW") ? 28 : 24));
      expect(rows.every((r) => r.note === DEMO_NOTE && r.source === "lab")).toBe(true);
      // The newest sample is in June 2024 (8th–14th, before the 10th's 10:30 or a day of May).
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    }
    // Below-DL results are stored as the lab writes them: the limit, marked.
    const hg = (await readingsOf("ZZ-DSH-01", "sample")).filter((r) => r.factor === "w20111");
    expect(hg.every((r) => r.below_dl && r.detection_limit === 0.00004 && r.value === 0.00004)).toBe(true);
  });

  it("tells the demo's story month by month: 南水北调 Ⅱ throughout, 大沙河 V two months back, 白马门河 劣V four months back", async () => {
    const months = async (code: string) => {
      const rows = (await readingsOf(code, "sample")) as ReadingRow[];
      const byMonth = new Map<string, ReadingRow[]>();
      for (const r of rows) {
        const m = new Date(new Date(r.t).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
        byMonth.set(m, [...(byMonth.get(m) ?? []), r]);
      }
      return [...byMonth.entries()].sort().reverse().map(([m, rs]) => assessMonth(points.get(code)!, m, rs).monthly!);
    };
    const nsbd = await months("ZZ-NSBD-01");
    expect(nsbd.every((m) => m.class! <= 2 && m.attainment)).toBe(true);
    const dsh = await months("ZZ-DSH-01");
    expect(dsh[2].class).toBe(5);
    expect(dsh[2].mainPollutants[0].code).toBe("w21003");
    expect(dsh.filter((m) => m.class! > 4)).toHaveLength(1);
    const bmm = await months("ZZ-BMM-01");
    expect(bmm[4].class).toBe(6);
    expect(bmm[1].class).toBe(5);
  });

  it("has 400 daily flows at the flow station and 365 daily intake flows with their volumes", async () => {
    const flows = await readingsOf("ZZ-FL-DSH", "day");
    expect(flows).toHaveLength(400);
    expect(flows.every((r) => r.factor === "w00000" && r.source === "manual")).toBe(true);
    // Below the 0.5 m³/s target (500 L/s) on some winter days, well above it in late summer.
    expect(flows.some((r) => r.value! < 500)).toBe(true);
    expect(flows.some((r) => r.value! > 800)).toBe(true);
    const intake = (await readingsOf("ZZ-DW-01", "day")).filter((r) => new Date(r.t) >= new Date("2023-01-01T00:00:00Z"));
    expect(intake).toHaveLength(365);
    for (const r of intake) expect(r.cou_value).toBe(Math.round(r.value! * 86.4));
  });

  it("the seed plan's year 2022 has its own monthly samples and intake flows, and its indicators compute from them", async () => {
    const in2022 = <R extends { t: Date }>(rows: R[]) => rows.filter((r) => new Date(r.t) >= new Date("2021-12-31T16:00:00Z") && new Date(r.t) < new Date("2022-12-31T16:00:00Z"));
    for (const code of ["ZZ-NSBD-01", "ZZ-DSH-02", "ZZ-DW-02"]) {
      const rows = in2022(await readingsOf(code, "sample"));
      expect(new Set(rows.map((r) => new Date(r.t).getTime())).size, code).toBe(12);
      expect(rows.every((r) => r.note === DEMO_NOTE)).toBe(true);
    }
    // 365 days of 2022 intake flows at each intake (2022 is not a leap year).
    expect(in2022(await readingsOf("ZZ-DW-02", "day"))).toHaveLength(365);
    const plan = await sql<{ id: string }>`insert into plans (title, year, source_text, source_sha256) values ('演示方案', 2022, 'x', ${"a".repeat(64)}) returning id`.execute(d.db);
    const planId = plan.rows[0].id;
    for (const [code, method] of [["surface", "surface_water"], ["dw", "drinking_intake"]])
      await sql`insert into indicators (plan_id, code, name, unit, comparison, target_value, target_year, formula, method, amber_margin)
        values (${planId}, ${code}, ${code}, '%', 'at_least', 100, 2022, 'x', ${method}, 0)`.execute(d.db);
    const views = Object.fromEntries((await indicatorViews(d.db, planId)).map((v) => [v.code, v]));
    // By construction: 大沙河出境 has NH3-N in (1.5, 2.0] every month of 2022, so its annual mean is Ⅴ against a Ⅳ
    // target; the other four sections never go worse than their usual class, which meets their targets: 4 of 5 = 80%.
    expect(views.surface).toMatchObject({ year: 2022, value: 80, valueSource: "computed" });
    const sections = (views.surface.computed!.detail as { sections: { code: string; attained: boolean }[] }).sections;
    expect(sections.filter((x) => !x.attained).map((x) => x.code)).toEqual(["ZZ-DSH-02"]);
    // Only the backup intake's October (manganese 0.14 > 0.1) fails: its ~60 L/s for 31 days against both intakes'
    // ~410 L/s for 365 days ⇒ 1 − 1,860 / 149,650 ≈ 98.8% of the volume complies (daily flows vary ±15%).
    const dw = views.dw.computed!;
    expect((dw.detail as { failing: unknown[] }).failing).toEqual([{ code: "ZZ-DW-02", name: expect.any(String), month: "2022-10", failures: ["w20124"] }]);
    expect(dw.detail).toMatchObject({ weighted: true, months: 24, compliantMonths: 23 });
    expect(dw.value).toBeGreaterThan(98.5);
    expect(dw.value).toBeLessThan(99.1);
  });

  it("the demo devices backfill the last 7 days of hour data over TCP, then resend only the gap after a pause", async () => {
    const gateway = new Gateway(new DeviceRegistry(d.db), new GroupCommitter(d.db, { maxBatch: 500, maxDelayMs: 5 }), quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0 });
    const port = await gateway.start();
    const hourPackets = async () =>
      (await sql<{ mn: string; n: number }>`select mn, count(*)::int as n from gateway_packets where cn = '2061' group by mn order by mn`.execute(d.db)).rows;
    const waitFor = async (total: number) => {
      for (let i = 0; i < 200 && (await hourPackets()).reduce((s, r) => s + r.n, 0) < total; i++) await new Promise((r) => setTimeout(r, 100));
    };
    try {
      const traffic = await startDemoTraffic(d.db, { host: "0.0.0.0", port }, quiet, now.getTime());
      expect(traffic).toMatchObject({ devices: 3, historyFrom: new Date(now.getTime() - 7 * 86_400_000) });
      // 10:30 minus 7 days = 06-03 10:30; whole hours from 11:00 on 06-03 to 09:00–10:00 on 06-10: 167 per device.
      await waitFor(3 * 167);
      const summary = await traffic!.stop();
      expect(summary.refused).toEqual({});
      const first = await hourPackets();
      expect(first.map((r) => r.n)).toEqual([167, 167, 167]);
      expect(first.every((r) => r.mn.startsWith(DEMO_MN_PREFIX))).toBe(true);
      const stationHours = await d.db.selectFrom("readings").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("point_id", "=", points.get("ZZ-AS-BMM")!.id).where("period", "=", "hour").executeTakeFirstOrThrow();
      expect(Number(stationHours.n)).toBe(167 * 10);

      // Two hours later: only 10:00–11:00 and 11:00–12:00 are new.
      const again = await startDemoTraffic(d.db, { host: "127.0.0.1", port }, quiet, now.getTime() + 2 * 3_600_000);
      expect(again!.historyFrom).toEqual(new Date("2024-06-10T10:00:00+08:00"));
      await waitFor(3 * 169);
      await again!.stop();
      expect((await hourPackets()).map((r) => r.n)).toEqual([169, 169, 169]);
    } finally {
      await gateway.stop();
    }
  }, 60_000);
});
