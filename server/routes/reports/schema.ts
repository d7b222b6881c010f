/**
 * @module Requests of the report routes.
 */
import { z } from "zod";
import { REPORT_KINDS, type ReportKind } from "../../db/tables/production";
import { PERIOD } from "../../reports/period";

const Kind = z.enum(REPORT_KINDS as [ReportKind, ...ReportKind[]], "报告类型应为 water_quality 或 campaign_progress");
const Period = z.string().regex(PERIOD, "月份格式应为 YYYY-MM，例如 2024-05");

/** List filters. */
export const ListReportsQuery = z.object({
  /** Only this kind. */
  kind: Kind.optional(),
  /** Only this month. */
  period: Period.optional(),
});

/** Generate a report on demand. */
export const GenerateReportSchema = z.object({
  /** Which report. */
  kind: Kind,
  /** Beijing month YYYY-MM; a month not yet over is reported as of today. */
  period: Period,
});

/** A new recipient of the reports. */
export const RecipientSchema = z.object({
  /** Their e-mail address (stored lower-case). */
  email: z.email("邮箱地址格式不正确").max(254).transform((v) => v.toLowerCase()),
  /** Name shown in the list and in the mail's greeting. */
  name: z.string().trim().min(1, "请输入姓名或单位").max(100),
  /** The reports they receive. */
  kinds: z.array(Kind).min(1, "至少选择一种报告").max(2),
});

/** Path parameter. */
export const IdParams = z.object({ id: z.uuid("不是有效的编号") });

/** Path parameters of a download. */
export const FileParams = z.object({
  id: z.uuid("不是有效的编号"),
  /** Which file. */
  format: z.enum(["docx", "xlsx"], "文件格式应为 docx 或 xlsx"),
});
