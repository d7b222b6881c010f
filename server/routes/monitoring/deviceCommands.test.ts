import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePacket, exeReply, qnReply } from "../../../domain/hj212";
import { buildApp, type App } from "../../app";
import { createTestDatabase } from "../../test/testDatabase";
import { buildUser } from "../../test/factories";
import { TestClient } from "../../test/testServer";
import { DeviceRegistry } from "../../gateway/devices";
import { GroupCommitter } from "../../gateway/groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../../gateway/gateway";
import { TestDevice, uploadPacket } from "../../gateway/testDevice";
import { DEFAULT_FLEET, DEFAULT_RUN, runSimulation, simulateRegistered } from "../../simulator";

describe("device requests from the API through the gateway", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let gateway: Gateway;
  let app: App;
  let port: number;
  let deviceId: string;
  beforeAll(async () => {
    d = await createTestDatabase("pglite");
    const p = await d.db.insertInto("monitoring_points").values({ code: "CMD-1", name: "指令测试站", kind: "auto_station", level: null,
      water_body: "新河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    deviceId = (await d.db.insertInto("devices").values({ mn: "CMD0001", pw: "654321", st: "21", point_id: p.id }).returning("id").executeTakeFirstOrThrow()).id;
    gateway = new Gateway(new DeviceRegistry(d.db), new GroupCommitter(d.db), { info() {}, warn() {}, error() {} }, { ...DEFAULT_GATEWAY_OPTIONS, port: 0 });
    port = await gateway.start();
    app = await buildApp({ db: d.db, config: { cookieSecure: false, testRoutes: false, logLevel: "silent" }, gateway, logger: false });
    await buildUser(d.db, { username: "op", roles: ["monitoring_operator"] });
  });
  afterAll(async () => {
    await app.close();
    await gateway.stop();
    await d.close();
  });

  it("refuses while the device is offline, then syncs its clock once it is connected, audited", async () => {
    const op = await TestClient.signIn(app, "op");
    const offline = await op.post(`/api/monitoring/devices/${deviceId}/commands`, { kind: "time_sync" });
    expect(offline.status).toBe(409);
    expect(offline.body.error).toBe("device.offline");
    const bad = await op.post(`/api/monitoring/devices/${deviceId}/commands`, { kind: "min_interval", minutes: 7 });
    expect(bad.status).toBe(400);

    const dev = await TestDevice.open(port);
    dev.send(uploadPacket({ qn: "20220606000000001", mn: "CMD0001", pw: "654321", time: "20220606000000", values: { w21003: "0.3" } }));
    await dev.waitFor(1);
    dev.replies.length = 0;
    dev.socket.on("data", () => {
      for (const req of dev.replies.splice(0)) {
        if (req.cn !== "1012") continue;
        expect(req.cp.other.find((o) => o.key === "SystemTime")?.value).toMatch(/^\d{14}$/);
        dev.send(encodePacket(qnReply(req, 1))!);
        dev.send(encodePacket(exeReply(req, 1))!);
      }
    });
    const r = await op.post(`/api/monitoring/devices/${deviceId}/commands`, { kind: "time_sync" });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: "done", qnRtn: 1, exeRtn: 1 });
    const entry = await d.db.selectFrom("audit_events").selectAll().where("action", "=", "device.command").executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ mn: "CMD0001", command: { kind: "time_sync" }, outcome: { status: "done" } });
    dev.socket.destroy();
  });

  it("a simulated device backfills hour data on request: 9011, three hour packets stored, 9012; status shows it online", async () => {
    const p = await d.db.insertInto("monitoring_points").values({ code: "CMD-2", name: "补发测试站", kind: "auto_station", level: null,
      water_body: "新河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    const factors = ["w01001", "w21003"];
    const simId = (await d.db.insertInto("devices").values({ mn: "CMD0002", pw: "111111", st: "21", point_id: p.id, expected_factors: factors })
      .returning("id").executeTakeFirstOrThrow()).id;
    const device = simulateRegistered({ mn: "CMD0002", pw: "111111", st: "21", name: "补发测试站", factors }, 0, 1);
    const stop = new AbortController();
    // The device's clock says 2024-06-01 10:30 Beijing time. It first sends the hours it has since 07:30 (08:00 and
    // 09:00), which binds its MN to the connection; real-time data is hourly, so nothing else is due in the test.
    const start = Date.parse("2024-06-01T10:30:00+08:00");
    const run = runSimulation({ ...DEFAULT_RUN, port, fleet: DEFAULT_FLEET, fleetDevices: [device], start, historyFrom: start - 3 * 3_600_000,
      speedup: 1, intervalMs: 3_600_000, minuteData: false, signal: stop.signal, tickMs: 50, drainMs: 500 });
    try {
      for (let i = 0; i < 100 && !gateway.isConnected("CMD0002"); i++) await new Promise((r) => setTimeout(r, 50));
      const op = await TestClient.signIn(app, "op");
      const r = await op.post(`/api/monitoring/devices/${simId}/commands`, { kind: "history", cn: "2061", begin: "2024-06-01T00:00:00+08:00", end: "2024-06-01T06:00:00+08:00" });
      expect(r.status).toBe(200);
      // Hours 00:00 … 06:00 all began in the window and have ended by the device's 10:30.
      expect(r.body.data).toMatchObject({ status: "done", qnRtn: 1, exeRtn: 1, dataPackets: 7, attempts: 1 });
      const rows = await d.db.selectFrom("readings").select(["t", "factor"]).where("point_id", "=", p.id).where("period", "=", "hour").execute();
      expect(rows).toHaveLength(9 * 2);

      const status = await op.get("/api/monitoring/devices/status?day=2024-06-01");
      expect(status.status).toBe(200);
      const row = status.body.data.find((x: { mn: string }) => x.mn === "CMD0002");
      expect(row).toMatchObject({ online: true, connected: true, hoursReceived: 9, hoursExpected: 24, transmissionRate: 9 / 24, pointName: "补发测试站" });
      expect(row.days.map((x: { day: string }) => x.day)).toEqual(["2024-05-26", "2024-05-27", "2024-05-28", "2024-05-29", "2024-05-30", "2024-05-31", "2024-06-01"]);
      expect(row.days[6]).toEqual({ day: "2024-06-01", hoursReceived: 9, hoursExpected: 24, rate: 9 / 24 });
      expect(row.days[0]).toEqual({ day: "2024-05-26", hoursReceived: 0, hoursExpected: 24, rate: 0 });
      expect(status.body.policies[simId]).toEqual({ read: true, update: true, command: true });
      expect(status.body.meta).toMatchObject({ day: "2024-06-01", gateway: true });
      const auditor = await buildUser(d.db, { username: "aud", roles: ["auditor"] });
      void auditor;
      const ro = await TestClient.signIn(app, "aud");
      expect((await ro.get("/api/monitoring/devices/status?day=2024-06-01")).body.policies[simId]).toEqual({ read: true, update: false, command: false });
    } finally {
      stop.abort();
      await run;
    }
  }, 30_000);
});
