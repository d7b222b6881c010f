/**
 * @module All SQL of the gateway packet ledger's retention (server/jobs/packetRetentionTask.ts): deleting
 * `gateway_packets` rows received before a cut-off, oldest first, a bounded batch per statement so that no delete
 * holds locks or builds a large transaction while the gateways keep writing. Readings are not touched.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/**
 * Deletes at most `limit` ledger rows received before `cutoff` (the oldest first; index
 * `gateway_packets_received_at`, migration 0018) in one statement; returns how many it deleted.
 */
export async function deletePacketsReceivedBefore(db: Kysely<DB>, cutoff: Date, limit: number): Promise<number> {
  const r = await db
    .deleteFrom("gateway_packets")
    .where("id", "in", (eb) => eb.selectFrom("gateway_packets").select("id").where("received_at", "<", cutoff).orderBy("received_at").limit(limit))
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
