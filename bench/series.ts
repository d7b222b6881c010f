/**
 * @module Series API benchmark (issue 8 §9): p99 latency of GET /api/readings/series at 50 concurrent clients over a
 * store of 2,000,000 readings (20 automatic stations × 10 factors × 10,000 hourly values), on PGlite and on
 * PostgreSQL. Baseline in the same run: the same server (same process, same authentication) answering the very
 * same response bodies from memory (`/api/_bench/static`, behind the same session check), so the ratio is what the
 * query, aggregation and LTTB cost.
 * Request mix, one third each: 30 days raw (720 values), a year raw (8,760 values → LTTB 2,000) and a year by day
 * (365 buckets aggregated in SQL). The 50 clients run in a worker thread, keep-alive, each sending its next request
 * when the last is answered.
 */
import { Worker } from "node:worker_threads";
import type { AddressInfo } from "node:net";
import { openDatabase, type Database } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { buildApp } from "../server/app";
import { requireAuth } from "../server/auth/authenticate";
import { insertReadings } from "../server/repositories/reading.repository";
import { buildUser, TEST_PASSWORD } from "../server/test/factories";
import { startPostgresCluster } from "../server/test/postgresCluster";
import type { NewReading } from "../server/db/schema";

const POINTS = 20;
const FACTORS = ["w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w21017", "w01010", "w01014", "w01003"];
const HOURS = 10_000;
const CLIENTS = 50;
const MEASURE_MS = Number(process.env.BENCH_SERIES_MS ?? 15_000);
/** 2022-01-01 00:00 Beijing time. */
const T0 = Date.UTC(2021, 11, 31, 16);
const HOUR = 3_600_000;

/** Loads the store; returns the point ids and how long the load took. */
async function load(db: Database["db"]): Promise<{ ids: string[]; seconds: number }> {
  const ids: string[] = [];
  for (let p = 0; p < POINTS; p++) {
    ids.push((await db.insertInto("monitoring_points").values({ code: `SB${p}`, name: `基准站${p}`, kind: "auto_station", water_body: "大沙河", water_body_type: "river", target_class: 3 })
      .returning("id").executeTakeFirstOrThrow()).id);
  }
  const started = performance.now();
  let rows: NewReading[] = [];
  for (const id of ids) {
    for (let h = 0; h < HOURS; h++) {
      for (const [k, f] of FACTORS.entries()) {
        rows.push({ point_id: id, factor: f, period: "hour", t: new Date(T0 + h * HOUR), value: 0.5 + 0.3 * Math.sin((h + k * 7) / 24) + (h % 13) * 0.01, flag: "N", source: "gateway" });
      }
      if (rows.length >= 20_000) {
        const batch = rows;
        rows = [];
        await db.transaction().execute((trx) => insertReadings(trx, batch));
      }
    }
  }
  if (rows.length) await db.transaction().execute((trx) => insertReadings(trx, rows));
  return { ids, seconds: (performance.now() - started) / 1000 };
}

/** The request mix: 30 days raw, a year raw (LTTB), a year by day. */
function requests(ids: string[]): string[] {
  const out: string[] = [];
  const iso = (t: number) => new Date(t).toISOString();
  for (let i = 0; i < 120; i++) {
    const id = ids[i % ids.length];
    const factor = FACTORS[(i * 7) % FACTORS.length];
    const yearFrom = T0 + ((i * 13) % 40) * 24 * HOUR;
    const kind = i % 3;
    const from = kind === 0 ? yearFrom + 300 * 24 * HOUR : yearFrom;
    const to = kind === 0 ? from + 30 * 24 * HOUR : yearFrom + 365 * 24 * HOUR;
    const bucket = kind === 2 ? "day" : "raw";
    out.push(`/api/readings/series?pointId=${id}&factor=${factor}&period=hour&from=${iso(from)}&to=${iso(to)}&bucket=${bucket}`);
  }
  return out;
}

/** The load generator, run in a worker: `clients` loops over `paths` for `ms`, each waiting for its answer. */
const WORKER = `
const { parentPort, workerData: w } = require("node:worker_threads");
(async () => {
  const lat = [];
  let errors = 0, bytes = 0, next = 0;
  const stopAt = Date.now() + w.ms;
  await Promise.all(Array.from({ length: w.clients }, async () => {
    while (Date.now() < stopAt) {
      const path = w.paths[next++ % w.paths.length];
      const t0 = performance.now();
      try {
        const r = await fetch(w.base + path, { headers: { cookie: w.cookie } });
        const body = await r.arrayBuffer();
        if (r.status !== 200) errors++;
        bytes += body.byteLength;
      } catch { errors++; }
      lat.push(performance.now() - t0);
    }
  }));
  parentPort.postMessage({ lat, errors, bytes });
})();`;

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  meanKb: number;
}

function runLoad(base: string, cookie: string, paths: string[], ms: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { base, cookie, paths, ms, clients: CLIENTS } });
    worker.once("error", reject);
    worker.once("message", (m: { lat: number[]; errors: number; bytes: number }) => {
      const lat = m.lat.sort((a, b) => a - b);
      const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
      resolve({ requests: lat.length, perSecond: lat.length / (ms / 1000), p50: q(0.5), p95: q(0.95), p99: q(0.99), max: lat[lat.length - 1], errors: m.errors, meanKb: m.bytes / lat.length / 1024 });
      void worker.terminate();
    });
  });
}

const fmt = (r: LoadResult) =>
  `${r.requests} requests (${r.perSecond.toFixed(0)}/s), p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms, ${r.meanKb.toFixed(0)} kB/response, ${r.errors} errors`;

/** One engine: load 2M readings, serve, measure series and the static baseline. */
async function benchEngine(name: string, database: Database): Promise<void> {
  const db = database.db;
  await migrate(db);
  const { ids, seconds } = await load(db);
  const total = POINTS * FACTORS.length * HOURS;
  console.log(`  ${name}: loaded ${total.toLocaleString("en")} readings in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en")}/s)`);
  await buildUser(db, { username: "bench", roles: ["monitoring_operator"] });
  const app = await buildApp({ db, config: { cookieSecure: false, testRoutes: false, logLevel: "silent" }, logger: false });
  // The baseline: the same bodies the series route answered, from memory, behind the same authentication.
  const bodies = new Map<string, string>();
  // Under /api/ so the session hook runs for it as for the series route.
  app.get("/api/_bench/static", async (req, reply) => {
    requireAuth(req);
    return reply.type("application/json; charset=utf-8").send(bodies.get((req.query as { k: string }).k));
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "bench", password: TEST_PASSWORD }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const paths = requests(ids);
    // Capture each response once (this also warms caches), then serve those bytes as the baseline.
    const staticPaths: string[] = [];
    for (const [i, p] of paths.entries()) {
      const r = await fetch(base + p, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`${p}: ${r.status} ${await r.text()}`);
      bodies.set(String(i), await r.text());
      staticPaths.push(`/api/_bench/static?k=${i}`);
    }
    const sample = JSON.parse(bodies.get("1")!).data;
    console.log(`  ${name}: a year raw → ${sample.points.length} points (downsampled ${sample.downsampled}, ${sample.total} stored); a year by day → ${JSON.parse(bodies.get("2")!).data.points.length} buckets`);
    await runLoad(base, cookie, paths, 2_000); // warm-up
    const series = await runLoad(base, cookie, paths, MEASURE_MS);
    const baseline = await runLoad(base, cookie, staticPaths, MEASURE_MS);
    console.log(`  ${name} series API, ${CLIENTS} clients: ${fmt(series)}`);
    console.log(`  ${name} static JSON baseline (same server, same bodies): ${fmt(baseline)}`);
    console.log(`  ${name} ratio series/static: p99 ×${(series.p99 / baseline.p99).toFixed(1)}, p50 ×${(series.p50 / baseline.p50).toFixed(1)}, throughput ${(series.perSecond / baseline.perSecond).toFixed(2)}`);
  } finally {
    await app.close();
  }
}

/** Runs the benchmark on PGlite and (when its binaries are installed) PostgreSQL 15. */
export async function benchSeries(): Promise<void> {
  const pglite = await openDatabase({ memory: true });
  try {
    await benchEngine("PGlite", pglite);
  } finally {
    await pglite.close();
  }
  const cluster = await startPostgresCluster().catch((e: Error) => (console.log(`  PostgreSQL skipped: ${e.message}`), null));
  if (!cluster) return;
  try {
    const pg = await openDatabase({ databaseUrl: cluster.url, poolSize: 10 });
    try {
      await benchEngine("PostgreSQL", pg);
    } finally {
      await pg.close();
    }
  } finally {
    cluster.stop();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await benchSeries();
