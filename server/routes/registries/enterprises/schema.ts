/**
 * @module Requests of the enterprise register and its enterprise-years: list filters, create/update bodies (also
 * each row of their sheets), an outlet's permit limits and the water-use intensity year.
 */
import { z } from "zod";
import { PERMIT_CLASSES, readPollutants } from "../../../../domain/registries/enterprise";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, IsoDay, Lat, Lon, OptText, ReqText } from "../../../registries/fields";
import { CodeList } from "../drinkingSources/schema";

/** Pollutants by name or HJ 212 code, as a list or a sheet cell ("化学需氧量、氨氮、氟化物"); null clears. */
export const PollutantList = z
  .union([z.string().max(1000), z.array(z.string().max(40)).max(60)])
  .nullable()
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return v;
    const { codes, unknown } = readPollutants(Array.isArray(v) ? v.join("、") : v);
    if (unknown.length) {
      ctx.addIssue({ code: "custom", message: `未知的污染物：${unknown.join("、")}` });
      return z.NEVER;
    }
    return codes;
  });

/** Enterprise list filters. */
export const EnterpriseListQuery = BaseListQuery.extend({
  /** "1": 涉氟企业 only; "0": the others. */
  fluoride: z.enum(["0", "1"]).optional(),
  /** 重点管理 / 简化管理 / 登记管理. */
  permitClass: EnumOf(PERMIT_CLASSES).optional(),
  /** Discharges this pollutant (HJ 212 code). */
  pollutant: z.string().regex(/^[a-z]\d{5}$/, "因子编码应为 HJ 212 编码，如 w21017").optional(),
});

/** An enterprise. */
export const EnterpriseCreate = z.object({
  /** Code in the register, e.g. ZZ-QY-001. */
  code: ReqText(40, "请填写编号"),
  /** Registered name. */
  name: ReqText(100, "请填写企业名称"),
  /** 统一社会信用代码 (18 characters). */
  creditCode: OptText(18),
  /** 排污许可证编号. */
  permitNo: OptText(30),
  /** Management class of the permit. */
  permitClass: EnumOf(PERMIT_CLASSES).nullable().optional(),
  /** Permit valid until. */
  permitValidTo: IsoDay.nullable().optional(),
  /** 行业类别. */
  industry: OptText(100),
  /** Address. */
  address: OptText(200),
  /** Position (WGS-84). */
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** 受纳水体. */
  riverId: Uuid.nullable().optional(),
  /** Supervising unit. */
  unitId: Uuid,
  /** Pollutants discharged. */
  pollutants: PollutantList,
  /** 涉氟企业. */
  fluoride: z.boolean().nullable().optional(),
  /** Factors with online monitors declared but not received by the platform. */
  declaredMonitors: PollutantList,
  /** Codes of its outlet points (kind outlet). */
  outletCodes: CodeList,
  /** Anything else. */
  note: OptText(2000),
});
/** An enterprise's changes. */
export const EnterpriseUpdate = EnterpriseCreate.partial();

/** Enterprise-year list filters. */
export const YearListQuery = BaseListQuery.extend({
  /** One enterprise. */
  enterpriseId: Uuid.optional(),
  /** One year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** An enterprise-year. */
export const YearCreate = z.object({
  /** The enterprise. */
  enterpriseId: Uuid,
  /** Year. */
  year: z.number().int("年度应为整数").min(2000, "年度应在 2000～2100").max(2100, "年度应在 2000～2100"),
  /** 工业用水量 (new-water intake), m³. */
  waterM3: z.number().min(0, "不能小于 0").max(1e10).nullable().optional(),
  /** 工业增加值, 万元 at comparable prices. */
  valueAddedWan: z.number().min(0, "不能小于 0").max(1e9).nullable().optional(),
  /** 重复利用水量, m³. */
  reusedM3: z.number().min(0, "不能小于 0").max(1e10).nullable().optional(),
  /** Anything else. */
  note: OptText(1000),
});
/** An enterprise-year's changes. */
export const YearUpdate = YearCreate.partial();

/** Path of one outlet of an enterprise. */
export const OutletParams = z.object({ id: Uuid, pointId: Uuid });

/** The 万元工业增加值用水量 query. */
export const IntensityQuery = z.object({
  /** Year (default: the newest with figures). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Base year (default 2020, the seed plan's). */
  baseYear: z.coerce.number().int().min(2000).max(2100).default(2020),
});
