/**
 * @module The life of a complaint (投诉举报, seed plan 保障措施(五)「畅通投诉举报渠道」): received → dispatched →
 * investigating → resolved / closed not fixed, or duplicate / invalid from triage; the reporter may reopen a closed
 * complaint within a window. Each transition names who may make it, so the server and the UI agree.
 */

/** Every state. */
export const COMPLAINT_STATES = ["received", "dispatched", "investigating", "resolved", "closed_not_fixed", "duplicate", "invalid"] as const;
/** One state. */
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** Who makes a transition: the campaign office (triage), the handling unit, or the reporter. */
export type TransitionActor = "office" | "unit" | "reporter";

/** The transitions by name. */
export const TRANSITIONS = {
  /** The office sends it to a unit (and river chief). */
  dispatch: { from: ["received"], to: "dispatched", by: ["office"] },
  /** The office sends it to another unit. */
  redispatch: { from: ["dispatched", "investigating"], to: "dispatched", by: ["office"] },
  /** The unit starts on-site checks. */
  investigate: { from: ["dispatched"], to: "investigating", by: ["unit", "office"] },
  /** The unit says it is not theirs: back to triage. */
  returnToOffice: { from: ["dispatched"], to: "received", by: ["unit"] },
  /** Fixed. */
  resolve: { from: ["investigating"], to: "resolved", by: ["unit", "office"] },
  /** Checked but not fixed (e.g. beyond the district's powers), with a reason. */
  closeNotFixed: { from: ["investigating"], to: "closed_not_fixed", by: ["unit", "office"] },
  /** Merged into another complaint about the same problem. */
  markDuplicate: { from: ["received", "dispatched"], to: "duplicate", by: ["office"] },
  /** Not a complaint (spam, abuse, out of scope). */
  markInvalid: { from: ["received", "dispatched"], to: "invalid", by: ["office"] },
  /** The reporter is not satisfied: back to triage. */
  reopen: { from: ["resolved", "closed_not_fixed"], to: "received", by: ["reporter"] },
} as const satisfies Record<string, { from: readonly ComplaintState[]; to: ComplaintState; by: readonly TransitionActor[] }>;

/** A transition name. */
export type TransitionName = keyof typeof TRANSITIONS;
/** Every transition name. */
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** States in which a complaint is still being handled (Open311 `open`). */
export const OPEN_STATES: readonly ComplaintState[] = ["received", "dispatched", "investigating"];

/** Whether a complaint in `state` is still open. */
export const isOpen = (state: ComplaintState) => OPEN_STATES.includes(state);

/** Days after closing during which the reporter may reopen, and how many times. */
export const REOPEN_WINDOW_DAYS = 30;
/** Most reopenings of one complaint. */
export const MAX_REOPENS = 2;

/**
 * Whether `transition` may be made from `state` by `actor`.
 * @example canTransition("received", "dispatch", "office") // true
 */
export function canTransition(state: ComplaintState, transition: TransitionName, actor: TransitionActor): boolean {
  const t = TRANSITIONS[transition];
  return (t.from as readonly ComplaintState[]).includes(state) && (t.by as readonly TransitionActor[]).includes(actor);
}

/** Why the reporter may not reopen, or null when they may. */
export function reopenRefusal(c: { state: ComplaintState; closedAt: Date | null; reopenCount: number }, now: Date): "state" | "window" | "count" | null {
  if (!canTransition(c.state, "reopen", "reporter")) return "state";
  if (c.reopenCount >= MAX_REOPENS) return "count";
  if (c.closedAt && now.getTime() - c.closedAt.getTime() > REOPEN_WINDOW_DAYS * 86_400_000) return "window";
  return null;
}

/** Open311 GeoReport v2 knows two statuses: open (reported) and closed (resolved or otherwise ended). */
export function open311Status(state: ComplaintState): "open" | "closed" {
  return isOpen(state) ? "open" : "closed";
}

/**
 * Whether a closed complaint was substantiated: the problem existed (resolved, or checked and confirmed but not
 * fixable). Rewards require it; duplicates and invalid reports never qualify.
 */
export function substantiated(state: ComplaintState, confirmed: boolean): boolean {
  return state === "resolved" || (state === "closed_not_fixed" && confirmed);
}
