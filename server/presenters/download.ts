/**
 * @module How files leave the server: the Content-Disposition of a download with a Chinese name (RFC 6266/5987:
 * an ASCII `filename` for old clients, the real name as `filename*`), and stored files sent by their hash.
 */
import type { FastifyReply } from "fastify";
import { NotFound } from "../errors";
import type { FileStore } from "../repositories/file.repository";

/**
 * A Content-Disposition value: `asciiName` for clients without RFC 5987, `name` (any script) for the others.
 * @example contentDisposition("ledger-2022.xlsx", "任务台账-2022.xlsx") // attachment; filename="ledger-2022.xlsx"; filename*=UTF-8''%E4%BB%BB…
 */
export function contentDisposition(asciiName: string, name: string, kind: "attachment" | "inline" = "attachment"): string {
  return `${kind}; filename="${asciiName.replace(/["\\\r\n]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A stored file to send: its hash in the file store, the name it was uploaded with, its sniffed type. */
export interface StoredFile {
  sha256: string;
  fileName: string;
  contentType: string;
}

/** Sends a stored file (404 when its bytes are missing from the store — restore them from a backup). */
export function sendStoredFile(reply: FastifyReply, files: FileStore, f: StoredFile, kind: "attachment" | "inline" = "attachment") {
  const bytes = files.get(f.sha256);
  if (!bytes) throw NotFound("文件缺失，请从备份恢复");
  return reply.type(f.contentType).header("content-disposition", contentDisposition(f.sha256.slice(0, 12), f.fileName, kind)).send(bytes);
}
