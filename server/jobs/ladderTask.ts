/**
 * @module The 督办 ladder, hourly: applies automatic rungs (提醒 with its 提醒函), records proposals for the office,
 * closes the ladders of units that caught up (ladderEscalator; idempotent), then sends the new notifications on the
 * outbound channels.
 */
import { escalationPairs, ladderEscalator, type EscalationResult } from "../commands/ladderEscalator";
import { toIsoDate } from "../../domain/supervision/days";
import { defaultFilesDir, FileStore } from "../repositories/file.repository";
import { deliver, type NotificationChannel } from "../notify/channel";
import { defaultChannels } from "../notify/channels";
import type { LadderConfig } from "../../domain/supervision/ladderConfig";
import type { ScheduledTask, TaskContext } from "./task";

/** Settings of the ladder task; each has a production default. */
export interface LadderTaskOptions {
  /** Where 提醒函 go (default DATA_DIR/files). */
  files?: FileStore;
  /** Outbound channels (default: SMS to the log). */
  channels?: NotificationChannel[];
  /** Overrides the stored ladder setting (tests). */
  config?: LadderConfig;
}

/** The ladder, every hour. */
export class LadderTask implements ScheduledTask {
  readonly name = "supervision-ladder";
  readonly periodMs = 60 * 60_000;
  private files: FileStore;
  private channels: NotificationChannel[];
  constructor(private opts: LadderTaskOptions = {}) {
    this.files = opts.files ?? new FileStore(defaultFilesDir());
    this.channels = opts.channels ?? defaultChannels();
  }
  async run({ db, now }: TaskContext) {
    const today = toIsoDate(now.getTime());
    const total = { today, opened: 0, closed: 0, applied: 0, proposed: 0, sent: 0, failed: 0 };
    // One transaction per (task, unit): see LadderEscalatorProps.pair.
    for (const pair of await escalationPairs(db, today)) {
      const r: EscalationResult = await db.transaction().execute((trx) =>
        ladderEscalator(
          { trx, actor: null, ip: null, correlationId: `job:${this.name}:${now.toISOString()}` },
          { now, files: this.files, config: this.opts.config, pair },
        ),
      );
      const delivery = await deliver(this.channels, r.messages);
      total.opened += r.opened;
      total.closed += r.closed;
      total.applied += r.applied.length;
      total.proposed += r.proposed.length;
      total.sent += delivery.sent;
      total.failed += delivery.failed;
    }
    return total;
  }
}
