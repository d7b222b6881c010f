/**
 * @module Evidence attachments of submissions and milestone reports: each file's type is sniffed from its bytes (PDF,
 * PNG, JPEG, .docx, .xlsx — a name or a client's content type proves nothing), each is at most 10 MB; the bytes go
 * to the file store and a `files` row is written in the caller's transaction.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { ValidationError, type FieldIssue } from "../errors";
import { CONTENT_TYPES, sniffType, type SniffedType } from "../documents/sniff";
import { insertFileRow, type FileStore } from "../repositories/file.repository";

/** Largest attachment. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** An attachment as uploaded. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** An attachment as stored. */
export interface StoredFile {
  sha256: string;
  fileName: string;
  size: number;
  type: SniffedType;
  contentType: string;
}

/** Checks every file first (nothing is stored when one is refused), then stores them. */
export async function storeAttachments(db: Kysely<DB>, files: FileStore, uploads: readonly UploadedFile[], path = "attachments"): Promise<StoredFile[]> {
  const issues: FieldIssue[] = [];
  const sniffed = uploads.map((a, i) => {
    if (a.bytes.length === 0) issues.push({ path: `${path}.${i}`, message: "文件为空" });
    else if (a.bytes.length > MAX_ATTACHMENT_BYTES) issues.push({ path: `${path}.${i}`, message: "单个附件不能超过 10 MB" });
    const type = sniffType(a.bytes);
    if (!type && a.bytes.length) issues.push({ path: `${path}.${i}`, message: "只接受 PDF、PNG、JPEG、Word（.docx）和 Excel（.xlsx）文件" });
    return type;
  });
  if (issues.length) throw ValidationError(issues, "附件不符合要求");
  const stored = uploads.map((a, i) => ({
    sha256: files.put(a.bytes), fileName: a.fileName, size: a.bytes.length, type: sniffed[i]!, contentType: CONTENT_TYPES[sniffed[i]!],
  }));
  for (const s of stored) await insertFileRow(db, { sha256: s.sha256, size: s.size, contentType: s.contentType });
  return stored;
}
