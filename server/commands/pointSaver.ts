/**
 * @module Creates or changes a monitoring point and, for outlets, its per-factor limits. Rules that depend on the
 * kind are checked on the merged point (a PATCH that changes only the kind must still leave a consistent point).
 */
import type { PointKind, PointLevel, PointRow } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import {
  insertPoint,
  listLimits,
  pointCodeTaken,
  replaceLimits,
  unitExists,
  updatePoint,
  type PointFields,
  type PointLimitRow,
} from "../repositories/point.repository";

/** One limit as given. */
export interface LimitInput {
  /** HJ 212 factor code. */
  factor: string;
  upperLimit: number | null;
  lowerLimit: number | null;
  unit: string;
  /** Where the limit comes from (permit number, GB 8978-1996 Table 4 …). */
  basis: string;
}

/** A point's fields; on update, absent fields stay (null clears). */
export interface PointSaverProps {
  /** The point to change; absent to create one. */
  point?: PointRow;
  code?: string;
  name?: string;
  kind?: PointKind;
  level?: PointLevel | null;
  waterBody?: string | null;
  waterBodyType?: "river" | "lake" | "reservoir" | null;
  targetClass?: number | null;
  lon?: number | null;
  lat?: number | null;
  unitId?: string | null;
  ecoFlowTarget?: number | null;
  active?: boolean;
  /** Replaces the limits (outlets only). */
  limits?: LimitInput[];
}

/** A saved point and its limits. */
export interface SavedPoint {
  point: PointRow;
  limits: PointLimitRow[];
}

const pick = <T>(v: T | undefined, old: T | undefined, fallback: T): T => (v !== undefined ? v : old !== undefined ? old : fallback);

/** Kind-specific rules on the merged fields, as field issues. */
export function pointRuleIssues(f: PointFields, limits: LimitInput[] | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const assessed = f.kind === "section" || f.kind === "auto_station" || f.kind === "drinking_intake";
  // Assessment needs the water-body type (TP and TN limits differ for lakes) and the target it is judged against.
  if (assessed && !f.water_body_type) issues.push({ path: "waterBodyType", message: "断面、自动站和水源地须填写水体类型" });
  if (f.kind === "section" && f.target_class == null) issues.push({ path: "targetClass", message: "断面须填写水质目标类别（Ⅰ–Ⅴ）" });
  if (f.kind === "section" && !f.level) issues.push({ path: "level", message: "断面须填写控制级别（国控/省控/市控/县控）" });
  if (!assessed && f.target_class != null) issues.push({ path: "targetClass", message: "只有断面、自动站和水源地有水质目标" });
  if (f.level && f.kind !== "section" && f.kind !== "auto_station") issues.push({ path: "level", message: "只有断面和自动站有控制级别" });
  if (f.eco_flow_target != null && f.kind !== "flow_station") issues.push({ path: "ecoFlowTarget", message: "只有流量站有生态流量目标" });
  if ((f.lon == null) !== (f.lat == null)) issues.push({ path: f.lon == null ? "lon" : "lat", message: "经度和纬度须同时填写" });
  if (limits?.length && f.kind !== "outlet") issues.push({ path: "limits", message: "只有排口可设置排放限值" });
  const seen = new Set<string>();
  limits?.forEach((l, i) => {
    if (seen.has(l.factor)) issues.push({ path: `limits.${i}.factor`, message: "同一因子只能有一个限值" });
    seen.add(l.factor);
    if (l.upperLimit == null && l.lowerLimit == null) issues.push({ path: `limits.${i}`, message: "上限和下限至少填一个" });
    if (l.upperLimit != null && l.lowerLimit != null && l.lowerLimit > l.upperLimit) {
      issues.push({ path: `limits.${i}.lowerLimit`, message: "下限不能大于上限" });
    }
  });
  return issues;
}

/** Saves the point (and limits when given); a taken code is a conflict, inconsistent fields a validation error. */
export async function pointSaver(ctx: CommandContext, p: PointSaverProps): Promise<SavedPoint> {
  const old = p.point;
  const fields: PointFields = {
    code: pick(p.code, old?.code, ""),
    name: pick(p.name, old?.name, ""),
    kind: pick(p.kind, old?.kind, "section"),
    level: pick(p.level, old?.level, null),
    water_body: pick(p.waterBody, old?.water_body, null),
    water_body_type: pick(p.waterBodyType, old?.water_body_type, null),
    target_class: pick(p.targetClass, old?.target_class, null),
    lon: pick(p.lon, old?.lon, null),
    lat: pick(p.lat, old?.lat, null),
    unit_id: pick(p.unitId, old?.unit_id, null),
    eco_flow_target: pick(p.ecoFlowTarget, old?.eco_flow_target, null),
    active: pick(p.active, old?.active, true),
  };
  const issues = pointRuleIssues(fields, p.limits);
  if (fields.unit_id && fields.unit_id !== old?.unit_id && !(await unitExists(ctx.trx, fields.unit_id))) {
    issues.push({ path: "unitId", message: "单位不存在" });
  }
  if (issues.length) throw ValidationError(issues);
  if (await pointCodeTaken(ctx.trx, fields.code, old?.id)) throw Conflict(`站点编码“${fields.code}”已被使用`, { field: "code" });

  const point = old ? await updatePoint(ctx.trx, old.id, fields) : await insertPoint(ctx.trx, fields);
  const before = old ? await listLimits(ctx.trx, old.id) : [];
  if (p.limits) {
    await replaceLimits(
      ctx.trx,
      point.id,
      p.limits.map((l) => ({ factor: l.factor, upper_limit: l.upperLimit, lower_limit: l.lowerLimit, unit: l.unit, basis: l.basis })),
    );
  }
  const limits = p.limits ? await listLimits(ctx.trx, point.id) : before;
  await audit(ctx, {
    action: old ? "monitoring_point.update" : "monitoring_point.create",
    entityType: "monitoring_point",
    entityId: point.id,
    unitId: point.unit_id,
    data: old
      ? { before: snapshot(old), after: snapshot(point), ...(p.limits ? { limitsBefore: before.map(limitSnapshot), limitsAfter: limits.map(limitSnapshot) } : {}) }
      : { ...snapshot(point), limits: limits.map(limitSnapshot) },
  });
  return { point, limits };
}

function snapshot(p: PointRow) {
  const { id: _id, created_at: _c, updated_at: _u, ...rest } = p;
  return rest;
}
function limitSnapshot(l: PointLimitRow) {
  const { point_id: _p, ...rest } = l;
  return rest;
}
