/**
 * @module Requests of the alarm routes: lists, acknowledgement, rules (conditions, persistence, repeats, escalation)
 * and violations.
 */
import { z } from "zod";
import { FactorCodeSchema } from "../monitoring/schema";

const Uuid = z.uuid("不是有效的编号");
const Instant = z.iso.datetime({ offset: true, message: "时间应为带时区的 ISO 格式" }).transform((s) => new Date(s));
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD");
const Finite = z.number().refine(Number.isFinite, "应为有限数值");

/** Alarm list filters. */
export const AlarmsQuery = z.object({
  /** open (active or unacknowledged, default), active, closed or all. */
  state: z.enum(["open", "active", "closed", "all"]).default("open"),
  /** One severity. */
  severity: z.enum(["info", "warning", "severe"]).optional(),
  /** One point. */
  pointId: Uuid.optional(),
  /** Paging: alarms raised before this. */
  before: Instant.optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Path with an id. */
export const IdParams = z.object({ id: Uuid });

/** An acknowledgement. */
export const AcknowledgeSchema = z.object({
  /** What will be done (optional). */
  note: z.string().trim().max(500).nullable().default(null),
});

const ThresholdSchema = z.object({
  kind: z.literal("threshold"),
  /** The factor judged. */
  factor: FactorCodeSchema,
  /** permit (outlet limits), target_class (GB 3838 limit of the target class) or value (fixed bounds). */
  basis: z.enum(["permit", "target_class", "value"]),
  /** Scales the permit / target-class upper limit. */
  multiple: Finite.positive("倍数须大于 0").max(100).default(1),
  /** Fixed upper bound (basis value). */
  above: Finite.nullable().default(null),
  /** Fixed lower bound (basis value). */
  below: Finite.nullable().default(null),
}).refine((c) => c.basis !== "value" || c.above !== null || c.below !== null, { message: "请填写上限或下限", path: ["above"] });

const NoDataSchema = z.object({
  kind: z.literal("no_data"),
  /** One factor, or null for any. */
  factor: FactorCodeSchema.nullable().default(null),
  /** Minutes without data. */
  minutes: z.number().int().min(5, "至少 5 分钟").max(10080, "最长 7 天"),
});

const LevelSchema = z.object({
  /** Minutes after raising. */
  afterMinutes: z.number().int().min(0).max(10080),
  /** People to notify. */
  userIds: z.array(Uuid).max(50).default([]),
  /** Group when no people are named. */
  group: z.enum(["monitoring_operators", "office"]).optional(),
});

/** A rule. */
export const RuleSchema = z.object({
  /** Name shown in the list and in notifications. */
  name: z.string().trim().min(1, "请填写规则名称").max(100),
  /** Evaluated only when enabled. */
  enabled: z.boolean().default(true),
  /** info, warning or severe. */
  severity: z.enum(["info", "warning", "severe"]),
  /** One point, or null with `pointKind` / for every point. */
  pointId: Uuid.nullable().default(null),
  /** Every point of this kind. */
  pointKind: z.enum(["section", "auto_station", "outlet", "flow_station", "drinking_intake"]).nullable().default(null),
  /** The series judged. */
  period: z.enum(["rt", "min", "hour", "day", "sample"]).default("rt"),
  /** and / or. */
  combinator: z.enum(["and", "or"]).default("or"),
  /** Conditions. */
  conditions: z.array(z.discriminatedUnion("kind", [ThresholdSchema, NoDataSchema])).min(1, "至少一个条件").max(10),
  /** Minutes the condition must hold (data time). */
  persistenceMinutes: z.number().int().min(0).max(10080).default(0),
  /** Repeat notification every N minutes until acknowledged (0: never). */
  repeatMinutes: z.number().int().min(0).max(10080).default(30),
  /** Escalation levels; empty: operators at once, the office after 30 min. */
  escalation: z.array(LevelSchema).max(5).default([])
    .refine((ls) => ls.every((l, i) => i === 0 || l.afterMinutes > ls[i - 1].afterMinutes), "各级的时间须逐级递增"),
}).refine((r) => !(r.pointId && r.pointKind), { message: "只能选择一个站点或一类站点", path: ["pointKind"] });

/** Violation filters. */
export const ViolationsQuery = z.object({
  /** One outlet. */
  pointId: Uuid.optional(),
  /** open or withdrawn. */
  status: z.enum(["open", "withdrawn"]).optional(),
  /** China day from. */
  from: Day.optional(),
  /** China day to. */
  to: Day.optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
