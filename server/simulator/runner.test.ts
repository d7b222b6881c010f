import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { dataReply, encodePacket, Framer, parsePacket, qnReply } from "../../domain/hj212";
import { createTestDatabase } from "../test/testDatabase";
import { DeviceRegistry } from "../gateway/devices";
import { GroupCommitter } from "../gateway/groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../gateway/gateway";
import { buildFleet, DEFAULT_FLEET, listDevices, type FleetOptions } from "./devices";
import { NO_FAULTS } from "./faults";
import { DEFAULT_RUN, runSimulation } from "./runner";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const FLEET: FleetOptions = { ...DEFAULT_FLEET, devices: 20, mnPrefix: "ITSIM", seed: 11 };

describe("simulator against a real gateway on loopback (PGlite)", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let gateway: Gateway;
  let port: number;

  beforeAll(async () => {
    d = await createTestDatabase("pglite");
    // Register the fleet the way the platform would: one monitoring point per device, the device bound to it.
    for (const dev of listDevices(FLEET)) {
      const p = await d.db.insertInto("monitoring_points").values({
        code: dev.point.code, name: dev.point.name, kind: dev.point.kind, level: null, water_body: "模拟河",
        water_body_type: "river", target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null,
      }).returning("id").executeTakeFirstOrThrow();
      await d.db.insertInto("devices").values({ mn: dev.mn, pw: dev.pw, st: dev.st, point_id: p.id, expected_factors: dev.expectedFactors }).execute();
    }
    gateway = new Gateway(new DeviceRegistry(d.db), new GroupCommitter(d.db, { maxBatch: 500, maxDelayMs: 5 }), quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0 });
    port = await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await d?.close();
  });

  it("20 devices at 600× with faults: every acknowledged QN stored exactly once, bad CRCs refused, nothing acknowledged missing", async () => {
    const fleet = buildFleet(FLEET);
    const { summary, records } = await runSimulation({
      ...DEFAULT_RUN, port, fleet: FLEET, fleetDevices: fleet,
      start: Date.parse("2024-06-01T07:50:00+08:00"), // crosses 08:00: hour uploads too
      speedup: 600, durationMs: 4_000, drainMs: 8_000, ackTimeoutMs: 3_000,
      faults: { badCrc: 0.04, garbage: 0.03, disconnect: 0.01, retransmit: 0.05, outOfOrder: 0.05 },
    });
    // ~40 simulated minutes × 20 devices × (real-time + minute) ≈ 1600 packets
    expect(summary.packets).toBeGreaterThan(1000);
    expect(summary.backlog).toBe(0);
    for (const k of ["badCrc", "garbage", "retransmit", "outOfOrder"] as const) expect(summary.faults[k], k).toBeGreaterThan(0);

    const stored = await sql<{ mn: string; cn: string; qn: string; n: number }>`
      select mn, cn, qn, count(*)::int as n from gateway_packets group by mn, cn, qn`.execute(d.db);
    const storedCount = new Map(stored.rows.map((r) => [`${r.mn}/${r.qn}`, r.n]));
    const readings = await sql<{ mn: string; qn: string; n: number }>`
      select device_mn as mn, packet_qn as qn, count(*)::int as n from readings group by device_mn, packet_qn`.execute(d.db);
    const readingCount = new Map(readings.rows.map((r) => [`${r.mn}/${r.qn}`, r.n]));
    const factorsOf = new Map(fleet.map((dev) => [dev.mn, dev.factors.length]));
    const key = (r: { mn: string; qn: string }) => `${r.mn}/${r.qn}`;

    const acked = records.filter((r) => r.state === "acked");
    expect(acked.length).toBe(summary.acked);
    for (const r of acked) {
      expect(storedCount.get(key(r)), `${key(r)} stored`).toBe(1);
      expect(readingCount.get(key(r)), `${key(r)} readings`).toBe(factorsOf.get(r.mn));
    }
    // Retransmitted packets were acknowledged twice but stored once.
    const repeated = acked.filter((r) => r.faults.includes("retransmit"));
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.some((r) => r.acks >= 2)).toBe(true);
    // Bad CRCs: answered 9011 QnRtn=9 and never stored — unless the connection dropped (a `disconnect` written right
    // after it) before the answer came back: then the device, knowing nothing, resent it whole and it was stored once.
    const bad = records.filter((r) => r.faults.includes("badCrc"));
    expect(bad.length).toBe(summary.faults.badCrc);
    const answered = bad.filter((r) => r.cut === 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) {
      expect(r).toMatchObject({ state: "refused", qnRtn: 9, writes: 1, acks: 0 });
      expect(storedCount.has(key(r))).toBe(false);
    }
    for (const r of bad.filter((r) => r.cut > 0)) {
      expect(r, key(r)).toMatchObject({ state: "acked", faults: ["badCrc"] });
      expect(r.writes).toBe(r.cut + 1);
      expect(storedCount.get(key(r))).toBe(1);
    }
    expect(summary.refused).toEqual({ "9": answered.length });
    // Every write left unanswered by a dropped connection was resent and acknowledged.
    for (const r of records.filter((r) => r.cut > 0)) expect(r.state, key(r)).toBe("acked");
    // Nothing the gateway stored is unknown to the simulator, and only bad CRCs went unacknowledged.
    const sent = new Set(records.map(key));
    for (const r of stored.rows) expect(sent.has(key(r)), key(r)).toBe(true);
    expect(summary.unacknowledged).toBe(0);
    expect(stored.rows.length).toBe(acked.length);
    // Out-of-order history was stored under its own (old) DataTime.
    const late = acked.filter((r) => r.faults.includes("outOfOrder"));
    expect(late.length).toBeGreaterThan(0);
    if (summary.faults.disconnect > 0) expect(summary.reconnects).toBeGreaterThan(0);
    console.info(`simulator → gateway (PGlite): ${summary.sent} writes, ${summary.acked} acked in ${summary.durationMs} ms; ${summary.sentPerSecond} writes/s; reconnects ${summary.reconnects}`);
  }, 30_000);
});

describe("simulator: answers lost with a dropped connection", () => {
  it("a bad-CRC packet whose 9011 was cut off by a disconnect is resent whole; one that was answered is not", async () => {
    // A stand-in platform that answers every packet 300 ms late (9014, or 9011 QnRtn=9 for a bad CRC), so a
    // disconnect written soon after a bad CRC drops the connection before its refusal arrives.
    const server = createServer((socket) => {
      const framer = new Framer();
      socket.on("error", () => {});
      socket.on("data", (chunk) => {
        for (const ev of framer.feed(chunk)) {
          if (ev.type !== "frame") continue;
          const parsed = parsePacket(ev.segment);
          if (!parsed.ok) continue;
          const reply = encodePacket(ev.crcOk ? dataReply(parsed.packet) : qnReply(parsed.packet, 9))!;
          setTimeout(() => { if (!socket.destroyed) socket.write(reply); }, 300);
        }
      });
    });
    const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
    try {
      const { summary, records } = await runSimulation({
        ...DEFAULT_RUN, port, fleet: { ...DEFAULT_FLEET, devices: 4, seed: 5 }, start: Date.parse("2024-06-01T08:00:00+08:00"),
        speedup: 600, durationMs: 1_500, drainMs: 3_000, ackTimeoutMs: 2_000,
        faults: { ...NO_FAULTS, badCrc: 0.2, disconnect: 0.2 },
      });
      const bad = records.filter((r) => r.faults.includes("badCrc"));
      const refused = bad.filter((r) => r.cut === 0);
      const resent = bad.filter((r) => r.cut > 0);
      expect(refused.length).toBeGreaterThan(0);
      expect(resent.length).toBeGreaterThan(0);
      for (const r of refused) expect(r).toMatchObject({ state: "refused", qnRtn: 9, writes: 1, acks: 0 });
      for (const r of resent) expect(r).toMatchObject({ state: "acked", writes: r.cut + 1 });
      expect(summary.refused).toEqual({ "9": refused.length });
      expect(summary.unacknowledged).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 20_000);
});
