/**
 * @module Table types of the production area (0017_production_mail_reports.sql): users' e-mail addresses, the
 * monthly reports with their recipients and mailings — merged into the {@link DB} of ../schema by module
 * augmentation.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** The monthly reports. */
export type ReportKind = "water_quality" | "campaign_progress";
/** Every report kind, in display order. */
export const REPORT_KINDS: readonly ReportKind[] = ["water_quality", "campaign_progress"];

/** One generated report (a month may have several versions; the newest counts). */
export interface ReportsTable {
  id: Generated<string>;
  kind: ReportKind;
  /** Beijing month YYYY-MM. */
  period: string;
  version: number;
  trigger: "schedule" | "manual";
  generated_at: Generated<Date>;
  generated_by: string | null;
  docx_sha256: string;
  xlsx_sha256: string;
  summary: Json<Record<string, unknown>>;
}

/** Someone the reports are mailed to. */
export interface ReportRecipientsTable {
  id: Generated<string>;
  email: string;
  name: string;
  kinds: ReportKind[];
  created_at: Generated<Date>;
  created_by: string | null;
}

/** What became of mailing a report to one address. */
export interface ReportMailingsTable {
  report_id: string;
  email: string;
  status: "sent" | "failed";
  error: string | null;
  at: Timestamp;
}

declare module "../schema" {
  interface UsersTable {
    /** E-mail address for the SMTP channel (0017); null: the person gets no e-mail. */
    email: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface DB {
    reports: ReportsTable;
    report_recipients: ReportRecipientsTable;
    report_mailings: ReportMailingsTable;
  }
}
