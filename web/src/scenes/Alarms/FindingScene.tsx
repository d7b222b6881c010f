/**
 * @module /alarms/findings/:id: one finding with its evidence — the rule and what it looks for, the numbers, a chart
 * of each factor over the window (shaded) with its flags — and the decision: confirm (optionally rejecting the
 * window's values so published figures leave them out) or dismiss, with a reason.
 */
import { useState } from "react";
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Tag, Typography } from "antd";
import type { ButtonProps } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { decideFinding, getFinding } from "../../api/quality";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { FlagChart } from "./FlagChart";
import { beijingText, detectorName, factorName, formatValue } from "./shared";

const TIME_KEYS = new Set(["labTime", "beforeTime", "worstTime"]);
const SHARE_KEYS = new Set(["share", "variation", "modeShare", "flowShare", "relative"]);

/** A number of the evidence as text: times in Beijing time, shares as percentages. */
function numberText(k: string, v: number | string | null): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  if (TIME_KEYS.has(k)) return beijingText(new Date(v).toISOString());
  if (SHARE_KEYS.has(k)) return `${Math.round(v * 1000) / 10}%`;
  return formatValue(v);
}

/** The page. */
export default function FindingScene() {
  const { id = "" } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["finding", id], queryFn: () => getFinding(id) });
  const [decision, setDecision] = useState<"confirm" | "dismiss" | null>(null);
  const [form] = Form.useForm<{ reason: string; rejectData: boolean }>();
  const decide = useMutation({
    mutationFn: (v: { reason: string; rejectData: boolean }) => decideFinding(id, { decision: decision!, reason: v.reason, rejectData: decision === "confirm" && Boolean(v.rejectData) }),
    onSuccess: (r) => {
      message.success(r.data.rejected ? t("alarms.finding.doneRejected", { n: r.data.rejected }) : t("alarms.finding.done"));
      setDecision(null);
      void qc.invalidateQueries({ queryKey: ["finding", id] });
      void qc.invalidateQueries({ queryKey: ["findings"] });
      // The decision re-evaluated the outlet-days of its hourly values (violations withdrawn or opened).
      void qc.invalidateQueries({ queryKey: ["violations"] });
      void qc.invalidateQueries({ queryKey: ["noncompliance"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const f = q.data.data;
  const policy = policyOf(q.data.policies, f.id);
  const lines = f.evidence.map((e, i) => ({
    factor: e.factor, values: e.values, right: i > 0 && e.factor !== f.evidence[0].factor,
    ...(e.period === "sample" ? { name: `${factorName(e.factor, t)} · ${t("alarms.finding.lab")}`, points: true } : {}),
  }));
  return (
    <>
      <PageHeader
        title={<Space><Link to="/alarms/findings" aria-label={t("alarms.back")}><ArrowLeftOutlined /></Link>{detectorName(f.rule, t)} · {f.pointName}</Space>}
        extra={
          policy.decide && (
            <Space>
              <Button danger onClick={() => setDecision("confirm")} data-testid="finding-confirm">{t("alarms.finding.confirm")}</Button>
              <Button onClick={() => setDecision("dismiss")} data-testid="finding-dismiss">{t("alarms.finding.dismiss")}</Button>
            </Space>
          )
        }
      />
      <Alert type={f.severity === "serious" ? "error" : "warning"} showIcon style={{ marginBottom: 16 }} message={f.summary} description={t(`alarms.detector.${f.rule}.explain` as MessageKey)} data-testid="finding-summary" />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t("alarms.col.point")}><Link to={`/monitoring/points/${f.pointId}`}>{f.pointCode} {f.pointName}</Link></Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.factor")}>{f.factors.map((x) => factorName(x, t)).join("、")}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.findings.window")}>{beijingText(f.from)} — {beijingText(f.to)}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.findings.statusCol")}><Tag>{t(`alarms.findings.status.${f.status}`)}</Tag>{f.decisionReason ? ` ${f.decisionReason}` : ""}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.finding.detectedAt")}>{beijingText(f.detectedAt)}</Descriptions.Item>
        </Descriptions>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title={t("alarms.finding.numbers")} style={{ marginTop: 12 }} data-testid="finding-numbers">
          {Object.entries(f.numbers).map(([k, v]) => (
            <Descriptions.Item key={k} label={t(`alarms.number.${k}` as MessageKey) === `alarms.number.${k}` ? k : t(`alarms.number.${k}` as MessageKey)}>{numberText(k, v)}</Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={t("alarms.finding.chart")}>
        <FlagChart lines={lines} window={{ from: f.from, to: f.to }} testId="finding-chart" height={360} />
      </Card>
      <Modal
        open={decision !== null}
        title={decision ? t(`alarms.finding.${decision}Title`) : ""}
        onCancel={() => setDecision(null)}
        onOk={() => void form.validateFields().then((v) => decide.mutate(v))}
        confirmLoading={decide.isPending}
        okButtonProps={{ danger: decision === "confirm", "data-testid": "finding-submit" } as ButtonProps}
      >
        <Form form={form} layout="vertical" initialValues={{ rejectData: false }}>
          <Form.Item name="reason" label={t("alarms.review.reason")} rules={[{ required: true, min: 2, message: t("alarms.review.reasonRequired") }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="finding-reason" />
          </Form.Item>
          {decision === "confirm" && policy.rejectData && (
            <Form.Item name="rejectData" valuePropName="checked">
              <Checkbox>{t("alarms.finding.rejectData", { factor: factorName(f.factors[0], t) })}</Checkbox>
            </Form.Item>
          )}
          {decision === "confirm" && !policy.rejectData && <Typography.Text type="secondary">{t("alarms.finding.rejectByOperator")}</Typography.Text>}
        </Form>
      </Modal>
    </>
  );
}
