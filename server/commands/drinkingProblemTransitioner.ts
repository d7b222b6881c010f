/**
 * @module Takes one step of a drinking-water source problem (domain/registries/drinkingSource.ts PROBLEM_LIFECYCLE):
 * 开始整改 and 提交整改结果 (the responsible unit; submitting records what was done), 核查未通过 (the office, with
 * the reason) and 核查通过并销号 (the office). The caller has checked who may perform it. Status, the day it began
 * and the rectification text change together with a transition and an audit entry.
 */
import type { CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { PROBLEM_LIFECYCLE, problemStepProblems, type ProblemAction } from "../../domain/registries/drinkingSource";
import { transitionOf } from "../../domain/registries/lifecycle";
import type { DrinkingProblemRow } from "../db/tables/enterprises";
import { updateProblem } from "../repositories/drinkingSource.repository";
import { registryTransitioner } from "./registryTransitioner";

/** What to do. */
export interface ProblemTransitionProps {
  problem: DrinkingProblemRow;
  action: ProblemAction;
  note: string | null;
  /** 整改情况, when submitting (replaces the stored one). */
  rectification?: string | null;
  /** The local day of the change. */
  today: string;
}

/** Takes the step; returns the problem as it now is. */
export async function drinkingProblemTransitioner(ctx: CommandContext, p: ProblemTransitionProps): Promise<DrinkingProblemRow> {
  const step = transitionOf(PROBLEM_LIFECYCLE, p.problem.status, p.action);
  if (!step) throw Conflict(`当前状态“${PROBLEM_LIFECYCLE.labels[p.problem.status].zh}”不能办理该操作`);
  const rectification = p.rectification?.trim() ? p.rectification.trim() : p.problem.rectification;
  const problems = problemStepProblems(p.action, { rectification, note: p.note });
  if (problems.length) throw ValidationError(problems.map((message) => ({ path: p.action === "submitRectification" ? "rectification" : "note", message })), problems.join("；"));
  const row = await updateProblem(ctx.trx, p.problem.id, { status: step.to, status_since: p.today, rectification });
  await registryTransitioner(ctx, {
    registry: "drinking_problem", recordId: row.id, action: p.action, from: p.problem.status, to: step.to, note: p.note, unitId: row.unit_id,
    data: rectification !== p.problem.rectification ? { rectification } : undefined,
  });
  return row;
}
