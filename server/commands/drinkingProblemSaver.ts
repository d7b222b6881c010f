/**
 * @module Records or changes a problem found at a drinking-water source (整治"回头看", 发现一处整治一处): its source,
 * where it lies (zone), category, how it was found, what it is, when found, the responsible unit, deadline,
 * location and what was done about it. A new problem may be listed in any status (an existing ledger brought in);
 * afterwards the status changes only through drinkingProblemTransitioner, so a save that changes it is refused.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { toIsoDate } from "../../domain/supervision/days";
import type { ProblemCategory, ProblemOrigin, ProblemPlace, ProblemStatus } from "../../domain/registries/drinkingSource";
import type { DrinkingProblemRow } from "../db/tables/enterprises";
import { findProblemByCode, findSource, insertProblem, updateProblem } from "../repositories/drinkingSource.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A problem's fields; on update, absent fields stay (null clears). */
export interface ProblemInput {
  code?: string;
  sourceId?: string;
  place?: ProblemPlace;
  category?: ProblemCategory;
  origin?: ProblemOrigin;
  description?: string;
  foundOn?: string;
  unitId?: string;
  deadline?: string | null;
  rectification?: string | null;
  lon?: number | null;
  lat?: number | null;
  /** Only when listing a new problem; must equal the current one after. */
  status?: ProblemStatus | null;
  statusSince?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the problem. */
export async function drinkingProblemSaver(ctx: CommandContext, existing: DrinkingProblemRow | undefined, p: ProblemInput): Promise<DrinkingProblemRow> {
  const issues: FieldIssue[] = [];
  const code = (p.code ?? existing?.code ?? "").trim();
  const description = (p.description ?? existing?.description ?? "").trim();
  const sourceId = p.sourceId ?? existing?.source_id ?? "";
  const unitId = p.unitId ?? existing?.unit_id ?? "";
  const foundOn = p.foundOn ?? existing?.found_on ?? "";
  const deadline = pick(p.deadline, existing?.deadline);
  if (!code) issues.push({ path: "code", message: "请填写编号" });
  if (!description) issues.push({ path: "description", message: "请填写问题描述" });
  if (!sourceId || !(await findSource(ctx.trx, sourceId))) issues.push({ path: "sourceId", message: "请选择水源地" });
  if (!unitId || !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "请选择责任单位" });
  if (!foundOn) issues.push({ path: "foundOn", message: "请填写发现日期" });
  if (deadline && foundOn && deadline < foundOn) issues.push({ path: "deadline", message: "整改期限不能早于发现日期" });
  for (const [k, v] of [["place", p.place ?? existing?.place], ["category", p.category ?? existing?.category], ["origin", p.origin ?? existing?.origin]] as const) {
    if (!v) issues.push({ path: k, message: "请选择" });
  }
  const lon = pick(p.lon, existing?.lon);
  const lat = pick(p.lat, existing?.lat);
  if ((lon === null) !== (lat === null)) issues.push({ path: lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });
  if (existing && p.status && p.status !== existing.status) issues.push({ path: "status", message: "状态须通过办理流程变更（开始整改、提交整改结果、核查销号）" });
  if (issues.length) throw ValidationError(issues);
  const same = await findProblemByCode(ctx.trx, code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const fields = {
    code, source_id: sourceId, place: (p.place ?? existing?.place)!, category: (p.category ?? existing?.category)!, origin: (p.origin ?? existing?.origin)!,
    description, found_on: foundOn, unit_id: unitId, deadline, rectification: pick(p.rectification, existing?.rectification), lon, lat,
    demo: p.demo ?? existing?.demo ?? false,
  };
  const row = existing
    ? await updateProblem(ctx.trx, existing.id, fields)
    : await insertProblem(ctx.trx, { ...fields, status: p.status ?? "open", status_since: p.statusSince ?? toIsoDate(Date.now()) });
  await audit(ctx, {
    action: existing ? "drinking_problem.update" : "drinking_problem.create",
    entityType: "drinking_problem",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["code", "source_id", "place", "category", "origin", "description", "found_on", "unit_id", "deadline", "rectification", "lon", "lat"]) }
      : { code, sourceId, status: row.status, unitId, deadline },
  });
  return row;
}
