/**
 * @module Deletes used anonymous-post challenges past their expiry (they are refused as expired anyway, so keeping
 * their hashes would only grow the table).
 */
import { deleteExpiredChallenges } from "../repositories/complaintCatalog.repository";
import type { ScheduledTask, TaskContext } from "./task";

/** Used-challenge cleanup, every 30 minutes. */
export class ChallengeCleanupTask implements ScheduledTask {
  readonly name = "challenge-cleanup";
  readonly periodMs = 30 * 60_000;
  async run({ db, now }: TaskContext) {
    return { deleted: await deleteExpiredChallenges(db, now) };
  }
}
