/**
 * @module Requests of the review routes: the queue of flagged values and decisions on them.
 */
import { z } from "zod";
import { FactorCodeSchema } from "../monitoring/schema";

const Uuid = z.uuid("不是有效的编号");
const PeriodSchema = z.enum(["rt", "min", "hour", "day", "sample"]);
const Instant = z.iso.datetime({ offset: true, message: "时间应为带时区的 ISO 格式" }).transform((s) => new Date(s));

/** Queue filters. */
export const QueueQuery = z.object({
  /** One point. */
  pointId: Uuid.optional(),
  /** One factor. */
  factor: FactorCodeSchema.optional(),
  /** One period. */
  period: PeriodSchema.optional(),
  /** Only suspect (3) or failed (4) values. */
  qcFlag: z.coerce.number().pipe(z.union([z.literal(3), z.literal(4)])).optional(),
  /** Paging: values with a data time before this. */
  before: Instant.optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** One value to decide on. */
const ItemSchema = z.object({
  /** The point. */
  pointId: Uuid,
  /** HJ 212 factor code. */
  factor: FactorCodeSchema,
  /** Stored series. */
  period: PeriodSchema,
  /** Data time. */
  t: Instant,
  /** The version the reviewer saw. */
  version: z.number().int().min(1),
});

/** A decision on one or more values. */
export const DecisionSchema = z.object({
  /** The values (one for a correction). */
  items: z.array(ItemSchema).min(1, "请选择要审核的数值").max(500, "一次最多审核 500 个数值"),
  /** accept, reject or correct. */
  decision: z.enum(["accept", "reject", "correct"]),
  /** Why (required). */
  reason: z.string().trim().min(2, "请填写审核理由").max(500),
  /** The corrected value (correct); null marks it invalid. */
  value: z.number().refine(Number.isFinite, "应为有限数值").nullable().optional(),
}).refine((d) => d.decision !== "correct" || (d.items.length === 1 && d.value !== undefined), { message: "修正须针对一个数值并给出修正值", path: ["value"] });
