/**
 * @module All SQL of storing a batch of gateway uploads in the caller's transaction: the packet ledger
 * (`gateway_packets`, whose unique keys recognise retransmissions), the readings, the devices' daily counters and
 * their last-seen time. Used by the group committer (one gateway process writing itself) and by the stream writers
 * of the scale-out mode (server/scaleout/writer.ts) — a message delivered twice is recognised by the same keys, so
 * storing it again changes no reading.
 */
import { sql, type Kysely } from "kysely";
import type { DB, NewReading } from "../db/schema";
import type { DecodedUpload, DeviceErrors, StoreOutcome } from "../gateway/store";
import { insertReadings } from "./reading.repository";

/** One upload of a batch. */
export interface BatchUpload {
  upload: DecodedUpload;
  /**
   * The message was delivered before (a writer died between its commit and its acknowledgement): when it turns out
   * a duplicate, it was most likely counted already, so the daily counters leave it out.
   */
  redelivered?: boolean;
}

/** Day in China (UTC+8, no DST) of an instant: the device's counting day. */
function chinaDay(t: Date): string {
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const keyOf = (mn: string, cn: string, qn: string, t: Date | string | null) =>
  `${mn}\u0000${cn}\u0000${qn}\u0000${t === null ? "" : new Date(t).getTime()}`;

/**
 * Stores `batch` and the refusal counts `errors` (by MN); returns each upload's outcome, in order. A
 * retransmission — same (MN, CN, QN, DataTime) or same (MN, CN, DataTime) as a stored packet, or twice in the batch —
 * is a `duplicate` and adds no reading.
 */
export async function storeUploadBatch(
  trx: Kysely<DB>,
  batch: readonly BatchUpload[],
  errors: readonly [string, DeviceErrors][] = [],
  now = new Date(),
): Promise<StoreOutcome[]> {
  const outcomes: StoreOutcome[] = batch.map(() => "duplicate");
  if (batch.length) {
    const inserted = await trx
      .insertInto("gateway_packets")
      .values(batch.map(({ upload: u }) => ({ mn: u.mn, cn: u.cn, qn: u.qn, data_time: u.dataTime, readings: u.readings.length })))
      .onConflict((oc) => oc.doNothing())
      .returning(["mn", "cn", "qn", "data_time"])
      .execute();
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
  await countDaily(trx, batch, outcomes, errors, now);
  const seen = [...new Set(batch.map((p) => p.upload.mn))];
  if (seen.length) await trx.updateTable("devices").set({ last_seen_at: now }).where("mn", "in", seen).execute();
  return outcomes;
}

/** Daily counters per device, one upsert for every device of the batch (arrays, one parameter per column). */
async function countDaily(
  trx: Kysely<DB>,
  batch: readonly BatchUpload[],
  outcomes: readonly StoreOutcome[],
  errors: readonly [string, DeviceErrors][],
  now: Date,
) {
  const counters = new Map<string, { mn: string; day: string; packets: number; duplicates: number; errors: number; readings: number; last: Date | null; lastError: string | null }>();
  const day = chinaDay(now);
  const counter = (mn: string) => {
    const k = `${mn}\u0000${day}`;
    let c = counters.get(k);
    if (!c) counters.set(k, (c = { mn, day, packets: 0, duplicates: 0, errors: 0, readings: 0, last: null, lastError: null }));
    return c;
  };
  batch.forEach(({ upload: u, redelivered }, i) => {
    if (redelivered && outcomes[i] === "duplicate") return;
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
  if (!counters.size) return;
  const cs = [...counters.values()];
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
