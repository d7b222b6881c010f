/**
 * @module Retention of the HJ 212 gateway's packet ledger: every hour, deletes the `gateway_packets` rows (one per
 * acknowledged upload — real-time 2011, minute 2051, hour, day … — with its MN, CN, QN and DataTime, the keys that
 * recognise retransmissions) received more than GATEWAY_PACKET_RETENTION_DAYS ago (default 90; 0 keeps them for
 * ever). The readings those packets carried are kept: they are the record; the ledger only deduplicates resends,
 * which come within minutes or days (补发), not months. A resend older than the ledger is still stored once — the
 * readings' primary key refuses a second copy. At a province's 1,000 values/s the ledger grows by about
 * 13 million rows a day; the job deletes in batches of 10,000 and at most 1 million rows per run, so the first run
 * after a long pause catches up over a few hours instead of in one long statement.
 */
import { deletePacketsReceivedBefore } from "../repositories/packetRetention.repository";
import type { ScheduledTask, TaskContext } from "./task";

/** Default days a ledger row is kept. */
export const DEFAULT_PACKET_RETENTION_DAYS = 90;

/**
 * GATEWAY_PACKET_RETENTION_DAYS: whole days (0 = keep for ever, empty or unset = 90). Anything else stops the
 * worker's start with a message naming the setting, rather than deleting by a guess.
 */
export function packetRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GATEWAY_PACKET_RETENTION_DAYS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_PACKET_RETENTION_DAYS;
  if (!/^\d{1,5}$/.test(raw)) {
    throw new Error(`GATEWAY_PACKET_RETENTION_DAYS must be a whole number of days (0 keeps packets for ever), not "${raw}"`);
  }
  return Number(raw);
}

/** Settings of the task; each has a production default. */
export interface PacketRetentionOptions {
  /** Days to keep (default: GATEWAY_PACKET_RETENTION_DAYS). */
  days?: number;
  /** Rows per delete statement (default 10,000). */
  batchSize?: number;
  /** Statements per run (default 100). */
  maxBatches?: number;
}

/** What a run did (stored as the run's result in job_runs). */
export interface PacketRetentionResult {
  days: number;
  /** Rows received before this instant were due; null when packets are kept for ever. */
  cutoff: string | null;
  deleted: number;
  /** False when the run stopped at maxBatches with rows still due (the next run continues). */
  complete: boolean;
}

/** Gateway packet ledger retention, every hour. */
export class PacketRetentionTask implements ScheduledTask {
  readonly name = "gateway-packet-retention";
  readonly periodMs = 60 * 60_000;
  private readonly days: number;
  constructor(private opts: PacketRetentionOptions = {}) {
    this.days = opts.days ?? packetRetentionDays();
  }

  async run({ db, now }: TaskContext): Promise<PacketRetentionResult> {
    if (this.days === 0) return { days: 0, cutoff: null, deleted: 0, complete: true };
    const cutoff = new Date(now.getTime() - this.days * 86_400_000);
    const batchSize = this.opts.batchSize ?? 10_000;
    const maxBatches = this.opts.maxBatches ?? 100;
    let deleted = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await deletePacketsReceivedBefore(db, cutoff, batchSize);
      deleted += n;
      if (n < batchSize) return { days: this.days, cutoff: cutoff.toISOString(), deleted, complete: true };
    }
    return { days: this.days, cutoff: cutoff.toISOString(), deleted, complete: false };
  }
}
