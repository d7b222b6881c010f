/**
 * @module Requests of the black-odorous water body list: filters, bodies (also each row of the sheet), lifecycle
 * steps and sampling-round uploads.
 */
import { z } from "zod";
import { BODY_KINDS, BODY_STATUSES } from "../../../../domain/blackOdorous/lifecycle";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, GeometryField, IsoDay, OptText, ReqText } from "../../../registries/fields";

const STATUSES = BODY_STATUSES as unknown as readonly ["identified", "underTreatment", "eliminated", "longTermEffective"];

/** List filters. */
export const BodyListQuery = BaseListQuery.extend({
  /** Status. */
  status: EnumOf(STATUSES).optional(),
  /** Latest grade. */
  grade: z.enum(["none", "light", "severe"]).optional(),
});

/** A listed body. */
export const BodyCreate = z.object({
  /** Code on the list, e.g. ZZ-HC-01. */
  code: ReqText(40, "请填写编号"),
  /** Name, e.g. 白马门河（建成区段）. */
  name: ReqText(100, "请填写名称"),
  /** 河流 / 湖泊 / 坑塘 / 沟渠. */
  bodyKind: EnumOf(BODY_KINDS).nullable().optional().transform((v) => v ?? undefined),
  /** River it lies on. */
  riverId: Uuid.nullable().optional(),
  /** 主责部门. */
  unitId: Uuid,
  /** 河湖长 (a chief of the same river). */
  chiefId: Uuid.nullable().optional(),
  /** 起止点. */
  location: OptText(200),
  /** Stretch or outline. */
  geometry: GeometryField(["LineString", "MultiLineString", "Polygon", "MultiPolygon"]).optional(),
  /** Length, km. */
  lengthKm: z.number().min(0).max(1000).nullable().optional(),
  /** Area, km². */
  areaKm2: z.number().min(0).max(1000).nullable().optional(),
  /** 达标期限. */
  deadline: IsoDay.nullable().optional(),
  /** Status when listed (new bodies only). */
  status: EnumOf(STATUSES).nullable().optional(),
  /** Day that status began (new bodies only). */
  statusSince: IsoDay.nullable().optional(),
  /** 黑臭程度 when listed. */
  identifiedGrade: z.enum(["light", "severe"]).nullable().optional(),
  /** 治理措施. */
  measures: OptText(4000),
});
/** A body's changes. */
export const BodyUpdate = BodyCreate.partial();

/** A lifecycle step. */
export const BodyTransition = z.object({
  /** startTreatment / eliminate / confirmLongTerm. */
  action: z.enum(["startTreatment", "eliminate", "confirmLongTerm"]),
  /** Why, or what was done. */
  note: z.string().trim().max(2000).nullable().default(null),
});

/** A round's path. */
export const RoundParams = z.object({ id: Uuid, roundId: Uuid });
