/**
 * @module A scheduled job: a named task with a period. Tasks are idempotent and safe to run twice; the scheduler
 * claims each period in the database so that several worker processes run a task once per period.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** What a task gets when it runs. */
export interface TaskContext {
  db: Kysely<DB>;
  now: Date;
}

/** A scheduled task. */
export interface ScheduledTask {
  /** Stable name, the key of its job_runs row. */
  readonly name: string;
  /** How often it runs. */
  readonly periodMs: number;
  /** Does the work; the returned value is stored as the run's result. */
  run(ctx: TaskContext): Promise<unknown>;
}
