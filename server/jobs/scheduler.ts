/**
 * @module Runs scheduled tasks: on start and then every period, each run claimed in job_runs first. Stopping waits
 * for runs in progress.
 */
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import { claimJobRun, finishJobRun } from "../repositories/jobRun.repository";
import type { ScheduledTask } from "./task";

/** Runs tasks on their periods until stopped. */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private db: Kysely<DB>,
    private tasks: ScheduledTask[],
    private log: Pick<FastifyBaseLogger, "info" | "error">,
    /** How often to look whether a task is due; shorter than any period. */
    private tickMs = 30_000,
  ) {}

  /** Starts the timers and runs due tasks now. */
  start() {
    for (const task of this.tasks) {
      const tick = () => {
        if (this.stopped) return;
        const p = this.runIfDue(task).finally(() => this.running.delete(p));
        this.running.add(p);
      };
      tick();
      this.timers.push(setInterval(tick, Math.min(this.tickMs, task.periodMs)));
    }
  }

  /** Runs `task` now if no process ran it within its period. Returns whether it ran. */
  async runIfDue(task: ScheduledTask): Promise<void> {
    const now = new Date();
    try {
      if (!(await claimJobRun(this.db, task.name, now, task.periodMs))) return;
      const result = await task.run({ db: this.db, now });
      await finishJobRun(this.db, task.name, { status: "ok", result });
      this.log.info({ job: task.name, result }, "job finished");
    } catch (err) {
      this.log.error({ job: task.name, err }, "job failed");
      await finishJobRun(this.db, task.name, { status: "failed", error: (err as Error).message }).catch(() => {});
    }
  }

  /** Stops the timers and waits for runs in progress. */
  async stop() {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await Promise.allSettled([...this.running]);
  }
}

/**
 * Runs `task` now on request (the office's 立即检查), outside its period, recorded in job_runs like a scheduled run
 * so the next scheduled run counts its period from this one. Errors are recorded and rethrown to the caller.
 */
export async function runTaskNow(db: Kysely<DB>, task: ScheduledTask, now = new Date()): Promise<unknown> {
  // A zero period always wins the claim; the row still serialises with a scheduled run of another process.
  await claimJobRun(db, task.name, now, 0);
  try {
    const result = await task.run({ db, now });
    await finishJobRun(db, task.name, { status: "ok", result });
    return result;
  } catch (err) {
    await finishJobRun(db, task.name, { status: "failed", error: (err as Error).message }).catch(() => {});
    throw err;
  }
}
