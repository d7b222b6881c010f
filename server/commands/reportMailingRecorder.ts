/**
 * @module Records what became of mailing a report — one row per address (a retry overwrites a failure) — and one
 * audit entry for the round of mailing, in the caller's transaction. The mail itself is sent before, outside any
 * transaction (an SMTP server may take seconds; no database connection waits for it).
 */
import { audit, type CommandContext } from "../context";
import { recordMailing, type ReportRecord } from "../repositories/report.repository";

/** The outcome of one address. */
export interface MailingOutcome {
  email: string;
  status: "sent" | "failed";
  error: string | null;
}

/** What was sent. */
export interface ReportMailingRecorderProps {
  report: Pick<ReportRecord, "id" | "kind" | "period" | "version">;
  outcomes: MailingOutcome[];
  at: Date;
}

/** Stores the outcomes and audits them. */
export async function reportMailingRecorder(ctx: CommandContext, p: ReportMailingRecorderProps): Promise<void> {
  for (const o of p.outcomes) await recordMailing(ctx.trx, { reportId: p.report.id, email: o.email, status: o.status, error: o.error, at: p.at });
  await audit(ctx, {
    action: "report.mail",
    entityType: "report",
    entityId: p.report.id,
    data: {
      kind: p.report.kind, period: p.report.period, version: p.report.version,
      sent: p.outcomes.filter((o) => o.status === "sent").map((o) => o.email),
      failed: p.outcomes.filter((o) => o.status === "failed").map((o) => o.email),
    },
  });
}
