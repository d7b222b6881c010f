/**
 * @module Unit scoring for the supervision report (seed plan 四(四): the office 调度 and 督办 units and ranks their
 * work). The plan gives no formula; this one is a project default with configurable weights:
 * score = 100 × on-time rate − min(cap, per-day × total overdue days) − Σ weight of ladder rungs received,
 * clamped to 0–100 and rounded to one decimal. Ranking (`rankUnits`): by score, then — as many units score the same,
 * e.g. 0 when a whole past plan is overdue — fewer total overdue days, then fewer ladder rungs received, then more
 * obligations met on time; units equal on all four share a rank (competition ranking 1, 1, 3) and are listed by
 * name. Each ranked unit says which criterion placed it below the unit before it.
 */
import { deadlineStatus, lateDays, type Deadline } from "./deadlines";
import { dayNumber, type DateInput } from "./days";
import type { LadderStep } from "./ladderConfig";
import type { LadderState } from "./ladder";
import { firstSubmissions, roundLateness, type Round } from "./lateness";

/** What a unit did in the scoring period. */
export interface UnitPerformance {
  /** The unit. */
  unitId: string;
  /** Obligations whose outcome is known: deadlines and round submissions done, or due and past. */
  due: number;
  /** Of these, met on time. */
  onTime: number;
  /** Days late of each late or overdue obligation. */
  overdueDays: readonly number[];
  /** Ladder rungs the unit received. */
  steps: readonly LadderStep[];
}

/** Weights of the score (a setting). */
export interface ScoringWeights {
  /** Points off per overdue day, summed over obligations. */
  perOverdueDay: number;
  /** At most this many points off for overdue days. */
  overdueCap: number;
  /** Points off per rung received. */
  steps: Record<LadderStep, number>;
}

/** Project defaults: a stronger rung costs more; a 提醒 costs nothing. */
export const DEFAULT_SCORING_WEIGHTS: ScoringWeights = {
  perOverdueDay: 0.5,
  overdueCap: 30,
  steps: { reminder: 0, notice: 2, letter: 5, exposure: 10, interview: 15, accountability: 25 },
};

/** A unit's score and the figures behind it. */
export interface UnitScore {
  /** The unit. */
  unitId: string;
  /** onTime ÷ due; null when nothing fell due. */
  onTimeRate: number | null;
  /** Sum of overdue days. */
  totalOverdueDays: number;
  /** Mean overdue days per late obligation (0 when none was late). */
  averageOverdueDays: number;
  /** Points lost to ladder rungs. */
  stepPenalty: number;
  /** Obligations whose outcome is known. */
  due: number;
  /** Of these, met on time. */
  onTime: number;
  /** Ladder rungs received. */
  steps: number;
  /** 0–100, one decimal. */
  score: number;
}

/**
 * Scores one unit. With nothing due the on-time part counts as 100.
 * @example scoreUnit({ unitId: "u", due: 4, onTime: 3, overdueDays: [6], steps: ["notice"] }).score // 75 − 3 − 2 = 70
 */
export function scoreUnit(p: UnitPerformance, w: ScoringWeights = DEFAULT_SCORING_WEIGHTS): UnitScore {
  if (p.onTime > p.due || p.onTime < 0) throw new RangeError(`${p.unitId}: onTime ${p.onTime} outside 0–${p.due}`);
  const onTimeRate = p.due ? p.onTime / p.due : null;
  const totalOverdueDays = p.overdueDays.reduce((s, d) => s + d, 0);
  const stepPenalty = p.steps.reduce((s, step) => s + w.steps[step], 0);
  const raw = 100 * (onTimeRate ?? 1) - Math.min(w.overdueCap, w.perOverdueDay * totalOverdueDays) - stepPenalty;
  return {
    unitId: p.unitId,
    onTimeRate,
    totalOverdueDays,
    averageOverdueDays: p.overdueDays.length ? totalOverdueDays / p.overdueDays.length : 0,
    stepPenalty,
    due: p.due,
    onTime: p.onTime,
    steps: p.steps.length,
    score: Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10,
  };
}

/** The criteria of the ranking, in order; the first that differs decides. */
export const RANKING_CRITERIA = ["score", "overdueDays", "steps", "onTime"] as const;

/** One criterion of the ranking. */
export type RankingCriterion = (typeof RANKING_CRITERIA)[number];

/** A ranked score. */
export interface RankedUnit extends UnitScore {
  /** 1 = best; units equal on every criterion share the rank and the next rank skips (competition ranking). */
  rank: number;
  /** True when another unit has the same rank. */
  tied: boolean;
  /** The criterion that placed this unit below the one before it; null for the first and for a tie. */
  decidedBy: RankingCriterion | null;
}

/** Per criterion, negative when `a` ranks above `b`. */
const COMPARE: Record<RankingCriterion, (a: UnitScore, b: UnitScore) => number> = {
  score: (a, b) => b.score - a.score,
  overdueDays: (a, b) => a.totalOverdueDays - b.totalOverdueDays,
  steps: (a, b) => a.steps - b.steps,
  onTime: (a, b) => b.onTime - a.onTime,
};

/** The first criterion on which `a` and `b` differ, or null. */
const decider = (a: UnitScore, b: UnitScore) => RANKING_CRITERIA.find((c) => COMPARE[c](a, b) !== 0) ?? null;

/**
 * Ranks scores, best first: score, then fewer overdue days, fewer rungs, more on time (RANKING_CRITERIA); units
 * equal on all share a rank and are listed by `nameOf` (Chinese collation), else by unit id.
 * @example rankUnits([a90, b80, c90]).map((r) => r.rank) // [1, 1, 3] for a, c, b when a and c are equal on all criteria
 */
export function rankUnits(scores: readonly UnitScore[], nameOf: (unitId: string) => string = (id) => id): RankedUnit[] {
  const order = (a: UnitScore, b: UnitScore) => {
    const c = decider(a, b);
    return c ? COMPARE[c](a, b) : nameOf(a.unitId).localeCompare(nameOf(b.unitId), "zh-Hans-CN") || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
  };
  const sorted = [...scores].sort(order);
  const ranks: number[] = [];
  const deciders: (RankingCriterion | null)[] = [];
  sorted.forEach((s, i) => {
    const c = i === 0 ? null : decider(sorted[i - 1], s);
    deciders.push(c);
    ranks.push(i === 0 || c ? i + 1 : ranks[i - 1]);
  });
  return sorted.map((s, i) => ({ ...s, rank: ranks[i], tied: ranks.filter((r) => r === ranks[i]).length > 1, decidedBy: deciders[i] }));
}

/**
 * Builds a unit's performance from its deadlines, the rounds it had to answer and its ladders, as of `today`.
 * Deadlines and rounds not yet due and not yet done are left out.
 */
export function performanceOf(
  unitId: string, input: { deadlines: readonly Deadline[]; rounds: readonly Round[]; ladders: readonly LadderState[] }, today: DateInput,
): UnitPerformance {
  let due = 0;
  let onTime = 0;
  const overdueDays: number[] = [];
  for (const d of input.deadlines.filter((x) => x.unitId === unitId)) {
    const status = deadlineStatus(d, today);
    if (status === "pending") continue;
    due++;
    if (status === "onTime") onTime++;
    else overdueDays.push(lateDays(d, today));
  }
  for (const r of input.rounds.filter((x) => x.required.includes(unitId))) {
    const rec = roundLateness({ ...r, required: [unitId] }, today)[0];
    const sub = firstSubmissions(r.submissions).get(unitId);
    const submitted = sub !== undefined && sub <= dayNumber(today);
    if (!rec && !submitted) continue; // not yet due
    due++;
    if (rec) overdueDays.push(rec.daysLate);
    else onTime++;
  }
  const steps = input.ladders.filter((l) => l.unitId === unitId).flatMap((l) => l.history.map((e) => e.step));
  return { unitId, due, onTime, overdueDays, steps };
}
