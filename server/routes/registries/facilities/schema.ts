/**
 * @module Requests of the facility registers, built from each kind's declaration (domain/registries/facility.ts):
 * list filters (status of the kind, overdue) and create/update bodies with the common fields and the kind's own
 * attributes side by side (also each row of the kind's sheet).
 */
import { z } from "zod";
import type { FacilityField, FacilityKindSpec } from "../../../../domain/registries/facility";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { GeometryField, IsoDay, Lat, Lon, OptText, ReqText } from "../../../registries/fields";

/** The zod type of one attribute (null: not given / cleared). */
function attributeSchema(f: FacilityField): z.ZodType {
  const range = (s: z.ZodNumber) => {
    let out = s;
    if (f.min !== undefined) out = out.min(f.min, `不能小于 ${f.min}`);
    if (f.max !== undefined) out = out.max(f.max, `不能大于 ${f.max}`);
    return out;
  };
  switch (f.kind) {
    case "text":
      return f.required ? ReqText(f.maxLength ?? 200, `请填写${f.label.zh}`) : OptText(f.maxLength ?? 200);
    case "number":
      return f.required ? range(z.number(`请填写${f.label.zh}`)) : range(z.number()).nullable().optional();
    case "integer":
      return f.required ? range(z.number(`请填写${f.label.zh}`).int("应为整数")) : range(z.number().int("应为整数")).nullable().optional();
    case "date":
      return f.required ? IsoDay : IsoDay.nullable().optional();
    case "boolean":
      return f.required ? z.boolean() : z.boolean().nullable().optional();
    case "enum": {
      const values = (f.options ?? []).map((o) => o.value) as [string, ...string[]];
      const e = z.enum(values, `应为：${(f.options ?? []).map((o) => o.label.zh).join("、")}`);
      return f.required ? e : e.nullable().optional();
    }
  }
}

/** List filters of a kind. */
export function facilityListQuery(spec: FacilityKindSpec) {
  const statuses = spec.statuses.map((s) => s.value) as [string, ...string[]];
  return BaseListQuery.extend({
    /** One status of the kind. */
    status: z.enum(statuses, "不是可选的状态").optional(),
    /** "1": past the deadline and not done. */
    overdue: z.enum(["0", "1"]).optional(),
  });
}

/** The create body of a kind: common fields and the kind's attributes. */
export function facilityCreate(spec: FacilityKindSpec) {
  const statuses = spec.statuses.map((s) => s.value) as [string, ...string[]];
  return z.object({
    /** Code, unique within the kind. */
    code: ReqText(40, "请填写编号"),
    /** Name. */
    name: ReqText(100, "请填写名称"),
    /** Responsible unit. */
    unitId: Uuid,
    /** River it lies on or discharges to. */
    riverId: Uuid.nullable().optional(),
    /** Address. */
    address: OptText(200),
    /** Position (WGS-84). */
    lon: Lon.nullable().optional(),
    lat: Lat.nullable().optional(),
    /** Outline or course (eco projects). */
    geometry: GeometryField(["Polygon", "MultiPolygon", "LineString", "MultiLineString"]).optional(),
    /** Status of the kind (default: its first). */
    status: z.enum(statuses, `应为：${spec.statuses.map((s) => s.label.zh).join("、")}`).nullable().optional().transform((v) => v ?? undefined),
    /** Deadline. */
    deadline: IsoDay.nullable().optional(),
    /** Day completed. */
    completedOn: IsoDay.nullable().optional(),
    /** Anything else. */
    note: OptText(2000),
    ...Object.fromEntries(spec.fields.map((f) => [f.key, attributeSchema(f)])),
  });
}

/** The overview of every kind. */
export const FacilityOverviewQuery = BaseListQuery.extend({
  /** One kind (its URL key). */
  kind: z.string().max(40).optional(),
});

/** WWTP sludge-year list filters. */
export const SludgeListQuery = BaseListQuery.extend({
  /** One plant. */
  facilityId: Uuid.optional(),
  /** One year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const tonnes = z.number().min(0, "不能小于 0").max(1e7, "不能超过 1000 万吨").nullable().optional();
/** A plant's sludge in a year, tonnes (80% water). */
export const SludgeCreate = z.object({
  /** The WWTP. */
  facilityId: Uuid,
  year: z.number().int("年度应为整数").min(2000, "年度应在 2000～2100").max(2100, "年度应在 2000～2100"),
  producedT: tonnes,
  landfillT: tonnes,
  incinerationT: tonnes,
  coprocessT: tonnes,
  reuseT: tonnes,
  note: OptText(1000),
});
/** A sludge year's changes. */
export const SludgeUpdate = SludgeCreate.partial();
