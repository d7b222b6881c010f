/**
 * @module Requests of the indicator routes.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
const Year = z.number().int().min(2000).max(2100);

/** List scope. */
export const ListIndicatorsQuery = z.object({
  /** The plan. */
  planId: Uuid,
  /** The year judged; each indicator's target year when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A definition's editable fields. */
const Fields = z.object({
  /** E.g. 城镇生活污水集中收集率. */
  name: z.string().trim().min(1, "请填写指标名称").max(100),
  /** Unit of the value, e.g. "%", "m³/万元". */
  unit: z.string().trim().max(20),
  /** at_least / at_most the target value, or decrease / increase by the target percent against the baseline year. */
  comparison: z.enum(["at_least", "at_most", "decrease", "increase"]),
  /** The target value, or the change in percent. */
  target: z.number().finite(),
  /** The year the target is for. */
  targetYear: Year,
  /** The baseline year of a relative target; null otherwise. */
  baselineYear: Year.nullable(),
  /** How the value is worked out. */
  formula: z.string().trim().min(1, "请填写计算方法").max(500),
  /** How far short still shows amber, in the target's unit. */
  amberMargin: z.number().finite().min(0).max(1e9),
});

/** A new indicator. */
export const CreateIndicatorSchema = Fields.extend({
  /** The plan it belongs to. */
  planId: Uuid,
  /** Short code, unique in the plan (a–z, 0–9, _). */
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, "代码只能包含小写字母、数字和下划线"),
});

/** A change to an indicator. */
export const UpdateIndicatorSchema = Fields.partial();

/** An entered value. */
export const RecordValueSchema = z.object({
  /** "2022" (a year) or "2022-06" (a month). */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "期间格式应为 YYYY 或 YYYY-MM"),
  /** The value in the indicator's unit. */
  value: z.number().finite(),
  /** The document it was taken from, e.g. 《2022年焦作市水资源公报》. */
  sourceDocument: z.string().trim().min(1, "请填写数据来源文件").max(300),
  /** Remarks. */
  note: z.string().trim().max(2000).optional(),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });
