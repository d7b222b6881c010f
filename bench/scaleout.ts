/**
 * @module `npm run bench -- scaleout`: the scale-out path on loopback — 3 NATS nodes (stream R=3), 2 gateways,
 * 2 writers, PostgreSQL, all real processes — under the simulator's load, against the single-process baseline of
 * the same run (one gateway committing itself, no NATS). Prints values/s stored and the CPU each kind of process
 * spends per 1,000 values (CPU seconds do not depend on what else shares the machine, so they size a deployment:
 * docs/SCALEOUT.md), and the ratio of CPU per value between the two layouts.
 *
 * Settings (environment): SCALEOUT_DEVICES (150), SCALEOUT_SECONDS (15).
 */
import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { openDatabase } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { DEFAULT_FLEET, listDevices, type FleetOptions } from "../server/simulator";
import { startPostgresCluster } from "../server/test/postgresCluster";
import { freePort, spawnServer } from "../server/test/childProcess";
import { startLoopback } from "../server/scaleout/loopback";
import { cpuOf, postgresCpu } from "./loadPhases";

const DEVICES = Number(process.env.SCALEOUT_DEVICES ?? 150);
const SECONDS = Number(process.env.SCALEOUT_SECONDS ?? 15);
const SPEEDUP = 120;

/** Registers a fleet in a fresh database of the cluster; returns its URL. */
async function freshDatabase(adminUrl: string, name: string, fleet: FleetOptions): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const d = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrate(d.db);
  for (const dev of listDevices(fleet)) {
    const p = await d.db.insertInto("monitoring_points").values({
      code: dev.point.code, name: dev.point.name, kind: dev.point.kind, level: null, water_body: "压测河", water_body_type: "river",
      target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null,
    }).returning("id").executeTakeFirstOrThrow();
    await d.db.insertInto("devices").values({ mn: dev.mn, pw: dev.pw, st: dev.st, point_id: p.id, expected_factors: dev.expectedFactors }).execute();
  }
  await d.close();
  return url;
}

/** Runs the simulator against `ports` (one half of the fleet each) and returns its summaries. */
async function simulate(ports: number[], fleets: FleetOptions[]): Promise<{ acked: number; packets: number }[]> {
  return Promise.all(ports.map((port, i) => new Promise<{ acked: number; packets: number }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", new URL("./loadSimulator.ts", import.meta.url).pathname, JSON.stringify({
      port, fleet: fleets[i], intervalMs: 60_000, speedup: SPEEDUP, durationMs: SECONDS * 1000, ackTimeoutMs: 10_000, drainMs: 5_000,
    })], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.on("exit", () => resolve(out.trim() ? JSON.parse(out.trim().split("\n").at(-1)!) : { acked: 0, packets: 0 }));
  })));
}

/** Values stored so far, from the packet ledger. */
async function stored(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: string }>("select coalesce(sum(readings), 0) as n from gateway_packets");
  await c.end();
  return Number(r.rows[0].n);
}

/** Runs the benchmark. */
export async function benchScaleout(): Promise<void> {
  const cluster = await startPostgresCluster();
  const half = Math.ceil(DEVICES / 2);
  const fleets = (prefix: string): FleetOptions[] => [
    { ...DEFAULT_FLEET, devices: half, mnPrefix: `${prefix}A`, seed: 21 },
    { ...DEFAULT_FLEET, devices: half, mnPrefix: `${prefix}B`, seed: 22 },
  ];
  try {
    console.log(`  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}; ${DEVICES} simulated devices, ${SECONDS} s of load per layout`);
    // Baseline: one gateway process committing to PostgreSQL itself (the single-machine layout).
    const singleFleets = fleets("S");
    const singleUrl = await freshDatabase(cluster.url, "single", { ...singleFleets[0], devices: half * 2, mnPrefix: "S" });
    const port = await freePort();
    const gw = await spawnServer({ DATABASE_URL: singleUrl, SERVICES: "gateway", DEMO: "false", GATEWAY_PORT: String(port), LOG_LEVEL: "warn" });
    await new Promise((r) => setTimeout(r, 3_000));
    const c0 = { gw: cpuOf(gw.child.pid!), pg: postgresCpu(cluster.dir) };
    const t0 = Date.now();
    const single = await simulate([port], [{ ...singleFleets[0], devices: half * 2, mnPrefix: "S" }]);
    const singleSeconds = (Date.now() - t0) / 1000;
    const singleValues = await stored(singleUrl);
    const singleCpu = { gw: cpuOf(gw.child.pid!) - c0.gw, pg: postgresCpu(cluster.dir) - c0.pg };
    gw.child.kill("SIGTERM");
    await gw.exited;
    const perK = (cpu: number, values: number) => (values ? ((cpu * 1000) / (values / 1000)).toFixed(1) : "—");
    console.log(`  single process (group commit):  ${Math.round(singleValues / singleSeconds).toLocaleString("en")} values/s stored, ` +
      `${single[0].acked} of ${single[0].packets} packets acknowledged; CPU per 1,000 values: gateway ${perK(singleCpu.gw, singleValues)} ms, PostgreSQL ${perK(singleCpu.pg, singleValues)} ms`);

    // Scale-out: 3 NATS nodes, 2 gateways publishing, 2 writers committing.
    const outFleets = fleets("X");
    const outUrl = await freshDatabase(cluster.url, "scaleout", outFleets[0]);
    {
      const d = await openDatabase({ databaseUrl: outUrl, poolSize: 2 });
      for (const dev of listDevices(outFleets[1])) {
        const p = await d.db.insertInto("monitoring_points").values({
          code: dev.point.code, name: dev.point.name, kind: dev.point.kind, level: null, water_body: "压测河", water_body_type: "river",
          target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null,
        }).returning("id").executeTakeFirstOrThrow();
        await d.db.insertInto("devices").values({ mn: dev.mn, pw: dev.pw, st: dev.st, point_id: p.id, expected_factors: dev.expectedFactors }).execute();
      }
      await d.close();
    }
    const topo = await startLoopback({ databaseUrl: outUrl, natsNodes: 3, gateways: 2, writers: 2, ackWaitSeconds: 30 });
    try {
      const pids = { gw: topo.gateways.map((g) => g.process.child.pid!), wr: topo.writers.map((w) => w.child.pid!) };
      const natsPids = () => topo.nats.nodes.map((n) => n.pid()).filter((p): p is number => p !== null);
      const sum = (ps: number[]) => ps.reduce((s, p) => s + cpuOf(p), 0);
      const s0 = { gw: sum(pids.gw), wr: sum(pids.wr), nats: sum(natsPids()), pg: postgresCpu(cluster.dir) };
      const t1 = Date.now();
      const out = await simulate(topo.gateways.map((g) => g.port), outFleets);
      await topo.drained(120_000);
      const outSeconds = (Date.now() - t1) / 1000;
      const outValues = await stored(outUrl);
      const used = { gw: sum(pids.gw) - s0.gw, wr: sum(pids.wr) - s0.wr, nats: sum(natsPids()) - s0.nats, pg: postgresCpu(cluster.dir) - s0.pg };
      const acked = out.reduce((n, r) => n + r.acked, 0);
      const packets = out.reduce((n, r) => n + r.packets, 0);
      console.log(`  scale-out (3 NATS, 2+2):        ${Math.round(outValues / outSeconds).toLocaleString("en")} values/s stored, ${acked} of ${packets} packets acknowledged; ` +
        `CPU per 1,000 values: gateways ${perK(used.gw, outValues)} ms, NATS ${perK(used.nats, outValues)} ms (3 replicas), writers ${perK(used.wr, outValues)} ms, PostgreSQL ${perK(used.pg, outValues)} ms`);
      console.log(`  ratio: CPU per value, scale-out / single process ${((used.gw + used.nats + used.wr + used.pg) / outValues / ((singleCpu.gw + singleCpu.pg) / singleValues)).toFixed(2)}`);
    } finally {
      await topo.stop();
    }
  } finally {
    cluster.stop();
  }
}
