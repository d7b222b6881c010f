/**
 * @module The alarm state machine (after ISA-18.2's states: active/cleared × acknowledged/unacknowledged). A rule's
 * condition must hold for the persistence time (measured in data time, so a burst of late uploads is judged as
 * the instrument saw it) before the alarm is raised. While one alarm of a rule and point is open — active, or
 * cleared but not yet acknowledged — a new occurrence reactivates it instead of opening another (deduplication). An
 * alarm closes when it is both cleared and acknowledged. An evaluation that cannot be judged changes nothing.
 */

/** The stored evaluation state of a rule at a point. */
export interface RuleState {
  /** Data time since which the condition holds, or null. */
  pendingSince: number | null;
}

/** The open alarm of a rule at a point, if any. */
export interface OpenAlarm {
  active: boolean;
  acknowledged: boolean;
}

/** What an evaluation changes. */
export type Transition = "none" | "pending" | "raise" | "reactivate" | "hold" | "clear";

/** The next state. */
export interface Next {
  transition: Transition;
  pendingSince: number | null;
}

/**
 * The transition for an evaluation of a rule at time `at` (data time; wall time for no-data rules).
 * @example nextState({ met: true, at: 600_000 }, { pendingSince: 0 }, null, 600_000) // { transition: "raise", pendingSince: 0 }
 */
export function nextState(ev: { met: boolean | null; at: number }, state: RuleState, alarm: OpenAlarm | null, persistenceMs: number): Next {
  // Unknown (marked or failed values): nothing changes, the wait for persistence included.
  if (ev.met === null) return { transition: "none", pendingSince: state.pendingSince };
  if (!ev.met) return { transition: alarm?.active ? "clear" : "none", pendingSince: null };
  const since = state.pendingSince === null ? ev.at : Math.min(state.pendingSince, ev.at);
  if (alarm?.active) return { transition: "hold", pendingSince: since };
  if (ev.at - since < persistenceMs) return { transition: "pending", pendingSince: since };
  return { transition: alarm ? "reactivate" : "raise", pendingSince: since };
}

/** Whether an alarm is closed (no longer open: cleared and acknowledged). */
export const isClosed = (a: OpenAlarm): boolean => !a.active && a.acknowledged;

/** The four display states. */
export type AlarmDisplayState = "active_unack" | "active_ack" | "cleared_unack" | "closed";

/** The display state of an alarm. */
export function displayState(a: OpenAlarm): AlarmDisplayState {
  if (a.active) return a.acknowledged ? "active_ack" : "active_unack";
  return a.acknowledged ? "closed" : "cleared_unack";
}
