import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { AckPolicy } from "@nats-io/jetstream";
import { createTestDatabase } from "../test/testDatabase";
import { DeviceRegistry } from "../gateway/devices";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../gateway/gateway";
import { JetStreamStore } from "../gateway/jetstreamStore";
import { TestDevice, uploadPacket } from "../gateway/testDevice";
import type { DecodedUpload } from "../gateway/store";
import { storeUploadBatch } from "../repositories/gatewayUpload.repository";
import { decodeMessage } from "./messages";
import { connectNats, ensureConsumer, ensureStream, type NatsHandles } from "./nats";
import { startNatsCluster, type NatsCluster } from "./natsCluster";
import { StreamWriter } from "./writer";
import type { NatsConfig } from "../env";

/**
 * The scale-out store path in one process: gateway → JetStream (9014 after the publish ack) → writer → PostgreSQL;
 * and the proof that a redelivered message — committed by a writer that died before acknowledging — changes
 * nothing.
 */
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Waits until `done()` (a generous bound: a loaded machine may take seconds; the assertions after it decide). */
async function until(done: () => boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe("JetStream store and stream writer (PostgreSQL, one NATS server)", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let nats: NatsCluster;
  let h: NatsHandles;
  let pointId: string;
  const cfg = (stream: string): NatsConfig => ({ servers: [], stream, consumer: "writers", ackWaitMs: 1_000 });

  beforeAll(async () => {
    [d, nats] = await Promise.all([createTestDatabase("postgres"), startNatsCluster(1)]);
    const p = await d.db.insertInto("monitoring_points").values({ code: "JS-1", name: "大沙河自动站", kind: "auto_station", level: null,
      water_body: "大沙河", water_body_type: "river", target_class: 4, lon: null, lat: null, unit_id: null, eco_flow_target: null })
      .returning("id").executeTakeFirstOrThrow();
    pointId = p.id;
    await d.db.insertInto("devices").values({ mn: "JS0001", pw: "123456", st: "21", point_id: pointId }).execute();
    h = await connectNats({ ...cfg("UPLOADS_A"), servers: [nats.nodes[0].url] }, "test", quiet);
  });
  afterAll(async () => {
    await h?.nc.close();
    await nats?.stop();
    await d?.close();
  });

  const count = async (table: "readings" | "gateway_packets") =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(d.db)).rows[0].n);

  it("acknowledges a device after JetStream's ack; a writer commits it; the stream dedupes a resent packet", async () => {
    const store = new JetStreamStore(h.js, { stream: "UPLOADS_A" });
    const gateway = new Gateway(new DeviceRegistry(d.db), store, quiet, { ...DEFAULT_GATEWAY_OPTIONS, port: 0 });
    const port = await gateway.start();
    const dev = await TestDevice.open(port);
    const pkt = uploadPacket({ mn: "JS0001", qn: "20220601100000001", time: "20220601100000", values: { w21003: "0.52", w01009: "6.30" } });
    dev.send(pkt);
    const [ack] = await dev.waitFor(1);
    expect(ack.cn).toBe("9014");
    // Acknowledged but not yet in the database: it is in the stream, waiting for a writer.
    expect(await count("readings")).toBe(0);
    expect((await h.jsm.streams.info("UPLOADS_A")).state.messages).toBe(1);
    dev.send(pkt); // the device did not hear the 9014 and resends: JetStream's duplicate window keeps one message
    expect((await dev.waitFor(2))[1].cn).toBe("9014");
    expect(gateway.stats).toMatchObject({ stored: 1, duplicates: 1, acked: 2 });
    expect((await h.jsm.streams.info("UPLOADS_A")).state.messages).toBe(1);

    await ensureConsumer(h.jsm, cfg("UPLOADS_A"), quiet);
    const writer = new StreamWriter(d.db, h.js, { stream: "UPLOADS_A", consumer: "writers" }, quiet);
    writer.start();
    await until(() => writer.stats.messages >= 1);
    await writer.stop();
    dev.socket.destroy();
    await gateway.stop();
    const rows = await d.db.selectFrom("readings").select(["factor", "value", "period", "t", "device_mn"]).orderBy("factor").execute();
    expect(rows).toEqual([
      { factor: "w01009", value: 6.3, period: "hour", t: new Date("2022-06-01T02:00:00Z"), device_mn: "JS0001" },
      { factor: "w21003", value: 0.52, period: "hour", t: new Date("2022-06-01T02:00:00Z"), device_mn: "JS0001" },
    ]);
    // Work-queue retention: the acknowledged message has left the stream.
    expect((await h.jsm.streams.info("UPLOADS_A")).state.messages).toBe(0);
  });

  it("a message committed by a writer that died before acknowledging is redelivered and stored no second time", async () => {
    const stream = "UPLOADS_B";
    await ensureStream(h.jsm, stream, 1, quiet);
    await ensureConsumer(h.jsm, cfg(stream), quiet);
    const store = new JetStreamStore(h.js, { stream });
    const hours = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2022, 6, 1, i)));
    const upload = (t: Date, i: number): DecodedUpload => ({
      mn: "JS0001", cn: "2061", qn: `2022070100${String(i).padStart(7, "0")}`, dataTime: t,
      readings: ["w21003", "w01018"].map((factor, k) => ({
        point_id: pointId, factor, period: "hour", t, value: i + k / 10, flag: "N", source: "gateway", device_mn: "JS0001",
        packet_qn: null, detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
        cou_value: null, author_id: null, reason: null,
      })),
    });
    expect(await Promise.all(hours.map((t, i) => store.submit(upload(t, i))))).toEqual(hours.map(() => "stored"));
    const before = { readings: await count("readings"), packets: await count("gateway_packets") };

    // A writer takes all 30, commits them, and dies before acknowledging any.
    const consumer = await h.js.consumers.get(stream, "writers");
    const taken = await consumer.fetch({ max_messages: 30, expires: 2_000 });
    const uploads: DecodedUpload[] = [];
    for await (const m of taken) {
      const decoded = decodeMessage(m.data);
      if (decoded.kind === "upload") uploads.push(decoded.upload);
    }
    expect(uploads).toHaveLength(30);
    await d.db.transaction().execute((trx) => storeUploadBatch(trx, uploads.map((upload) => ({ upload }))));
    expect(await count("readings")).toBe(before.readings + 60);
    const daily = async () => (await d.db.selectFrom("device_daily").select(["packets", "duplicates", "readings"]).where("mn", "=", "JS0001").execute())
      .reduce((a, r) => ({ packets: a.packets + r.packets, duplicates: a.duplicates + r.duplicates, readings: a.readings + r.readings }), { packets: 0, duplicates: 0, readings: 0 });
    const countedOnce = await daily();

    // After the ack wait (1 s) JetStream hands them to a live writer.
    const writer = new StreamWriter(d.db, h.js, { stream, consumer: "writers" }, quiet);
    writer.start();
    await until(() => writer.stats.messages >= 30);
    await writer.stop();
    expect(writer.stats).toMatchObject({ messages: 30, redelivered: 30, duplicates: 30, stored: 0 });
    expect(await count("readings")).toBe(before.readings + 60);
    expect(await count("gateway_packets")).toBe(before.packets + 30);
    const dup = await sql<{ n: number }>`select count(*) as n from (select 1 from readings group by point_id, factor, period, t having count(*) > 1) x`.execute(d.db);
    expect(dup.rows[0].n).toBe(0);
    // The redelivered duplicates are not counted as packets a second time.
    expect(await daily()).toEqual(countedOnce);
    const info = await h.jsm.consumers.info(stream, "writers");
    expect(info.num_pending + info.num_ack_pending).toBe(0);
    expect(info.config.ack_policy).toBe(AckPolicy.Explicit);
  });
});
