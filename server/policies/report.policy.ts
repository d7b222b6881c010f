/**
 * @module Who may read and make the monthly reports. The water-quality report is for everyone signed in (it is
 * the district's own published figures); the campaign-progress report ranks units and lists their lateness, so
 * it goes to those who read supervision (server/policies/supervision.policy.ts). The office generates reports,
 * mails them and keeps the mailing list. The public reads the water-quality reports (a 水质月报 is published).
 */
import type { ReportKind } from "../db/tables/production";
import { definePolicy, has, type Actor } from "./cancan";
import { canReadSupervision } from "./supervision.policy";

/** Whether the actor reads reports of `kind`. */
export const canReadReportKind = (a: Actor, kind: ReportKind) => kind === "water_quality" || canReadSupervision(a);
/** The kinds the actor reads. */
export const readableReportKinds = (a: Actor): ReportKind[] => (["water_quality", "campaign_progress"] as const).filter((k) => canReadReportKind(a, k));
/** Whether the actor generates and mails reports and keeps the recipients. */
export const canManageReports = (a: Actor) => has(a, "office_admin");
/** Reports the public may read and download. */
export const isPublicReport = (r: { kind: ReportKind }) => r.kind === "water_quality";

/** Rules for one report. */
export const reportPolicy = definePolicy<{ kind: ReportKind }>()({
  read: (a, r) => canReadReportKind(a, r.kind),
  mail: (a, r) => canManageReports(a) && canReadReportKind(a, r.kind),
});
