/**
 * @module Stored files: bytes on the filesystem under `<dir>/<sha256>` (content-addressed, so writing the same file
 * twice is one file and a shared directory is harmless), metadata in the `files` table. The directory is
 * DATA_DIR/files in production — the one `qingliu backup` copies.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

const SHA256 = /^[0-9a-f]{64}$/;

/** The files directory of a process that was not handed one: DATA_DIR (default ./data, as in env.ts) + /files. */
export function defaultFilesDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR ?? "./data"), "files");
}

/**
 * The files directory of an app built without a data directory (tests): shared by every such app in the machine's
 * temp directory, harmless because files are content-addressed.
 */
export const SHARED_TEMP_FILES_DIR = join(tmpdir(), "qingliu-files");

/** File bytes on disk, keyed by SHA-256. */
export class FileStore {
  /** @param dir where the files live; created on first write. */
  constructor(readonly dir: string) {}

  /**
   * Writes `bytes` (if not there yet) and returns their SHA-256. Written before the database row commits: a rolled
   * back transaction leaves an unreferenced file, never a row without its file.
   */
  put(bytes: Buffer): string {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const path = join(this.dir, sha256);
    if (!existsSync(path)) {
      mkdirSync(this.dir, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    }
    return sha256;
  }

  /** The bytes of a stored file, or null when missing. */
  get(sha256: string): Buffer | null {
    if (!SHA256.test(sha256)) return null;
    const path = join(this.dir, sha256);
    return existsSync(path) ? readFileSync(path) : null;
  }
}

/** Records a file's metadata (once per content). */
export async function insertFileRow(db: Kysely<DB>, v: { sha256: string; size: number; contentType: string }) {
  await db
    .insertInto("files")
    .values({ sha256: v.sha256, size: v.size, content_type: v.contentType })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}

/** A file's metadata. */
export async function findFileRow(db: Kysely<DB>, sha256: string) {
  return db.selectFrom("files").selectAll().where("sha256", "=", sha256).executeTakeFirst();
}
