/**
 * @module Durable ingest of decoded HJ 212 uploads with group commit: packets arriving within a few milliseconds
 * (from any connection) are stored in one transaction, and each submitter learns the outcome only after COMMIT —
 * so the gateway sends 9014 only for data that is durably stored. When a commit fails, every packet of the batch
 * is refused (devices resend) and the store reports itself unhealthy until a commit succeeds again.
 */
import { sql, type Kysely } from "kysely";
import type { DB, NewReading } from "../db/schema";
import { insertReadings } from "../repositories/reading.repository";

/** One upload packet, decoded and mapped to readings. */
export interface DecodedUpload {
  mn: string;
  cn: string;
  qn: string;
  dataTime: Date | null;
  readings: NewReading[];
}

/** What became of an upload. */
export type StoreOutcome = "stored" | "duplicate";

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

/** Day in China (UTC+8, no DST) of an instant: the device's counting day. */
function chinaDay(t: Date): string {
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Batches uploads into transactions. */
export class GroupCommitter {
  private queue: Pending[] = [];
  private errors = new Map<string, { count: number; last: string }>();
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

  private async store(trx: Kysely<DB>, batch: Pending[], errors: [string, { count: number; last: string }][]): Promise<StoreOutcome[]> {
    const outcomes: StoreOutcome[] = batch.map(() => "duplicate");
    if (batch.length) {
      // A retransmission conflicts on (MN, CN, QN, DataTime) or on (MN, CN, DataTime); either way it is not stored again.
      const inserted = await trx
        .insertInto("gateway_packets")
        .values(batch.map(({ upload: u }) => ({ mn: u.mn, cn: u.cn, qn: u.qn, data_time: u.dataTime, readings: u.readings.length })))
        .onConflict((oc) => oc.doNothing())
        .returning(["mn", "cn", "qn", "data_time"])
        .execute();
      const keyOf = (mn: string, cn: string, qn: string, t: Date | string | null) =>
        `${mn}\u0000${cn}\u0000${qn}\u0000${t === null ? "" : new Date(t).getTime()}`;
      const fresh = new Set(inserted.map((r) => keyOf(r.mn, r.cn, r.qn, r.data_time)));
      const rows: NewReading[] = [];
      batch.forEach(({ upload: u }, i) => {
        const key = keyOf(u.mn, u.cn, u.qn, u.dataTime);
        if (fresh.has(key)) {
          fresh.delete(key); // the same packet twice in one batch is stored once
          outcomes[i] = "stored";
          rows.push(...u.readings);
        }
      });
      await insertReadings(trx, rows);
    }
    // Daily counters per device, one upsert per device and day.
    const counters = new Map<string, { mn: string; day: string; packets: number; duplicates: number; errors: number; readings: number; last: Date | null; lastError: string | null }>();
    const now = new Date();
    const counter = (mn: string) => {
      const day = chinaDay(now);
      const k = `${mn}\u0000${day}`;
      let c = counters.get(k);
      if (!c) counters.set(k, (c = { mn, day, packets: 0, duplicates: 0, errors: 0, readings: 0, last: null, lastError: null }));
      return c;
    };
    batch.forEach(({ upload: u }, i) => {
      const c = counter(u.mn);
      c.packets++;
      c.last = now;
      if (outcomes[i] === "duplicate") c.duplicates++;
      else c.readings += u.readings.length;
    });
    for (const [mn, e] of errors) {
      const c = counter(mn);
      c.errors += e.count;
      c.lastError = e.last;
    }
    if (counters.size) {
      const cs = [...counters.values()];
      // One upsert for every device of the batch (arrays, one parameter per column).
      await sql`
        insert into device_daily (mn, day, packets, duplicates, errors, readings, last_packet_at, last_error)
        select * from unnest(${cs.map((c) => c.mn)}::text[], ${cs.map((c) => c.day)}::date[], ${cs.map((c) => c.packets)}::int[],
          ${cs.map((c) => c.duplicates)}::int[], ${cs.map((c) => c.errors)}::int[], ${cs.map((c) => c.readings)}::int[],
          ${cs.map((c) => c.last?.toISOString() ?? null)}::timestamptz[], ${cs.map((c) => c.lastError)}::text[])
        on conflict (mn, day) do update set
          packets = device_daily.packets + excluded.packets,
          duplicates = device_daily.duplicates + excluded.duplicates,
          errors = device_daily.errors + excluded.errors,
          readings = device_daily.readings + excluded.readings,
          last_packet_at = coalesce(excluded.last_packet_at, device_daily.last_packet_at),
          last_error = coalesce(excluded.last_error, device_daily.last_error)`.execute(trx);
    }
    const seen = [...new Set(batch.map((p) => p.upload.mn))];
    if (seen.length) await trx.updateTable("devices").set({ last_seen_at: now }).where("mn", "in", seen).execute();
    return outcomes;
  }
}
