/**
 * @module The supervision checks (lateness of rounds past due, the 督办 ladder, reminders) as the worker runs them
 * hourly, and the office's 立即检查 that runs the same three tasks now — e.g. right after a round fell due — through
 * the same job path (job_runs bookkeeping included).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { Forbidden } from "../../errors";
import { canDecideLadder, canReadSupervision } from "../../policies/supervision.policy";
import { listJobRuns } from "../../repositories/jobRun.repository";
import type { FileStore } from "../../repositories/file.repository";
import { RoundLatenessTask } from "../../jobs/roundLatenessTask";
import { LadderTask } from "../../jobs/ladderTask";
import { DeadlineReminderTask } from "../../jobs/deadlineReminderTask";
import { runTaskNow } from "../../jobs/scheduler";
import type { ScheduledTask } from "../../jobs/task";
import type { RouteDeps } from "../types";

/** The checks in the order they depend on each other: lateness feeds the ladder. */
const CHECKS = ["round-lateness", "supervision-ladder", "deadline-reminders"] as const;

/** Registers /api/supervision/checks. */
export function checkRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  const present = async () => {
    const runs = new Map((await listJobRuns(db)).map((r) => [r.name, r]));
    return CHECKS.map((name) => {
      const r = runs.get(name);
      return {
        name,
        lastStartedAt: r?.last_started_at ? new Date(r.last_started_at).toISOString() : null,
        lastFinishedAt: r?.last_finished_at ? new Date(r.last_finished_at).toISOString() : null,
        lastStatus: r?.last_status ?? null,
        lastError: r?.last_error ?? null,
        lastResult: r?.last_result ?? null,
      };
    });
  };

  app.get("/api/supervision/checks", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    return { ok: true, data: await present() };
  });

  app.post("/api/supervision/checks", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const tasks: ScheduledTask[] = [new RoundLatenessTask(), new LadderTask({ files }), new DeadlineReminderTask()];
    const results: Record<string, unknown> = {};
    const now = new Date();
    for (const t of tasks) results[t.name] = await runTaskNow(db, t, now);
    req.log.info({ results, by: actor.username }, "supervision checks run on request");
    return { ok: true, data: { results, runs: await present() } };
  });
}
