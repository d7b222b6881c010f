import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase } from "../test/testDatabase";
import { DEFAULT_FLEET, DEFAULT_RUN, buildFleet, listDevices, runSimulation, type FleetOptions, type PacketRecord } from "../simulator";
import { PERIOD_OF_CN } from "../gateway/toRows";
import { startLoopback, type Loopback } from "./loopback";

/**
 * Issue 7 §2 on loopback, with real processes: a 3-node NATS cluster, 2 gateways publishing to a stream replicated
 * on all three, 2 writers committing to PostgreSQL. During the simulator's load the node leading the stream and
 * one writer are killed (SIGKILL). Afterwards every packet a device got a 9014 for is in the database with all its
 * values, and no value is stored twice.
 */
/** Packets committed by the writers before the NATS node and the writer are killed (of 1,920 sent). */
const KILL_AFTER_PACKETS = 300;

const FLEETS: FleetOptions[] = [
  { ...DEFAULT_FLEET, devices: 30, mnPrefix: "SOA", seed: 71 },
  { ...DEFAULT_FLEET, devices: 30, mnPrefix: "SOB", seed: 72 },
];

describe("scale-out: 3 NATS nodes, 2 gateways, 2 writers, PostgreSQL — a NATS node and a writer killed under load", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let topo: Loopback;

  beforeAll(async () => {
    d = await createTestDatabase("postgres");
    for (const fleet of FLEETS) {
      for (const dev of listDevices(fleet)) {
        const p = await d.db.insertInto("monitoring_points").values({
          code: dev.point.code, name: dev.point.name, kind: dev.point.kind, level: null, water_body: "模拟河",
          water_body_type: "river", target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null,
        }).returning("id").executeTakeFirstOrThrow();
        await d.db.insertInto("devices").values({ mn: dev.mn, pw: dev.pw, st: dev.st, point_id: p.id, expected_factors: dev.expectedFactors }).execute();
      }
    }
    topo = await startLoopback({ databaseUrl: d.url!, natsNodes: 3, gateways: 2, writers: 2, ackWaitSeconds: 2 });
  }, 120_000);
  afterAll(async () => {
    await topo?.stop();
    await d?.close();
  });

  it("loses no acknowledged reading and stores none twice", async () => {
    const t0 = Date.now();
    const runs = FLEETS.map((fleet, i) =>
      runSimulation({
        ...DEFAULT_RUN,
        port: topo.gateways[i].port,
        fleet,
        fleetDevices: buildFleet(fleet),
        // One simulated minute per real second: each device sends a real-time and a minute upload every second.
        intervalMs: 60_000,
        speedup: 60,
        durationMs: 16_000,
        // A publish stalled by the leader election times out in the gateway (5 s): resend well after that.
        ackTimeoutMs: 6_000,
        retries: 20,
        drainMs: 20_000,
      }),
    );
    // Under load, not at a fixed time (a loaded machine may have stored nothing after 5 s): once the writers have
    // committed KILL_AFTER_PACKETS packets (so at least that many were acknowledged; ≈ a sixth of the run), kill the
    // node leading the stream's replicas, and one writer.
    const waitUntil = Date.now() + 30_000;
    while (Date.now() < waitUntil) {
      const { n } = await d.db.selectFrom("gateway_packets").select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      if (Number(n) >= KILL_AFTER_PACKETS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const killedAt = (Date.now() - t0) / 1000;
    const leader = await topo.streamLeader();
    const victim = topo.nats.nodes.find((n) => n.name === leader)!;
    expect(victim).toBeDefined();
    await victim.kill();
    topo.writers[0].child.kill("SIGKILL");
    const results = await Promise.all(runs);
    await topo.drained(60_000);
    const elapsed = (Date.now() - t0) / 1000;

    const acked: PacketRecord[] = results.flatMap((r) => r.records.filter((x) => x.state === "acked"));
    expect(acked.length).toBeGreaterThan(1000);
    // Every acknowledged packet: its ledger row, and as many readings as that packet carried.
    const check = await sql<{ missing_packets: number; short_packets: number; expected_values: number }>`
      with acked as (
        select * from unnest(${acked.map((a) => a.mn)}::text[], ${acked.map((a) => a.cn)}::text[],
          ${acked.map((a) => a.dataTime)}::timestamptz[], ${acked.map((a) => PERIOD_OF_CN[a.cn])}::text[]) as a(mn, cn, t, period)
      ), got as (
        select a.mn, a.cn, a.t, p.readings as expected,
          (select count(*) from readings r where r.device_mn = a.mn and r.period = a.period and r.t = a.t) as stored
        from acked a left join gateway_packets p on p.mn = a.mn and p.cn = a.cn and p.data_time = a.t
      )
      select count(*) filter (where expected is null)::int as missing_packets,
             count(*) filter (where stored < expected)::int as short_packets,
             coalesce(sum(expected), 0)::int as expected_values
      from got`.execute(d.db);
    expect(check.rows[0]).toMatchObject({ missing_packets: 0, short_packets: 0 });
    expect(check.rows[0].expected_values).toBeGreaterThan(5000);
    // No value twice: one row per series and time, and the readings are exactly what the ledger says was stored.
    const twice = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from readings group by point_id, factor, period, t having count(*) > 1) x`.execute(d.db);
    expect(twice.rows[0].n).toBe(0);
    const totals = await sql<{ readings: number; ledger: number }>`
      select (select count(*) from readings)::int as readings, (select coalesce(sum(readings), 0) from gateway_packets)::int as ledger`.execute(d.db);
    expect(totals.rows[0].readings).toBe(totals.rows[0].ledger);

    for (const r of results) expect(r.summary.refused).toEqual({});

    // The surviving writer reports what it committed, including the messages the killed one had taken.
    await topo.stop();
    const survivor = topo.writers[1].output().split("\n").find((l) => l.includes("writer stopped")) ?? "{}";
    const stats = JSON.parse(survivor) as { messages?: number; redelivered?: number; duplicates?: number };
    const sum = (k: "sent" | "unacknowledged" | "packets") => results.reduce((n, r) => n + r.summary[k], 0);
    process.stdout.write(
      `scale-out: ${acked.length} of ${sum("packets")} packets acknowledged (${check.rows[0].expected_values} values) in ` +
        `${elapsed.toFixed(1)} s, ${sum("sent")} writes incl. resends, ${sum("unacknowledged")} unanswered at the end; NATS node ` +
        `${leader} (stream leader) and a writer killed at ${killedAt.toFixed(1)} s; surviving writer: ${stats.messages} messages, ` +
        `${stats.redelivered} redelivered, ${stats.duplicates} duplicates; ${totals.rows[0].readings} readings stored, 0 missing, 0 twice\n`,
    );
  }, 150_000);
});
