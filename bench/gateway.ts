/**
 * @module Gateway benchmarks (issue 9 §5 b–d): end-to-end ingest over loopback against the store's own bulk-load
 * rate on PGlite and PostgreSQL; RSS of a gateway process holding 10,000 idle device connections; pipelined bursts
 * with packets split across reads. Every figure is printed beside a baseline measured in the same run.
 */
import { connect, type Socket } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { sql } from "kysely";
import { openDatabase, type Database } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { insertReadings } from "../server/repositories/reading.repository";
import { DeviceRegistry } from "../server/gateway/devices";
import { GroupCommitter } from "../server/gateway/groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../server/gateway/gateway";
import { uploadPacket } from "../server/gateway/testDevice";
import { startPostgresCluster } from "../server/test/postgresCluster";
import { freePort } from "../server/test/childProcess";
import type { NewReading } from "../server/db/schema";

const FACTORS = ["w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w21017", "w01010", "w01014", "w01003"];
const quiet = { info() {}, warn() {}, error() {} };

async function seed(db: Database["db"], devices: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < devices; i++) {
    const p = await db.insertInto("monitoring_points").values({ code: `B${i}`, name: `基准站${i}`, kind: "auto_station", level: null,
      water_body: "大沙河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("devices").values({ mn: `BENCH${i}`, pw: "123456", st: "21", point_id: p.id }).execute();
    ids.push(p.id);
  }
  return ids;
}

/** The minute `i` after 2022-01-01 00:00 China time, as HJ 212 DataTime. */
function dataTime(i: number): string {
  const t = new Date(Date.UTC(2022, 0, 1) - 8 * 3_600_000 + i * 60_000 + 8 * 3_600_000);
  return t.toISOString().replace(/[-T:]/g, "").slice(0, 14);
}

/** Store baseline: the same number of values inserted in large batches straight into the store. */
async function bulkRate(db: Database["db"], pointIds: string[], values: number): Promise<number> {
  const rows: NewReading[] = [];
  for (let i = 0; rows.length < values; i++) {
    for (const f of FACTORS) rows.push({ point_id: pointIds[i % pointIds.length], factor: f, period: "min", t: new Date(Date.UTC(2021, 0, 1) + Math.floor(i / pointIds.length) * 60_000), value: i % 97, flag: "N", source: "gateway", device_mn: null, packet_qn: null, detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null, cou_value: null, author_id: null, reason: null });
  }
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 5000) await db.transaction().execute((trx) => insertReadings(trx, rows.slice(i, i + 5000)));
  return rows.length / ((performance.now() - t0) / 1000);
}

/** Devices pipelining minute uploads (10 values each) with a window of unacknowledged packets. */
async function ingestRate(port: number, devices: number, packetsPerDevice: number, window = 20): Promise<{ valuesPerSec: number; acked: number }> {
  let acked = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: devices }, (_, d) =>
      new Promise<void>((resolve, reject) => {
        const s = connect(port, "127.0.0.1");
        let sent = 0;
        let got = 0;
        let buf = "";
        const pump = () => {
          let chunk = "";
          while (sent < packetsPerDevice && sent - got < window) {
            chunk += uploadPacket({ qn: `2022${String(d).padStart(6, "0")}${String(sent).padStart(7, "0")}`, mn: `BENCH${d}`, cn: "2051", time: dataTime(sent), values: Object.fromEntries(FACTORS.map((f, k) => [f, String((sent + k) % 50)])) });
            sent++;
          }
          if (chunk) s.write(chunk);
        };
        s.setEncoding("utf8");
        s.on("connect", pump);
        s.on("data", (x: string) => {
          buf += x;
          let i: number;
          while ((i = buf.indexOf("\r\n")) >= 0) {
            if (buf.slice(0, i).includes("CN=9014")) got++;
            buf = buf.slice(i + 2);
          }
          if (got >= packetsPerDevice) {
            acked += got;
            s.destroy();
            resolve();
          } else pump();
        });
        s.on("error", reject);
      }),
    ),
  );
  return { valuesPerSec: (acked * FACTORS.length) / ((performance.now() - t0) / 1000), acked };
}

async function endToEnd(label: string, database: Database) {
  await migrate(database.db);
  const pointIds = await seed(database.db, 20);
  const gateway = new Gateway(new DeviceRegistry(database.db), new GroupCommitter(database.db, { maxBatch: 500, maxDelayMs: 5 }), quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0, perConnectionRate: 1e6, perMnRate: 1e6 });
  const port = await gateway.start();
  const e2e = await ingestRate(port, 20, 500);
  await gateway.stop();
  const bulk = await bulkRate(database.db, pointIds, e2e.acked * FACTORS.length);
  const stored = Number((await sql<{ n: number }>`select count(*) as n from readings where period = 'min' and t >= '2021-12-31'`.execute(database.db)).rows[0].n);
  console.log(`  (b) ${label.padEnd(10)} end-to-end ${Math.round(e2e.valuesPerSec).toLocaleString("en")} values/s (${e2e.acked} packets acked, ${stored} values stored); bulk load ${Math.round(bulk).toLocaleString("en")} values/s; ratio ${(e2e.valuesPerSec / bulk).toFixed(2)} (goal ≥ 0.5)`);
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function idleConnections(n: number, label: string, dbEnv: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), "qingliu-bench-"));
  const port = await freePort();
  if (!dbEnv.DATABASE_URL) {
    // Create the PGlite cluster first: its one-off initdb costs ~0.9 GB that a normal (re)start does not.
    const init = spawn(process.execPath, [new URL("../bin/qingliu.mjs", import.meta.url).pathname, "migrate"], { env: { ...process.env, DATA_DIR: dataDir }, stdio: "ignore" });
    await new Promise((r) => init.on("exit", r));
  }
  const child = spawn(process.execPath, [new URL("../bin/qingliu.mjs", import.meta.url).pathname, "serve"], {
    env: { ...process.env, DATA_DIR: dataDir, ...dbEnv, SERVICES: "gateway", DEMO: "false", GATEWAY_PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 300; i++) {
      const up = await new Promise<boolean>((r) => { const s = connect(port, "127.0.0.1", () => (s.destroy(), r(true))); s.on("error", () => r(false)); });
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 500));
    const before = rssOf(child.pid!);
    const sockets: Socket[] = [];
    for (let i = 0; i < n; i += 500) {
      await Promise.all(Array.from({ length: Math.min(500, n - i) }, () => new Promise<void>((resolve, reject) => { const s = connect(port, "127.0.0.1", () => resolve()); s.on("error", reject); sockets.push(s); })));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssOf(child.pid!);
    console.log(`  (c) ${label.padEnd(10)} ${n.toLocaleString("en")} idle connections: gateway RSS ${(after / 2 ** 20).toFixed(0)} MB (idle process before: ${(before / 2 ** 20).toFixed(0)} MB; ${((after - before) / n / 1024).toFixed(1)} kB per connection; goal ≤ 500 MB)`);
    sockets.forEach((s) => s.destroy());
  } finally {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pipelined() {
  const database = await openDatabase({ memory: true });
  await migrate(database.db);
  await seed(database.db, 1);
  const gateway = new Gateway(new DeviceRegistry(database.db), new GroupCommitter(database.db), quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0, perConnectionRate: 1e6, perMnRate: 1e6 });
  const port = await gateway.start();
  const n = 2000;
  const stream = Array.from({ length: n }, (_, i) => uploadPacket({ qn: `2022${String(i).padStart(13, "0")}`, mn: "BENCH0", cn: "2051", time: dataTime(i), values: { w21003: String(i) } })).join("");
  const acks = await new Promise<number>((resolve) => {
    const s = connect(port, "127.0.0.1");
    let got = 0;
    let buf = "";
    s.setEncoding("utf8");
    s.on("connect", () => {
      // Writes of random sizes: packets arrive split across reads and many to a read.
      let i = 0;
      while (i < stream.length) {
        const size = 1 + Math.floor(Math.random() * 9000);
        s.write(stream.slice(i, i + size));
        i += size;
      }
    });
    s.on("data", (x: string) => {
      buf += x;
      let k: number;
      while ((k = buf.indexOf("\r\n")) >= 0) {
        got++;
        buf = buf.slice(k + 2);
      }
      if (got >= n) (s.destroy(), resolve(got));
    });
    setTimeout(() => (s.destroy(), resolve(got)), 60_000);
  });
  await gateway.stop();
  const stored = Number((await sql<{ n: number }>`select count(*) as n from gateway_packets`.execute(database.db)).rows[0].n);
  await database.close();
  console.log(`  (d) pipelined burst of ${n} packets in random-size writes: ${acks} acks, ${stored} stored, ${n - stored} lost; process alive`);
}

/** Runs (b), (c), (d). */
export async function benchGateway(): Promise<void> {
  const pglite = await openDatabase({ memory: true });
  await endToEnd("PGlite", pglite);
  await pglite.close();
  const cluster = await startPostgresCluster().catch((e: Error) => (console.log(`  PostgreSQL parts skipped: ${e.message}`), null));
  try {
    if (cluster) {
      const pg = await openDatabase({ databaseUrl: cluster.url, poolSize: 10 });
      await endToEnd("PostgreSQL", pg);
      await pg.close();
      await sql`create database idle_bench`.execute((await openDatabase({ databaseUrl: cluster.url })).db).catch(() => {});
      // Production layout: the gateway process on PostgreSQL holds only sockets and buffers.
      const url = cluster.url.replace(/\/postgres$/, "/idle_bench");
      const d = await openDatabase({ databaseUrl: url });
      await migrate(d.db);
      await d.close();
      await idleConnections(10_000, "PostgreSQL", { DATABASE_URL: url });
    }
    // Embedded layout: PGlite lives in the same process (its WASM heap counts in the RSS).
    await idleConnections(10_000, "PGlite", {});
  } finally {
    cluster?.stop();
  }
  await pipelined();
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await benchGateway();
