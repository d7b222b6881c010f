/**
 * @module Requests of the task list and of milestone reports.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");

/** List filters. */
export const ListTasksQuery = z.object({
  /** Only tasks of this plan. */
  planId: Uuid.optional(),
  /** "1": only tasks in which one of the caller's units has a role, grouped by that role. */
  mine: z.enum(["0", "1"]).optional(),
});

/** Base64 of at most 10 MB (4 characters per 3 bytes). */
const MAX_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

/** An uploaded evidence file. */
export const Attachment = z.object({
  /** Name as uploaded. */
  fileName: z.string().trim().min(1).max(200),
  /** The bytes, base64. */
  contentBase64: z.string().max(MAX_BASE64, "单个附件不能超过 10 MB").regex(/^[A-Za-z0-9+/]*={0,2}$/, "不是有效的 base64"),
});

/** A unit's report that it met a milestone. */
export const MilestoneReportSchema = z.object({
  /** The deadline (milestone) of the task. */
  deadlineId: Uuid,
  /** The reporting unit; may be left out when the caller belongs to exactly one unit that reports on the task. */
  unitId: Uuid.optional(),
  /** The day it was met. */
  completedOn: z.iso.date("日期格式应为 YYYY-MM-DD"),
  /** What was done. */
  note: z.string().trim().min(1, "请说明完成情况").max(10_000),
  /** Evidence: PDF, PNG, JPEG, .docx or .xlsx, at most 3, each at most 10 MB. */
  attachments: z.array(Attachment).max(3, "最多 3 个附件").default([]),
});

/** The office's revocation of a milestone report. */
export const RevokeSchema = z.object({
  /** Why the evidence does not hold. */
  reason: z.string().trim().min(1, "请说明撤销原因").max(2000),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });

/** An attachment's path. */
export const AttachmentParams = z.object({
  /** The report. */
  id: Uuid,
  /** The file's SHA-256. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
