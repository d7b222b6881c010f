/**
 * @module Requests of the monitoring reports: ecological flow, drinking-water compliance, river grades, a point's
 * year of monthly classes, and the monitoring settings. Each report answers JSON, or an .xlsx file with
 * `format=xlsx`.
 */
import { z } from "zod";

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");
const Day = z.iso.date("日期格式应为 YYYY-MM-DD");
const Format = z.enum(["json", "xlsx"]).default("json");

/** Ecological flow of the flow stations over Beijing days [from, to] (at most 3 years). */
export const EcoFlowQuery = z
  .object({
    /** First day. */
    from: Day,
    /** Last day (inclusive). */
    to: Day,
    /** Only this station. */
    pointId: z.uuid("不是有效的编号").optional(),
    /** json, or xlsx for the export. */
    format: Format,
  })
  .refine((q) => q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, { message: "时间范围最长 3 年", path: ["to"] });

/** A range of Beijing months [from, to] (at most 10 years). */
const MonthRange = {
  /** First month. */
  from: Month,
  /** Last month (inclusive). */
  to: Month,
  /** json, or xlsx for the export. */
  format: Format,
};
const monthOrder = (q: { from: string; to: string }) => q.from <= q.to;
const monthSpan = (q: { from: string; to: string }) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10;

/** Drinking-water compliance over months. */
export const DrinkingWaterQuery = z
  .object(MonthRange)
  .refine(monthOrder, { message: "开始月份不能晚于结束月份", path: ["to"] })
  .refine(monthSpan, { message: "时间范围最长 10 年", path: ["to"] });

/** River grades over months, optionally of one water body. */
export const RiversQuery = z
  .object({ ...MonthRange, /** Only this water body. */ waterBody: z.string().trim().min(1).max(100).optional() })
  .refine(monthOrder, { message: "开始月份不能晚于结束月份", path: ["to"] })
  .refine(monthSpan, { message: "时间范围最长 10 年", path: ["to"] });

/** One water body's year. */
export const RiverYearQuery = z.object({
  /** The year. */
  year: z.coerce.number().int().min(2000).max(2100),
  /** json, or xlsx for the export. */
  format: Format,
});

/** The water body path parameter. */
export const WaterBodyParams = z.object({ waterBody: z.string().trim().min(1).max(100) });

/** A point's monthly classes over one Beijing year. */
export const AssessmentYearQuery = z.object({
  /** The point. */
  pointId: z.uuid("不是有效的编号"),
  /** The year. */
  year: z.coerce.number().int().min(2000).max(2100),
  /** Which stored series to assess: lab samples (default), day or hour data. */
  period: z.enum(["sample", "day", "hour"]).default("sample"),
  /** raw: every current value (staff view); reviewed: the published basis (rejected and pending values left out). */
  basis: z.enum(["raw", "reviewed"]).default("raw"),
  /** json, or xlsx for the export. */
  format: Format,
});

const share = z.number({ error: "应为数字" });

/** New monitoring settings; a key left out stays as it is. */
export const MonitoringSettingsSchema = z
  .object({
    /** Ecological flow: required guarantee rate (0–1) and the warning bands as a share of the target. */
    ecoFlow: z.object({ guaranteeTarget: share, yellowBelow: share, redBelow: share }).strict().optional(),
    /** River grade: sections needed for the share method and the shares in percent. */
    riverGrade: z.object({ minSections: z.number().int(), excellent: share, good: share, moderate: share, severe: share }).strict().optional(),
  })
  .strict();
