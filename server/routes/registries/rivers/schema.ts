/**
 * @module Requests of the river register and the 河湖长 directory: list filters and create/update bodies (also
 * each row of their sheets).
 */
import { z } from "zod";
import { CHIEF_LEVELS, RIVER_KINDS } from "../../../../domain/registries/rivers";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, GeometryField, OptText, ReqText } from "../../../registries/fields";

/** River list filters. */
export const RiverListQuery = BaseListQuery.extend({
  /** Only this kind. */
  kind: EnumOf(RIVER_KINDS).optional(),
});

/** A river. */
export const RiverCreate = z.object({
  /** Unique name, e.g. 大沙河. */
  name: ReqText(100, "请填写名称"),
  /** 河流 / 湖泊 / 水库 / 渠道. */
  kind: EnumOf(RIVER_KINDS),
  /** Course (lines) or outline (polygons), GeoJSON WGS-84. */
  geometry: GeometryField(["LineString", "MultiLineString", "Polygon", "MultiPolygon"]).optional(),
  /** Length in the district, km (computed from the course when left empty). */
  lengthKm: z.number().min(0).max(100_000).nullable().optional(),
  /** 流域 / 水系. */
  basin: OptText(100),
  /** The unit that keeps the record. */
  unitId: Uuid.nullable().optional(),
  /** Anything else. */
  note: OptText(2000),
});
/** A river's changes. */
export const RiverUpdate = RiverCreate.partial();

/** Chief list filters. */
export const ChiefListQuery = BaseListQuery.extend({
  /** Only this level. */
  level: EnumOf(CHIEF_LEVELS).optional(),
  /** In office ("1") or not ("0"). */
  active: z.enum(["0", "1"]).optional(),
});

/** A river chief. */
export const ChiefCreate = z.object({
  /** The river (or lake). */
  riverId: Uuid,
  /** 区级 / 街道级 / 村级. */
  level: EnumOf(CHIEF_LEVELS),
  /** Name. */
  name: ReqText(40, "请填写姓名"),
  /** 职务, e.g. 区委副书记. */
  position: ReqText(100, "请填写职务"),
  /** Reach responsible for, e.g. 府城办事处段 (empty: the whole river). */
  reach: OptText(100),
  /** Contact number (staff only; never public). */
  phone: z.preprocess((v) => (v === "" ? null : typeof v === "number" ? String(v) : v), z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, "电话号码格式不正确").nullable().optional()),
  /** The chief's platform account. */
  userId: Uuid.nullable().optional(),
  /** The unit that keeps the entry. */
  unitId: Uuid.nullable().optional(),
  /** In office. */
  active: z.boolean().nullable().optional().transform((v) => v ?? true),
});
/** A chief's changes. */
export const ChiefUpdate = ChiefCreate.partial().extend({ active: z.boolean().nullable().optional().transform((v) => v ?? undefined) });
