/**
 * @module The data of a plan's dashboard (domain/supervision/dashboard.ts) and of the 进展情况 column of its ledger,
 * read from the database.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { planDashboard } from "../../domain/supervision/dashboard";
import { currentStep } from "../../domain/supervision/ladder";
import { toIsoDate } from "../../domain/supervision/days";
import { chineseDate } from "../documents/supervisionDocx";
import { listTasks } from "../repositories/plan.repository";
import { listRequirements, namesOf, unitDeadlines } from "../repositories/round.repository";
import { ladderStateOf, listLadders } from "../repositories/ladder.repository";
import { latestAnswersOfPlan } from "../repositories/submission.repository";

/** The dashboard of a plan as of today, looking `days` ahead. */
export async function planDashboardOf(db: Kysely<DB>, planId: string, days: number, now = new Date()) {
  const today = toIsoDate(now.getTime());
  const [tasks, deadlines, requirements] = await Promise.all([
    listTasks(db, { planId }), unitDeadlines(db, { planId }), listRequirements(db, { planId, kind: "progress" }),
  ]);
  const ladders = await listLadders(db, { open: true, taskIds: tasks.map((t) => t.id) });
  const { units } = await namesOf(db, { taskIds: [], unitIds: [...new Set(deadlines.map((d) => d.unitId))] });
  return planDashboard({
    tasks: tasks.map((t) => ({ id: t.id, number: t.number, title: t.title, section: t.section ?? "" })),
    milestones: deadlines.map((d) => ({ taskId: d.taskId, unitId: d.unitId, unitName: units.get(d.unitId) ?? "", dueOn: d.dueOn, text: d.text, completedOn: d.completedOn })),
    requirements: requirements.map((q) => ({
      roundId: q.roundId, roundTitle: q.roundTitle, taskId: q.taskId, unitId: q.unitId, unitName: q.unitName, dueOn: q.dueOn,
      firstSubmittedAt: q.firstSubmittedAt ? q.firstSubmittedAt.getTime() : null,
    })),
    ladders: ladders.map((l) => ({ taskId: l.taskId, unitId: l.unitId, step: currentStep(ladderStateOf(l)) })),
    today,
    horizonDays: days,
  });
}

/** 进展情况 per task: each unit's latest answer, "单位（日期）：内容", one line per unit. */
export async function latestProgress(db: Kysely<DB>, planId: string): Promise<Map<string, string>> {
  const rows = await latestAnswersOfPlan(db, planId);
  const out = new Map<string, string[]>();
  for (const r of [...rows].sort((a, b) => a.unit_sort - b.unit_sort || a.unit_name.localeCompare(b.unit_name, "zh"))) {
    const lines = out.get(r.task_id!) ?? [];
    lines.push(`${r.unit_name}（${chineseDate(toIsoDate(new Date(r.submitted_at).getTime()))}）：${r.text}`);
    out.set(r.task_id!, lines);
  }
  return new Map([...out].map(([k, v]) => [k, v.join("\n")]));
}
