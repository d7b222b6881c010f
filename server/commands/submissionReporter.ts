/**
 * @module A unit answers a round for one of its tasks (or with its annual 实施方案): text, figures and attachments.
 * Attachments are checked and stored by plans/attachments.ts (type sniffed from the bytes, at most 10 MB each).
 */
import { audit, type CommandContext } from "../context";
import { RoundClosed } from "../errors";
import type { FileStore } from "../repositories/file.repository";
import { storeAttachments } from "../plans/attachments";
import { insertSubmission, type Figure } from "../repositories/submission.repository";

/** What the unit reports. */
export interface SubmissionReporterProps {
  /** The requirement answered (round, task, unit). */
  requirement: { id: string; round_id: string; task_id: string | null; unit_id: string };
  /** The round must still be open. */
  roundStatus: "open" | "closed";
  /** Its title, for the refusal. */
  roundTitle?: string;
  text: string;
  figures: Figure[];
  attachments: { fileName: string; bytes: Buffer }[];
  at: Date;
  files: FileStore;
}

/** Stores the submission; returns its row and the attachments' metadata. */
export async function submissionReporter(ctx: CommandContext, p: SubmissionReporterProps) {
  if (p.roundStatus !== "open") throw RoundClosed(p.roundTitle ?? "该轮调度");
  const stored = await storeAttachments(ctx.trx, p.files, p.attachments);
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
