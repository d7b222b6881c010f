/**
 * @module The live processor of data quality and alarms: every second it reads the readings committed since its
 * watermark (re-reading the last seconds of arrivals for transactions that committed late, and every ten minutes
 * the last twenty minutes as a sweep; readings already flagged are skipped by an anti-join), flags
 * them with the QC tests, evaluates the alarm rules of the points they belong to, evaluates no-data rules every few
 * seconds, and sends the notifications that are due (first, repeated, escalated). One tick is one transaction
 * under a try-lock: safe to run twice and with two workers (the second skips while the first works), idempotent
 * (flags are upserts, notifications are deduplicated per sending). Outbound channels get their messages after the
 * commit.
 */
import pino from "pino";
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import type { CommandContext } from "../context";
import { deliver, LogChannel, type NotificationChannel, type OutboundMessage } from "../notify/channel";
import { dbNowMinus, readingsWithoutQc, scanStart, setWatermark, tryProcessorLock } from "../repositories/readingQc.repository";
import { alarmNotifier } from "../commands/alarmNotifier";
import { evaluateNoData, evaluatePoints, type NewTimes, type TransitionCounts } from "./alarmEvaluator";
import { evaluateQc } from "./qcEvaluator";

/** Advisory lock key of the processor (one tick at a time across workers). */
export const QUALITY_LOCK = 72120091;
/** Name of the processor's watermark. */
export const QUALITY_WATERMARK = "quality-live";

/** Tuning. */
export interface QualityProcessorOptions {
  /** Pause between ticks when caught up. */
  intervalMs: number;
  /** Most readings per tick (a backlog is worked off in several ticks, each short). */
  batch: number;
  /** Arrivals of the last this many ms are read again each tick (transactions that committed late). */
  overlapMs: number;
  /** How often the sweep re-reads a longer stretch of arrivals. */
  sweepMs: number;
  /** How far back the sweep reads. */
  sweepWindowMs: number;
  /** How often no-data rules are evaluated. */
  timeChecksMs: number;
  /** Outbound channels (the inbox is always written). */
  channels: NotificationChannel[];
}

/**
 * Defaults: 1 s, 500 readings a tick (a tick holds PGlite's one connection: about a second of a backlog's work at
 * most, so the gateway's commits and web requests wait little), 15 s re-read, a 20-min sweep every 10 min, no-data every
 * 5 s, the log channel as SMS.
 */
export const DEFAULT_QUALITY_PROCESSOR: Omit<QualityProcessorOptions, "channels"> = {
  intervalMs: 1000, batch: 500, overlapMs: 15_000, sweepMs: 10 * 60_000, sweepWindowMs: 20 * 60_000, timeChecksMs: 5000,
};

/** What one tick did (null: another worker held the lock). */
export interface TickResult {
  readings: number;
  flagged: number;
  transitions: TransitionCounts;
  notifications: number;
  /** True when the batch was full: more is waiting. */
  more: boolean;
}

const SYSTEM = { id: null, name: "系统（质控与预警）" };

/** The processor. */
export class QualityProcessor {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private lastTimeChecks = 0;
  private lastSweep = 0;
  private opts: QualityProcessorOptions;

  constructor(
    private db: Kysely<DB>,
    private log: Pick<FastifyBaseLogger, "info" | "error"> = pino({ name: "quality" }),
    opts: Partial<QualityProcessorOptions> = {},
  ) {
    this.opts = { ...DEFAULT_QUALITY_PROCESSOR, channels: [new LogChannel("sms", pino({ name: "notify" }))], ...opts };
  }

  /** Starts ticking. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops ticking and waits for the tick in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => {});
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const p = this.tick().then(
        // A backlog is worked off tick after tick, with a short pause between them so that on PGlite (one
        // connection) the gateway's commits and web requests get their turns.
        (r) => this.schedule(r?.more ? 100 : this.opts.intervalMs),
        (err) => {
          this.log.error({ err }, "quality processor tick failed");
          this.schedule(this.opts.intervalMs * 5);
        },
      );
      this.running = p;
    }, delay);
  }

  /** One tick; `now` may be given by tests. */
  async tick(now = new Date()): Promise<TickResult | null> {
    const timeChecks = now.getTime() - this.lastTimeChecks >= this.opts.timeChecksMs;
    const sweep = Date.now() - this.lastSweep >= this.opts.sweepMs;
    const result = await this.db.transaction().execute(async (trx) => {
      if (!(await tryProcessorLock(trx, QUALITY_LOCK))) return null;
      const ctx: CommandContext = { trx, actor: SYSTEM, ip: null, correlationId: `quality-${now.getTime()}` };
      let rows = await readingsWithoutQc(trx, await scanStart(trx, QUALITY_WATERMARK, this.opts.overlapMs), this.opts.batch);
      if (sweep && rows.length < this.opts.batch) {
        const late = await readingsWithoutQc(trx, await dbNowMinus(trx, this.opts.sweepWindowMs), this.opts.batch - rows.length);
        const seen = new Set(rows.map((r) => `${r.point_id}|${r.factor}|${r.period}|${new Date(r.t).getTime()}|${r.version}`));
        rows = [...rows, ...late.filter((r) => !seen.has(`${r.point_id}|${r.factor}|${r.period}|${new Date(r.t).getTime()}|${r.version}`))];
      }
      const qc = await evaluateQc(trx, rows);
      const pointIds = [...new Set(rows.map((r) => r.point_id))];
      const points = pointIds.length ? await trx.selectFrom("monitoring_points").selectAll().where("id", "in", pointIds).execute() : [];
      const times: NewTimes = new Map();
      for (const r of rows) {
        let xs = times.get(r.point_id);
        if (!xs) times.set(r.point_id, (xs = []));
        xs.push({ period: r.period, factor: r.factor, t: new Date(r.t).getTime() });
      }
      const transitions = await evaluatePoints(ctx, points, times, now);
      if (timeChecks) {
        for (const [k, v] of Object.entries(await evaluateNoData(ctx, now))) transitions[k as keyof TransitionCounts] = (transitions[k as keyof TransitionCounts] ?? 0) + v;
      }
      const messages: OutboundMessage[] = await alarmNotifier(ctx, now);
      if (rows.length) await setWatermark(trx, QUALITY_WATERMARK, new Date(Math.max(...rows.map((r) => r.received_at.getTime()))));
      return { readings: rows.length, flagged: qc.flagged, transitions, messages, more: rows.length === this.opts.batch };
    });
    if (!result) return null;
    if (timeChecks) this.lastTimeChecks = now.getTime();
    if (sweep) this.lastSweep = Date.now();
    if (result.messages.length) {
      const d = await deliver(this.opts.channels, result.messages);
      this.log.info({ notifications: result.messages.length, ...d }, "alarm notifications sent");
    }
    const { messages, ...rest } = result;
    return { ...rest, notifications: messages.length };
  }
}
