/**
 * @module Lifecycles of registry records as small state machines: named states, and transitions (an action from
 * some states to one state) each saying who performs it — the record's own unit (or the office), the office only,
 * the river chief of the record's river (or the office), or the system (an automatic change, e.g. 返黑返臭). The
 * server's policies read `by`; the web shows the actions a record's policy allows.
 */

/** Who performs a transition. */
export type Performer = "unit" | "office" | "chief" | "system";

/** Chinese and English names. */
export interface Label {
  zh: string;
  en: string;
}

/** One transition. */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  by: Performer;
  label: Label;
}

/** A lifecycle. */
export interface Lifecycle<S extends string, A extends string> {
  /** States in their natural order, with names. */
  states: readonly S[];
  labels: Readonly<Record<S, Label>>;
  transitions: readonly Transition<S, A>[];
}

/**
 * Declares a lifecycle; checks that every transition names known states and that an action's sources do not
 * overlap (one action from one state has one target).
 * @example defineLifecycle(["open", "closed"], { open: …, closed: … }, [{ action: "close", from: ["open"], to: "closed", by: "office", label: … }])
 */
export function defineLifecycle<S extends string, A extends string>(
  states: readonly S[],
  labels: Readonly<Record<S, Label>>,
  transitions: readonly Transition<S, A>[],
): Lifecycle<S, A> {
  const known = new Set<string>(states);
  const seen = new Set<string>();
  for (const t of transitions) {
    for (const s of [...t.from, t.to]) if (!known.has(s)) throw new Error(`lifecycle: unknown state ${s} in ${t.action}`);
    for (const f of t.from) {
      const k = `${t.action}|${f}`;
      if (seen.has(k)) throw new Error(`lifecycle: ${t.action} from ${f} listed twice`);
      seen.add(k);
    }
  }
  return { states, labels, transitions };
}

/** The transition `action` takes from `state`, or null when it is not possible there. */
export function transitionOf<S extends string, A extends string>(lc: Lifecycle<S, A>, state: S, action: A): Transition<S, A> | null {
  return lc.transitions.find((t) => t.action === action && t.from.includes(state)) ?? null;
}

/** The transitions possible from `state` (system transitions excluded: nobody chooses them). */
export function actionsFrom<S extends string, A extends string>(lc: Lifecycle<S, A>, state: S): Transition<S, A>[] {
  return lc.transitions.filter((t) => t.from.includes(state) && t.by !== "system");
}

/** Position of a state in the natural order (for progress bars and sorting). */
export function stateIndex<S extends string, A extends string>(lc: Lifecycle<S, A>, state: S): number {
  return lc.states.indexOf(state);
}
