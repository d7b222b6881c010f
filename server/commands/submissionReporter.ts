/**
 * @module A unit answers a round for one of its tasks (or with its annual 实施方案): text, figures and attachments.
 * Attachment types are sniffed from the bytes (PDF, PNG, JPEG, .docx, .xlsx) — a name or a client's content type
 * proves nothing — and each is at most 10 MB. Bytes go to the file store, metadata to the database.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { CONTENT_TYPES, sniffType } from "../documents/sniff";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { insertSubmission, type Figure } from "../repositories/submission.repository";

/** Largest attachment. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What the unit reports. */
export interface SubmissionReporterProps {
  /** The requirement answered (round, task, unit). */
  requirement: { id: string; round_id: string; task_id: string | null; unit_id: string };
  /** The round must still be open. */
  roundStatus: "open" | "closed";
  text: string;
  figures: Figure[];
  attachments: { fileName: string; bytes: Buffer }[];
  at: Date;
  files: FileStore;
}

/** Stores the submission; returns its row and the attachments' metadata. */
export async function submissionReporter(ctx: CommandContext, p: SubmissionReporterProps) {
  if (p.roundStatus !== "open") throw Conflict("该轮调度已结束，不能再报送");
  const issues: FieldIssue[] = [];
  const sniffed = p.attachments.map((a, i) => {
    if (a.bytes.length === 0) issues.push({ path: `attachments.${i}`, message: "文件为空" });
    else if (a.bytes.length > MAX_ATTACHMENT_BYTES) issues.push({ path: `attachments.${i}`, message: "单个附件不能超过 10 MB" });
    const type = sniffType(a.bytes);
    if (!type && a.bytes.length) issues.push({ path: `attachments.${i}`, message: "只接受 PDF、PNG、JPEG、Word（.docx）和 Excel（.xlsx）文件" });
    return type;
  });
  if (issues.length) throw ValidationError(issues, "附件不符合要求");
  const stored = p.attachments.map((a, i) => {
    const sha256 = p.files.put(a.bytes);
    return { sha256, fileName: a.fileName, size: a.bytes.length, type: sniffed[i]!, contentType: CONTENT_TYPES[sniffed[i]!] };
  });
  for (const s of stored) await insertFileRow(ctx.trx, { sha256: s.sha256, size: s.size, contentType: s.contentType });
  const submission = await insertSubmission(ctx.trx, {
    requirementId: p.requirement.id,
    submittedBy: ctx.actor?.id ?? null,
    submittedAt: p.at,
    text: p.text,
    figures: p.figures,
    attachments: stored,
  });
  await audit(ctx, {
    action: "submission.create",
    entityType: "submission",
    entityId: submission.id,
    unitId: p.requirement.unit_id,
    data: {
      roundId: p.requirement.round_id, taskId: p.requirement.task_id, figures: p.figures.length,
      attachments: stored.map((s) => ({ fileName: s.fileName, sha256: s.sha256, type: s.type, size: s.size })),
    },
  });
  return { submission, attachments: stored };
}
