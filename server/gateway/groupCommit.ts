/**
 * @module Durable ingest of decoded HJ 212 uploads with group commit: packets arriving within a few milliseconds
 * (from any connection) are stored in one transaction, and each submitter learns the outcome only after COMMIT —
 * so the gateway sends 9014 only for data that is durably stored. When a commit fails, every packet of the batch
 * is refused (devices resend) and the store reports itself unhealthy until a commit succeeds again.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { storeUploadBatch } from "../repositories/gatewayUpload.repository";
import type { DecodedUpload, DeviceErrors, StoreOutcome, UploadStore } from "./store";

export type { DecodedUpload, StoreOutcome } from "./store";

/** Tuning of the batching. */
export interface GroupCommitOptions {
  /** Flush when this many packets are waiting. */
  maxBatch: number;
  /** Flush at the latest this long after the first packet arrived. */
  maxDelayMs: number;
}

interface Pending {
  upload: DecodedUpload;
  resolve: (o: StoreOutcome) => void;
  reject: (e: Error) => void;
}

/** Batches uploads into transactions. */
export class GroupCommitter implements UploadStore {
  private queue: Pending[] = [];
  private errors = new Map<string, DeviceErrors>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private lastFailure: { at: Date; message: string } | null = null;

  constructor(
    private db: Kysely<DB>,
    private opts: GroupCommitOptions = { maxBatch: 500, maxDelayMs: 5 },
  ) {}

  /** Queues an upload; resolves after the transaction holding it committed. */
  submit(upload: DecodedUpload): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ upload, resolve, reject });
      if (this.queue.length >= this.opts.maxBatch) this.schedule(0);
      else this.schedule(this.opts.maxDelayMs);
    });
  }

  /** Counts a refused packet of a device (bad CRC, wrong password…) for its daily statistics. */
  recordError(mn: string, reason: string) {
    const e = this.errors.get(mn) ?? { count: 0, last: reason };
    e.count++;
    e.last = reason;
    this.errors.set(mn, e);
    this.schedule(this.opts.maxDelayMs);
  }

  /** Healthy unless the last commit attempt failed. */
  health(): { ok: boolean; detail?: string } {
    return this.lastFailure
      ? { ok: false, detail: `store failed at ${this.lastFailure.at.toISOString()}: ${this.lastFailure.message}` }
      : { ok: true };
  }

  /** Flushes what is queued and waits for it. */
  async drain(): Promise<void> {
    while (this.queue.length || this.errors.size || this.timer) {
      this.schedule(0);
      // Let the flush timer fire (it was set first), then wait for the commit it started.
      await new Promise((r) => setTimeout(r, 0));
      await this.flushing;
    }
  }

  private schedule(delay: number) {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // One flush at a time: the next batch waits for the previous commit.
      this.flushing = this.flushing.then(() => this.flush());
    }, delay);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.opts.maxBatch);
    const errors = [...this.errors.entries()];
    this.errors.clear();
    if (batch.length === 0 && errors.length === 0) return;
    try {
      const outcomes = await this.db.transaction().execute((trx) => this.store(trx, batch, errors));
      this.lastFailure = null;
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      this.lastFailure = { at: new Date(), message: (err as Error).message };
      batch.forEach((p) => p.reject(err as Error));
    }
    if (this.queue.length) this.schedule(this.queue.length >= this.opts.maxBatch ? 0 : this.opts.maxDelayMs);
  }

  private store(trx: Kysely<DB>, batch: Pending[], errors: [string, DeviceErrors][]): Promise<StoreOutcome[]> {
    return storeUploadBatch(trx, batch, errors);
  }
}
