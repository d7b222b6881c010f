/**
 * @module /alarms/:id: one alarm — its state, the evidence (each condition's value and limit), the chart of the
 * factors it judges around its time with the limit drawn, its history (raised, notified, escalated, acknowledged,
 * cleared) and the acknowledge action; refreshed every 3 seconds. A severe alarm on a river section (or automatic
 * station) offers the river's emergency plan.
 */
import { useMemo } from "react";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getAlarm, type AlarmDetail, type Condition, type ConditionResult } from "../../api/alarms";
import { getFlags } from "../../api/quality";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { useT, type MessageKey } from "../../i18n";
import { FlagChart } from "./FlagChart";
import { useAcknowledge } from "./AlarmsScene";
import { PlanOffer } from "./PlanOffer";
import { SeverityTag, StateTag, alarmChartUrl, beijingText, conditionText, formatValue } from "./shared";

const HOUR = 3_600_000;

/**
 * The chart window: from 6 h before the condition began to an hour after it cleared — or, while it lasts, to the
 * next whole hour after now (stable between refreshes, so the chart's query is refetched rather than replaced).
 */
function chartWindow(a: AlarmDetail): { from: string; to: string } {
  const start = new Date(a.conditionSince ?? a.raisedAt).getTime() - 6 * HOUR;
  const end = (a.clearedAt ? new Date(a.clearedAt).getTime() : Date.now()) + HOUR;
  return { from: new Date(Math.floor(start / HOUR) * HOUR).toISOString(), to: new Date(Math.ceil(end / HOUR) * HOUR).toISOString() };
}

/** The page. */
export default function AlarmScene() {
  const { id = "" } = useParams();
  const t = useT();
  const q = useQuery({ queryKey: ["alarm", id], queryFn: () => getAlarm(id), refetchInterval: 3000 });
  const ack = useAcknowledge();
  const a = q.data?.data;
  const factors = useMemo(
    () => [...new Set((a?.rule?.conditions ?? []).flatMap((c) => (c.kind === "threshold" ? [c.factor] : [])))],
    [a?.rule?.conditions],
  );
  const win = a ? chartWindow(a) : null;
  // The window moves with "now" while the alarm is open; round to the minute so the refetch is not per render.
  const flags = useQueries({
    queries: factors.map((factor) => ({
      queryKey: ["alarm-flags", id, factor, win?.from, win?.to],
      queryFn: () => getFlags({ pointId: a!.pointId, factor, period: a!.rule!.period, from: win!.from, to: win!.to }),
      enabled: Boolean(a?.rule && win),
      refetchInterval: a?.active ? 3000 : false,
      retry: false,
    })),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!a) return <PageLoading />;
  const results = (a.lastDetails.results ?? []) as ConditionResult[];
  const conditions = (a.lastDetails.conditions ?? a.rule?.conditions ?? []) as Condition[];
  const limits = results.flatMap((r) => [r.limit?.upper, r.limit?.lower]).filter((v): v is number => typeof v === "number");
  const canAck = policyOf(q.data?.policies, a.id).acknowledge;
  const flagsForbidden = flags.some((f) => f.isError);
  return (
    <>
      <PageHeader
        title={<Space><Link to="/alarms" aria-label={t("alarms.back")}><ArrowLeftOutlined /></Link>{a.pointName} · {a.ruleName}</Space>}
        extra={
          <Space>
            {canAck && <Button type="primary" danger={a.active} onClick={() => ack.open(a)} data-testid="alarm-ack">{t("alarms.ack.button")}</Button>}
          </Space>
        }
      />
      {a.severity === "severe" && (a.pointKind === "section" || a.pointKind === "auto_station") && <PlanOffer alarm={a} canActivate={(q.data as { canActivatePlan?: boolean }).canActivatePlan === true} />}
      <Card style={{ marginBottom: 16 }} data-testid="alarm-info">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t("alarms.col.severity")}><SeverityTag s={a.severity} t={t} /></Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.state")}><span data-testid="alarm-state"><StateTag s={a.state} t={t} /></span></Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.point")}>{a.point ? <Space size={4}><Link to={`/monitoring/points/${a.point.id}`}>{a.point.name}</Link>·<Link to={alarmChartUrl(a, a.rule?.period)} data-testid="alarm-point-chart">{t("alarms.list.chart")}</Link></Space> : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.raisedAt")}>{beijingText(a.raisedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.since")}>{beijingText(a.conditionSince)}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.clearedAt")}>{beijingText(a.clearedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.acknowledgedAt")}>{a.acknowledgedAt ? `${beijingText(a.acknowledgedAt)}${a.ackNote ? `（${a.ackNote}）` : ""}` : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.occurrences")}>{a.occurrences}</Descriptions.Item>
          <Descriptions.Item label={t("alarms.col.notified")}>{t("alarms.detail.notified", { n: a.notifyCount, level: a.escalationLevel + 1 })}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 0 }} data-testid="alarm-summary">{a.summary}</Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t("alarms.detail.evidence")} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={conditions.map((c, i) => ({ c, r: results[i] }))}
              style={{ marginBottom: 12 }}
              columns={[
                { title: t("alarms.detail.condition"), render: (_, x) => conditionText(x.c, t) },
                { title: t("alarms.detail.value"), width: 110, render: (_, x) => (x.c.kind === "no_data" ? (x.r?.value === null || x.r?.value === undefined ? "—" : t("alarms.detail.minutes", { n: Math.floor(x.r.value) })) : formatValue(x.r?.value)) },
                { title: t("alarms.detail.limit"), width: 140, render: (_, x) => [x.r?.limit?.lower !== null && x.r?.limit?.lower !== undefined ? `≥ ${formatValue(x.r.limit.lower)}` : null, x.r?.limit?.upper !== null && x.r?.limit?.upper !== undefined ? `≤ ${formatValue(x.r.limit.upper)}` : null].filter(Boolean).join(" ") || "—" },
                { title: t("alarms.detail.met"), width: 90, render: (_, x) => (x.r?.met === true ? <Tag color="red">{t("alarms.detail.yes")}</Tag> : x.r?.met === false ? <Tag color="green">{t("alarms.detail.no")}</Tag> : <Tag>{t("alarms.detail.unknown")}</Tag>) },
              ]}
            />
            {flagsForbidden ? (
              <Alert type="info" showIcon message={t("alarms.detail.chartHidden")} />
            ) : (
              <FlagChart
                lines={factors.map((f, i) => ({ factor: f, values: flags[i]?.data ?? [], right: i > 0 }))}
                window={{ from: a.conditionSince ?? a.raisedAt, to: a.clearedAt ?? new Date().toISOString() }}
                limits={limits.map((v) => ({ value: v, label: formatValue(v) }))}
                testId="alarm-chart"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t("alarms.detail.history")} data-testid="alarm-history">
            <Timeline
              items={a.events.map((e) => ({
                color: e.kind === "raised" || e.kind === "reactivated" ? "red" : e.kind === "cleared" ? "green" : e.kind === "acknowledged" ? "blue" : "gray",
                children: (
                  <Space direction="vertical" size={0} data-testid={`alarm-event-${e.kind}`}>
                    <Typography.Text strong>{t(`alarms.event.${e.kind}` as MessageKey)}</Typography.Text>
                    <Typography.Text type="secondary">{beijingText(e.at)}{e.actorName ? ` · ${e.actorName}` : ""}</Typography.Text>
                    {typeof e.data.summary === "string" && <Typography.Text>{e.data.summary}</Typography.Text>}
                    {typeof e.data.note === "string" && <Typography.Text>{e.data.note}</Typography.Text>}
                    {Array.isArray(e.data.recipients) && <Typography.Text type="secondary">{t("alarms.event.to", { names: (e.data.recipients as string[]).join("、") || "—" })}</Typography.Text>}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {ack.modal}
    </>
  );
}
