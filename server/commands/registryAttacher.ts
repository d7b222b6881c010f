/**
 * @module Attaches a file to a registry record: the type is sniffed from the bytes (server/documents/sniff.ts —
 * never the name or the client's word), photos must be JPEG or PNG and documents may also be PDF, the size is
 * limited, the bytes are stored content-addressed (SHA-256, server/repositories/file.repository.ts), and a JPEG's
 * EXIF GPS position and time are kept beside it for staff to check against the reported place. Audited.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { CONTENT_TYPES, sniffType } from "../documents/sniff";
import { readPhotoMeta } from "../documents/photo";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { insertAttachment } from "../repositories/registryAttachment.repository";
import type { AttachmentPurpose } from "../db/tables/registries";

/** Largest attachment, bytes (10 MB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Purposes that must be photos. */
const PHOTO_PURPOSES: readonly AttachmentPurpose[] = ["photo", "rectification"];

/** What to attach. */
export interface AttachProps {
  /** The record's audit entity type. */
  registry: string;
  recordId: string;
  /** The record's unit (audit log filter). */
  unitId: string | null;
  purpose: AttachmentPurpose;
  fileName: string;
  bytes: Buffer;
  caption: string | null;
  files: FileStore;
}

/** Stores the file and its attachment row; returns the row. */
export async function registryAttacher(ctx: CommandContext, p: AttachProps) {
  if (p.bytes.length === 0) throw ValidationError([{ path: "contentBase64", message: "文件为空" }]);
  if (p.bytes.length > MAX_ATTACHMENT_BYTES) throw ValidationError([{ path: "contentBase64", message: "文件不能超过 10 MB" }]);
  const type = sniffType(p.bytes);
  const photo = PHOTO_PURPOSES.includes(p.purpose);
  if (photo ? type !== "jpeg" && type !== "png" : type !== "jpeg" && type !== "png" && type !== "pdf")
    throw ValidationError([{ path: "contentBase64", message: photo ? "照片须为 JPEG 或 PNG 图片" : "只接受 JPEG、PNG 图片或 PDF 文件" }]);
  const meta = type === "jpeg" ? await readPhotoMeta(p.bytes) : { lon: null, lat: null, takenAt: null };
  // The file is written before the row commits: a rollback leaves an unreferenced file, never a row without one.
  const sha256 = p.files.put(p.bytes);
  const contentType = CONTENT_TYPES[type!];
  await insertFileRow(ctx.trx, { sha256, size: p.bytes.length, contentType });
  const row = await insertAttachment(ctx.trx, {
    registry: p.registry, recordId: p.recordId, purpose: p.purpose, sha256, fileName: p.fileName, contentType,
    size: p.bytes.length, gpsLon: meta.lon, gpsLat: meta.lat, takenAt: meta.takenAt, caption: p.caption,
    uploadedBy: ctx.actor?.id ?? null,
  });
  await audit(ctx, {
    action: `${p.registry}.attach`,
    entityType: p.registry,
    entityId: p.recordId,
    unitId: p.unitId,
    data: { attachmentId: row.id, purpose: p.purpose, fileName: p.fileName, sha256, size: p.bytes.length, gps: meta.lon !== null ? [meta.lon, meta.lat] : null },
  });
  return row;
}
