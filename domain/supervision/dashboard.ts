/**
 * @module The plan dashboard (issue 3 §5): progress by section (一、…(一)…) and by unit, the overdue list, and what
 * falls due in the next days (task milestones and rounds). A milestone is one task deadline for one reporting
 * unit (seed plan 四(二)「明确工作任务、完成时限、责任单位」); it is done once the unit reported it met, overdue when
 * past its day and not done. A round answer is missing once past its due date unanswered. Days are local calendar
 * days (days.ts); the due day itself is on time.
 */
import { addDays, dayNumber, type DateInput, type IsoDate } from "./days";
import { LADDER_STEPS, type LadderStep } from "./ladderConfig";

/** A task of the plan. */
export interface DashboardTask {
  id: string;
  number: string;
  title: string;
  /** Label of the section it sits in; "" when none. */
  section: string;
}

/** One deadline of a task for one reporting unit. */
export interface DashboardMilestone {
  taskId: string;
  unitId: string;
  unitName: string;
  dueOn: IsoDate;
  text: string;
  /** Day the unit reported it met; null while open. */
  completedOn: IsoDate | null;
}

/** One unit's obligation in a round. */
export interface DashboardRequirement {
  roundId: string;
  roundTitle: string;
  taskId: string | null;
  unitId: string;
  unitName: string;
  dueOn: IsoDate;
  /** First answer, null while unanswered. */
  firstSubmittedAt: DateInput | null;
}

/** An open ladder's current rung. */
export interface DashboardLadder {
  taskId: string;
  unitId: string;
  step: LadderStep | null;
}

/** Counts of a section or unit. */
export interface DashboardCounts {
  /** Tasks: of the section (all of them), or in which the unit has a milestone or a round to answer. */
  tasks: number;
  /** Milestones (deadline × unit). */
  milestones: number;
  done: number;
  overdue: number;
  /** Open and due within the horizon. */
  dueSoon: number;
}

/** One overdue milestone. */
export interface OverdueItem {
  taskId: string;
  taskNumber: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
  dueOn: IsoDate;
  text: string;
  days: number;
}

/** Something due within the horizon. */
export interface UpcomingItem {
  kind: "milestone" | "round";
  dueOn: IsoDate;
  daysLeft: number;
  taskId: string | null;
  taskNumber: string | null;
  taskTitle: string | null;
  unitId: string;
  unitName: string;
  roundId: string | null;
  roundTitle: string | null;
  text: string;
}

/** The dashboard. */
export interface PlanDashboard {
  asOf: IsoDate;
  horizonDays: number;
  totals: DashboardCounts & { roundsMissing: number };
  bySection: (DashboardCounts & { section: string })[];
  byUnit: (DashboardCounts & { unitId: string; unitName: string; roundsRequired: number; roundsMissing: number; roundsLate: number; ladderStep: LadderStep | null })[];
  overdue: OverdueItem[];
  upcoming: UpcomingItem[];
}

const zero = (): DashboardCounts => ({ tasks: 0, milestones: 0, done: 0, overdue: 0, dueSoon: 0 });

type State = "done" | "overdue" | "dueSoon" | "open";

function stateOf(m: DashboardMilestone, today: number, horizon: number): State {
  if (m.completedOn !== null && dayNumber(m.completedOn) <= today) return "done";
  const due = dayNumber(m.dueOn);
  if (due < today) return "overdue";
  return due - today <= horizon ? "dueSoon" : "open";
}

function add(c: DashboardCounts, s: State) {
  c.milestones++;
  if (s !== "open") c[s]++;
}

/**
 * Builds the dashboard as of `today`, looking `horizonDays` ahead (14 by default: today and the next 14 days).
 * @example planDashboard({ tasks, milestones, requirements: [], ladders: [], today: "2022-06-01" }).overdue
 */
export function planDashboard(input: {
  tasks: readonly DashboardTask[];
  milestones: readonly DashboardMilestone[];
  requirements: readonly DashboardRequirement[];
  ladders: readonly DashboardLadder[];
  today: IsoDate;
  horizonDays?: number;
}): PlanDashboard {
  const horizon = input.horizonDays ?? 14;
  const today = dayNumber(input.today);
  const taskOf = new Map(input.tasks.map((t) => [t.id, t]));
  const sections = new Map<string, DashboardCounts & { section: string; taskIds: Set<string> }>();
  for (const t of input.tasks) {
    if (!sections.has(t.section)) sections.set(t.section, { section: t.section, ...zero(), taskIds: new Set() });
    sections.get(t.section)!.taskIds.add(t.id);
  }
  const units = new Map<string, PlanDashboard["byUnit"][number] & { taskIds: Set<string> }>();
  const unit = (id: string, name: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { unitId: id, unitName: name, ...zero(), roundsRequired: 0, roundsMissing: 0, roundsLate: 0, ladderStep: null, taskIds: new Set() }));
    return u;
  };
  const totals = { ...zero(), roundsMissing: 0 };
  const overdue: OverdueItem[] = [];
  const upcoming: UpcomingItem[] = [];

  for (const m of input.milestones) {
    const t = taskOf.get(m.taskId);
    if (!t) continue;
    const s = stateOf(m, today, horizon);
    add(sections.get(t.section)!, s);
    const u = unit(m.unitId, m.unitName);
    u.taskIds.add(t.id);
    add(u, s);
    add(totals, s);
    if (s === "overdue")
      overdue.push({ taskId: t.id, taskNumber: t.number, taskTitle: t.title, unitId: m.unitId, unitName: m.unitName, dueOn: m.dueOn, text: m.text, days: today - dayNumber(m.dueOn) });
    if (s === "dueSoon")
      upcoming.push({
        kind: "milestone", dueOn: m.dueOn, daysLeft: dayNumber(m.dueOn) - today, taskId: t.id, taskNumber: t.number, taskTitle: t.title,
        unitId: m.unitId, unitName: m.unitName, roundId: null, roundTitle: null, text: m.text,
      });
  }
  for (const q of input.requirements) {
    const u = unit(q.unitId, q.unitName);
    if (q.taskId) u.taskIds.add(q.taskId);
    u.roundsRequired++;
    const due = dayNumber(q.dueOn);
    const answered = q.firstSubmittedAt === null ? null : dayNumber(q.firstSubmittedAt);
    // Answered on or before today counts; a later timestamp (clock skew) is not an answer yet.
    const submitted = answered !== null && answered <= today;
    if (!submitted && due < today) {
      u.roundsMissing++;
      totals.roundsMissing++;
    } else if (submitted && answered! > due) u.roundsLate++;
    if (!submitted && due >= today && due - today <= horizon) {
      const t = q.taskId ? taskOf.get(q.taskId) : undefined;
      upcoming.push({
        kind: "round", dueOn: q.dueOn, daysLeft: due - today, taskId: q.taskId, taskNumber: t?.number ?? null, taskTitle: t?.title ?? null,
        unitId: q.unitId, unitName: q.unitName, roundId: q.roundId, roundTitle: q.roundTitle, text: q.roundTitle,
      });
    }
  }
  for (const l of input.ladders) {
    const u = units.get(l.unitId);
    if (!u || l.step === null) continue;
    if (u.ladderStep === null || LADDER_STEPS.indexOf(l.step) > LADDER_STEPS.indexOf(u.ladderStep)) u.ladderStep = l.step;
  }
  totals.tasks = input.tasks.length;
  const bySection = [...sections.values()].map(({ taskIds, ...c }) => ({ ...c, tasks: taskIds.size }));
  const byUnit = [...units.values()]
    .map(({ taskIds, ...c }) => ({ ...c, tasks: taskIds.size }))
    .sort((a, b) => b.overdue - a.overdue || b.roundsMissing - a.roundsMissing || a.unitName.localeCompare(b.unitName, "zh"));
  overdue.sort((a, b) => b.days - a.days || a.taskNumber.localeCompare(b.taskNumber, undefined, { numeric: true }) || a.unitName.localeCompare(b.unitName, "zh"));
  upcoming.sort((a, b) => a.daysLeft - b.daysLeft || a.kind.localeCompare(b.kind) || a.unitName.localeCompare(b.unitName, "zh"));
  return { asOf: input.today, horizonDays: horizon, totals, bySection, byUnit, overdue, upcoming };
}

/** The last day inside the horizon. */
export const horizonEnd = (today: IsoDate, horizonDays = 14): IsoDate => addDays(today, horizonDays);
