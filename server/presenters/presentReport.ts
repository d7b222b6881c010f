/**
 * @module How monthly reports and their recipients appear in API responses: the archive entry with its key
 * figures, whether it is the month's newest version, its mailings, and the download addresses.
 */
import type { MailingRecord, RecipientRecord, ReportRecord } from "../repositories/report.repository";
import { reportFileName } from "../reports/mailing";

/** A report as the API shows it; `base` is where its files are downloaded (/api/reports or /api/public/reports). */
export function presentReport(r: ReportRecord, o: { latest: boolean; mailings?: MailingRecord[]; base?: string } = { latest: true }) {
  const base = o.base ?? "/api/reports";
  const mailings = o.mailings?.filter((m) => m.reportId === r.id);
  return {
    id: r.id,
    kind: r.kind,
    period: r.period,
    version: r.version,
    latest: o.latest,
    trigger: r.trigger,
    generatedAt: r.generatedAt.toISOString(),
    generatedByName: r.generatedByName,
    title: typeof r.summary.title === "string" ? r.summary.title : null,
    interim: r.summary.interim === true,
    figures: Array.isArray(r.summary.figures) ? (r.summary.figures as [string, string | number | null][]) : [],
    files: {
      docx: { url: `${base}/${r.id}/docx`, name: reportFileName(r, "docx") },
      xlsx: { url: `${base}/${r.id}/xlsx`, name: reportFileName(r, "xlsx") },
    },
    ...(mailings
      ? { mailings: { sent: mailings.filter((m) => m.status === "sent").length, failed: mailings.filter((m) => m.status === "failed").map((m) => ({ email: m.email, error: m.error })) } }
      : {}),
  };
}

/** A recipient as the API shows it. */
export function presentRecipient(r: RecipientRecord | { id: string; email: string; name: string; kinds: string[]; created_at: Date }) {
  return { id: r.id, email: r.email, name: r.name, kinds: r.kinds, createdAt: new Date("createdAt" in r ? r.createdAt : r.created_at).toISOString() };
}
