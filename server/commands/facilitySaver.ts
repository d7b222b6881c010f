/**
 * @module Creates or changes a facility of one kind (domain/registries/facility.ts): the common fields (code unique
 * within the kind, name, responsible unit, river, address, position, outline for eco projects, status of the
 * kind, deadline, completion day, note) and the kind's own attributes, checked on the merged record — required
 * attributes present, enum values of the kind, a completion day only in a finished status (a WWTP's sludge by
 * year: wwtpSludgeSaver). Audited with what changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { geometryProblem, type Geometry } from "../../domain/registries/geo";
import type { FacilityKindSpec } from "../../domain/registries/facility";
import type { FacilityRow } from "../db/tables/enterprises";
import { findFacilityByCode, insertFacility, updateFacility } from "../repositories/facility.repository";
import { findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A facility's fields (the kind's attributes by their keys beside the common ones); absent fields stay. */
export interface FacilityInput {
  code?: string;
  name?: string;
  unitId?: string;
  riverId?: string | null;
  address?: string | null;
  lon?: number | null;
  lat?: number | null;
  geometry?: Geometry | null;
  status?: string;
  deadline?: string | null;
  completedOn?: string | null;
  note?: string | null;
  demo?: boolean;
  [attribute: string]: unknown;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves a facility of `spec`'s kind. */
export async function facilitySaver(ctx: CommandContext, spec: FacilityKindSpec, existing: FacilityRow | undefined, p: FacilityInput): Promise<FacilityRow> {
  const issues: FieldIssue[] = [];
  const code = (p.code ?? existing?.code ?? "").trim();
  const name = (p.name ?? existing?.name ?? "").trim();
  const unitId = p.unitId ?? existing?.unit_id ?? "";
  const riverId = pick(p.riverId, existing?.river_id);
  const status = p.status ?? existing?.status ?? spec.statuses[0].value;
  const geometry = spec.geometry ? (pick(p.geometry, existing?.geometry as Geometry | null | undefined) as Geometry | null) : null;
  const completedOn = pick(p.completedOn, existing?.completed_on);
  if (!code) issues.push({ path: "code", message: "请填写编号" });
  if (!name) issues.push({ path: "name", message: "请填写名称" });
  if (!unitId || !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "请选择责任单位" });
  if (riverId && !(await findRiver(ctx.trx, riverId))) issues.push({ path: "riverId", message: "河湖不存在" });
  if (!spec.statuses.some((s) => s.value === status)) issues.push({ path: "status", message: `应为：${spec.statuses.map((s) => s.label.zh).join("、")}` });
  if (completedOn && !spec.done.includes(status)) issues.push({ path: "completedOn", message: `状态为“${spec.statuses.filter((s) => spec.done.includes(s.value)).map((s) => s.label.zh).join("、")}”时才能填写完成日期` });
  if (geometry) {
    const problem = geometryProblem(geometry, ["Polygon", "MultiPolygon", "LineString", "MultiLineString"]);
    if (problem) issues.push({ path: "geometry", message: problem });
  }
  const lon = pick(p.lon, existing?.lon);
  const lat = pick(p.lat, existing?.lat);
  if ((lon === null) !== (lat === null)) issues.push({ path: lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });

  const old = (existing?.attrs ?? {}) as Record<string, unknown>;
  const attrs: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const v = p[f.key] !== undefined ? p[f.key] : old[f.key];
    if (v === null || v === undefined || v === "") {
      if (f.required) issues.push({ path: f.key, message: `请填写${f.label.zh}` });
      continue;
    }
    if (f.kind === "enum" && !f.options?.some((o) => o.value === v)) issues.push({ path: f.key, message: `应为：${f.options?.map((o) => o.label.zh).join("、")}` });
    attrs[f.key] = v;
  }
  if (spec.kind === "tailings" && attrs.hazardsRectified !== undefined && !attrs.hazards) issues.push({ path: "hazardsRectified", message: "没有隐患问题时不必填写整改情况" });
  if (issues.length) throw ValidationError(issues);

  const same = await findFacilityByCode(ctx.trx, spec.kind, code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const fields = {
    code, name, unit_id: unitId, river_id: riverId, address: pick(p.address, existing?.address), lon, lat,
    geometry: geometry ? JSON.stringify(geometry) : null, status, deadline: pick(p.deadline, existing?.deadline), completed_on: completedOn,
    attrs: JSON.stringify(attrs), note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false,
  };
  const row = existing ? await updateFacility(ctx.trx, existing.id, fields) : await insertFacility(ctx.trx, { ...fields, kind: spec.kind });
  const attrChanges: Record<string, [unknown, unknown]> = {};
  for (const f of spec.fields) if (JSON.stringify(old[f.key] ?? null) !== JSON.stringify(attrs[f.key] ?? null)) attrChanges[f.key] = [old[f.key] ?? null, attrs[f.key] ?? null];
  await audit(ctx, {
    action: existing ? `${spec.entityType}.update` : `${spec.entityType}.create`,
    entityType: spec.entityType,
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: { ...changes(existing, row, ["code", "name", "unit_id", "river_id", "address", "lon", "lat", "geometry", "status", "deadline", "completed_on", "note"]), ...attrChanges } }
      : { code, name, status, unitId, deadline: row.deadline, ...attrs },
  });
  return row;
}
