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
import { DetectorTask } from "../jobs/detectorTask";
import { DischargeTask } from "../jobs/dischargeTask";
import { QualityProcessor } from "../jobs/qualityProcessor";
import { ComplaintOverdueTask } from "../jobs/complaintOverdueTask";
import { MonthlyReportTask } from "../jobs/monthlyReportTask";
import { PacketRetentionTask } from "../jobs/packetRetentionTask";

/** Every scheduled task the worker runs. */
export function scheduledTasks(): ScheduledTask[] {
  return [new SessionCleanupTask(), new RoundLatenessTask(), new LadderTask(), new DeadlineReminderTask(), new ChallengeCleanupTask(), new ComplaintOverdueTask(), new DetectorTask(), new DischargeTask(), new MonthlyReportTask(), new PacketRetentionTask()];
}

/** Starts the scheduler; returns it so the process can stop it. */
export function startWorker(db: Kysely<DB>, log: Pick<FastifyBaseLogger, "info" | "error">): Scheduler {
  const scheduler = new Scheduler(db, scheduledTasks(), log);
  scheduler.start();
  // The live QC and alarm processor ticks every second (too often for the scheduler's claimed periods); it stops
  // with the scheduler.
  const quality = new QualityProcessor(db, log);
  quality.start();
  const stopScheduler = scheduler.stop.bind(scheduler);
  scheduler.stop = async () => {
    await quality.stop();
    await stopScheduler();
  };
  return scheduler;
}
