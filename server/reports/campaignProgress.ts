/**
 * @module The figures of the monthly campaign-progress report (攻坚任务进展月报), from the supervision tables as of the
 * month's last day: the newest plan's tasks by status, its unit deadlines by status (domain/supervision/deadlines.ts:
 * on time, done late, overdue, pending) with the overdue ones listed, the rounds' lateness due in the month, the
 * 督办 rungs applied in the month, and the unit ranking (domain/supervision/scoring.ts, the same inputs as
 * /api/supervision/ranking, cut at the month's end: later answers, completions and rungs do not count yet).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { ladderStateOf, listLadders } from "../repositories/ladder.repository";
import { listRequirements, namesOf, unitDeadlines } from "../repositories/round.repository";
import { latenessInWindow, ladderStepsInWindow, newestPlan, planTasks } from "../repositories/report.repository";
import { daysOverdue, deadlineStatus, type Deadline } from "../../domain/supervision/deadlines";
import { LADDER_STEPS, STEP_LABELS, type LadderStep } from "../../domain/supervision/ladderConfig";
import { performanceOf, rankUnits, scoreUnit } from "../../domain/supervision/scoring";
import { dayNumber, toIsoDate } from "../../domain/supervision/days";
import { monthBounds, monthDays } from "./period";

/** The report's figures. */
export interface CampaignProgressReport {
  period: string;
  /** The day the figures stand at: the month's last day, or today for a month not yet over. */
  asOf: string;
  plan: { title: string; docNumber: string | null; year: number } | null;
  tasks: { total: number; open: number; done: number; cancelled: number };
  deadlines: { total: number; onTime: number; late: number; overdue: number; pending: number; dueInMonth: number };
  overdue: { taskNumber: string; taskTitle: string; unitName: string; dueOn: string; days: number }[];
  lateness: { missing: number; late: number; records: { unitName: string; taskNumber: string | null; roundTitle: string; dueOn: string; kind: "missing" | "late"; days: number }[] };
  ladder: { counts: Record<LadderStep, number>; steps: { day: string; step: LadderStep; stepLabel: string; unitName: string; taskNumber: string; docNumber: string | null }[] };
  ranking: { rank: number; unitName: string; score: number; onTimeRate: number | null; totalOverdueDays: number; stepPenalty: number }[];
}

/** Gathers the month's campaign figures. */
export async function campaignProgressReport(db: Kysely<DB>, period: string, now: Date = new Date()): Promise<CampaignProgressReport> {
  const { first, last } = monthDays(period);
  const bounds = monthBounds(period);
  const today = toIsoDate(now.getTime());
  const asOf = today < last ? today : last;
  const cut = Math.min(bounds.to.getTime(), now.getTime());
  const emptyCounts = Object.fromEntries(LADDER_STEPS.map((s) => [s, 0])) as Record<LadderStep, number>;
  const plan = await newestPlan(db);
  if (!plan) {
    return {
      period, asOf, plan: null, tasks: { total: 0, open: 0, done: 0, cancelled: 0 },
      deadlines: { total: 0, onTime: 0, late: 0, overdue: 0, pending: 0, dueInMonth: 0 }, overdue: [],
      lateness: { missing: 0, late: 0, records: [] }, ladder: { counts: emptyCounts, steps: [] }, ranking: [],
    };
  }
  const [tasks, deadlineRows, requirements, ladders, late, steps] = await Promise.all([
    planTasks(db, plan.id),
    unitDeadlines(db, { planId: plan.id }),
    listRequirements(db, { planId: plan.id }),
    listLadders(db),
    latenessInWindow(db, plan.id, first, asOf),
    ladderStepsInWindow(db, plan.id, bounds.from, new Date(cut)),
  ]);
  const taskIds = new Set(tasks.map((t) => t.id));
  const { units } = await namesOf(db, { taskIds: [], unitIds: [...new Set(deadlineRows.map((d) => d.unitId).concat(requirements.map((q) => q.unitId)))] });
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  // Completions recorded for a later day are not done yet as of `asOf` (deadlineStatus compares days).
  const deadlines: Deadline[] = deadlineRows.map((d) => ({ taskId: d.taskId, unitId: d.unitId, dueDate: d.dueOn, completedAt: d.completedOn ?? undefined }));
  const status = deadlines.map((d) => deadlineStatus(d, asOf));
  const count = (s: string) => status.filter((x) => x === s).length;
  const overdue = deadlines
    .filter((d) => deadlineStatus(d, asOf) === "overdue")
    .map((d) => ({ taskNumber: taskById.get(d.taskId)?.number ?? "", taskTitle: taskById.get(d.taskId)?.title ?? "", unitName: units.get(d.unitId) ?? "", dueOn: d.dueDate, days: daysOverdue(d, asOf) }))
    .sort((a, b) => b.days - a.days || a.unitName.localeCompare(b.unitName, "zh"));

  const counts = { ...emptyCounts };
  for (const s of steps) counts[s.step]++;

  // The ranking as it stood at the cut: answers and rungs after it are left out.
  const input = {
    deadlines,
    rounds: requirements.map((q) => ({
      id: q.id, taskId: q.taskId ?? "", dueDate: q.dueOn, required: [q.unitId],
      submissions: q.firstSubmittedAt && q.firstSubmittedAt.getTime() < cut ? [{ unitId: q.unitId, at: q.firstSubmittedAt.getTime() }] : [],
    })),
    ladders: ladders
      .filter((l) => taskIds.has(l.taskId))
      .map(ladderStateOf)
      .map((l) => ({ ...l, history: l.history.filter((e) => typeof e.at === "number" ? e.at < cut : dayNumber(e.at) < dayNumber(cut)) })),
  };
  const unitIds = [...new Set([...input.deadlines.map((d) => d.unitId), ...input.rounds.map((r) => r.required[0])])];
  const ranking = rankUnits(unitIds.map((u) => scoreUnit(performanceOf(u, input, asOf)))).map((r) => ({
    rank: r.rank, unitName: units.get(r.unitId) ?? "", score: r.score,
    onTimeRate: r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10,
    totalOverdueDays: r.totalOverdueDays, stepPenalty: r.stepPenalty,
  }));

  return {
    period,
    asOf,
    plan: { title: plan.title, docNumber: plan.doc_number, year: plan.year },
    tasks: {
      total: tasks.length,
      open: tasks.filter((t) => t.status === "open").length,
      done: tasks.filter((t) => t.status === "done").length,
      cancelled: tasks.filter((t) => t.status === "cancelled").length,
    },
    deadlines: {
      total: deadlines.length, onTime: count("onTime"), late: count("late"), overdue: count("overdue"), pending: count("pending"),
      dueInMonth: deadlines.filter((d) => dayNumber(d.dueDate) >= dayNumber(first) && dayNumber(d.dueDate) <= dayNumber(last)).length,
    },
    overdue,
    lateness: {
      missing: late.filter((l) => l.kind === "missing").length,
      late: late.filter((l) => l.kind === "late").length,
      records: late.map((l) => ({ unitName: l.unit_name, taskNumber: l.task_number, roundTitle: l.round_title, dueOn: l.due_on, kind: l.kind, days: l.days })),
    },
    ladder: {
      counts,
      steps: steps.map((s) => ({
        day: toIsoDate(new Date(s.at).getTime()), step: s.step, stepLabel: STEP_LABELS[s.step].zh, unitName: s.unit_name,
        taskNumber: s.task_number, docNumber: s.doc_number,
      })),
    },
    ranking,
  };
}
