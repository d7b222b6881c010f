/**
 * @module The supervision ladder as a state machine per (task, unit), seed plan 四(四)「严格督查督办」:
 * 提醒 → 督办通知 → 致函 → 曝光 → 约谈 → 提请问责, closed when the unit catches up. Thresholds, confirmation and
 * pacing come from ladderConfig.ts; this file decides what may happen next and records what did.
 */
import { addDays, dayNumber, toIsoDate, type DateInput, type IsoDate } from "./days";
import { DEFAULT_LADDER_CONFIG, LADDER_STEPS, type LadderConfig, type LadderStep } from "./ladderConfig";
import { firedTriggers, isCaughtUp, type LadderFacts, type LadderReason } from "./ladderTriggers";

/** One applied rung. */
export interface LadderEntry {
  /** The rung. */
  step: LadderStep;
  /** When it was applied. */
  at: DateInput;
  /** The office user who confirmed it; absent for automatic rungs applied by the system. */
  confirmedBy?: string;
  /** Document number of the notice or letter, e.g. "中环攻坚督〔2022〕5号". */
  docNumber?: string;
  /** 约谈 only: the day the interview is scheduled for. */
  scheduledFor?: IsoDate;
  /** 约谈 only: the minutes, once the interview was held. */
  minutes?: { heldOn: IsoDate; ref: string; recordedBy: string };
}

/** The ladder of one (task, unit). Plain data: stored as JSON. */
export interface LadderState {
  /** The task supervised. */
  taskId: string;
  /** The responsible unit. */
  unitId: string;
  /** Rungs applied so far, in order. */
  history: LadderEntry[];
  /** Set when the unit caught up; a closed ladder takes no more rungs (a new lapse opens a new ladder). */
  closedAt?: DateInput;
}

/** A rung the office may apply now. */
export interface LadderProposal {
  /** The rung. */
  step: LadderStep;
  /** True when it needs no confirmation (the system applies it). */
  automatic: boolean;
  /** Why it is due. */
  reasons: LadderReason[];
}

/** A rung whose triggers hold but which may not be applied yet. */
export interface HeldProposal extends LadderProposal {
  /** What holds it back. */
  heldBy: "minDaysSincePrevious" | "interviewMinutes";
  /** For `minDaysSincePrevious`: the first day it may be applied. */
  notBefore?: IsoDate;
}

/** The outcome of an evaluation. */
export interface LadderEvaluation {
  /** Rungs that may be applied today, weakest first (at most one unless skipping is allowed). */
  proposals: LadderProposal[];
  /** Rungs due but held back. */
  held: HeldProposal[];
  /** Nothing is outstanding: the caller should `resolve` an open ladder. */
  caughtUp: boolean;
}

/** Why a change was refused. */
export type LadderError =
  | { code: "closed" }
  | { code: "notForward"; current: LadderStep }
  | { code: "skipNotAllowed"; expected: LadderStep }
  | { code: "confirmationRequired"; step: LadderStep }
  | { code: "tooSoon"; notBefore: IsoDate }
  | { code: "interviewDateRequired" }
  | { code: "interviewMinutesRequired" }
  | { code: "noInterview" }
  | { code: "minutesAlreadyRecorded" };

/** A new state or the reason it was refused. */
export type LadderResult = { ok: true; state: LadderState } | { ok: false; error: LadderError };

const fail = (error: LadderError): LadderResult => ({ ok: false, error });
const indexOf = (step: LadderStep) => LADDER_STEPS.indexOf(step);

/** A fresh ladder for a (task, unit) that has fallen behind. */
export function openLadder(taskId: string, unitId: string): LadderState {
  return { taskId, unitId, history: [] };
}

/** The last rung applied, or null. */
export function currentStep(state: LadderState): LadderStep | null {
  return state.history.at(-1)?.step ?? null;
}

/** What blocks `step` on `day` apart from confirmation and order, or null. */
function holdOf(state: LadderState, step: LadderStep, day: DateInput, config: LadderConfig) {
  const last = state.history.at(-1);
  if (last) {
    const notBefore = addDays(last.at, config.steps[step].minDaysSincePrevious);
    if (dayNumber(day) < dayNumber(notBefore)) return { heldBy: "minDaysSincePrevious" as const, notBefore };
  }
  const interview = state.history.find((e) => e.step === "interview");
  if (step === "accountability" && config.accountabilityNeedsInterviewMinutes && !interview?.minutes)
    return { heldBy: "interviewMinutes" as const };
  return null;
}

/**
 * The rungs due for a unit today. Escalation is proposed only while the unit is behind; once it has caught up the
 * answer is `caughtUp` and nothing else.
 */
export function evaluateLadder(
  state: LadderState, facts: LadderFacts, config: LadderConfig, today: DateInput,
): LadderEvaluation {
  const caughtUp = isCaughtUp(facts);
  const out: LadderEvaluation = { proposals: [], held: [], caughtUp };
  if (state.closedAt !== undefined || caughtUp) return out;
  const next = state.history.length;
  const candidates = config.allowSkip ? LADDER_STEPS.slice(next) : LADDER_STEPS.slice(next, next + 1);
  for (const step of candidates) {
    const reasons = firedTriggers(config.steps[step].triggers, facts, today);
    if (!reasons.length) continue;
    const proposal = { step, automatic: config.steps[step].automatic, reasons };
    const hold = holdOf(state, step, today, config);
    if (hold) out.held.push({ ...proposal, ...hold });
    else out.proposals.push(proposal);
  }
  return out;
}

/** How a rung is applied. */
export interface ApplyOptions {
  /** When (the day counts for pacing). */
  at: DateInput;
  /** The confirming office user; required for non-automatic rungs. */
  confirmedBy?: string;
  /** Document number issued with the rung. */
  docNumber?: string;
  /** Required for 约谈: the scheduled day. */
  scheduledFor?: IsoDate;
}

/**
 * Applies a rung. Triggers are not re-checked: they drive proposals, while the office may escalate on its own
 * judgement ("重视不够、工作不力"). Order, confirmation, pacing and closure are enforced.
 */
export function applyStep(
  state: LadderState, step: LadderStep, opts: ApplyOptions, config: LadderConfig = DEFAULT_LADDER_CONFIG,
): LadderResult {
  if (state.closedAt !== undefined) return fail({ code: "closed" });
  const current = currentStep(state);
  const expected = state.history.length;
  if (current && indexOf(step) <= indexOf(current)) return fail({ code: "notForward", current });
  if (indexOf(step) > expected && !config.allowSkip) return fail({ code: "skipNotAllowed", expected: LADDER_STEPS[expected] });
  if (!config.steps[step].automatic && !opts.confirmedBy?.trim()) return fail({ code: "confirmationRequired", step });
  const hold = holdOf(state, step, opts.at, config);
  if (hold?.heldBy === "minDaysSincePrevious") return fail({ code: "tooSoon", notBefore: hold.notBefore });
  if (hold?.heldBy === "interviewMinutes") return fail({ code: "interviewMinutesRequired" });
  if (step === "interview" && !opts.scheduledFor) return fail({ code: "interviewDateRequired" });
  const entry: LadderEntry = { step, at: opts.at };
  if (opts.confirmedBy) entry.confirmedBy = opts.confirmedBy;
  if (opts.docNumber) entry.docNumber = opts.docNumber;
  if (step === "interview") entry.scheduledFor = toIsoDate(opts.scheduledFor!);
  return { ok: true, state: { ...state, history: [...state.history, entry] } };
}

/**
 * Records the minutes of the 约谈 (also after closure: an interview held before the unit caught up is still minuted).
 * The interview cannot be minuted as held before it was decided.
 */
export function recordInterviewMinutes(
  state: LadderState, minutes: { heldOn: IsoDate; ref: string; recordedBy: string },
): LadderResult {
  const i = state.history.findIndex((e) => e.step === "interview");
  if (i < 0) return fail({ code: "noInterview" });
  const entry = state.history[i];
  if (entry.minutes) return fail({ code: "minutesAlreadyRecorded" });
  if (dayNumber(minutes.heldOn) < dayNumber(entry.at)) return fail({ code: "tooSoon", notBefore: toIsoDate(entry.at) });
  const history = state.history.map((e, j) => (j === i ? { ...e, minutes: { ...minutes } } : e));
  return { ok: true, state: { ...state, history } };
}

/** Closes the ladder because the unit caught up; the history stays. */
export function resolve(state: LadderState, at: DateInput): LadderResult {
  if (state.closedAt !== undefined) return fail({ code: "closed" });
  return { ok: true, state: { ...state, closedAt: at } };
}

/**
 * The public-portal listing of a 曝光, or null when the ladder never reached it. A resolved ladder stays listed
 * with its closing day (the portal shows it as 已整改).
 */
export function exposureListing(state: LadderState): { since: IsoDate; resolvedOn: IsoDate | null } | null {
  const e = state.history.find((x) => x.step === "exposure");
  if (!e) return null;
  return { since: toIsoDate(e.at), resolvedOn: state.closedAt === undefined ? null : toIsoDate(state.closedAt) };
}
