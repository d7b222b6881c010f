import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database, type Engine } from "../db/database";
import { migrate } from "../db/migrate";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { freePort, spawnServer, type ServerProcess } from "../test/childProcess";
import { TestDevice, uploadPacket } from "./testDevice";

/**
 * Issue 9 §4: kill -9 the gateway during a load and restart it — every packet that was acknowledged (9014) is
 * stored exactly once. On both engines; the gateway runs as a real child process.
 */
/** Acknowledged packets (over all four devices) before the gateway is killed. */
const KILL_AFTER_ACKS = 40;

async function waitForPort(port: number, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`gateway port ${port} did not open`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One point per device: a point's series is fed by one device. */
async function seedDevices(db: Database["db"], n: number) {
  for (let i = 0; i < n; i++) {
    const p = await db.insertInto("monitoring_points").values({ code: `DUR-${i}`, name: `耐久性测试点${i}`, kind: "auto_station", level: null,
      water_body: "大沙河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    await db.insertInto("devices").values({ mn: `DUR${i}`, pw: "123456", st: "21", point_id: p.id }).execute();
  }
}

/** Sends packets one after another on one connection, recording each QN acknowledged, until the connection dies. */
async function load(port: number, mn: string, acked: Set<string>, sent: { n: number }, stopAt: number) {
  let dev: TestDevice;
  try {
    dev = await TestDevice.open(port);
  } catch {
    return;
  }
  let closed = false;
  dev.socket.on("close", () => (closed = true));
  for (let i = 0; !closed && Date.now() < stopAt; i++) {
    const minute = String(i % 60).padStart(2, "0");
    const hour = String(Math.floor(i / 60) % 24).padStart(2, "0");
    const day = String(1 + Math.floor(i / 1440)).padStart(2, "0");
    const before = dev.replies.length;
    dev.send(uploadPacket({ qn: `202207${day}${hour}${minute}00${String(i % 1000).padStart(3, "0")}`, mn, cn: "2051", time: `202207${day}${hour}${minute}00`, values: { w21003: String(i / 100), w01009: "6.1" } }));
    sent.n++;
    const t0 = Date.now();
    while (!closed && dev.replies.length === before && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 1));
    const reply = dev.replies[before];
    if (reply?.cn === "9014") acked.add(`${mn}|${reply.qn}`);
  }
  dev.socket.destroy();
}

describe.each(ENGINES)("gateway durability under kill -9 on %s", (engine: Engine) => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("stores every acknowledged packet exactly once across a crash and restart", async () => {
    let env: Record<string, string>;
    let check: () => Promise<Database>;
    if (engine === "pglite") {
      const dataDir = mkdtempSync(join(tmpdir(), "qingliu-dur-"));
      dirs.push(dataDir);
      const d = await openDatabase({ pgliteDir: join(dataDir, "pglite") });
      await migrate(d.db);
      await seedDevices(d.db, 4);
      await d.close();
      env = { DATA_DIR: dataDir };
      check = () => openDatabase({ pgliteDir: join(dataDir, "pglite") });
    } else {
      const d = await createTestDatabase("postgres");
      await seedDevices(d.db, 4);
      await d.close();
      env = { DATABASE_URL: d.url! };
      check = () => openDatabase({ databaseUrl: d.url! });
    }
    const gatewayPort = await freePort();
    const common = { ...env, SERVICES: "gateway", DEMO: "false", GATEWAY_PORT: String(gatewayPort) };
    const acked = new Set<string>();
    const sent = { n: 0 };

    let gw: ServerProcess = await spawnServer(common);
    await waitForPort(gatewayPort);
    // The load runs until the kill closes its connections (the bound is only a safety net).
    const stopAt = Date.now() + 90_000;
    const loads = ["DUR0", "DUR1", "DUR2", "DUR3"].map((mn) => load(gatewayPort, mn, acked, sent, stopAt));
    // Kill once KILL_AFTER_ACKS packets have been acknowledged, not at a fixed time: on a loaded machine the gateway
    // may acknowledge nothing in the first seconds. Packets are in flight on all four connections when it dies.
    const waitUntil = Date.now() + 60_000;
    while (acked.size < KILL_AFTER_ACKS && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 5));
    gw.child.kill("SIGKILL");
    await gw.exited;
    await Promise.all(loads);
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(sent.n).toBeGreaterThan(acked.size - 1);

    // Restart: the devices resend what was not acknowledged, as real ones do; the store must not duplicate it.
    gw = await spawnServer(common);
    await waitForPort(gatewayPort);
    gw.child.kill("SIGTERM");
    await gw.exited;

    const d = await check();
    try {
      const packets = await d.db.selectFrom("gateway_packets").select(["mn", "qn", "readings"]).execute();
      const stored = new Set(packets.map((p) => `${p.mn}|${p.qn}`));
      const missing = [...acked].filter((k) => !stored.has(k));
      expect(missing).toEqual([]);
      // Exactly once: two readings per acknowledged packet, no more (primary keys forbid duplicates; count them).
      const rows = await d.db.selectFrom("readings").select(["device_mn", "packet_qn"]).execute();
      const perPacket = new Map<string, number>();
      for (const r of rows) perPacket.set(`${r.device_mn}|${r.packet_qn}`, (perPacket.get(`${r.device_mn}|${r.packet_qn}`) ?? 0) + 1);
      for (const k of acked) expect(perPacket.get(k)).toBe(2);
      expect(rows.length).toBe(packets.length * 2);
    } finally {
      await d.close();
    }
  }, 240_000);
});
