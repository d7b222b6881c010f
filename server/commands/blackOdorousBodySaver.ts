/**
 * @module Creates or changes a listed black-odorous water body (seed plan 三(一)1: 公布黑臭水体清单、主责部门、河湖长、
 * 达标期限): code and name, kind, river, 主责部门 (the keeping unit), 河湖长 (of the same river), location and
 * geometry, length or area, 达标期限, measures. A new body may be listed in any status (an existing list brought
 * in); afterwards the status changes only through the lifecycle (blackOdorousTransitioner), so a save that tries
 * to change it is refused. Audited with the fields that changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { geometryProblem, lengthKm, type Geometry } from "../../domain/registries/geo";
import type { RemediationStatus } from "../../domain/blackOdorous/relapse";
import { toIsoDate } from "../../domain/supervision/days";
import type { BlackOdorousBodyRow, BodyKind } from "../db/tables/registries";
import { findBodyByCode, insertBody, updateBody } from "../repositories/blackOdorous.repository";
import { findChief, findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A body's fields; on update, absent fields stay (null clears). */
export interface BodyInput {
  code?: string;
  name?: string;
  bodyKind?: BodyKind;
  riverId?: string | null;
  unitId?: string;
  chiefId?: string | null;
  location?: string | null;
  geometry?: Geometry | null;
  lengthKm?: number | null;
  areaKm2?: number | null;
  deadline?: string | null;
  /** Only when listing a new body (e.g. bodies eliminated in earlier years); must equal the current one after. */
  status?: RemediationStatus | null;
  statusSince?: string | null;
  identifiedGrade?: "light" | "severe" | null;
  measures?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the body. */
export async function blackOdorousBodySaver(ctx: CommandContext, existing: BlackOdorousBodyRow | undefined, p: BodyInput): Promise<BlackOdorousBodyRow> {
  const issues: FieldIssue[] = [];
  const code = (p.code ?? existing?.code ?? "").trim();
  const name = (p.name ?? existing?.name ?? "").trim();
  const riverId = pick(p.riverId, existing?.river_id);
  const chiefId = pick(p.chiefId, existing?.chief_id);
  const unitId = p.unitId ?? existing?.unit_id ?? "";
  const geometry = pick(p.geometry, existing?.geometry as Geometry | null | undefined) as Geometry | null;
  if (!code) issues.push({ path: "code", message: "请填写编号" });
  if (!name) issues.push({ path: "name", message: "请填写名称" });
  if (!unitId || !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "请选择主责部门" });
  if (riverId && !(await findRiver(ctx.trx, riverId))) issues.push({ path: "riverId", message: "河湖不存在" });
  if (chiefId) {
    const chief = await findChief(ctx.trx, chiefId);
    if (!chief) issues.push({ path: "chiefId", message: "河湖长不存在" });
    else if (riverId && chief.river_id !== riverId) issues.push({ path: "chiefId", message: "河湖长须是该水体所在河湖的河湖长" });
  }
  if (geometry) {
    const problem = geometryProblem(geometry, ["LineString", "MultiLineString", "Polygon", "MultiPolygon"]);
    if (problem) issues.push({ path: "geometry", message: problem });
  }
  if (existing && p.status && p.status !== existing.status) issues.push({ path: "status", message: "状态须通过办理流程变更（开始治理、认定消除、认定长制久清）" });
  if (issues.length) throw ValidationError(issues);
  const same = await findBodyByCode(ctx.trx, code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  let length = pick(p.lengthKm, existing?.length_km);
  if (length === null && geometry && (geometry.type === "LineString" || geometry.type === "MultiLineString")) length = Math.round(lengthKm(geometry) * 100) / 100;
  const fields = {
    code, name, body_kind: p.bodyKind ?? existing?.body_kind ?? "river", river_id: riverId, unit_id: unitId, chief_id: chiefId,
    location: pick(p.location, existing?.location), geometry: geometry ? JSON.stringify(geometry) : null, length_km: length,
    area_km2: pick(p.areaKm2, existing?.area_km2), deadline: pick(p.deadline, existing?.deadline),
    identified_grade: pick(p.identifiedGrade, existing?.identified_grade), measures: pick(p.measures, existing?.measures),
    demo: p.demo ?? existing?.demo ?? false,
  };
  const row = existing
    ? await updateBody(ctx.trx, existing.id, fields)
    : await insertBody(ctx.trx, { ...fields, status: p.status ?? "identified", status_since: p.statusSince ?? toIsoDate(Date.now()) });
  await audit(ctx, {
    action: existing ? "black_odorous_body.update" : "black_odorous_body.create",
    entityType: "black_odorous_body",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["code", "name", "body_kind", "river_id", "unit_id", "chief_id", "location", "geometry", "length_km", "area_km2", "deadline", "identified_grade", "measures"]) }
      : { code, name, status: row.status, statusSince: row.status_since, unitId, chiefId, deadline: row.deadline },
  });
  return row;
}
