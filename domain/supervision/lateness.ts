/**
 * @module Lateness of submissions to a round (调度) of the seed plan 四(四)「定期开展调度」: like EPA ECHO, where a
 * report not received by its due date is itself a violation, a unit that has not submitted after the due date has
 * a "missing" record, and one that submitted after it has a "late" record with the days late. Days are local
 * (Asia/Shanghai) calendar days; a submission on the due date is on time.
 */
import { dayNumber, isoDate, type DateInput, type IsoDate } from "./days";
import type { LadderFacts } from "./ladderTriggers";

/** One round of the office's dispatch: who must answer by when, and who did. */
export interface Round {
  /** Round id. */
  id: string;
  /** The task the round belongs to. */
  taskId: string;
  /** Last local day to submit. */
  dueDate: IsoDate;
  /** Units required to submit. */
  required: readonly string[];
  /** Submissions received (any unit, any number; the earliest per unit counts). */
  submissions: readonly { unitId: string; at: DateInput }[];
}

/** A missing or late submission. */
export interface LatenessRecord {
  /** The round. */
  roundId: string;
  /** The task. */
  taskId: string;
  /** The unit. */
  unitId: string;
  /** The round's due date (the record's date for windows such as "3 in the last 30 days"). */
  dueDate: IsoDate;
  /** "missing": nothing received and the due date has passed; "late": received after the due date. */
  kind: "missing" | "late";
  /** Days after the due date: until today when missing, until the submission day when late. */
  daysLate: number;
  /** Local day of the (late) submission. */
  submittedOn?: IsoDate;
}

/**
 * Earliest submission day per unit.
 * @example firstSubmissions([{ unitId: "a", at: "2022-06-02" }, { unitId: "a", at: "2022-06-01" }]).get("a") // 19144
 */
export function firstSubmissions(submissions: Round["submissions"]): Map<string, number> {
  const first = new Map<string, number>();
  for (const s of submissions) {
    const d = dayNumber(s.at);
    const prev = first.get(s.unitId);
    if (prev === undefined || d < prev) first.set(s.unitId, d);
  }
  return first;
}

/**
 * Lateness records of one round as of `today`, in the order of `required`. Submissions made after `today` are
 * ignored (re-evaluating the past gives the same answer); units not required are ignored.
 * @example roundLateness({ id: "r1", taskId: "t", dueDate: "2022-06-01", required: ["a"], submissions: [] }, "2022-06-04")
 * // [{ roundId: "r1", taskId: "t", unitId: "a", dueDate: "2022-06-01", kind: "missing", daysLate: 3 }]
 */
export function roundLateness(round: Round, today: DateInput): LatenessRecord[] {
  const due = dayNumber(round.dueDate);
  const now = dayNumber(today);
  const first = firstSubmissions(round.submissions);
  const out: LatenessRecord[] = [];
  for (const unitId of new Set(round.required)) {
    const base = { roundId: round.id, taskId: round.taskId, unitId, dueDate: round.dueDate };
    const sub = first.get(unitId);
    if (sub !== undefined && sub <= now) {
      if (sub > due) out.push({ ...base, kind: "late", daysLate: sub - due, submittedOn: isoDate(sub) });
    } else if (now > due) {
      out.push({ ...base, kind: "missing", daysLate: now - due });
    }
  }
  return out;
}

/** Lateness records of many rounds, flattened. */
export function lateness(rounds: readonly Round[], today: DateInput): LatenessRecord[] {
  return rounds.flatMap((r) => roundLateness(r, today));
}

/** Ladder facts carrying the full lateness records. */
export interface UnitLadderFacts extends LadderFacts {
  /** The unit's records for the task. */
  lateness: LatenessRecord[];
}

/**
 * The ladder facts of one (task, unit): missing rounds and all lateness records of the unit for the task, plus the
 * task's days overdue (from deadlines.ts).
 */
export function ladderFacts(
  records: readonly LatenessRecord[], taskId: string, unitId: string, daysOverdue: number,
): UnitLadderFacts {
  const mine = records.filter((r) => r.taskId === taskId && r.unitId === unitId);
  return { daysOverdue, missedRounds: mine.filter((r) => r.kind === "missing").length, lateness: mine };
}
