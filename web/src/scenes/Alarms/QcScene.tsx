/**
 * @module /alarms/qc: QC settings per point and factor. Choose a point (kept in the URL); each factor shows which
 * tests run with what thresholds — the stored ones, or the defaults of the chosen period — and opens a form to set,
 * switch off or reset them, plus the instrument facts the anti-fabrication detectors use.
 */
import { useState } from "react";
import { Alert, Button, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { getQcSettings, type QcConfig, type StoredQcConfig } from "../../api/quality";
import { listPoints } from "../../api/monitoring";
import type { ReadingPeriod } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type MessageKey, type Translate } from "../../i18n";
import { QcForm, QC_TEST_KEYS } from "./QcForm";
import { factorName, testName } from "./shared";

/** The effective settings: stored tests over the defaults (as the server applies them). */
export function effective(defaults: QcConfig, stored: StoredQcConfig | null): QcConfig {
  if (!stored) return defaults;
  const out = { ...defaults } as Record<string, unknown>;
  for (const k of QC_TEST_KEYS) if (k in stored) out[k] = (stored as Record<string, unknown>)[k];
  out.instrument = { ...defaults.instrument, ...(stored.instrument ?? {}) };
  return out as unknown as QcConfig;
}

/** One test's settings in a few words. */
function testText(k: (typeof QC_TEST_KEYS)[number], c: QcConfig, t: Translate): string | null {
  const v = c[k] as Record<string, unknown> | null;
  if (!v) return null;
  const n = (x: unknown) => (x === null || x === undefined ? "—" : String(x));
  switch (k) {
    case "gap": return t("alarms.qcText.gap", { gap: v.maxGapSeconds ? Math.round(Number(v.maxGapSeconds) / 60) : "—" });
    case "grossRange": return t("alarms.qcText.range", { failMin: n(v.failMin), failMax: n(v.failMax), suspectMin: n(v.suspectMin), suspectMax: n(v.suspectMax) });
    case "climatology": return t("alarms.qcText.climatology", { n: (v.months as unknown[]).length });
    case "spike": return t("alarms.qcText.spike", { suspect: n(v.suspect), fail: n(v.fail) });
    case "rateOfChange": return t("alarms.qcText.rate", { rate: n(v.maxPerHour) });
    case "flatLine": return t("alarms.qcText.flat", { tol: n(v.tolerance), suspect: Math.round(Number(v.suspectSeconds) / 60), fail: v.failSeconds ? Math.round(Number(v.failSeconds) / 60) : "—" });
  }
}

/** The page. */
export default function QcScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const pointId = params.get("pointId") ?? undefined;
  const period = (params.get("period") as ReadingPeriod | null) ?? "hour";
  const [editing, setEditing] = useState<string | null>(null);
  const points = useQuery({ queryKey: ["monitoring-points", {}], queryFn: () => listPoints({}), staleTime: 60_000 });
  const q = useQuery({ queryKey: ["qc-settings", pointId, period], queryFn: () => getQcSettings(pointId!, period), enabled: Boolean(pointId) });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const row = q.data?.factors.find((f) => f.factor === editing);
  return (
    <>
      <PageHeader
        title={t("alarms.qc.title")}
        extra={
          <Space wrap>
            <Select showSearch optionFilterProp="label" style={{ width: 300 }} placeholder={t("alarms.qc.choosePoint")} value={pointId} onChange={(v) => set("pointId", v)}
              options={(points.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="qc-point" />
            <Select style={{ width: 140 }} value={period} onChange={(v) => set("period", v)}
              options={(["rt", "min", "hour", "day", "sample"] as const).map((p) => ({ value: p, label: t(`monitoring.period.${p}` as MessageKey) }))} data-testid="qc-period" />
          </Space>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("alarms.qc.explain")} />
      {!pointId ? (
        <Empty description={t("alarms.qc.choosePoint")} />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          rowKey="factor"
          size="middle"
          loading={q.isLoading}
          dataSource={q.data?.factors ?? []}
          pagination={false}
          locale={{ emptyText: t("alarms.qc.noFactors") }}
          data-testid="qc-table"
          columns={[
            { title: t("alarms.col.factor"), dataIndex: "factor", width: 160, render: (f, r) => <Space direction="vertical" size={0}><Typography.Text strong>{factorName(f, t)}</Typography.Text>{r.stored ? <Tag color="blue">{t("alarms.qc.custom")}</Tag> : <Tag>{t("alarms.qc.default")}</Tag>}</Space> },
            {
              title: t("alarms.qc.tests"),
              render: (_, r) => {
                const c = effective(r.defaults, r.stored);
                return (
                  <Space direction="vertical" size={0}>
                    {QC_TEST_KEYS.map((k) => {
                      const text = testText(k, c, t);
                      return <span key={k}><Typography.Text type={text ? undefined : "secondary"}>{testName(k, t)}：</Typography.Text>{text ?? <Typography.Text type="secondary">{t("alarms.qc.off")}</Typography.Text>}</span>;
                    })}
                  </Space>
                );
              },
            },
            {
              title: t("alarms.qc.instrument"), width: 220,
              render: (_, r) => {
                const i = effective(r.defaults, r.stored).instrument;
                return <Space direction="vertical" size={0}><span>{t("alarms.qc.dl")}：{i.detectionLimit ?? "—"}</span><span>{t("alarms.qc.range")}：{i.rangeMin ?? "—"} – {i.rangeMax ?? "—"}</span><span>{t("alarms.qc.resolution")}：{i.resolution ?? "—"}</span></Space>;
              },
            },
            { title: t("alarms.col.actions"), width: 90, render: (_, r) => q.data?.canEdit && <Button size="small" onClick={() => setEditing(r.factor)} data-testid={`qc-edit-${r.factor}`}>{t("alarms.rules.edit")}</Button> },
          ]}
        />
      )}
      {row && pointId && <QcForm pointId={pointId} factor={row.factor} stored={row.stored} defaults={row.defaults} onClose={() => setEditing(null)} />}
    </>
  );
}
