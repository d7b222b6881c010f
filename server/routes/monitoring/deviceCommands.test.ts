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
});
