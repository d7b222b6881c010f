/**
 * @module The writer service (`SERVICES=writer`, scale-out mode): commits the uploads that gateways published to
 * JetStream into the database (server/scaleout/writer.ts). Run two or more on different machines; they share one
 * durable consumer. Needs NATS_URL; NATS is loaded only here and in the gateway's JetStream store.
 */
import type { Kysely } from "kysely";
import { Gauge, Registry } from "prom-client";
import type { DB } from "../db/schema";
import type { NatsConfig } from "../env";
import type { ReadinessCheck } from "../routes/ops/ops";
import type { ScaleoutLog } from "../scaleout/nats";
import type { StreamWriter } from "../scaleout/writer";

/** A running writer service. */
export interface WriterService {
  writer: StreamWriter;
  /** /readyz check: the last commit succeeded. */
  readiness: ReadinessCheck;
  /** Its Prometheus metrics. */
  metrics: Registry;
  /** Commits what it holds, acknowledges it, closes the NATS connection. */
  stop(): Promise<void>;
}

/** Connects to NATS, makes sure the stream and consumer exist, and starts consuming. */
export async function startWriter(db: Kysely<DB>, nats: NatsConfig, log: ScaleoutLog): Promise<WriterService> {
  const { connectNats, ensureConsumer } = await import("../scaleout/nats");
  const { StreamWriter } = await import("../scaleout/writer");
  const handles = await connectNats(nats, `qingliu-writer-${process.pid}`, log);
  await ensureConsumer(handles.jsm, nats, log);
  const writer = new StreamWriter(db, handles.js, { stream: nats.stream, consumer: nats.consumer }, log);
  writer.start();
  log.info({ servers: nats.servers, stream: nats.stream, consumer: nats.consumer }, "writer consuming JetStream");
  return {
    writer,
    readiness: async () => ({ name: "stream-writer", ...writer.health() }),
    metrics: writerMetrics(writer),
    async stop() {
      await writer.stop();
      await handles.nc.drain().catch(() => {});
      log.info({ ...writer.stats }, "writer stopped");
    },
  };
}

/** A registry whose metrics read the writer's counters when scraped. */
function writerMetrics(writer: StreamWriter): Registry {
  const registry = new Registry();
  const s = writer.stats;
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  gauge("qingliu_writer_messages_total", "Stream messages committed and acknowledged", () => s.messages);
  gauge("qingliu_writer_stored_total", "Upload packets stored", () => s.stored);
  gauge("qingliu_writer_duplicates_total", "Upload packets already stored (retransmissions, redeliveries)", () => s.duplicates);
  gauge("qingliu_writer_redelivered_total", "Messages delivered more than once", () => s.redelivered);
  gauge("qingliu_writer_commit_failures_total", "Commits that failed (messages redelivered)", () => s.failures);
  return registry;
}
