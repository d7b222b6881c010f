/**
 * @module Requests of the drinking-water source register and its problems: list filters, create/update bodies
 * (also each row of their sheets), problem steps and the compliance period.
 */
import { z } from "zod";
import { PROBLEM_CATEGORIES, PROBLEM_ORIGINS, PROBLEM_PLACES, PROBLEM_STATUSES, SOURCE_KINDS, SOURCE_LEVELS } from "../../../../domain/registries/drinkingSource";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, GeometryField, IsoDay, Lat, Lon, OptText, ReqText } from "../../../registries/fields";

/**
 * Point codes as a list, or as a sheet cell holds them ("ZZ-DW-01、ZZ-DW-02"); null (an empty cell) clears.
 * Shared by intakes and outlets.
 */
export const CodeList = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.split(/[、，,;；\s]+/).filter(Boolean)) : v),
  z.array(z.string().trim().min(1).max(40, "站点编码不能超过 40 个字")).max(50, "最多 50 个").nullable().optional(),
);

const Num = (max: number) => z.number().min(0, "不能小于 0").max(max, `不能大于 ${max}`).nullable().optional();
const STATUSES = PROBLEM_STATUSES as unknown as readonly ["open", "rectifying", "rectified", "closed"];

/** Source list filters. */
export const SourceListQuery = BaseListQuery.extend({
  /** 城市级 / 县级 / 乡镇级. */
  level: EnumOf(SOURCE_LEVELS).optional(),
  /** 河流型 / 湖泊型 / 水库型 / 地下水型. */
  kind: EnumOf(SOURCE_KINDS).optional(),
  /** "1": with open problems; "0": 清零. */
  open: z.enum(["0", "1"]).optional(),
});

/** A source. */
export const SourceCreate = z.object({
  /** Code, e.g. ZZ-SY-01. */
  code: ReqText(40, "请填写编号"),
  /** Name, e.g. 南水北调总干渠府城水源地. */
  name: ReqText(100, "请填写名称"),
  /** Kind. */
  sourceKind: EnumOf(SOURCE_KINDS),
  /** Level. */
  level: EnumOf(SOURCE_LEVELS),
  /** The river, canal or reservoir it takes from. */
  riverId: Uuid.nullable().optional(),
  /** Keeping unit. */
  unitId: Uuid,
  /** 供水水厂. */
  waterWorks: OptText(100),
  /** 服务人口, 万人. */
  populationWan: Num(10_000),
  /** 设计取水规模, 万m³/d. */
  capacityWanM3d: Num(10_000),
  /** 保护区划定批复文号. */
  approval: OptText(200),
  /** 规范化建设 done. */
  standardized: z.boolean().nullable().optional(),
  /** 一级保护区. */
  zone1: GeometryField(["Polygon", "MultiPolygon"]).optional(),
  /** 二级保护区. */
  zone2: GeometryField(["Polygon", "MultiPolygon"]).optional(),
  /** 准保护区. */
  zone3: GeometryField(["Polygon", "MultiPolygon"]).optional(),
  /** Position of the source (when no zone is drawn). */
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** Codes of its intake points (kind drinking_intake). */
  intakeCodes: CodeList,
  /** Anything else. */
  note: OptText(2000),
});
/** A source's changes. */
export const SourceUpdate = SourceCreate.partial();

/** Problem list filters. */
export const ProblemListQuery = BaseListQuery.extend({
  status: EnumOf(STATUSES).optional(),
  /** The source. */
  sourceId: Uuid.optional(),
  category: EnumOf(PROBLEM_CATEGORIES).optional(),
  place: EnumOf(PROBLEM_PLACES).optional(),
  /** "1": not closed. */
  open: z.enum(["0", "1"]).optional(),
});

/** A problem. */
export const ProblemCreate = z.object({
  /** Code, e.g. SY-WT-2022-01. */
  code: ReqText(40, "请填写编号"),
  /** The source. */
  sourceId: Uuid,
  /** Where (zone). */
  place: EnumOf(PROBLEM_PLACES),
  /** Category. */
  category: EnumOf(PROBLEM_CATEGORIES),
  /** How it was found. */
  origin: EnumOf(PROBLEM_ORIGINS),
  /** What it is. */
  description: ReqText(2000, "请填写问题描述"),
  /** Day found. */
  foundOn: IsoDay,
  /** Responsible unit. */
  unitId: Uuid,
  /** 整改期限. */
  deadline: IsoDay.nullable().optional(),
  /** 整改情况. */
  rectification: OptText(4000),
  /** Position. */
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** Status when listed (new problems only). */
  status: EnumOf(STATUSES).nullable().optional(),
  /** Day that status began (new problems only). */
  statusSince: IsoDay.nullable().optional(),
});
/** A problem's changes. */
export const ProblemUpdate = ProblemCreate.partial();

/** A step of a problem. */
export const ProblemTransition = z.object({
  action: z.enum(["startRectification", "submitRectification", "rejectRectification", "close"]),
  /** Why, or what was checked. */
  note: z.string().trim().max(2000).nullable().default(null),
  /** 整改情况 (submitting). */
  rectification: z.string().trim().max(4000).nullable().optional(),
});

/** The months of a compliance report (default: this year up to this month). */
export const ComplianceQuery = z.object({
  /** First month, YYYY-MM. */
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM").optional(),
  /** Last month, YYYY-MM. */
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM").optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: "起始月份不能晚于结束月份", path: ["from"] });
