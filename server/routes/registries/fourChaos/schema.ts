/**
 * @module Requests of the 清四乱 register: filters, problems (also each sheet row) and workflow steps.
 */
import { z } from "zod";
import { CHAOS_CATEGORIES, CHAOS_SEVERITIES, CHAOS_SOURCES, CHAOS_STATUSES } from "../../../../domain/registries/fourChaos";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, IsoDay, Lat, Lon, OptText, ReqText } from "../../../registries/fields";

/** List filters. */
export const ProblemListQuery = BaseListQuery.extend({
  status: EnumOf(CHAOS_STATUSES).optional(),
  category: EnumOf(CHAOS_CATEGORIES).optional(),
  source: EnumOf(CHAOS_SOURCES).optional(),
  /** Not yet closed. */
  open: z.enum(["1"]).optional(),
});

/** A problem. */
export const ProblemCreate = z.object({
  /** Code in the ledger, e.g. ZZ-SL-2022-001. */
  code: ReqText(40, "请填写编号"),
  /** 乱占 / 乱采 / 乱堆 / 乱建. */
  category: EnumOf(CHAOS_CATEGORIES),
  /** One of the category's sub-types. */
  subtype: ReqText(60, "请选择问题子类"),
  /** The river. */
  riverId: Uuid,
  /** Where on it. */
  location: OptText(200),
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** 河湖长巡河 / 群众举报 / 督查检查. */
  source: EnumOf(CHAOS_SOURCES),
  /** Day found. */
  foundOn: IsoDay,
  /** What was found. */
  description: ReqText(2000, "请描述问题"),
  /** 一般 / 较严重 / 重大. */
  severity: EnumOf(CHAOS_SEVERITIES).nullable().optional(),
  /** The unit that must rectify. */
  unitId: Uuid,
  /** The river chief (of this river). */
  chiefId: Uuid.nullable().optional(),
  /** 整改期限. */
  deadline: IsoDay.nullable().optional(),
  /** Status when recorded (new problems only). */
  status: EnumOf(CHAOS_STATUSES).nullable().optional(),
  /** Day that status began (new problems only). */
  statusSince: IsoDay.nullable().optional(),
  /** 整改情况 of a ledger brought in (new problems only). */
  rectification: OptText(4000),
  /** Days of rectification, verification and 销号 of a ledger brought in (new problems only). */
  rectifiedOn: IsoDay.nullable().optional(),
  verifiedOn: IsoDay.nullable().optional(),
  closedOn: IsoDay.nullable().optional(),
});
/** A problem's changes. */
export const ProblemUpdate = ProblemCreate.partial();

/** A workflow step. */
export const ProblemTransition = z.object({
  action: z.enum(["startRectification", "submitRectification", "verify", "rejectVerification", "close"]),
  note: z.string().trim().max(2000).nullable().default(null),
  /** 整改情况 (with submitRectification). */
  rectification: z.string().trim().max(4000).nullable().default(null),
});
