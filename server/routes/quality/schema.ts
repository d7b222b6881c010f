/**
 * @module Requests of the quality routes: QC settings per point and factor, flags of a series, findings and their
 * decisions, and the published (reviewed) series and assessment.
 */
import { z } from "zod";
import { FactorCodeSchema } from "../monitoring/schema";

const Uuid = z.uuid("不是有效的编号");
const PeriodSchema = z.enum(["rt", "min", "hour", "day", "sample"]);
const Instant = z.iso.datetime({ offset: true, message: "时间应为带时区的 ISO 格式，如 2024-05-01T00:00:00+08:00" }).transform((s) => new Date(s));
const Finite = z.number().refine(Number.isFinite, "应为有限数值");
const Seconds = z.number().int("应为整数秒").min(1, "至少 1 秒").max(366 * 86_400, "最长一年");
const NullableNumber = Finite.nullable().default(null);

/** Timing/gap test settings. */
const GapSchema = z.object({
  /** Suspect after a gap longer than this (s); null: not tested. */
  maxGapSeconds: Seconds.nullable(),
  /** Suspect when received later than this after the data time (s); null: not tested. */
  maxLatencySeconds: Seconds.nullable().default(null),
  /** Fail when the data time is this far after the arrival (s). */
  futureToleranceSeconds: Seconds.default(600),
});
/** Gross range settings. */
const RangeSchema = z.object({
  failMin: NullableNumber, failMax: NullableNumber, suspectMin: NullableNumber, suspectMax: NullableNumber,
}).refine((r) => r.failMin === null || r.failMax === null || r.failMin < r.failMax, { message: "失效下限须小于上限", path: ["failMax"] })
  .refine((r) => r.suspectMin === null || r.suspectMax === null || r.suspectMin < r.suspectMax, { message: "可疑下限须小于上限", path: ["suspectMax"] });
/** Climatology settings. */
const ClimatologySchema = z.object({
  /** One band per calendar month. */
  months: z.array(z.object({ month: z.number().int().min(1).max(12), min: NullableNumber, max: NullableNumber }))
    .max(12)
    .refine((ms) => new Set(ms.map((m) => m.month)).size === ms.length, "每个月份只能设置一次"),
});
/** Spike settings. */
const SpikeSchema = z.object({
  suspect: Finite.positive("须大于 0"), fail: Finite.positive("须大于 0").nullable().default(null), maxNeighbourSeconds: Seconds,
}).refine((s) => s.fail === null || s.fail > s.suspect, { message: "失效阈值须大于可疑阈值", path: ["fail"] });
/** Rate-of-change settings. */
const RateSchema = z.object({ maxPerHour: Finite.positive("须大于 0"), maxIntervalSeconds: Seconds });
/** Flat-line settings. */
const FlatSchema = z.object({
  tolerance: Finite.min(0, "不能为负"), suspectSeconds: Seconds, failSeconds: Seconds.nullable().default(null),
}).refine((f) => f.failSeconds === null || f.failSeconds > f.suspectSeconds, { message: "失效时长须长于可疑时长", path: ["failSeconds"] });
/** Instrument facts for the detectors. */
const InstrumentSchema = z.object({
  detectionLimit: Finite.positive("须大于 0").nullable().default(null),
  rangeMin: NullableNumber, rangeMax: NullableNumber,
  resolution: Finite.positive("须大于 0").nullable().default(null),
}).refine((i) => i.rangeMin === null || i.rangeMax === null || i.rangeMin < i.rangeMax, { message: "量程下限须小于上限", path: ["rangeMax"] })
  .refine((i) => (i.rangeMin === null) === (i.rangeMax === null), { message: "量程上下限须同时填写", path: ["rangeMax"] });

/** Stored settings: a test left out keeps its default, a test set to null is switched off. */
export const QcConfigSchema = z.object({
  gap: GapSchema.nullable().optional(),
  grossRange: RangeSchema.nullable().optional(),
  climatology: ClimatologySchema.nullable().optional(),
  spike: SpikeSchema.nullable().optional(),
  rateOfChange: RateSchema.nullable().optional(),
  flatLine: FlatSchema.nullable().optional(),
  instrument: InstrumentSchema.optional(),
}).strict();

/** PUT body of a point and factor's settings. */
export const SaveSettingsSchema = z.object({
  /** The settings (see QcConfigSchema). */
  config: QcConfigSchema,
});

/** Path of a point and factor's settings. */
export const SettingsParams = z.object({ pointId: Uuid, factor: FactorCodeSchema });

/** The settings of a point. */
export const SettingsQuery = z.object({
  /** The point. */
  pointId: Uuid,
  /** Period whose defaults are shown beside the stored settings. */
  period: PeriodSchema.default("hour"),
});

/** A series window. */
export const WindowQuery = z.object({
  /** The point. */
  pointId: Uuid,
  /** HJ 212 factor code. */
  factor: FactorCodeSchema,
  /** Stored series. */
  period: PeriodSchema.default("hour"),
  /** Start (inclusive). */
  from: Instant,
  /** End (exclusive). */
  to: Instant,
}).refine((q) => q.from < q.to, { message: "开始时间须早于结束时间", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, { message: "时间范围最长 400 天", path: ["to"] });

/** A published series: the window plus buckets. */
export const PublishedSeriesQuery = WindowQuery.and(z.object({
  /** raw values or hour/day/month buckets (Beijing time). */
  bucket: z.enum(["raw", "hour", "day", "month"]).default("raw"),
  /** Most points returned (LTTB beyond). */
  maxPoints: z.coerce.number().int().min(10).max(5000).default(2000),
}));

/** The published monthly assessment of a point. */
export const PublishedAssessmentQuery = z.object({
  /** The point. */
  pointId: Uuid,
  /** Beijing-time month "YYYY-MM". */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份应为 YYYY-MM"),
  /** Which stored series is assessed. */
  period: z.enum(["sample", "day", "hour"]).default("sample"),
});

/** Findings list filters. */
export const FindingsQuery = z.object({
  /** open, confirmed or dismissed. */
  status: z.enum(["open", "confirmed", "dismissed"]).optional(),
  /** A detector rule. */
  rule: z.string().max(40).optional(),
  /** One point. */
  pointId: Uuid.optional(),
  /** Paging: findings detected before this instant. */
  before: Instant.optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Path with an id. */
export const IdParams = z.object({ id: Uuid });

/** A decision on a finding. */
export const FindingDecisionSchema = z.object({
  /** confirm (the data are not trustworthy) or dismiss (explained). */
  decision: z.enum(["confirm", "dismiss"]),
  /** Why (required). */
  reason: z.string().trim().min(2, "请填写处理理由").max(500),
  /** With confirm: reject the main factor's values in the window. */
  rejectData: z.boolean().default(false),
});
