/**
 * @module `npm run bench -- load` (issue 7 §5): the web API under 50 concurrent signed-in users — a mix of lists,
 * series and details — while the HJ 212 simulator ingests about 10,000 values/s through the gateway; on
 * PostgreSQL, with the demo district's data, the web and the gateway as two `qingliu serve` processes, as in the
 * scale-out layout (in one process, packets the machine cannot keep up with queue in the shared event loop ahead
 * of the web's requests); the worker, whose jobs add load at moments of their own, is left out. Each user either reads
 * what they asked for (0.5–1.5 s between requests: "interactive") or sends the next request at once ("closed
 * loop", the capacity). Baselines of the same run: a static endpoint (/healthz) under the same concurrency, and
 * the same API load without ingest. Prints p50/p95/p99, throughput, the ingest rate reached, the CPU the server
 * and PostgreSQL spent per request and per 1,000 values (what sizing needs, and what does not depend on other
 * processes sharing the machine), and the ratios. Goal: p99 ≤ 50 ms during ingest. No figure is asserted.
 *
 * Settings (environment): LOAD_USERS (50), LOAD_VALUES_PER_SEC (10000), LOAD_PHASE_SECONDS (15), LOAD_LAYOUT
 * (`split`, default; `one-process`: web and gateway in one process, to see what sharing an event loop costs),
 * LOAD_ENGINE (`postgres`, default; `pglite`: the embedded default — one process, web and gateway sharing PGlite's
 * single connection; ingest counted from the gateway's /metrics, PostgreSQL's columns empty), LOAD_PG_SOCKET (`1`:
 * web and gateway reach PostgreSQL over its Unix-domain socket instead of TCP on 127.0.0.1, as on one machine).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpus, loadavg, setPriority } from "node:os";
import pg from "pg";
import { openDatabase } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { seedDemoDistrict, DEMO_USERS } from "../server/seed/demo";
import { listDevices, DEFAULT_FLEET, ENTERPRISE_PROFILES, STATION_PROFILES, type FleetOptions } from "../server/simulator";
import { startPostgresCluster } from "../server/test/postgresCluster";
import { freePort, spawnServer } from "../server/test/childProcess";
import { cpuOf, postgresCpu, pct, report, runPhase, type Phase, type PhaseSpec } from "./loadPhases";

const USERS = Number(process.env.LOAD_USERS ?? 50);
const VALUES_PER_SEC = Number(process.env.LOAD_VALUES_PER_SEC ?? 10_000);
const PHASE_MS = Number(process.env.LOAD_PHASE_SECONDS ?? 15) * 1000;
/** LOAD_LAYOUT=one-process: web and gateway in one process (one event loop), as `SERVICES=web,worker,gateway` runs. */
const PGLITE = process.env.LOAD_ENGINE === "pglite";
const PG_SOCKET = process.env.LOAD_PG_SOCKET === "1";
/** PGlite lives inside its process, so the embedded engine always runs web and gateway in one. */
const ONE_PROCESS = PGLITE || process.env.LOAD_LAYOUT === "one-process";
const PASSWORD = "Qingliu-load-2026";
/** Simulated seconds per real second: a real-time (2011) and a minute (2051) upload per device every 30 s real. */
const SPEEDUP = 120;
/** Interactive users wait 0.5–1.5 s between requests. */
const think = () => 500 + Math.random() * 1000;

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

/** Values stored per second over a window, from the packet ledger. */
async function ingestRate(client: pg.Client, from: Date, to: Date): Promise<number> {
  const r = await client.query<{ n: string }>("select coalesce(sum(readings), 0) as n from gateway_packets where received_at >= $1 and received_at < $2", [from, to]);
  return Number(r.rows[0].n) / ((to.getTime() - from.getTime()) / 1000);
}

/** The cluster's URL through its Unix-domain socket (in the cluster's directory; the port names the socket file). */
const socketUrl = (c: { url: string; dir: string }) => `${c.url.replace(/@127\.0\.0\.1:/, "@localhost:")}?host=${encodeURIComponent(c.dir)}`;

/** Values the gateway has stored since it started, from its /metrics (any engine). */
async function valuesStored(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^qingliu_gateway_values_total (\d+)$/m.exec(text)?.[1] ?? 0);
}

/** Sessions PostgreSQL has opened since the cluster started, over all databases (PostgreSQL 14+). */
async function sessionsOpened(client: pg.Client): Promise<number> {
  const r = await client.query<{ n: string }>("select coalesce(sum(sessions), 0) as n from pg_stat_database");
  return Number(r.rows[0].n);
}

/** Runs the load benchmark. */
export async function benchLoad(): Promise<void> {
  const cluster = PGLITE ? null : await startPostgresCluster();
  const dataDir = PGLITE ? mkdtempSync(join(tmpdir(), "qingliu-load-")) : null;
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  let gateway: Awaited<ReturnType<typeof spawnServer>> | null = null;
  let sim: ChildProcess | null = null;
  const client = cluster ? new pg.Client({ connectionString: cluster.url }) : null;
  try {
    // The demo district (a year of lab samples, the seed plan, users) plus the simulated fleet, registered.
    const valuesPerPacket = (STATION_PROFILES.length + 2 * ENTERPRISE_PROFILES.length) / 3;
    const packetsPerDevicePerSec = (2 * SPEEDUP) / 60;
    const devices = Math.ceil(VALUES_PER_SEC / (valuesPerPacket * packetsPerDevicePerSec));
    const fleet: FleetOptions = { ...DEFAULT_FLEET, devices, mnPrefix: "LOAD", seed: 7 };
    const setup = await openDatabase(cluster ? { databaseUrl: cluster.url, poolSize: 4 } : { pgliteDir: join(dataDir!, "pglite") });
    await migrate(setup.db);
    await seedDemoDistrict(setup.db, PASSWORD);
    for (const dev of listDevices(fleet)) {
      const p = await setup.db.insertInto("monitoring_points").values({
        code: dev.point.code, name: dev.point.name, kind: dev.point.kind, level: null, water_body: "压测河", water_body_type: "river",
        target_class: 3, lon: null, lat: null, unit_id: null, eco_flow_target: null,
      }).returning("id").executeTakeFirstOrThrow();
      await setup.db.insertInto("devices").values({ mn: dev.mn, pw: dev.pw, st: dev.st, point_id: p.id, expected_factors: dev.expectedFactors }).execute();
    }
    await setup.close();
    await client?.connect();

    const gatewayPort = await freePort();
    const env: Record<string, string> = cluster
      ? { DATABASE_URL: PG_SOCKET ? socketUrl(cluster) : cluster.url, DATABASE_POOL_SIZE: "20", DEMO: "false", DEMO_SIMULATOR: "false", LOG_LEVEL: "warn" }
      : { DATA_DIR: dataDir!, DEMO: "false", DEMO_SIMULATOR: "false", LOG_LEVEL: "warn" };
    if (ONE_PROCESS) {
      server = gateway = await spawnServer({ ...env, SERVICES: "web,gateway", GATEWAY_PORT: String(gatewayPort) }, 120_000);
    } else {
      [server, gateway] = await Promise.all([
        spawnServer({ ...env, SERVICES: "web" }, 120_000),
        spawnServer({ ...env, SERVICES: "gateway", GATEWAY_PORT: String(gatewayPort) }, 120_000),
      ]);
    }
    const base = server.url;
    const readers = DEMO_USERS.filter((u) => u.role !== "monitoring_operator").map((u) => u.username);
    const cookies: string[] = [];
    for (let i = 0; i < USERS; i++) cookies.push(await signIn(base, readers[i % readers.length]));

    // What the requests ask for: demo sections with a year of samples, and fleet points being written to now.
    const points = (await (await fetch(`${base}/api/monitoring/points`, { headers: { cookie: cookies[0] } })).json()).data as { id: string; code: string; kind: string }[];
    const demo = points.filter((p) => !p.code.startsWith("SIM-") && p.kind === "section");
    const live = points.filter((p) => p.code.startsWith("SIM-LOAD") && p.kind === "auto_station");
    const plans = (await (await fetch(`${base}/api/plans`, { headers: { cookie: cookies[0] } })).json()).data as { id: string }[];
    const yearAgo = encodeURIComponent(new Date(Date.now() - 365 * 86_400_000).toISOString());
    let k = 0;
    const mix = (u: number) => {
      const i = k++;
      const cookie = cookies[u];
      const now = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
      const recent = encodeURIComponent(new Date(Date.now() - 10 * 60_000).toISOString());
      switch (i % 10) {
        case 0: case 1: return { url: "/api/monitoring/points", cookie, kind: "list: points" };
        case 2: return { url: `/api/tasks?planId=${plans[0]?.id ?? ""}`, cookie, kind: "list: tasks" };
        case 3: return { url: "/api/reports", cookie, kind: "list: reports" };
        case 4: case 5: return { url: `/api/readings/series?pointId=${demo[i % demo.length].id}&factor=w21003&period=sample&from=${yearAgo}&to=${now}`, cookie, kind: "series: a year of lab samples" };
        case 6: case 7: return { url: `/api/readings/series?pointId=${live[i % live.length].id}&factor=w21003&period=rt&from=${recent}&to=${now}`, cookie, kind: "series: 10 min of live data" };
        default: return { url: `/api/monitoring/points/${demo[i % demo.length].id}`, cookie, kind: "detail: point" };
      }
    };

    const pid = server.child.pid!;
    // PGlite's CPU is the server process's own (a worker thread in it).
    const pgCpu = () => (cluster ? postgresCpu(cluster.dir) : 0);
    /** Values/s stored from now until the returned function is called. */
    const meter = async () => {
      const from = new Date();
      const v0 = client ? 0 : await valuesStored(gateway!.url);
      return async () => (client ? ingestRate(client, from, new Date()) : ((await valuesStored(gateway!.url)) - v0) / ((Date.now() - from.getTime()) / 1000));
    };
    const phase = async (name: string, ms: number, next: PhaseSpec["next"], thinkMs?: () => number) => {
      const before = client ? await sessionsOpened(client) : 0;
      const r = await runPhase({ name, users: USERS, ms, base, next, thinkMs, cpu: () => ({ server: cpuOf(pid), postgres: pgCpu() }) });
      // Less this bench's own queries of the counter (one session, opened before).
      if (client) r.sessionsOpened = (await sessionsOpened(client)) - before;
      r.loadAverage = loadavg()[0];
      return r;
    };
    console.log(`  machine: ${cpus().length} cores, load average before the run ${loadavg()[0].toFixed(1)} (processes of others share the cores)`);
    console.log(`  ${PGLITE ? "PGlite (embedded; its CPU counts as the server's, PostgreSQL columns stay 0)" : `PostgreSQL 15 over ${PG_SOCKET ? "its Unix socket" : "TCP on 127.0.0.1"}`}, 'qingliu serve' ${ONE_PROCESS ? "as web and gateway in one process" : "as web and as gateway"}, ${USERS} signed-in users; fleet of ${devices} simulated devices ` +
      `(${(valuesPerPacket * packetsPerDevicePerSec * devices).toFixed(0)} values/s planned)`);
    await phase("warm-up", 3_000, mix);
    const floor = await phase("static /healthz, closed loop (floor)", Math.min(PHASE_MS, 8_000), () => ({ url: "/healthz", kind: "healthz" }));
    const idle = await phase("API mix, interactive, no ingest", PHASE_MS, mix, think);
    const idleCap = await phase("API mix, closed loop, no ingest", Math.min(PHASE_MS, 8_000), mix);
    [floor, idle, idleCap].forEach((r) => report(r));

    sim = spawn(process.execPath, ["--import", "tsx", new URL("./loadSimulator.ts", import.meta.url).pathname, JSON.stringify({
      port: gatewayPort, fleet, intervalMs: 60_000, speedup: SPEEDUP, durationMs: PHASE_MS * 3 + 30_000, ackTimeoutMs: 10_000, drainMs: 3_000,
    })], { stdio: ["ignore", "pipe", "pipe"] });
    // The simulated fleet stands for devices out in the field, not for anything the platform's machines run: it
    // yields the CPU to the measured processes (nice 10) so that it disturbs them less on a shared machine.
    try {
      setPriority(sim.pid!, 10);
    } catch {
      /* not permitted here: it runs at normal priority */
    }
    let simOut = "";
    let simErr = "";
    sim.stdout!.on("data", (d) => (simOut += d));
    sim.stderr!.on("data", (d) => (simErr = (simErr + d).slice(-2000)));
    const simDone = new Promise<void>((resolve) => sim!.on("exit", () => resolve()));
    const simPid = sim.pid!;
    // Let the devices connect and the ingest settle, then measure it alone.
    await new Promise((r) => setTimeout(r, 8_000));
    const aloneMeter = await meter();
    const gpid = gateway.child.pid!;
    const before = { gateway: cpuOf(gpid), postgres: pgCpu(), sim: cpuOf(simPid) };
    await new Promise((r) => setTimeout(r, 6_000));
    const alone = await aloneMeter();
    const used = { gateway: cpuOf(gpid) - before.gateway, postgres: pgCpu() - before.postgres, sim: cpuOf(simPid) - before.sim };
    const perK = (cpu: number) => (alone ? ((cpu * 1000) / ((alone * 6) / 1000)).toFixed(1) : "—");
    console.log(`  ingest alone: ${Math.round(alone).toLocaleString("en")} values/s stored; CPU per 1,000 values: gateway ${perK(used.gateway)} ms, ` +
      `PostgreSQL ${perK(used.postgres)} ms; gateway ${(used.gateway / 6 * 100).toFixed(0)}%, simulator ${(used.sim / 6 * 100).toFixed(0)}% of a core`);

    const busy: Phase[] = [];
    for (const [name, ms, th] of [["API mix, interactive, during ingest", PHASE_MS, think], ["API mix, closed loop, during ingest", Math.min(PHASE_MS, 8_000), undefined]] as const) {
      const phaseMeter = await meter();
      const r = await phase(name, ms, mix, th);
      r.valuesPerSec = await phaseMeter();
      report(r);
      busy.push(r);
    }
    sim.kill("SIGINT");
    await simDone;
    const summary = simOut.trim() ? JSON.parse(simOut.trim().split("\n").at(-1)!) : null;
    console.log(summary
      ? `  simulator: ${summary.packets} packets, ${summary.acked} acknowledged, ${summary.unacknowledged} unanswered, backlog ${summary.backlog}`
      : `  simulator printed no summary: ${simErr}`);
    if (summary && summary.acked === 0) console.log(`  nothing acknowledged; gateway said: ${gateway.output().slice(-1500)}`);
    const [interactive, capacity] = busy;
    console.log(
      `  ratios: interactive p99 during ingest / without ${(pct(interactive.ms, 99) / pct(idle.ms, 99)).toFixed(2)}; ` +
        `capacity during ingest / without ${(capacity.requests / capacity.seconds / (idleCap.requests / idleCap.seconds)).toFixed(2)}; ` +
        `API p50 / static p50 (closed loop) ${(pct(idleCap.ms, 50) / pct(floor.ms, 50)).toFixed(1)}`,
    );
    console.log(`  goal p99 ≤ 50 ms at ${USERS} users during ${VALUES_PER_SEC.toLocaleString("en")} values/s: interactive p99 ${pct(interactive.ms, 99).toFixed(1)} ms ` +
      `at ${Math.round(interactive.valuesPerSec ?? 0).toLocaleString("en")} values/s stored — ${pct(interactive.ms, 99) <= 50 && (interactive.valuesPerSec ?? 0) >= 0.9 * VALUES_PER_SEC ? "met" : "missed"}`);
  } finally {
    sim?.kill("SIGKILL");
    server?.child.kill("SIGKILL");
    gateway?.child.kill("SIGKILL");
    await client?.end().catch(() => {});
    cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
