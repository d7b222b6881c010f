/**
 * @module Generates a monthly report: gathers the month's figures (water quality from the readings, campaign
 * progress from the supervision tables), renders one layout as .docx and .xlsx, stores both files and records the
 * report as the next version of (kind, month) — with its audit entry, in the caller's transaction. A month not yet
 * over is reported "as of today" and says so; a month not yet begun is refused.
 */
import { audit, type CommandContext } from "../context";
import { ReportPeriodInFuture } from "../errors";
import type { ReportKind } from "../db/tables/production";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { insertReport, lockReportMonth, type ReportRecord } from "../repositories/report.repository";
import { campaignProgressReport } from "../reports/campaignProgress";
import { campaignLayout, waterQualityLayout, type LayoutMeta, type ReportLayout } from "../reports/layout";
import { monthBounds, monthEnded } from "../reports/period";
import { renderDocx } from "../reports/renderDocx";
import { renderXlsx } from "../reports/renderXlsx";
import { waterQualityReport } from "../reports/waterQuality";
import { chineseDate } from "../documents/supervisionDocx";
import { OFFICE_NAME } from "./documentIssuer";
import { toIsoDate } from "../../domain/supervision/days";

/** What to generate. */
export interface ReportGeneratorProps {
  kind: ReportKind;
  /** Beijing month YYYY-MM. */
  period: string;
  /** The worker on the 1st, or someone pressing 生成. */
  trigger: "schedule" | "manual";
  /** The moment of generation (figures of a month not yet over stand at this day). */
  now: Date;
  /** Where the files go. */
  files: FileStore;
}

/** The content types of the two files. */
export const REPORT_CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The layout of a report of `kind` for `period` as of `now` (also used by tests to compare with the files). */
export async function buildReportLayout(ctx: Pick<CommandContext, "trx">, p: Pick<ReportGeneratorProps, "kind" | "period" | "now">): Promise<ReportLayout> {
  const today = toIsoDate(p.now.getTime());
  const meta: LayoutMeta = { issuer: OFFICE_NAME, generatedOn: chineseDate(today), interimAsOf: monthEnded(p.period, p.now) ? null : chineseDate(today) };
  return p.kind === "water_quality"
    ? waterQualityLayout(await waterQualityReport(ctx.trx, p.period), meta)
    : campaignLayout(await campaignProgressReport(ctx.trx, p.period, p.now), meta);
}

/** Generates and records the report; returns the new version. */
export async function reportGenerator(ctx: CommandContext, p: ReportGeneratorProps): Promise<ReportRecord> {
  if (monthBounds(p.period).from.getTime() > p.now.getTime()) throw ReportPeriodInFuture(p.period);
  await lockReportMonth(ctx.trx, p.kind, p.period);
  const layout = await buildReportLayout(ctx, p);
  const [docx, xlsx] = await Promise.all([renderDocx(layout), renderXlsx(layout)]);
  // Files first: a rolled-back transaction leaves an unreferenced file, never a row without its file.
  const docxSha256 = p.files.put(docx);
  const xlsxSha256 = p.files.put(xlsx);
  await insertFileRow(ctx.trx, { sha256: docxSha256, size: docx.length, contentType: REPORT_CONTENT_TYPES.docx });
  await insertFileRow(ctx.trx, { sha256: xlsxSha256, size: xlsx.length, contentType: REPORT_CONTENT_TYPES.xlsx });
  const report = await insertReport(ctx.trx, {
    kind: p.kind,
    period: p.period,
    trigger: p.trigger,
    generatedBy: ctx.actor?.id ?? null,
    docxSha256,
    xlsxSha256,
    summary: { title: layout.title, interim: !monthEnded(p.period, p.now), figures: layout.keyFigures },
  });
  await audit(ctx, {
    action: "report.generate",
    entityType: "report",
    entityId: report.id,
    data: { kind: p.kind, period: p.period, version: report.version, trigger: p.trigger, docxSha256, xlsxSha256 },
  });
  return report;
}
