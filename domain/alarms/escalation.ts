/**
 * @module Notification of an open alarm: the contacts of each escalation level are notified once the alarm has been
 * active and unacknowledged for the level's delay (level 0 at once); until someone acknowledges, every level reached
 * is notified again every `repeatMinutes`. A cleared alarm is neither repeated nor escalated (it still waits for
 * acknowledgement in the list). Without configured levels, level 0 is the monitoring operators and level 1, after
 * 30 minutes, the campaign office.
 */

/** One escalation level. */
export interface EscalationLevel {
  /** Minutes after the alarm was raised. */
  afterMinutes: number;
  /** Users to notify; empty means the level's default group. */
  userIds: string[];
  /** A group used when `userIds` is empty. */
  group?: "monitoring_operators" | "office";
}

/** The default chain. */
export const DEFAULT_ESCALATION: readonly EscalationLevel[] = [
  { afterMinutes: 0, userIds: [], group: "monitoring_operators" },
  { afterMinutes: 30, userIds: [], group: "office" },
];

/** What is known about an alarm's notifications. */
export interface NotifyState {
  raisedAt: number;
  active: boolean;
  acknowledged: boolean;
  /** Highest level notified so far (−1: none). */
  level: number;
  lastNotifiedAt: number | null;
}

/** What to send now. */
export interface DueNotifications {
  /** Levels reached for the first time. */
  newLevels: number[];
  /** Levels to notify again (repeat). */
  repeatLevels: number[];
}

/**
 * The notifications due at `now`.
 * @example dueNotifications({ raisedAt: 0, active: true, acknowledged: false, level: 0, lastNotifiedAt: 0 }, DEFAULT_ESCALATION, 10, 31 * 60_000) // { newLevels: [1], repeatLevels: [] }
 */
export function dueNotifications(s: NotifyState, levels: readonly EscalationLevel[], repeatMinutes: number, now: number): DueNotifications {
  if (s.acknowledged || !s.active) return { newLevels: [], repeatLevels: [] };
  const reached = levels.map((l, i) => (now - s.raisedAt >= l.afterMinutes * 60_000 ? i : -1)).filter((i) => i >= 0);
  const newLevels = reached.filter((i) => i > s.level);
  if (newLevels.length) return { newLevels, repeatLevels: [] };
  const repeat = repeatMinutes > 0 && s.lastNotifiedAt !== null && now - s.lastNotifiedAt >= repeatMinutes * 60_000;
  return { newLevels: [], repeatLevels: repeat ? reached : [] };
}
