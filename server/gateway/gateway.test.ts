import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { encodeFrame, encodePacket, exeReply, historyRequest, qnReply, timeSyncRequest } from "../../domain/hj212";
import { TestDevice as Device, uploadPacket as upload } from "./testDevice";
import { createTestDatabase, ENGINES } from "../test/testDatabase";
import { DeviceRegistry } from "./devices";
import { expectedHours, listDeviceStatus } from "../repositories/deviceStatus.repository";
import { GroupCommitter } from "./groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "./gateway";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(ENGINES)("HJ 212 gateway over TCP on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let gateway: Gateway;
  let port: number;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
    const p = await d.db.insertInto("monitoring_points").values({ code: "BMM-1", name: "白马门河自动站", kind: "auto_station", level: null,
      water_body: "白马门河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    await d.db.insertInto("devices").values([
      { mn: "ZZ0001", pw: "123456", st: "21", point_id: p.id },
      { mn: "ZZ0002", pw: "123456", st: "21", point_id: p.id, enabled: false },
    ]).execute();
    gateway = new Gateway(new DeviceRegistry(d.db), new GroupCommitter(d.db, { maxBatch: 200, maxDelayMs: 5 }), quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0 });
    port = await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await d.close();
  });

  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from readings`.execute(d.db)).rows[0].n);

  it("stores an hourly upload and answers 9014 only after it is committed; a retransmission is stored once", async () => {
    const dev = await Device.open(port);
    const pkt = upload({ qn: "20220601100000001", time: "20220601100000", values: { w21003: "0.52", w01009: "6.30" } });
    dev.send(pkt);
    const [ack] = await dev.waitFor(1);
    expect(ack).toMatchObject({ cn: "9014", qn: "20220601100000001", mn: "ZZ0001", st: "91" });
    // The acknowledgement came after the commit: the rows are there now.
    expect(await count()).toBe(2);
    dev.send(pkt);
    await dev.waitFor(2);
    expect(dev.replies[1].cn).toBe("9014");
    expect(await count()).toBe(2);
    // The counters /metrics shows: one packet of two values stored, the resend recognised.
    expect(gateway.stats).toMatchObject({ stored: 1, values: 2, duplicates: 1 });
    const row = await d.db.selectFrom("readings").selectAll().where("factor", "=", "w21003").executeTakeFirstOrThrow();
    // DataTime is China time: 10:00 +08:00 = 02:00 UTC.
    expect(row).toMatchObject({ period: "hour", value: 0.52, flag: "N", source: "gateway", device_mn: "ZZ0001" });
    expect(new Date(row.t).toISOString()).toBe("2022-06-01T02:00:00.000Z");
    // Device status: one hour of 2022-06-01 (China time) received, two packets, one duplicate.
    const [status] = (await listDeviceStatus(d.db, "2022-06-01")).filter((s) => s.mn === "ZZ0001");
    expect(status).toMatchObject({ mn: "ZZ0001", hours_received: 1 });
    expect(expectedHours("2022-06-01", new Date("2022-06-02T00:00:00Z"))).toBe(24);
    expect(expectedHours("2022-06-01", new Date("2022-06-01T03:30:00Z"))).toBe(11);
    dev.socket.destroy();
  });

  it("refuses an unknown MN (QnRtn 4), a wrong password (3), a disabled device (2) and a bad CRC (9)", async () => {
    const dev = await Device.open(port);
    dev.send(upload({ qn: "20220601110000001", mn: "NOPE", time: "20220601110000", values: { w21003: "1" } }));
    dev.send(upload({ qn: "20220601110000002", pw: "wrong", time: "20220601110000", values: { w21003: "1" } }));
    dev.send(upload({ qn: "20220601110000003", mn: "ZZ0002", time: "20220601110000", values: { w21003: "1" } }));
    const good = upload({ qn: "20220601110000004", time: "20220601110000", values: { w21003: "1" } });
    dev.send(good.slice(0, -6) + (good.slice(-6, -2) === "0000" ? "1111" : "0000") + "\r\n");
    const replies = await dev.waitFor(4);
    expect(replies.map((r) => [r.cn, r.cp.other.find((o) => o.key === "QnRtn")?.value])).toEqual([
      ["9011", "4"],
      ["9011", "3"],
      ["9011", "2"],
      ["9011", "9"],
    ]);
    expect(await count()).toBe(2);
    dev.socket.destroy();
  });

  it("survives garbage, pipelined packets and packets split across writes, losing none", async () => {
    const dev = await Device.open(port);
    const packets = Array.from({ length: 40 }, (_, i) =>
      upload({ qn: `202206020000${String(i).padStart(5, "0")}`, time: `20220602${String(Math.floor(i / 2)).padStart(2, "0")}${i % 2 ? "30" : "00"}00`, cn: "2051", values: { w21003: String(i / 10) } }),
    );
    const stream = "garbage\u0000##xx" + packets.join("") + "##99";
    // Odd-sized writes split packets at arbitrary places.
    for (let i = 0; i < stream.length; i += 37) dev.send(stream.slice(i, i + 37));
    const replies = await dev.waitFor(40, 10_000);
    expect(replies.filter((r) => r.cn === "9014")).toHaveLength(40);
    expect(await count()).toBe(42);
    dev.socket.destroy();
  });

  it("does not acknowledge when the store fails, and acknowledges the resend once it recovers", async () => {
    const dev = await Device.open(port);
    await sql`alter table gateway_packets rename to gateway_packets_away`.execute(d.db);
    const pkt = upload({ qn: "20220603000000001", time: "20220603000000", values: { w21003: "0.3" } });
    try {
      const failuresBefore = gateway.stats.storeFailures;
      dev.send(pkt);
      // Wait for the failed commit itself (not a fixed time), then make sure nothing was acknowledged for it.
      const end = Date.now() + 30_000;
      while (gateway.stats.storeFailures === failuresBefore && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      expect(gateway.stats.storeFailures).toBeGreaterThan(failuresBefore);
      expect(dev.replies).toHaveLength(0);
    } finally {
      await sql`alter table gateway_packets_away rename to gateway_packets`.execute(d.db);
    }
    dev.send(pkt);
    expect((await dev.waitFor(1))[0].cn).toBe("9014");
    expect(await count()).toBe(43);
    dev.socket.destroy();
  });

  it("runs platform requests: 1012 time sync → 9011 → 9012; timeout with retries; history backfill with data", async () => {
    const dev = await Device.open(port);
    dev.send(upload({ qn: "20220605000000001", time: "20220605000000", values: { w21003: "0.4" } }));
    await dev.waitFor(1);
    const device = { mn: "ZZ0001", pw: "123456", st: "21" };
    // The device answers every request it receives with 9011 QnRtn=1; history requests with data, then 9012.
    let answering = true;
    dev.socket.on("data", () => {
      for (const req of dev.replies.splice(0)) {
        if (!answering || !["1012", "2061"].includes(req.cn)) continue;
        dev.send(encodePacket(qnReply(req, 1))!);
        if (req.cn === "2061") {
          for (const h of ["01", "02"]) dev.send(upload({ qn: req.qn!, time: `202206050${h.slice(1)}0000`.replace("2022060500", `20220605${h}`).slice(0, 14), values: { w21003: "0.5" } }));
        }
        dev.send(encodePacket(exeReply(req, 1))!);
      }
    });
    const sync = await gateway.request(device, (h) => timeSyncRequest(h, new Date()), { timeoutMs: 1000, retries: 2 });
    expect(sync).toMatchObject({ status: "done", qnRtn: 1, exeRtn: 1, attempts: 1, dataPackets: 0 });
    const history = await gateway.request(device, (h) => historyRequest(h, "2061", new Date("2022-06-04T17:00:00Z"), new Date("2022-06-04T18:00:00Z")), { timeoutMs: 1000, retries: 2 });
    expect(history).toMatchObject({ status: "done", qnRtn: 1, exeRtn: 1, dataPackets: 2 });
    const backfilled = await d.db.selectFrom("readings").select("t").where("t", ">=", new Date("2022-06-04T17:00:00Z")).where("t", "<", new Date("2022-06-04T19:00:00Z")).execute();
    expect(backfilled).toHaveLength(2);
    answering = false;
    const silent = await gateway.request(device, (h) => timeSyncRequest(h, new Date()), { timeoutMs: 150, retries: 2 });
    expect(silent).toMatchObject({ status: "timeout", attempts: 3 });
    expect(await gateway.request({ ...device, mn: "NOT-CONNECTED" }, (h) => timeSyncRequest(h, new Date()))).toBeNull();
    dev.socket.destroy();
  });

  it("frames a raw 2005-style packet from the wire without crashing", async () => {
    const dev = await Device.open(port);
    dev.send(encodeFrame("ST=32;CN=2011;PW=123456;MN=ZZ0001;CP=&&DataTime=20220604000000;060-Rtd=12.5&&")!);
    // The connection still works after it: the next packet on it is answered (instead of waiting a fixed time).
    dev.send(upload({ qn: "20220604000000002", time: "20220604010000", values: { w21003: "0.6" } }));
    const end = Date.now() + 30_000;
    while (!dev.replies.some((r) => r.qn === "20220604000000002") && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(dev.replies.find((r) => r.qn === "20220604000000002")).toMatchObject({ cn: "9014" });
    expect(dev.socket.destroyed).toBe(false);
    dev.socket.destroy();
  });
});
