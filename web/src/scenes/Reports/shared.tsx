/**
 * @module Pieces shared by the report pages: kind labels, the month label, and the area's tabs (archive, mailing
 * list).
 */
import { Segmented } from "antd";
import { useLocation, useNavigate } from "react-router";
import type { ReportKind } from "../../api/reports";
import { useAbility } from "../../hooks/usePolicy";
import { useT, type MessageKey } from "../../i18n";

/** Label key of each kind. */
export const KIND_LABEL: Record<ReportKind, MessageKey> = {
  water_quality: "reports.kind.water_quality",
  campaign_progress: "reports.kind.campaign_progress",
};

/** "2024-05" as the current language writes it. */
export function monthLabel(period: string, lang: "zh" | "en"): string {
  const [y, m] = period.split("-").map(Number);
  return lang === "zh" ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** The area's tabs; the mailing list only for those who keep it. */
export function ReportsTabs() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canManage = useAbility("report.manage");
  if (!canManage) return null;
  const value = pathname.startsWith("/reports/recipients") ? "recipients" : "archive";
  return (
    <Segmented
      data-testid="reports-tabs"
      style={{ marginBottom: 16 }}
      value={value}
      onChange={(v) => navigate(v === "recipients" ? "/reports/recipients" : "/reports")}
      options={[{ value: "archive", label: t("reports.tab.archive") }, { value: "recipients", label: t("reports.tab.recipients") }]}
    />
  );
}
