/**
 * @module Imports a plan the office reviewed in the UI (issue 3 §1): first the reviewer's decisions on names the
 * directory did not know — an alias of an existing unit, a new unit, or not a unit at all (left out) — each an
 * audited change of the directory; then the document is parsed again against the directory as it now is, the
 * reviewer's corrections of units, deadlines and titles replace the parsed ones task by task, and the plan is
 * imported (planImporter). One transaction: a refusal anywhere keeps nothing, the directory changes included.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError, type FieldIssue } from "../errors";
import { TASK_ROLES, type TaskRole, type UnitKind } from "../db/schema";
import { dayNumber } from "../../domain/supervision/days";
import { findUnit, listUnits } from "../repositories/unit.repository";
import { parseWithDirectory } from "../plans/parseWithDirectory";
import { unitSaver } from "./unitSaver";
import { planImporter } from "./planImporter";

/** What the reviewer decided about one unknown name. */
export type UnitDecision =
  | { name: string; action: "alias"; unitId: string }
  | { name: string; action: "create"; kind: UnitKind; unitName?: string }
  | { name: string; action: "ignore" };

/** The reviewer's version of one task's fields; fields left out keep what the parser read. */
export interface TaskCorrection {
  number: string;
  title?: string;
  units?: Partial<Record<TaskRole, string[]>>;
  collectives?: Partial<Record<TaskRole, string[]>>;
  deadlines?: { date: string; text: string }[];
}

/** What to import. */
export interface ReviewedPlanImporterProps {
  text: string;
  year?: number;
  decisions: UnitDecision[];
  corrections: TaskCorrection[];
  importedBy: string | null;
}

const validDay = (d: string) => {
  try {
    dayNumber(d);
    return true;
  } catch {
    return false;
  }
};

/** Applies the decisions and corrections and imports the plan. */
export async function reviewedPlanImporter(ctx: CommandContext, p: ReviewedPlanImporterProps) {
  const ignored = new Set<string>();
  for (const [i, d] of p.decisions.entries()) {
    if (d.action === "ignore") ignored.add(d.name);
    else if (d.action === "alias") {
      const unit = await findUnit(ctx.trx, d.unitId);
      if (!unit) throw ValidationError([{ path: `decisions.${i}.unitId`, message: "单位不存在" }]);
      await unitSaver(ctx, { unit, aliases: [...unit.aliases, d.name] });
    } else {
      const name = d.unitName?.trim() || d.name;
      await unitSaver(ctx, { name, kind: d.kind, aliases: name === d.name ? [] : [d.name] });
    }
  }
  const parsed = await parseWithDirectory(ctx.trx, p.text, p.year);
  if (parsed.year === null) throw ValidationError([{ path: "year", message: "无法从文件确定计划年份，请填写年份" }]);
  if (parsed.tasks.length === 0) throw ValidationError([{ path: "text", message: "没有解析出任何任务" }]);
  for (const t of parsed.tasks) for (const c of t.clauses) c.unknown = c.unknown.filter((n) => !ignored.has(n));
  const unknownUnits = parsed.unknownUnits.filter((u) => !ignored.has(u.name));

  const names = new Set((await listUnits(ctx.trx)).map((u) => u.name));
  const issues: FieldIssue[] = [];
  const byNumber = new Map(parsed.tasks.map((t) => [t.number, t]));
  for (const [i, c] of p.corrections.entries()) {
    const task = byNumber.get(c.number);
    if (!task) {
      issues.push({ path: `corrections.${i}.number`, message: `方案中没有第${c.number}项任务` });
      continue;
    }
    if (c.title !== undefined) {
      if (!c.title.trim()) issues.push({ path: `corrections.${i}.title`, message: "任务名称不能为空" });
      task.title = c.title.trim();
    }
    for (const role of TASK_ROLES) {
      const units = c.units?.[role];
      if (units) {
        units.forEach((n, j) => names.has(n) || issues.push({ path: `corrections.${i}.units.${role}.${j}`, message: `单位目录中没有“${n}”` }));
        task.units[role] = [...new Set(units)];
      }
      const collectives = c.collectives?.[role];
      if (collectives) task.collectives[role] = [...new Set(collectives.map((x) => x.trim()).filter(Boolean))];
    }
    if (c.deadlines) {
      c.deadlines.forEach((d, j) => validDay(d.date) || issues.push({ path: `corrections.${i}.deadlines.${j}.date`, message: "日期无效" }));
      task.deadlines = c.deadlines.map((d) => ({ date: d.date, text: d.text.trim() || d.date, span: { start: 0, end: 0 } }));
    }
  }
  if (issues.length) throw ValidationError(issues, "核对后的内容不符合要求");
  const result = await planImporter(ctx, {
    plan: { ...parsed, unknownUnits, year: parsed.year, title: parsed.title ?? "未命名实施方案" },
    sourceText: p.text,
    importedBy: p.importedBy,
  });
  if (p.decisions.length || p.corrections.length)
    await audit(ctx, {
      action: "plan.review", entityType: "plan", entityId: result.planId,
      data: { decisions: p.decisions, corrections: p.corrections },
    });
  return result;
}
