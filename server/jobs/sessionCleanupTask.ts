/**
 * @module Deletes expired sessions and login attempts older than a day (kept only for throttling).
 */
import { deleteExpiredSessions, deleteOldLoginAttempts } from "../repositories/session.repository";
import type { ScheduledTask, TaskContext } from "./task";

/** Expired-session cleanup, every 10 minutes. */
export class SessionCleanupTask implements ScheduledTask {
  readonly name = "session-cleanup";
  readonly periodMs = 10 * 60_000;
  async run({ db, now }: TaskContext) {
    const sessions = await deleteExpiredSessions(db, now);
    const attempts = await deleteOldLoginAttempts(db, new Date(now.getTime() - 24 * 3_600_000));
    return { sessions, attempts };
  }
}
