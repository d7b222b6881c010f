/**
 * @module Mails a report (both files attached) to the recipients of its kind who have not received it yet, then
 * records each outcome (../commands/reportMailingRecorder.ts). Sending happens outside any transaction; a failed
 * address is tried again at the next mailing of the same report, a delivered one never twice.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { FileStore } from "../repositories/file.repository";
import { listRecipients, mailingsOf, type ReportRecord } from "../repositories/report.repository";
import { reportMailingRecorder, type MailingOutcome } from "../commands/reportMailingRecorder";
import { REPORT_CONTENT_TYPES } from "../commands/reportGenerator";
import type { Mailer } from "../notify/mail";
import type { AuditActor } from "../repositories/audit.repository";
import { periodLabel } from "./period";

/** What a round of mailing did. */
export interface MailingResult {
  sent: number;
  failed: number;
  /** Recipients who already had this report. */
  skipped: number;
}

/** The file names of a report's attachments, e.g. "2024年5月地表水环境质量月报.docx". */
export function reportFileName(r: Pick<ReportRecord, "summary" | "period" | "kind">, ext: "docx" | "xlsx"): string {
  const title = typeof r.summary.title === "string" ? r.summary.title : `${periodLabel(r.period)}${r.kind === "water_quality" ? "水质月报" : "攻坚进展月报"}`;
  return `${title}.${ext}`;
}

/** Sends the report to whoever should have it and does not; records the outcomes. */
export async function mailReport(
  db: Kysely<DB>,
  files: FileStore,
  mailer: Mailer,
  report: ReportRecord,
  who: { actor: AuditActor | null; ip: string | null; correlationId: string | null },
): Promise<MailingResult> {
  const recipients = (await listRecipients(db)).filter((r) => r.kinds.includes(report.kind));
  const delivered = new Set((await mailingsOf(db, [report.id])).filter((m) => m.status === "sent").map((m) => m.email));
  const due = recipients.filter((r) => !delivered.has(r.email));
  if (!due.length) return { sent: 0, failed: 0, skipped: recipients.length };
  const docx = files.get(report.docxSha256);
  const xlsx = files.get(report.xlsxSha256);
  if (!docx || !xlsx) throw new Error(`report ${report.id}: its files are missing from the file store`);
  const title = reportFileName(report, "docx").replace(/\.docx$/, "");
  const outcomes: MailingOutcome[] = [];
  for (const r of due) {
    try {
      await mailer.send({
        to: r.email,
        subject: title,
        text: `${r.name}：\n\n附件为${title}（Word 与 Excel 各一份）。\n\n此邮件由清流平台自动发送，请勿直接回复。`,
        attachments: [
          { filename: reportFileName(report, "docx"), content: docx, contentType: REPORT_CONTENT_TYPES.docx },
          { filename: reportFileName(report, "xlsx"), content: xlsx, contentType: REPORT_CONTENT_TYPES.xlsx },
        ],
      });
      outcomes.push({ email: r.email, status: "sent", error: null });
    } catch (err) {
      outcomes.push({ email: r.email, status: "failed", error: (err as Error).message.slice(0, 500) });
    }
  }
  await db.transaction().execute((trx) => reportMailingRecorder({ trx, ...who }, { report, outcomes, at: new Date() }));
  return {
    sent: outcomes.filter((o) => o.status === "sent").length,
    failed: outcomes.filter((o) => o.status === "failed").length,
    skipped: recipients.length - due.length,
  };
}
