/**
 * @module Requests of the readings routes: series, latest values, corrections, assessment and lab imports.
 */
import { z } from "zod";
import { FactorCodeSchema } from "../monitoring/schema";

const Uuid = z.uuid("不是有效的编号");
const PeriodSchema = z.enum(["rt", "min", "hour", "day", "sample"]);
const Instant = z.iso.datetime({ offset: true, message: "时间应为带时区的 ISO 格式，如 2024-05-01T00:00:00+08:00" }).transform((s) => new Date(s));

/** A series request. */
export const SeriesQuery = z
  .object({
    /** The point. */
    pointId: Uuid,
    /** HJ 212 factor code. */
    factor: FactorCodeSchema,
    /** Which stored series: rt, min, hour, day uploads or lab samples. */
    period: PeriodSchema.default("hour"),
    /** Start (inclusive). */
    from: Instant,
    /** End (exclusive). */
    to: Instant,
    /** raw values, or hour/day/month buckets in Beijing time with min/avg/max/n/abnormal. */
    bucket: z.enum(["raw", "hour", "day", "month"]).default("raw"),
    /** Most points returned; longer series are downsampled with LTTB. */
    maxPoints: z.coerce.number().int().min(10).max(5000).default(2000),
  })
  .refine((q) => q.from < q.to, { message: "开始时间须早于结束时间", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 10 * 366 * 86_400_000, { message: "时间范围最长 10 年", path: ["to"] });

/** Latest values of a point. */
export const LatestQuery = z.object({
  /** The point. */
  pointId: Uuid,
  /** Only this period; all periods when absent. */
  period: PeriodSchema.optional(),
});

/** A correction: the next version of one reading. */
export const CorrectionSchema = z.object({
  /** The point. */
  pointId: Uuid,
  /** HJ 212 factor code. */
  factor: FactorCodeSchema,
  /** The series. */
  period: PeriodSchema,
  /** The reading's time. */
  t: Instant,
  /** Corrected value in the stored unit; null marks the value invalid. */
  value: z.number().finite().nullable(),
  /** QARTOD flag after review: 1 pass, 3 suspect, 4 fail, 9 missing. */
  qcFlag: z.union([z.literal(1), z.literal(3), z.literal(4), z.literal(9)]).default(1),
  /** Why: required, kept with the version and in the audit log. */
  reason: z.string().trim().min(4, "请写明修正原因（至少 4 个字）").max(500),
});

/** A monthly assessment request. */
export const AssessmentQuery = z.object({
  /** The point (section, automatic station or drinking-water intake). */
  pointId: Uuid,
  /** Month in Beijing time, YYYY-MM. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM"),
  /** Which series to assess: lab samples by default, or day/hour values of automatic stations. */
  period: z.enum(["sample", "day", "hour"]).default("sample"),
});

/** Template format. */
export const TemplateQuery = z.object({
  /** xlsx (default) or csv. */
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

/** An uploaded lab file. */
export const LabUploadSchema = z.object({
  /** The file's name; its extension (.xlsx or .csv) decides how it is read. */
  fileName: z.string().trim().min(1).max(200),
  /** The file content, base64. */
  contentBase64: z.string().min(1, "文件为空").max(16 * 1024 * 1024, "文件过大（上限 12 MB）").regex(/^[A-Za-z0-9+/=\r\n]+$/, "文件内容不是有效的 base64"),
  /** Import the good rows even when some rows are bad (the bad rows are listed and left out). */
  skipErrors: z.boolean().default(false),
});
