/**
 * @module How the framework's shared parts appear in API responses: attachments (with the photo's EXIF position
 * and time — for staff; the public APIs never show them), a record's history (its audit entries, each with the
 * transition it recorded, if any; without IP addresses) and follow-up tasks.
 */
import type { AttachmentView } from "../repositories/registryAttachment.repository";
import type { RegistryTransitionRow } from "../db/tables/registries";
import type { RegistryTaskView } from "../repositories/registryTask.repository";
import type { listRecordAudit } from "../repositories/registryHistory.repository";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** One attachment; `url` downloads it. */
export function presentAttachment(a: AttachmentView, url: string) {
  return {
    id: a.id,
    purpose: a.purpose,
    fileName: a.file_name,
    contentType: a.content_type,
    size: Number(a.size),
    sha256: a.sha256,
    caption: a.caption,
    location: a.gps_lon !== null && a.gps_lat !== null ? { lon: a.gps_lon, lat: a.gps_lat } : null,
    takenAt: iso(a.taken_at),
    uploadedBy: a.uploader_name,
    uploadedAt: iso(a.uploaded_at),
    url: `${url}/${a.id}`,
  };
}

/** A record's history, newest first. */
export function presentHistory(entries: Awaited<ReturnType<typeof listRecordAudit>>, transitions: RegistryTransitionRow[]) {
  const bySeq = new Map(transitions.filter((t) => t.audit_seq !== null).map((t) => [Number(t.audit_seq), t]));
  return entries.map((e) => {
    const t = bySeq.get(Number(e.seq));
    return {
      seq: Number(e.seq),
      at: iso(e.at),
      actorName: e.actor_name,
      action: e.action,
      data: e.data,
      transition: t ? { action: t.action, from: t.from_status, to: t.to_status, note: t.note } : null,
    };
  });
}

/** A follow-up task. */
export function presentTask(t: RegistryTaskView) {
  return {
    id: t.id,
    registry: t.registry,
    recordId: t.record_id,
    kind: t.kind,
    title: t.title,
    body: t.body,
    unitId: t.unit_id,
    unitName: t.unit_name,
    chief: t.chief_id ? { id: t.chief_id, name: t.chief_name, position: t.chief_position } : null,
    dueOn: t.due_on,
    status: t.status,
    data: t.data,
    createdAt: iso(t.created_at),
    closedAt: iso(t.closed_at),
    closingNote: t.closing_note,
  };
}
