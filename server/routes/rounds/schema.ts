/**
 * @module Requests of the round (调度) and submission routes.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
/** A local date, YYYY-MM-DD. */
export const IsoDay = z.iso.date("日期格式应为 YYYY-MM-DD");

/** A new round. */
export const OpenRoundSchema = z.object({
  /** The plan whose tasks are dispatched. */
  planId: Uuid,
  /** "progress": per task; "annual_plan": each unit's 年度实施方案. */
  kind: z.enum(["progress", "annual_plan"]).default("progress"),
  /** E.g. "2022年6月调度". */
  title: z.string().trim().min(1, "请输入标题").max(200),
  /** Last day to answer. */
  dueOn: IsoDay,
  /** The paper notice's date when recording a round dispatched earlier (补录); it may then be past due. */
  issuedOn: IsoDay.optional(),
  /** Only these tasks (progress rounds); every open task when absent. */
  taskIds: z.array(Uuid).min(1).max(500).optional(),
});

/** Closing a round. */
export const CloseRoundSchema = z.object({
  /** Why now, if the office says (kept in the audit entry). */
  note: z.string().trim().max(500).optional(),
});

/** List filters. */
export const ListRoundsQuery = z.object({
  /** Only rounds of this plan. */
  planId: Uuid.optional(),
});

/** One reported figure, e.g. { name: "新建污水管网", value: 3.2, unit: "km" }. */
const Figure = z.object({
  /** What is counted. */
  name: z.string().trim().min(1).max(100),
  /** The number. */
  value: z.number().finite(),
  /** Its unit of measure. */
  unit: z.string().trim().max(20).optional(),
});

/** Base64 of at most 10 MB (4 characters per 3 bytes). */
const MAX_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

/** A unit's answer. */
export const SubmitSchema = z.object({
  /** The task answered; null for an annual-plan round. */
  taskId: Uuid.nullable().default(null),
  /** The answering unit; may be left out when the caller belongs to exactly one unit required for the task. */
  unitId: Uuid.optional(),
  /** The progress report. */
  text: z.string().trim().min(1, "请填写工作进展").max(20_000),
  /** Figures reported. */
  figures: z.array(Figure).max(50).default([]),
  /** Files: PDF, PNG, JPEG, .docx or .xlsx, each at most 10 MB, as base64. */
  attachments: z
    .array(z.object({
      /** Name as uploaded, e.g. 整改照片.jpg. */
      fileName: z.string().trim().min(1).max(200),
      /** The bytes, base64. */
      contentBase64: z.string().max(MAX_BASE64, "单个附件不能超过 10 MB").regex(/^[A-Za-z0-9+/]*={0,2}$/, "不是有效的 base64"),
    }))
    .max(3, "最多 3 个附件")
    .default([]),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });

/** An attachment's path. */
export const AttachmentParams = z.object({
  /** The submission. */
  id: Uuid,
  /** The file's SHA-256. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
