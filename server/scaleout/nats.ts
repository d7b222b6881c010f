/**
 * @module The NATS side of the scale-out mode: connecting (every configured server, reconnecting for ever), and
 * making sure the JetStream stream of uploads and the writers' durable consumer exist with the settings the
 * platform relies on:
 * - the stream is file-backed, work-queue retention (a message leaves once a writer acknowledged it), replicated
 *   (R=3 on a cluster unless NATS_REPLICAS says otherwise), `discard: new` — when full it refuses new messages, the
 *   gateways then refuse to acknowledge and devices keep their data, rather than old unwritten data being dropped —
 *   and a 2-minute duplicate window keyed on the packet (messages.ts `uploadMessageId`);
 * - the consumer is durable, pull, explicit acknowledgement, redelivering what a writer held longer than
 *   NATS_ACK_WAIT (a writer that died).
 * Only loaded when NATS_URL is set: the embedded single-process mode never imports NATS.
 */
import { connect } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/nats-core";
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import type { NatsConfig } from "../env";
import { streamSubjects } from "./messages";

/** A logger with pino's shape. */
export interface ScaleoutLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** An open NATS connection with its JetStream handles. */
export interface NatsHandles {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Replicas of the stream as configured or derived. */
  replicas: number;
}

const nanos = (ms: number) => ms * 1_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries `f` while JetStream is not ready (no meta leader yet after a cluster starts or loses a node), up to
 * `timeoutMs`.
 */
async function retrying<T>(what: string, f: () => Promise<T>, log: ScaleoutLog, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (err) {
      // A refusal by JetStream (bad config, no storage) will not pass by waiting; no leader yet (503) or a timeout may.
      const permanent = err instanceof JetStreamApiError && err.code !== 503;
      if (permanent || Date.now() > end) throw new Error(`${what}: ${(err as Error).message}`);
      if (attempt === 1 || attempt % 10 === 0) log.warn({ err: (err as Error).message, attempt }, `${what}: retrying`);
      await sleep(Math.min(250 * attempt, 2_000));
    }
  }
}

/** Connects to NATS and makes sure the stream exists. The connection reconnects for ever (a node may come back). */
export async function connectNats(cfg: NatsConfig, name: string, log: ScaleoutLog): Promise<NatsHandles> {
  const nc = await retrying("NATS connect", () =>
    connect({ servers: cfg.servers, name, maxReconnectAttempts: -1, reconnectTimeWait: 250, waitOnFirstConnect: true }), log);
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect" || s.type === "reconnect") log.warn({ nats: s.type, server: "server" in s ? s.server : undefined }, "NATS connection");
    }
  })().catch(() => {});
  const jsm = await retrying("JetStream", () => jetstreamManager(nc, { timeout: 5_000 }), log);
  const replicas = cfg.replicas ?? (nc.info?.cluster ? 3 : 1);
  await ensureStream(jsm, cfg.stream, replicas, log);
  return { nc, js: jetstream(nc, { timeout: 5_000 }), jsm, replicas };
}

/** Creates the stream when missing; an existing stream is left as its operator configured it. */
export async function ensureStream(jsm: JetStreamManager, stream: string, replicas: number, log: ScaleoutLog): Promise<void> {
  await retrying(`stream ${stream}`, async () => {
    try {
      await jsm.streams.info(stream);
      return;
    } catch (err) {
      if (!/not found/i.test((err as Error).message)) throw err;
    }
    try {
      await jsm.streams.add({
        name: stream,
        subjects: [streamSubjects(stream).all],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
        num_replicas: replicas,
        // No size of its own: bounded by the servers' max_file_store; once that is full, publishing fails.
        discard: DiscardPolicy.New,
        duplicate_window: nanos(120_000),
      });
      log.info({ stream, replicas }, "JetStream stream created");
    } catch (err) {
      // Another process created it at the same moment.
      if (!/already in use|already exists/i.test((err as Error).message)) throw err;
    }
  }, log);
}

/** Creates the writers' durable consumer when missing, or updates its ack wait. */
export async function ensureConsumer(jsm: JetStreamManager, cfg: NatsConfig, log: ScaleoutLog): Promise<void> {
  await retrying(`consumer ${cfg.consumer}`, async () => {
    try {
      const info = await jsm.consumers.info(cfg.stream, cfg.consumer);
      if (info.config.ack_wait !== nanos(cfg.ackWaitMs)) await jsm.consumers.update(cfg.stream, cfg.consumer, { ack_wait: nanos(cfg.ackWaitMs) });
      return;
    } catch (err) {
      if (!/not found/i.test((err as Error).message)) throw err;
    }
    try {
      await jsm.consumers.add(cfg.stream, {
        durable_name: cfg.consumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(cfg.ackWaitMs),
        // Enough for several writers' batches in flight; JetStream stops delivering beyond it (back-pressure).
        max_ack_pending: 20_000,
      });
      log.info({ stream: cfg.stream, consumer: cfg.consumer }, "JetStream consumer created");
    } catch (err) {
      if (!/already in use|already exists/i.test((err as Error).message)) throw err;
    }
  }, log);
}
