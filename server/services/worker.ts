/**
 * @module The worker service: scheduled jobs.
 */
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import { Scheduler } from "../jobs/scheduler";
import { SessionCleanupTask } from "../jobs/sessionCleanupTask";
import type { ScheduledTask } from "../jobs/task";
import { RoundLatenessTask } from "../jobs/roundLatenessTask";
import { LadderTask } from "../jobs/ladderTask";
import { DeadlineReminderTask } from "../jobs/deadlineReminderTask";
import { ChallengeCleanupTask } from "../jobs/challengeCleanupTask";
import { ComplaintOverdueTask } from "../jobs/complaintOverdueTask";

/** Every scheduled task the worker runs. */
export function scheduledTasks(): ScheduledTask[] {
  return [new SessionCleanupTask(), new RoundLatenessTask(), new LadderTask(), new DeadlineReminderTask(), new ChallengeCleanupTask(), new ComplaintOverdueTask()];
}

/** Starts the scheduler; returns it so the process can stop it. */
export function startWorker(db: Kysely<DB>, log: Pick<FastifyBaseLogger, "info" | "error">): Scheduler {
  const scheduler = new Scheduler(db, scheduledTasks(), log);
  scheduler.start();
  return scheduler;
}
