/**
 * @module Records lateness for rounds past their due date, hourly (latenessRecorder; idempotent).
 */
import { latenessRecorder } from "../commands/latenessRecorder";
import type { ScheduledTask, TaskContext } from "./task";

/** Lateness of rounds past due, every hour. */
export class RoundLatenessTask implements ScheduledTask {
  readonly name = "round-lateness";
  readonly periodMs = 60 * 60_000;
  async run({ db, now }: TaskContext) {
    return db.transaction().execute((trx) =>
      latenessRecorder({ trx, actor: null, ip: null, correlationId: `job:${this.name}:${now.toISOString()}` }, { now }),
    );
  }
}
