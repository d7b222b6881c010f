/**
 * @module /api/reports: the monthly reports (水质月报, 攻坚进展月报) — archive, generation on demand, mailing, and
 * the mailing list.
 */
import { request } from "./client";

/** The two monthly reports. */
export type ReportKind = "water_quality" | "campaign_progress";
/** Both kinds, in display order. */
export const REPORT_KINDS: ReportKind[] = ["water_quality", "campaign_progress"];

/** One generated report (a version of a kind and month). */
export interface ReportView {
  id: string;
  kind: ReportKind;
  /** Beijing month YYYY-MM. */
  period: string;
  version: number;
  /** Newest version of its kind and month. */
  latest: boolean;
  trigger: "schedule" | "manual";
  generatedAt: string;
  generatedByName: string | null;
  title: string | null;
  /** Made while the month was still running (figures as of that day). */
  interim: boolean;
  /** Key figures as (label, value). */
  figures: [string, string | number | null][];
  files: { docx: { url: string; name: string }; xlsx: { url: string; name: string } };
  mailings?: { sent: number; failed: { email: string; error: string | null }[] };
}

/** Actions the list's reader may take. */
export interface ReportListCan {
  generate: boolean;
  mail: boolean;
}

/** Someone the reports are mailed to. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  kinds: ReportKind[];
  createdAt: string;
}

/** Every report version the user may read. */
export async function listReports(q: { kind?: ReportKind; period?: string } = {}) {
  const r = await request<ReportView[], "read" | "mail">("GET", "/api/reports", { query: q });
  return r as typeof r & { can: ReportListCan };
}

/** Generates a month's report now (a new version). */
export function generateReport(body: { kind: ReportKind; period: string }) {
  return request<ReportView>("POST", "/api/reports", { body });
}

/** Mails a report to the recipients who do not have it yet. */
export function mailReport(id: string) {
  return request<{ sent: number; failed: number; skipped: number }>("POST", `/api/reports/${encodeURIComponent(id)}/mail`, { body: {} });
}

/** The mailing list. */
export async function listRecipients() {
  const r = await request<Recipient[]>("GET", "/api/reports/recipients");
  return r as typeof r & { mailConfigured: boolean };
}

/** Adds a recipient. */
export function addRecipient(body: { email: string; name: string; kinds: ReportKind[] }) {
  return request<Recipient>("POST", "/api/reports/recipients", { body });
}

/** Removes a recipient. */
export function removeRecipient(id: string) {
  return request<{ id: string }>("DELETE", `/api/reports/recipients/${encodeURIComponent(id)}`);
}
