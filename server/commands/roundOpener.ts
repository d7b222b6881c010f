/**
 * @module Opens a round (调度, seed plan 四(四)「定期开展调度」): fixes who must answer by when — for a progress
 * round every named unit of the plan's open tasks in a reporting role (牵头, 按职责分工负责, 负责, 负责落实), per task;
 * for the annual 实施方案 (四(二), due 5月30日 in the seed) each such unit once — and notifies them.
 */
import { audit, type CommandContext } from "../context";
import type { RoundKind } from "../db/schema";
import { ValidationError } from "../errors";
import { insertRequirements, insertRound, reportingUnits } from "../repositories/round.repository";
import { notifyUnits } from "../notify/notifier";
import { chineseDate } from "../documents/supervisionDocx";
import { toIsoDate } from "../../domain/supervision/days";

/** What to open. */
export interface RoundOpenerProps {
  planId: string;
  kind: RoundKind;
  /** E.g. "2022年6月调度". */
  title: string;
  /** Last day to answer (local date). */
  dueOn: string;
  /** Only these tasks (progress rounds); all open tasks when absent. */
  taskIds?: string[];
  /**
   * The date of the paper notice when a round dispatched earlier is recorded afterwards (补录); such a round may
   * already be past due. Without it the due date may not lie before today.
   */
  issuedOn?: string;
  /** When it opens. */
  at: Date;
}

/** Opens the round; returns it with the number of requirements. */
export async function roundOpener(ctx: CommandContext, p: RoundOpenerProps) {
  const plan = await ctx.trx.selectFrom("plans").select(["id", "title"]).where("id", "=", p.planId).executeTakeFirst();
  if (!plan) throw ValidationError([{ path: "planId", message: "计划不存在" }]);
  const today = toIsoDate(p.at.getTime());
  if (p.issuedOn) {
    if (p.issuedOn > today) throw ValidationError([{ path: "issuedOn", message: "印发日期不能晚于今天" }]);
    if (p.issuedOn > p.dueOn) throw ValidationError([{ path: "dueOn", message: "截止日期不能早于印发日期" }]);
  } else if (p.dueOn < today) {
    throw ValidationError([{ path: "dueOn", message: "截止日期已过；如为补录已印发的调度，请填写印发日期" }]);
  }
  const rows = await reportingUnits(ctx.trx, p.planId, p.taskIds);
  if (p.taskIds) {
    const found = new Set(rows.map((r) => r.taskId));
    const missing = p.taskIds.map((id, i) => ({ id, i })).filter((x) => !found.has(x.id));
    if (missing.length) throw ValidationError(missing.map((m) => ({ path: `taskIds.${m.i}`, message: "任务不属于该计划、已结束或没有需报送的单位" })));
  }
  // One requirement per (task, unit) — or per unit for the annual plan — holding every role the unit has.
  const byKey = new Map<string, { taskId: string | null; unitId: string; roles: string[] }>();
  for (const r of rows) {
    const taskId = p.kind === "annual_plan" ? null : r.taskId;
    const key = `${taskId}|${r.unitId}`;
    const entry = byKey.get(key) ?? { taskId, unitId: r.unitId, roles: [] };
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role);
    byKey.set(key, entry);
  }
  if (byKey.size === 0) throw ValidationError([{ path: "planId", message: "该计划没有需报送的单位" }]);
  const round = await insertRound(ctx.trx, {
    planId: p.planId, kind: p.kind, title: p.title, dueOn: p.dueOn, openedBy: ctx.actor?.id ?? null, openedAt: p.at, issuedOn: p.issuedOn ?? null,
  });
  const requirements = [...byKey.values()];
  await insertRequirements(ctx.trx, round.id, requirements);
  const units = [...new Set(requirements.map((r) => r.unitId))];
  await audit(ctx, {
    action: "round.open",
    entityType: "round",
    entityId: round.id,
    data: { planId: p.planId, kind: p.kind, title: p.title, dueOn: p.dueOn, issuedOn: p.issuedOn ?? null, requirements: requirements.length, units: units.length },
  });
  await notifyUnits(ctx.trx, units, {
    kind: "round.opened",
    title: `请报送：${p.title}`,
    body: p.issuedOn
      ? `${plan.title}：${chineseDate(p.issuedOn)}印发的调度通知已录入系统，截止日期为${chineseDate(p.dueOn)}，请在系统中报送${p.kind === "annual_plan" ? "年度实施方案" : "本单位负责任务的工作进展"}。`
      : `${plan.title}：请于${chineseDate(p.dueOn)}前报送${p.kind === "annual_plan" ? "年度实施方案" : "本单位负责任务的工作进展"}。`,
    data: { roundId: round.id, url: `/supervision/rounds/${round.id}` },
    dedupeKey: `round:${round.id}`,
  });
  return { round, requirements: requirements.length, units: units.length };
}
