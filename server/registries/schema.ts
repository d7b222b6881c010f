/**
 * @module Requests of the routes every registry has (./routes.ts): path parameters, .xlsx uploads and attachments.
 * Files travel as base64 in JSON — the app accepts JSON bodies only.
 */
import { z } from "zod";
import { Uuid } from "./listQuery";

/** Path of a record. */
export const IdParams = z.object({ id: Uuid });

/** Path of one attachment of a record. */
export const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid });

const Base64 = (maxBytes: number, what: string) =>
  z
    .string()
    .min(1, "文件为空")
    .max(Math.ceil(maxBytes / 3) * 4, `${what}不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "不是有效的 base64");

/** Largest .xlsx import, bytes. */
export const MAX_SHEET_BYTES = 10 * 1024 * 1024;

/** An .xlsx to check or import. */
export const SheetUpload = z.object({
  /** Name as picked, e.g. 入河排污口台账.xlsx. */
  fileName: z.string().trim().min(1).max(200),
  /** The bytes, base64. */
  contentBase64: Base64(MAX_SHEET_BYTES, "文件"),
});

/** A file to attach. */
export const AttachmentUpload = z.object({
  /** 现场照片, 整改佐证, 整改后照片 or 文件. */
  purpose: z.enum(["photo", "evidence", "rectification", "document"]).default("photo"),
  /** Name as picked, e.g. 现场.jpg. */
  fileName: z.string().trim().min(1).max(200),
  /** The bytes, base64 (at most 10 MB). */
  contentBase64: Base64(10 * 1024 * 1024, "附件"),
  /** What it shows. */
  caption: z.string().trim().max(200).nullable().default(null),
});

/** Base64 requests up to 10 MB of file plus the JSON around it. */
export const UPLOAD_BODY_LIMIT = 14 * 1024 * 1024;
