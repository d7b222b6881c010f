/**
 * @module Records or changes a 清四乱 problem (发现一处): its category and a sub-type the 专项行动 lists for it
 * (domain/registries/fourChaos.ts), river, place, source, day found, description, severity, the unit that must
 * rectify, the river chief (of that river) and the deadline. A new problem may be recorded in any status (an
 * existing ledger brought in); afterwards the status moves only through the workflow, so a save that tries to
 * change it is refused. Audited with the fields that changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { CHAOS_CATALOGUE, type ChaosCategory, type ChaosSource, type ChaosStatus } from "../../domain/registries/fourChaos";
import { dayNumber, toIsoDate } from "../../domain/supervision/days";
import type { FourChaosProblemRow } from "../db/tables/registries";
import { findProblemByCode, insertProblem, updateProblem } from "../repositories/fourChaos.repository";
import { findChief, findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A problem's fields; on update, absent fields stay (null clears). */
export interface ProblemInput {
  code?: string;
  category?: ChaosCategory;
  subtype?: string;
  riverId?: string;
  location?: string | null;
  lon?: number | null;
  lat?: number | null;
  source?: ChaosSource;
  foundOn?: string;
  description?: string;
  severity?: "general" | "serious" | "major" | null;
  unitId?: string;
  chiefId?: string | null;
  deadline?: string | null;
  /** Only when recording (a ledger brought in); must equal the current status after. */
  status?: ChaosStatus | null;
  statusSince?: string | null;
  /** A ledger's later facts (new problems only): 整改情况 and the days of rectification, verification, 销号. */
  rectification?: string | null;
  rectifiedOn?: string | null;
  verifiedOn?: string | null;
  closedOn?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the problem. */
export async function fourChaosProblemSaver(ctx: CommandContext, existing: FourChaosProblemRow | undefined, p: ProblemInput): Promise<FourChaosProblemRow> {
  const f = {
    code: (p.code ?? existing?.code ?? "").trim(),
    category: p.category ?? existing?.category ?? "dumping",
    subtype: (p.subtype ?? existing?.subtype ?? "").trim(),
    river_id: p.riverId ?? existing?.river_id ?? "",
    location: pick(p.location, existing?.location),
    lon: pick(p.lon, existing?.lon),
    lat: pick(p.lat, existing?.lat),
    source: p.source ?? existing?.source ?? "patrol",
    found_on: p.foundOn ?? existing?.found_on ?? toIsoDate(Date.now()),
    description: (p.description ?? existing?.description ?? "").trim(),
    severity: pick(p.severity, existing?.severity),
    unit_id: p.unitId ?? existing?.unit_id ?? "",
    chief_id: pick(p.chiefId, existing?.chief_id),
    deadline: pick(p.deadline, existing?.deadline),
    demo: p.demo ?? existing?.demo ?? false,
  };
  const issues: FieldIssue[] = [];
  if (!f.code) issues.push({ path: "code", message: "请填写编号" });
  if (!CHAOS_CATALOGUE[f.category].subtypes.includes(f.subtype))
    issues.push({ path: "subtype", message: `“${CHAOS_CATALOGUE[f.category].zh}”的问题子类应为：${CHAOS_CATALOGUE[f.category].subtypes.join("、")}` });
  if (!f.river_id || !(await findRiver(ctx.trx, f.river_id))) issues.push({ path: "riverId", message: "请选择河湖" });
  if (!f.description) issues.push({ path: "description", message: "请描述问题" });
  if (!f.unit_id || !(await unitExists(ctx.trx, f.unit_id))) issues.push({ path: "unitId", message: "请选择责任单位" });
  if (f.chief_id) {
    const chief = await findChief(ctx.trx, f.chief_id);
    if (!chief) issues.push({ path: "chiefId", message: "河湖长不存在" });
    else if (chief.river_id !== f.river_id) issues.push({ path: "chiefId", message: "河湖长须是该河湖的河湖长" });
  }
  if ((f.lon === null) !== (f.lat === null)) issues.push({ path: f.lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });
  if (f.deadline && dayNumber(f.deadline) < dayNumber(f.found_on)) issues.push({ path: "deadline", message: "整改期限不能早于发现日期" });
  if (existing && p.status && p.status !== existing.status) issues.push({ path: "status", message: "状态须通过整改、核查、销号流程变更" });
  if (issues.length) throw ValidationError(issues);
  const same = await findProblemByCode(ctx.trx, f.code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${f.code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const row = existing
    ? await updateProblem(ctx.trx, existing.id, f)
    : await insertProblem(ctx.trx, {
        ...f, status: p.status ?? "open", status_since: p.statusSince ?? f.found_on, reported_by: ctx.actor?.id ?? null,
        rectification: p.rectification ?? null, rectified_on: p.rectifiedOn ?? null, verified_on: p.verifiedOn ?? null, closed_on: p.closedOn ?? null,
      });
  await audit(ctx, {
    action: existing ? "four_chaos_problem.update" : "four_chaos_problem.create",
    entityType: "four_chaos_problem",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["code", "category", "subtype", "river_id", "location", "lon", "lat", "source", "found_on", "description", "severity", "unit_id", "chief_id", "deadline"]) }
      : { code: row.code, category: row.category, subtype: row.subtype, riverId: row.river_id, source: row.source, status: row.status },
  });
  return row;
}
