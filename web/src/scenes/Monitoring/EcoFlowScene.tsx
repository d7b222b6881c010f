/**
 * @module /monitoring/eco-flow: ecological flow of the flow stations (issue 8 §5, reference §8, project decision 8) —
 * for each station the daily mean flow against its target with the yellow and red warning lines, complying days
 * and the guarantee rate over the chosen months against the required rate, and a month-by-month table; the office
 * edits the warning levels here. Exports as .xlsx.
 */
import { useMemo } from "react";
import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Link } from "react-router";
import { exportUrl, getEcoFlow, type EcoFlowMonth, type EcoFlowSettings, type EcoFlowStation } from "../../api/monitoringReports";
import { EChart } from "../../components/charts/EChart";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type Translate } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { ExportButton, MonthRangePicker, SettingsCard, YesNo, lastTwelveMonths, percent, useMonthRange } from "./reportParts";

const YELLOW = "#d4b106";
const RED = "#cf1322";
const fixed = (v: number | null, d = 3) => (v === null ? "—" : v.toFixed(d));

/** Daily means with the target and the warning lines. */
function flowOption(s: EcoFlowStation, settings: EcoFlowSettings, t: Translate) {
  const days = s.result?.days ?? [];
  const target = s.point.target ?? 0;
  const colour = (w: string) => (w === "red" ? RED : w === "yellow" ? YELLOW : "#0e7490");
  const line = (value: number, name: string, c: string, type: "solid" | "dashed", position: string) => ({ yAxis: value, name, lineStyle: { color: c, type }, label: { formatter: name, color: c, position } });
  return {
    // A year of days drawn at once: the line animation only delays reading it.
    animation: false,
    grid: { left: 56, right: 24, top: 24, bottom: 56 },
    tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v.toFixed(3)} m³/s` },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: "m³/s", min: 0 },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
    series: [
      {
        name: t("monitoring.eco.dailyMean"),
        type: "line",
        showSymbol: days.length < 120,
        symbolSize: 4,
        data: days.map((d) => ({ value: [d.date, d.mean], itemStyle: { color: colour(d.warning) } })),
        lineStyle: { color: "#0e7490", width: 1.5 },
        markLine: {
          symbol: "none",
          silent: true,
          data: [
            // Labels at the start, above and below: at the end they would sit on the newest data.
            line(target, t("monitoring.eco.target"), "#389e0d", "solid", "insideStartTop"),
            ...(settings.yellowBelow !== 1 ? [line(target * settings.yellowBelow, t("monitoring.eco.yellowLine"), YELLOW, "dashed", "insideMiddleTop")] : []),
            line(target * settings.redBelow, t("monitoring.eco.redLine"), RED, "dashed", "insideStartBottom"),
          ],
        },
      },
    ],
  };
}

function StationCard({ s, settings, t }: { s: EcoFlowStation; settings: EcoFlowSettings; t: Translate }) {
  const r = s.result;
  const option = useMemo(() => flowOption(s, settings, t), [s, settings, t]);
  return (
    <Card
      title={<Link to={`/monitoring/points/${s.point.id}`}>{s.point.name}</Link>}
      extra={<Typography.Text type="secondary">{s.point.waterBody ?? ""} · {t("monitoring.eco.targetValue", { v: fixed(s.point.target) })}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid={`eco-station-${s.point.code}`}
    >
      {!r ? (
        <Alert type="warning" showIcon message={t("monitoring.eco.noTarget")} />
      ) : r.evaluatedDays === 0 ? (
        <Empty description={t("monitoring.noData")} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}><Statistic title={t("monitoring.eco.evaluatedDays")} value={r.evaluatedDays} /></Col>
            <Col xs={12} md={6}><Statistic title={t("monitoring.eco.complyingDays")} value={r.complyingDays} /></Col>
            <Col xs={12} md={6}>
              <Statistic title={t("monitoring.eco.guaranteeRate")} value={percent(r.guaranteeRate)} valueStyle={{ color: r.meetsGuarantee ? "#389e0d" : RED }} />
            </Col>
            <Col xs={12} md={6}>
              <Space direction="vertical" size={4}>
                <Typography.Text type="secondary">{t("monitoring.eco.required", { rate: percent(settings.guaranteeTarget, 0) })}</Typography.Text>
                <YesNo value={r.meetsGuarantee} t={t} yes={t("monitoring.eco.meets")} no={t("monitoring.eco.fails")} />
              </Space>
            </Col>
          </Row>
          <EChart option={option} height={300} testId={`eco-chart-${s.point.code}`} />
          <Table<EcoFlowMonth>
            rowKey="month"
            size="small"
            style={{ marginTop: 12 }}
            dataSource={[...s.months].reverse()}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid={`eco-months-${s.point.code}`}
            columns={[
              { title: t("monitoring.eco.month"), dataIndex: "month", width: 90 },
              { title: t("monitoring.eco.evaluatedDays"), dataIndex: "evaluatedDays", align: "right", width: 90 },
              { title: t("monitoring.eco.complyingDays"), dataIndex: "complyingDays", align: "right", width: 90 },
              { title: t("monitoring.eco.guaranteeRate"), dataIndex: "guaranteeRate", align: "right", width: 100, render: (v: number | null) => percent(v) },
              { title: t("monitoring.eco.meetsCol"), dataIndex: "meetsGuarantee", width: 90, render: (v: boolean | null) => <YesNo value={v} t={t} /> },
              { title: t("monitoring.eco.yellowDays"), dataIndex: "yellowDays", align: "right", width: 90, render: (n: number) => (n ? <Tag color="gold">{n}</Tag> : 0) },
              { title: t("monitoring.eco.redDays"), dataIndex: "redDays", align: "right", width: 90, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
              { title: t("monitoring.eco.meanFlow"), dataIndex: "meanFlow", align: "right", width: 110, render: (v: number | null) => fixed(v) },
              { title: t("monitoring.eco.minFlow"), dataIndex: "minFlow", align: "right", width: 110, render: (v: number | null) => fixed(v) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The /monitoring/eco-flow page. */
export default function EcoFlowScene() {
  const t = useT();
  const [range, setRange] = useMonthRange(lastTwelveMonths());
  const from = `${range[0]}-01`;
  const to = dayjs(`${range[1]}-01`).endOf("month").format("YYYY-MM-DD");
  const q = useQuery({ queryKey: ["eco-flow", from, to], queryFn: () => getEcoFlow(from, to), placeholderData: keepPreviousData });
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={t("monitoring.eco.title")} extra={<MonitoringNav current="eco-flow" />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <MonthRangePicker value={range} onChange={setRange} testId="eco-range" />
            <Typography.Text type="secondary">{t("monitoring.eco.rule")}</Typography.Text>
          </Space>
          <ExportButton href={exportUrl("/api/monitoring/eco-flow", { from, to })} testId="eco-export" />
        </Space>
      </Card>
      {q.data && q.data.stations.length === 0 && <Empty description={t("monitoring.eco.none")} />}
      {q.data?.stations.map((s) => <StationCard key={s.point.id} s={s} settings={q.data.settings} t={t} />)}
      <SettingsCard which="ecoFlow" />
    </>
  );
}
