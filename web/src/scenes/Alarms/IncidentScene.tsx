/**
 * @module /alarms/plans/incidents/:id: one incident — the plan's steps to tick off with what was done, notes, the log
 * (who did what when), the map and the receptors and sources relative to the alarming point, and closing it with a
 * summary. Refreshed every 10 seconds so people working on it see each other's entries.
 */
import { useState } from "react";
import { App, Button, Card, Col, Input, Modal, Row, Space, Tag, Timeline, Typography } from "antd";
import type { ButtonProps } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { closeIncident, getIncident, logIncident } from "../../api/emergency";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { PlanMap } from "./PlanMap";
import { ContactChain, RiverRecords } from "./PlanParts";
import { beijingText } from "./shared";

/** The page. */
export default function IncidentScene() {
  const { id = "" } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["incident", id], queryFn: () => getIncident(id), refetchInterval: 10_000 });
  const [entry, setEntry] = useState<{ kind: "step" | "note"; stepIndex?: number } | null>(null);
  const [text, setText] = useState("");
  const [closing, setClosing] = useState(false);
  const done = () => {
    setEntry(null);
    setClosing(false);
    setText("");
    void qc.invalidateQueries({ queryKey: ["incident", id] });
  };
  const log = useMutation({ mutationFn: () => logIncident(id, { kind: entry!.kind, text, stepIndex: entry!.stepIndex }), onSuccess: done, onError: (e) => message.error(errorMessage(e, t)) });
  const close = useMutation({ mutationFn: () => closeIncident(id, text), onSuccess: done, onError: (e) => message.error(errorMessage(e, t)) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const i = q.data.data;
  const policy = policyOf(q.data.policies, i.id);
  const doneSteps = new Set(i.log.filter((l) => l.kind === "step").map((l) => Number(l.data.stepIndex)));
  return (
    <>
      <PageHeader
        title={<Space><Link to={`/alarms/plans/${i.riverId}${i.pointId ? `?pointId=${i.pointId}` : ""}`} aria-label={t("alarms.back")}><ArrowLeftOutlined /></Link>{i.title}<Tag color={i.status === "open" ? "red" : "default"} data-testid="incident-status">{t(`alarms.plans.status.${i.status}`)}</Tag></Space>}
        extra={
          <Space>
            {i.alarmId && <Link to={`/alarms/${i.alarmId}`}><Button>{t("alarms.plans.toAlarm")}</Button></Link>}
            {policy.log && <Button onClick={() => setEntry({ kind: "note" })} data-testid="incident-note">{t("alarms.plans.addNote")}</Button>}
            {policy.close && <Button danger onClick={() => setClosing(true)} data-testid="incident-close">{t("alarms.plans.close")}</Button>}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("alarms.plans.steps")} style={{ marginBottom: 16 }} data-testid="incident-steps">
            {i.view.plan.steps.map((s, k) => (
              <div key={k} style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-start", padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong delete={false}>{k + 1}. {s.title} {doneSteps.has(k) && <Tag color="green">{t("alarms.plans.stepDone")}</Tag>}</Typography.Text>
                  <Typography.Text type="secondary">{s.detail}{s.owner ? `（${s.owner}）` : ""}</Typography.Text>
                </Space>
                {policy.log && <Button size="small" onClick={() => setEntry({ kind: "step", stepIndex: k })} data-testid={`incident-step-${k}`}>{t("alarms.plans.record")}</Button>}
              </div>
            ))}
          </Card>
          <ContactChain view={i.view} />
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("alarms.plans.log")} style={{ marginBottom: 16 }} data-testid="incident-log">
            <Timeline items={i.log.map((l) => ({
              color: l.kind === "opened" ? "red" : l.kind === "closed" ? "green" : l.kind === "step" ? "blue" : "gray",
              children: <Space direction="vertical" size={0}><Typography.Text>{l.text}</Typography.Text><Typography.Text type="secondary">{beijingText(l.at)}{l.actorName ? ` · ${l.actorName}` : ""}</Typography.Text></Space>,
            }))} />
            {i.summary && <Typography.Paragraph strong>{i.summary}</Typography.Paragraph>}
          </Card>
          <Card size="small" title={t("alarms.plans.map")} style={{ marginBottom: 16 }}><PlanMap view={i.view} height={320} /></Card>
        </Col>
      </Row>
      <RiverRecords view={i.view} />
      <Modal open={entry !== null} title={entry?.kind === "step" ? t("alarms.plans.recordStep", { n: (entry.stepIndex ?? 0) + 1 }) : t("alarms.plans.addNote")}
        onCancel={() => setEntry(null)} onOk={() => log.mutate()} confirmLoading={log.isPending} okButtonProps={{ disabled: text.trim().length < 2, "data-testid": "incident-entry-submit" } as ButtonProps}>
        <Input.TextArea rows={4} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("alarms.plans.entryPlaceholder")} data-testid="incident-entry-text" />
      </Modal>
      <Modal open={closing} title={t("alarms.plans.close")} onCancel={() => setClosing(false)} onOk={() => close.mutate()} confirmLoading={close.isPending}
        okButtonProps={{ danger: true, disabled: text.trim().length < 2 } as ButtonProps}>
        <Input.TextArea rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("alarms.plans.summaryPlaceholder")} />
      </Modal>
    </>
  );
}
