/**
 * @module /alarms/review: the review queue — suspect and failed values waiting for a person, newest first, with the
 * tests that flagged them. Choosing a value charts its series around it with every flag; operators accept, reject
 * (one or many at once) or correct a value (a new version; the raw value stays) with a reason. Published figures
 * use the reviewed data.
 */
import { useMemo, useState } from "react";
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { ButtonProps } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { decideReview, getFlags, getReviewQueue, type QueueEntry } from "../../api/quality";
import { listPoints } from "../../api/monitoring";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { FlagChart } from "./FlagChart";
import { QcTag, beijingText, factorLabel, factorName, formatValue, testName } from "./shared";

const keyOf = (e: QueueEntry) => `${e.pointId}|${e.factor}|${e.period}|${e.t}|${e.version}`;
type Decision = "accept" | "reject" | "correct";

/** The page. */
export default function ReviewScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // ?pointId= (e.g. from a class table's basis line) opens the queue filtered to that point.
  const [params] = useSearchParams();
  const [pointId, setPointId] = useState<string | undefined>(params.get("pointId") ?? undefined);
  const [qcFlag, setQcFlag] = useState<3 | 4 | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [focus, setFocus] = useState<QueueEntry | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ reason: string; value?: number | null }>();
  const points = useQuery({ queryKey: ["monitoring-points", {}], queryFn: () => listPoints({}), staleTime: 60_000 });
  const q = useQuery({ queryKey: ["review-queue", pointId, qcFlag], queryFn: () => getReviewQueue({ pointId, qcFlag }), refetchInterval: 15_000 });
  const rows = q.data?.data ?? [];
  const chosen = rows.filter((r) => selected.includes(keyOf(r)));
  const current = focus ?? rows[0] ?? null;
  const around = useMemo(() => {
    if (!current) return null;
    const t0 = new Date(current.t).getTime();
    const span = current.period === "day" ? 15 * 86_400_000 : current.period === "sample" ? 200 * 86_400_000 : current.period === "hour" ? 2 * 86_400_000 : 12 * 3_600_000;
    return { from: new Date(t0 - span).toISOString(), to: new Date(t0 + span).toISOString() };
  }, [current]);
  const flags = useQuery({
    queryKey: ["review-flags", current && keyOf(current), around?.from],
    queryFn: () => getFlags({ pointId: current!.pointId, factor: current!.factor, period: current!.period, from: around!.from, to: around!.to }),
    enabled: Boolean(current && around),
  });
  const decide = useMutation({
    mutationFn: (v: { reason: string; value?: number | null }) =>
      decideReview({
        items: chosen.map((e) => ({ pointId: e.pointId, factor: e.factor, period: e.period, t: e.t, version: e.version })),
        decision: decision!, reason: v.reason, ...(decision === "correct" ? { value: v.value ?? null } : {}),
      }),
    onSuccess: (r) => {
      const w = r.data.violations;
      message.success([
        t("alarms.review.done", { n: r.data.decided }),
        w.withdrawn ? t("alarms.review.violationsWithdrawn", { n: w.withdrawn }) : null,
        w.opened ? t("alarms.review.violationsOpened", { n: w.opened }) : null,
      ].filter(Boolean).join("；"));
      setDecision(null);
      setSelected([]);
      setFocus(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["review-queue"] });
      void qc.invalidateQueries({ queryKey: ["review-flags"] });
      // The decision re-evaluated the outlet-days of its hourly values (violations withdrawn or opened).
      void qc.invalidateQueries({ queryKey: ["violations"] });
      void qc.invalidateQueries({ queryKey: ["noncompliance"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const canDecide = q.data?.canDecide === true;
  return (
    <>
      <PageHeader
        title={t("alarms.review.title")}
        extra={
          <Space wrap>
            <Select
              allowClear showSearch optionFilterProp="label" style={{ width: 260 }} placeholder={t("alarms.review.allPoints")} value={pointId} onChange={setPointId}
              options={(points.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="review-filter-point"
            />
            <Select
              allowClear style={{ width: 140 }} placeholder={t("alarms.review.allFlags")} value={qcFlag} onChange={setQcFlag}
              options={[{ value: 4, label: t("alarms.qc.flag.4") }, { value: 3, label: t("alarms.qc.flag.3") }]} data-testid="review-filter-flag"
            />
          </Space>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("alarms.review.explain")} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t("alarms.review.queue", { n: rows.length })}
        extra={
          canDecide && (
            <Space>
              <Button disabled={!chosen.length} onClick={() => setDecision("accept")} data-testid="review-accept">{t("alarms.review.accept")}</Button>
              <Button danger disabled={!chosen.length} onClick={() => setDecision("reject")} data-testid="review-reject">{t("alarms.review.reject")}</Button>
              <Button disabled={chosen.length !== 1} onClick={() => { form.setFieldsValue({ value: chosen[0]?.value ?? null }); setDecision("correct"); }} data-testid="review-correct">{t("alarms.review.correct")}</Button>
            </Space>
          )
        }
      >
        <Table<QueueEntry>
          rowKey={keyOf}
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t("alarms.review.empty") }}
          data-testid="review-table"
          rowSelection={canDecide ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          onRow={(e) => ({ onClick: () => setFocus(e), style: { cursor: "pointer", background: current && keyOf(current) === keyOf(e) ? "#f0f9ff" : undefined } })}
          columns={[
            { title: t("alarms.col.point"), render: (_, e) => `${e.pointCode} ${e.pointName}` },
            { title: t("alarms.col.factor"), render: (_, e) => factorName(e.factor, t), width: 120 },
            // Real-time and minute values are seconds apart: show the seconds.
            { title: t("alarms.col.time"), dataIndex: "t", width: 170, render: (v, e) => (e.period === "rt" || e.period === "min" ? new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ") : beijingText(v)) },
            { title: t("alarms.col.value"), dataIndex: "value", width: 90, align: "right", render: (v, e) => <>{formatValue(v)}{e.flag && e.flag !== "N" ? <Tag style={{ marginInlineStart: 4 }}>{e.flag}</Tag> : null}</> },
            { title: t("alarms.col.qc"), dataIndex: "qcFlag", width: 90, render: (f) => <QcTag f={f} t={t} /> },
            {
              title: t("alarms.col.tests"),
              render: (_, e) => Object.entries(e.tests).filter(([, f]) => f === 3 || f === 4).map(([k, f]) => <Tag key={k} color={f === 4 ? "red" : "orange"}>{testName(k, t)}</Tag>),
            },
          ]}
        />
      </Card>
      {current && (
        <Card size="small" title={t("alarms.review.evidence", { point: current.pointName, factor: factorLabel(current.factor, t) })}>
          <FlagChart lines={[{ factor: current.factor, values: flags.data ?? [] }]} window={{ from: current.t, to: current.t }} testId="review-chart" />
        </Card>
      )}
      <Modal
        open={decision !== null}
        title={decision ? t(`alarms.review.${decision}Title`, { n: chosen.length }) : ""}
        onCancel={() => setDecision(null)}
        onOk={() => void form.validateFields().then((v) => decide.mutate(v))}
        confirmLoading={decide.isPending}
        okButtonProps={{ danger: decision === "reject", "data-testid": "review-submit" } as ButtonProps}
      >
        <Form form={form} layout="vertical">
          {decision === "correct" && chosen[0] && (
            <>
              <Typography.Paragraph type="secondary">{t("alarms.review.original", { value: formatValue(chosen[0].value) })}</Typography.Paragraph>
              <Form.Item name="value" label={t("alarms.review.newValue")} extra={t("alarms.review.newValueHint")}>
                <InputNumber style={{ width: 200 }} data-testid="review-value" />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label={t("alarms.review.reason")} rules={[{ required: true, min: 2, message: t("alarms.review.reasonRequired") }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t(`alarms.review.reasonHint.${decision ?? "accept"}`)} data-testid="review-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
