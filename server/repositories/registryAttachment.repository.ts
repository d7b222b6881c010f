/**
 * @module All SQL of registry attachments: files attached to any registry record, by the record's registry
 * (audit entity type) and id.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { AttachmentPurpose, RegistryAttachmentRow } from "../db/tables/registries";

/** An attachment to store. */
export interface NewAttachment {
  registry: string;
  recordId: string;
  purpose: AttachmentPurpose;
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
  gpsLon: number | null;
  gpsLat: number | null;
  takenAt: Date | null;
  caption: string | null;
  uploadedBy: string | null;
}

/** Stores an attachment row (the file row must exist). */
export function insertAttachment(db: Kysely<DB>, a: NewAttachment): Promise<RegistryAttachmentRow> {
  return db
    .insertInto("registry_attachments")
    .values({
      registry: a.registry, record_id: a.recordId, purpose: a.purpose, sha256: a.sha256, file_name: a.fileName,
      content_type: a.contentType, size: a.size, gps_lon: a.gpsLon, gps_lat: a.gpsLat, taken_at: a.takenAt,
      caption: a.caption, uploaded_by: a.uploadedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A record's attachments, oldest first, with the uploader's name. */
export function listAttachments(db: Kysely<DB>, registry: string, recordId: string) {
  return db
    .selectFrom("registry_attachments as a")
    .leftJoin("users as u", "u.id", "a.uploaded_by")
    .selectAll("a")
    .select("u.display_name as uploader_name")
    .where("a.registry", "=", registry)
    .where("a.record_id", "=", recordId)
    .orderBy("a.uploaded_at")
    .orderBy("a.id")
    .execute();
}

/** An attachment row with its uploader's name. */
export type AttachmentView = Awaited<ReturnType<typeof listAttachments>>[number];

/** One attachment of a record. */
export function findAttachment(db: Kysely<DB>, registry: string, recordId: string, id: string): Promise<RegistryAttachmentRow | undefined> {
  return db
    .selectFrom("registry_attachments")
    .selectAll()
    .where("registry", "=", registry)
    .where("record_id", "=", recordId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Attachments of a record per purpose (conditions such as "at least one rectification photo"). */
export async function countAttachments(db: Kysely<DB>, registry: string, recordId: string): Promise<Record<AttachmentPurpose, number>> {
  const rows = await db
    .selectFrom("registry_attachments")
    .select(["purpose", (eb) => eb.fn.countAll<number>().as("n")])
    .where("registry", "=", registry)
    .where("record_id", "=", recordId)
    .groupBy("purpose")
    .execute();
  const out: Record<AttachmentPurpose, number> = { photo: 0, evidence: 0, rectification: 0, document: 0 };
  for (const r of rows) out[r.purpose] = Number(r.n);
  return out;
}
