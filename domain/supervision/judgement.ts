/**
 * @module Escalation on the office's own judgement (seed plan 四(四): 督办 also where units 「重视不够、工作不力」):
 * the office may propose or issue the next rung for a (task, unit) although no trigger fired, always with a written
 * reason, which stands in the rung's reasons (and so in its document and audit entry) as a reason of kind
 * "judgement". A ladder holding such a rung is not closed by the periodic run for being caught up — the facts the
 * run sees did not open it — but by the office, with a reason too.
 */
import { LADDER_STEPS, type LadderStep } from "./ladderConfig";
import type { LadderState } from "./ladder";
import type { LadderReason } from "./ladderTriggers";

/** The shortest reason accepted, in characters (「多次催办仍未报送」 is 8; a reason says what and why). */
export const MIN_REASON_LENGTH = 10;

/**
 * The reason of a judgement rung, or null when the text is too short to be one.
 * @example judgementReason("连续两次调度报送内容空泛，未反映实际进展")?.kind // "judgement"
 */
export function judgementReason(text: string): LadderReason | null {
  const t = text.trim().replace(/\s+/g, " ");
  if ([...t].length < MIN_REASON_LENGTH) return null;
  return { kind: "judgement", value: 0, threshold: 0, zh: `攻坚战办研判：${t}`, en: `Office judgement: ${t}` };
}

/** Whether stored reasons include one of judgement (reasons come back from JSON columns untyped). */
export function hasJudgement(reasons: readonly unknown[]): boolean {
  return reasons.some((r) => typeof r === "object" && r !== null && (r as { kind?: unknown }).kind === "judgement");
}

/**
 * The rung after the ladder's current one, or null at the top (提请问责) or when closed.
 * @example nextStep({ taskId: "t", unitId: "u", history: [] }) // "reminder"
 */
export function nextStep(state: LadderState): LadderStep | null {
  if (state.closedAt !== undefined) return null;
  return LADDER_STEPS[state.history.length] ?? null;
}

/**
 * Whether the periodic run may close a caught-up ladder: not when any rung or pending proposal of it was decided on
 * judgement.
 * @example closesWhenCaughtUp([{ reasons: [{ kind: "judgement" }] }]) // false
 */
export function closesWhenCaughtUp(rungs: readonly { reasons: readonly unknown[] }[]): boolean {
  return !rungs.some((r) => hasJudgement(r.reasons));
}
