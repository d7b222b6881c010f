/**
 * @module /supervision/indicators: the plan's indicators (工作目标) as a traffic-light board for a year — value, target
 * (or change against the baseline year), formula, where the value comes from (computed from monitoring, or entered
 * from a named document) — and the office's entry of values and amber margins.
 */
import { useState } from "react";
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listIndicators, recordIndicatorValue, updateIndicator, type IndicatorView } from "../../api/supervision";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { LightDot, localDay, usePlanContext } from "./shared";

const fmt = (n: number | null, digits = 2) => (n === null ? "—" : Number.isInteger(n) ? String(n) : n.toFixed(digits));

function ValueModal({ indicator, onClose }: { indicator: IndicatorView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ period: string; value: number; sourceDocument: string; note?: string }>();
  const save = useMutation({
    mutationFn: (v: { period: string; value: number; sourceDocument: string; note?: string }) => recordIndicatorValue(indicator.id, v),
    onSuccess: () => {
      message.success(t("supervision.indicator.saved"));
      void qc.invalidateQueries({ queryKey: ["supervision", "indicators"] });
      onClose();
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  const periods = [String(indicator.year), ...(indicator.baselineYear ? [String(indicator.baselineYear)] : [])];
  return (
    <Modal open title={t("supervision.indicator.enterTitle", { name: indicator.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={buttonTestId("indicator-save")} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ period: String(indicator.year) }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="period" label={t("supervision.indicator.period")} rules={[{ required: true }]} extra={indicator.baselineYear ? t("supervision.indicator.baselineHint", { year: indicator.baselineYear }) : undefined}>
          <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="indicator-period" />
        </Form.Item>
        <Form.Item name="value" label={`${t("supervision.indicator.value")}${indicator.unit ? `（${indicator.unit}）` : ""}`} rules={[{ required: true, message: t("supervision.indicator.valueRequired") }]}>
          <InputNumber style={{ width: 200 }} data-testid="indicator-value" />
        </Form.Item>
        <Form.Item name="sourceDocument" label={t("supervision.indicator.source")} rules={[{ required: true, message: t("supervision.indicator.sourceRequired") }]}>
          <Input maxLength={300} placeholder={t("supervision.indicator.sourcePlaceholder")} data-testid="indicator-source" />
        </Form.Item>
        <Form.Item name="note" label={t("supervision.indicator.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function targetText(i: IndicatorView, t: ReturnType<typeof useT>) {
  const key = `supervision.indicator.cmp.${i.comparison}` as MessageKey;
  return t(key, { target: fmt(i.target), unit: i.comparison === "decrease" || i.comparison === "increase" ? "%" : i.unit, baseline: i.baselineYear ?? "" });
}

function IndicatorCard({ i, canEdit, onEnter }: { i: IndicatorView; canEdit: boolean; onEnter: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const margin = useMutation({
    mutationFn: (amberMargin: number) => updateIndicator(i.id, { amberMargin }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["supervision", "indicators"] }),
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const relative = i.comparison === "decrease" || i.comparison === "increase";
  const detail = i.computed?.detail as Record<string, unknown> | undefined;
  return (
    <Card
      size="small"
      data-testid={`indicator-${i.code}`}
      title={<Space><LightDot light={i.status.light} size={16} /><span style={{ whiteSpace: "normal" }}>{i.name}</span></Space>}
      extra={canEdit && <Button size="small" onClick={onEnter} data-testid={`indicator-enter-${i.code}`}>{t("supervision.indicator.enter")}</Button>}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("supervision.indicator.target")}>{targetText(i, t)}（{i.targetYear}）</Descriptions.Item>
        <Descriptions.Item label={t("supervision.indicator.value")}>
          <Space wrap>
            <Typography.Text strong>{fmt(i.value)}{i.value !== null ? i.unit : ""}</Typography.Text>
            {relative && i.status.achieved !== null && <Tag>{t(i.comparison === "decrease" ? "supervision.indicator.decreased" : "supervision.indicator.increased", { n: fmt(i.status.achieved) })}</Tag>}
            {i.valueSource && <Tag color={i.valueSource === "computed" ? "blue" : "default"}>{t(`supervision.indicator.source.${i.valueSource}` as MessageKey)}</Tag>}
          </Space>
        </Descriptions.Item>
        {relative && (
          <Descriptions.Item label={t("supervision.indicator.baseline", { year: i.baselineYear ?? "" })}>
            {i.baseline ? `${fmt(i.baseline.value)}${i.unit}（${i.baseline.sourceDocument ?? ""}）`
              : i.computedBaseline !== null ? `${fmt(i.computedBaseline)}${i.unit}（${t("supervision.indicator.source.computed")}）`
              : <Typography.Text type="warning">{t("supervision.indicator.noBaseline")}</Typography.Text>}
          </Descriptions.Item>
        )}
        {i.entered && <Descriptions.Item label={t("supervision.indicator.source")}>{i.entered.sourceDocument}（{localDay(i.entered.recordedAt)} {i.entered.recordedBy ?? ""}）</Descriptions.Item>}
        {i.method === "surface_water" && detail && (
          <Descriptions.Item label={t("supervision.indicator.sections")}>
            {Number(detail.assessed ?? 0) ? t("supervision.indicator.sectionsCell", { attained: String(detail.attained ?? 0), assessed: String(detail.assessed ?? 0) }) : t("supervision.indicator.noData", { year: i.year })}
          </Descriptions.Item>
        )}
        {i.method === "drinking_intake" && detail && (
          <Descriptions.Item label={t("supervision.indicator.intakes")}>
            {Number(detail.months ?? 0) ? t("supervision.indicator.intakesCell", { ok: String(detail.compliantMonths ?? 0), all: String(detail.months ?? 0) }) : t("supervision.indicator.noData", { year: i.year })}
            {detail.weighted === false && Number(detail.months ?? 0) > 0 && <Typography.Text type="secondary">{t("supervision.indicator.unweighted")}</Typography.Text>}
          </Descriptions.Item>
        )}
        {i.method === "industrial_water" && (
          <Descriptions.Item label={t("supervision.indicator.dataSource")}>
            {Number(detail?.counted ?? 0)
              ? t("supervision.indicator.enterprisesCell", {
                n: String(detail!.counted), result: `${fmt(i.computed?.value ?? null)}${i.unit}`, water: fmt(Number(detail!.waterM3), 0), value: fmt(Number(detail!.valueAddedWan), 0),
              })
              : t("supervision.indicator.industrialNote")}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("supervision.indicator.formula")}>{i.formula}</Descriptions.Item>
        <Descriptions.Item label={t("supervision.indicator.amber")}>
          {canEdit ? (
            <InputNumber size="small" min={0} defaultValue={i.amberMargin} onBlur={(e) => { const v = Number(e.target.value); if (Number.isFinite(v) && v !== i.amberMargin) margin.mutate(v); }} style={{ width: 100 }} />
          ) : fmt(i.amberMargin)}
        </Descriptions.Item>
      </Descriptions>
      {i.history.length > 0 && (
        <Table
          size="small" rowKey="id" pagination={false} dataSource={i.history.slice(0, 6)} style={{ marginTop: 8 }}
          columns={[
            { title: t("supervision.indicator.period"), dataIndex: "period", width: 80 },
            { title: t("supervision.indicator.value"), dataIndex: "value", width: 90 },
            { title: t("supervision.indicator.source"), dataIndex: "sourceDocument" },
          ]}
        />
      )}
    </Card>
  );
}

/** The page. */
export default function IndicatorsScene() {
  const t = useT();
  const { planId, plan } = usePlanContext();
  const [year, setYear] = useState<number | undefined>();
  const [entering, setEntering] = useState<IndicatorView | null>(null);
  const q = useQuery({ queryKey: ["supervision", "indicators", planId, year], queryFn: () => listIndicators(planId!, year), enabled: Boolean(planId) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const list = q.data?.data ?? [];
  const thisYear = new Date().getFullYear();
  const years = [...new Set([plan?.year, thisYear, thisYear - 1].filter((y): y is number => typeof y === "number"))].sort();
  return (
    <>
      <PageHeader
        title={t("supervision.indicator.title")}
        extra={
          <Space>
            <span>{t("supervision.indicator.year")}</span>
            <Select style={{ width: 140 }} value={year ?? "target"} onChange={(v) => setYear(v === "target" ? undefined : Number(v))}
              options={[{ value: "target", label: t("supervision.indicator.targetYear") }, ...years.map((y) => ({ value: y, label: String(y) }))]} data-testid="indicator-year" />
          </Space>
        }
      />
      {q.isLoading ? <Card loading /> : list.length === 0 ? <Empty description={t("supervision.indicator.none")} /> : (
        <Row gutter={[16, 16]} data-testid="indicator-board">
          {list.map((i) => (
            <Col key={i.id} xs={24} lg={12} xxl={8}>
              <IndicatorCard i={i} canEdit={Boolean(q.data?.canEdit)} onEnter={() => setEntering(i)} />
            </Col>
          ))}
        </Row>
      )}
      {entering && <ValueModal indicator={entering} onClose={() => setEntering(null)} />}
    </>
  );
}
