/**
 * @module The gateway's store seam: where decoded uploads go before a device is acknowledged. Two implementations:
 * - {@link GroupCommitter} (./groupCommit.ts) — commits to the database, several packets per transaction; the
 *   embedded single-process mode and any single-machine deployment;
 * - `JetStreamStore` (./jetstreamStore.ts) — publishes to a replicated NATS JetStream stream; writer processes
 *   (server/scaleout/writer.ts) commit from there. Used when `NATS_URL` is set.
 * Either way the promise of {@link UploadStore.submit} resolves only once the upload is durable, and the gateway
 * sends 9014 only then; a rejection means "not stored" and the device keeps its data and resends.
 */
import type { NewReading } from "../db/schema";

/** One upload packet, decoded and mapped to readings. */
export interface DecodedUpload {
  mn: string;
  cn: string;
  qn: string;
  dataTime: Date | null;
  readings: NewReading[];
}

/**
 * What became of an upload: `stored` — durable (committed, or in the replicated stream); `duplicate` — recognised as
 * a retransmission of something already durable.
 */
export type StoreOutcome = "stored" | "duplicate";

/** Health of a store, for /readyz. */
export interface StoreHealth {
  ok: boolean;
  detail?: string;
}

/** Where the gateway puts uploads. */
export interface UploadStore {
  /** Stores an upload; resolves once it is durable, rejects when it is not (no acknowledgement then). */
  submit(upload: DecodedUpload): Promise<StoreOutcome>;
  /** Counts a refused packet of a device (bad CRC, wrong password…) for its daily statistics. Best effort. */
  recordError(mn: string, reason: string): void;
  /** Healthy unless the last attempt to store failed. */
  health(): StoreHealth;
  /** Waits until everything submitted so far has settled. */
  drain(): Promise<void>;
  /** Drains and releases connections the store holds (the database handle is not the store's). */
  close?(): Promise<void>;
}

/** A device's refused packets since the last flush, for its daily statistics. */
export interface DeviceErrors {
  count: number;
  /** Reason of the newest refusal. */
  last: string;
}
