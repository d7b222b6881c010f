/**
 * @module A writer of the scale-out mode: consumes the uploads stream through the shared durable consumer and
 * commits them to PostgreSQL in group commits (what arrived while the previous commit ran goes into the next one),
 * acknowledging each message to JetStream only after its transaction committed. Several writers share the
 * consumer; a writer that dies leaves its messages unacknowledged and JetStream redelivers them to another after
 * NATS_ACK_WAIT. A message committed but not acknowledged (the writer died between the two) is stored again
 * harmlessly: the packet ledger's unique keys recognise it (../repositories/gatewayUpload.repository.ts) and the
 * readings' primary key refuses a second copy.
 */
import { sql, type Kysely } from "kysely";
import type { ConsumerMessages, JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type { DB } from "../db/schema";
import { storeUploadBatch, type BatchUpload } from "../repositories/gatewayUpload.repository";
import type { DeviceErrors, StoreHealth } from "../gateway/store";
import { decodeMessage } from "./messages";
import type { ScaleoutLog } from "./nats";

/** Tuning of a writer. */
export interface WriterOptions {
  /** Most messages per transaction. */
  maxBatch: number;
  /** Messages asked of JetStream at a time. */
  pullBatch: number;
  /** Redelivery delay after a failed commit. */
  retryDelayMs: number;
}

/**
 * Defaults: up to 1,000 packets (≈ 10,000 values) per commit; pulls of 100 — JetStream fills one waiting pull
 * request before the next, so small pulls spread the messages over the writers (and a dead writer holds few).
 */
export const DEFAULT_WRITER: WriterOptions = { maxBatch: 1_000, pullBatch: 100, retryDelayMs: 2_000 };

/** Consumer notifications worth a log line (the others are routine: new pulls, expired pulls). */
const NOTEWORTHY = new Set(["heartbeats_missed", "consumer_not_found", "stream_not_found", "consumer_deleted", "exceeded_limits"]);

/** Counters of a writer, for /metrics and the scale-out test. */
export interface WriterStats {
  /** Messages acknowledged after their commit. */
  messages: number;
  /** Upload packets stored (new). */
  stored: number;
  /** Upload packets recognised as already stored. */
  duplicates: number;
  /** Messages delivered more than once. */
  redelivered: number;
  /** Transactions committed. */
  commits: number;
  /** Commits that failed (their messages were redelivered). */
  failures: number;
  /** Malformed messages terminated. */
  malformed: number;
}

/** Consumes the stream into the database until stopped. */
export class StreamWriter {
  readonly stats: WriterStats = { messages: 0, stored: 0, duplicates: 0, redelivered: 0, commits: 0, failures: 0, malformed: 0 };
  private buffer: JsMsg[] = [];
  private messages: ConsumerMessages | null = null;
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  private flushing: Promise<void> | null = null;
  private lastFailure: { at: Date; message: string } | null = null;
  private opts: WriterOptions;

  constructor(
    private db: Kysely<DB>,
    private js: JetStreamClient,
    private source: { stream: string; consumer: string },
    private log: ScaleoutLog,
    opts: Partial<WriterOptions> = {},
  ) {
    this.opts = { ...DEFAULT_WRITER, ...opts };
  }

  /** Starts consuming. */
  start() {
    this.loop = this.consumeForever();
  }

  /** Healthy unless the last commit failed. */
  health(): StoreHealth {
    return this.lastFailure
      ? { ok: false, detail: `writer commit failed at ${this.lastFailure.at.toISOString()}: ${this.lastFailure.message}` }
      : { ok: true };
  }

  /** Stops asking for messages, commits and acknowledges what it holds. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => {});
    await this.loop;
    while (this.flushing || this.buffer.length) await (this.flushing ?? this.flush());
  }

  private async consumeForever() {
    while (!this.stopped) {
      try {
        const consumer = await this.js.consumers.get(this.source.stream, this.source.consumer);
        // Pull requests expire after 5 s and the server confirms them with a heartbeat every second: a request it
        // dropped (the consumer's leader moved to another node, or another writer's create reset the consumer) is
        // noticed after two missed heartbeats and renewed — with the defaults (30 s) such a writer idled for 30 s.
        const messages = await consumer.consume({ max_messages: this.opts.pullBatch, expires: 5_000, idle_heartbeat: 1_000 });
        this.messages = messages;
        void (async () => {
          for await (const st of messages.status()) {
            if (NOTEWORTHY.has(st.type)) this.log.warn({ status: st }, "writer: consumer status");
          }
        })().catch(() => {});
        if (this.stopped) await messages.close();
        for await (const m of messages) {
          this.buffer.push(m);
          this.kick();
        }
      } catch (err) {
        if (this.stopped) break;
        this.log.warn({ err: (err as Error).message }, "writer: consuming failed, retrying");
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Starts a flush unless one runs; the running one flushes again when it finds more. */
  private kick() {
    if (this.flushing) return;
    this.flushing = (async () => {
      // Let the messages of the same pull arrive first (they come in one burst).
      await new Promise((r) => setImmediate(r));
      while (this.buffer.length) await this.flush();
    })().finally(() => (this.flushing = null));
  }

  private async flush(): Promise<void> {
    const batch = this.buffer.splice(0, this.opts.maxBatch);
    if (!batch.length) return;
    const uploads: { msg: JsMsg; item: BatchUpload }[] = [];
    const errorMsgs: JsMsg[] = [];
    const errors = new Map<string, DeviceErrors>();
    for (const msg of batch) {
      let decoded;
      try {
        decoded = decodeMessage(msg.data);
      } catch (err) {
        // Retrying cannot fix it; terminate so it is not redelivered for ever.
        this.stats.malformed++;
        this.log.error({ err: (err as Error).message, seq: msg.seq }, "writer: malformed message terminated");
        msg.term("malformed");
        continue;
      }
      if (msg.info.redelivered) this.stats.redelivered++;
      if (decoded.kind === "upload") uploads.push({ msg, item: { upload: decoded.upload, redelivered: msg.info.redelivered } });
      else {
        errorMsgs.push(msg);
        for (const [mn, e] of decoded.errors) {
          const prev = errors.get(mn);
          errors.set(mn, { count: (prev?.count ?? 0) + e.count, last: e.last });
        }
      }
    }
    const all = [...uploads.map((u) => u.msg), ...errorMsgs];
    if (!all.length) return;
    try {
      const outcomes = await this.db.transaction().execute((trx) => storeUploadBatch(trx, uploads.map((u) => u.item), [...errors.entries()]));
      this.lastFailure = null;
      this.stats.commits++;
      for (const o of outcomes) o === "stored" ? this.stats.stored++ : this.stats.duplicates++;
      // After COMMIT only: a message acknowledged is a message stored.
      for (const m of all) m.ack();
      this.stats.messages += all.length;
    } catch (err) {
      this.stats.failures++;
      this.lastFailure = { at: new Date(), message: (err as Error).message };
      this.log.warn({ err: (err as Error).message, messages: all.length }, "writer: commit failed, messages will be redelivered");
      // A single bad message must not block the others for ever: when the database answers, retry one by one.
      if (all.length > 1 && (await this.databaseAnswers())) {
        this.buffer.unshift(...uploads.map((u) => u.msg));
        for (const m of errorMsgs) m.ack(); // statistics only
        await this.flushSingly(uploads.length);
        return;
      }
      for (const m of all) m.nak(this.opts.retryDelayMs);
    }
  }

  /** Flushes the next `n` messages one per transaction, then returns to full batches. */
  private async flushSingly(n: number) {
    const full = this.opts.maxBatch;
    this.opts.maxBatch = 1;
    try {
      for (let i = 0; i < n && this.buffer.length; i++) await this.flush();
    } finally {
      this.opts.maxBatch = full;
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }
}
