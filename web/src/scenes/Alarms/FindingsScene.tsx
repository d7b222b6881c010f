/**
 * @module /alarms/findings: anti-fabrication findings — the detector, the point and factors, the window and the
 * one-line evidence — filtered by status and detector; each opens its evidence page.
 */
import { Segmented, Select, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { listFindings, type DetectorRule, type Finding } from "../../api/quality";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { beijingText, detectorName, factorName } from "./shared";

/** Every detector, in display order. */
export const DETECTORS: DetectorRule[] = [
  "detection_limit", "narrow_variation", "fixed_jitter", "unexplained_gap", "lab_disagreement", "false_marking", "mark_exceedance", "cross_factor",
];

/** The page. */
export default function FindingsScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as Finding["status"] | "all" | null) ?? "open";
  const rule = (params.get("rule") as DetectorRule | null) ?? undefined;
  const q = useQuery({ queryKey: ["findings", status, rule], queryFn: () => listFindings({ status: status === "all" ? undefined : status, rule }) });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader
        title={t("alarms.findings.title")}
        extra={
          <Space wrap>
            <Segmented value={status} onChange={(v) => set("status", v === "open" ? undefined : String(v))}
              options={(["open", "confirmed", "dismissed", "all"] as const).map((v) => ({ value: v, label: t(`alarms.findings.status.${v}`) }))} data-testid="findings-filter-status" />
            <Select allowClear style={{ width: 200 }} placeholder={t("alarms.findings.allDetectors")} value={rule} onChange={(v) => set("rule", v)}
              options={DETECTORS.map((r) => ({ value: r, label: detectorName(r, t) }))} data-testid="findings-filter-rule" />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t("alarms.findings.explain")}</Typography.Paragraph>
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("alarms.findings.none") }}
        data-testid="findings-table"
        columns={[
          { title: t("alarms.findings.detector"), dataIndex: "rule", width: 150, render: (r, f) => <Space direction="vertical" size={0}><Link to={`/alarms/findings/${f.id}`} data-testid={`finding-${f.rule}`}>{detectorName(r, t)}</Link>{f.severity === "serious" && <Tag color="red">{t("alarms.findings.serious")}</Tag>}</Space> },
          { title: t("alarms.col.point"), render: (_, f) => `${f.pointCode ?? ""} ${f.pointName ?? ""}` },
          { title: t("alarms.col.factor"), width: 140, render: (_, f) => f.factors.map((x) => factorName(x, t)).join("、") },
          { title: t("alarms.findings.window"), width: 230, render: (_, f) => `${beijingText(f.from)} — ${beijingText(f.to).slice(5)}` },
          { title: t("alarms.findings.summary"), dataIndex: "summary" },
          { title: t("alarms.findings.statusCol"), dataIndex: "status", width: 90, render: (s) => <Tag color={s === "open" ? "orange" : s === "confirmed" ? "red" : "default"}>{t(`alarms.findings.status.${s as Finding["status"]}`)}</Tag> },
        ]}
      />
    </>
  );
}
