/**
 * @module The monthly reports, from the 1st of each month: for the month just ended, generates the water-quality
 * and the campaign-progress report (.docx and .xlsx, archived) unless that month already has one made after it
 * ended, then mails the scheduled versions to their recipients (when SMTP_URL is configured; a version made by
 * hand is mailed by hand). Runs hourly, so a worker that was down on the 1st catches up
 * later; each month is claimed in job_runs (`monthly-reports:YYYY-MM`) so that of several workers one generates it,
 * and a claim left by a worker that died lapses after an hour. Safe to run twice: an existing report is not
 * generated again and a delivered mail is not sent again.
 */
import { defaultFilesDir, FileStore } from "../repositories/file.repository";
import { latestReport, lockReportMonth } from "../repositories/report.repository";
import { REPORT_KINDS, type ReportKind } from "../db/tables/production";
import { reportGenerator } from "../commands/reportGenerator";
import { defaultMailer, type Mailer } from "../notify/mail";
import { mailReport } from "../reports/mailing";
import { previousMonth } from "../reports/period";
import type { ScheduledTask, TaskContext } from "./task";

/** Settings of the task; each has a production default. */
export interface MonthlyReportTaskOptions {
  /** Where the files go (default DATA_DIR/files). */
  files?: FileStore;
  /** The mailer (default: the process's, null without SMTP_URL — then nothing is mailed). */
  mailer?: Mailer | null;
}

/** Monthly reports, checked every hour. */
export class MonthlyReportTask implements ScheduledTask {
  readonly name = "monthly-reports";
  readonly periodMs = 60 * 60_000;
  constructor(private opts: MonthlyReportTaskOptions = {}) {}

  async run({ db, now }: TaskContext) {
    const period = previousMonth(now);
    const files = this.opts.files ?? new FileStore(defaultFilesDir());
    const mailer = this.opts.mailer === undefined ? defaultMailer() : this.opts.mailer;
    // A version made while the month was still running (interim) does not count: the month's own report is due.
    const missing: ReportKind[] = [];
    for (const kind of REPORT_KINDS) {
      const latest = await latestReport(db, kind, period);
      if (!latest || latest.summary.interim === true) missing.push(kind);
    }
    const generated: string[] = [];
    for (const kind of missing) {
      const made = await db.transaction().execute(async (trx) => {
        // Under the month's lock: someone may have generated it since the check above.
        await lockReportMonth(trx, kind, period);
        const latest = await latestReport(trx, kind, period);
        if (latest && latest.summary.interim !== true) return false;
        await reportGenerator({ trx, actor: null, ip: null, correlationId: `job:${this.name}:${period}` }, { kind, period, trigger: "schedule", now, files });
        return true;
      });
      if (made) generated.push(kind);
    }
    const mailed: Record<string, { sent: number; failed: number; skipped: number }> = {};
    if (mailer) {
      for (const kind of REPORT_KINDS) {
        const report = await latestReport(db, kind, period);
        // Mail only what the schedule produced: a manual version is mailed by whoever made it, if they choose.
        if (report && report.trigger === "schedule") {
          mailed[kind] = await mailReport(db, files, mailer, report, { actor: null, ip: null, correlationId: `job:${this.name}:${period}` });
        }
      }
    }
    return { period, generated, mailed, mail: mailer ? "smtp" : "not configured" };
  }
}
