/**
 * @module /monitoring/drinking-water: drinking-water sources judged from monitoring (issue 8 §6, reference §9) — per
 * intake and month compliant or not (GB 3838 Table 1 against class Ⅲ, Table 2 and Table 3 items against their
 * limits, every evaluated item must pass) with the failing items, 水源达标率 and 取水水质达标率 (by intake volume)
 * per month and over the chosen months. Exports as .xlsx.
 */
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Link } from "react-router";
import { exportUrl, getDrinkingWater, type DrinkingMonth, type DrinkingWaterReport, type IntakeMonth } from "../../api/monitoringReports";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type Translate } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { factorName, formatValue } from "./quality";
import { ExportButton, MonthRangePicker, percent, useMonthRange } from "./reportParts";

const tenThousand = (m3: number) => (m3 / 10_000).toFixed(2);

/** One intake-month cell: 达标 / 不达标 (with the failing items) / no data. */
function MonthCell({ m, t }: { m: IntakeMonth | undefined; t: Translate }) {
  if (!m || m.compliant === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (m.compliant) return <Tag color="green">{t("monitoring.dw.compliant")}</Tag>;
  const items = m.failures.map((f) => `${factorName(f.item, t)} ${formatValue(f.value)}（${t("monitoring.dw.limit")} ${formatValue(f.limit)}${f.multiple === null ? "" : `，${t("monitoring.dw.multiple", { m: f.multiple.toFixed(2) })}`}）`);
  return (
    <Tooltip title={items.join("；")}>
      <Tag color="red">{t("monitoring.dw.failing")}</Tag>
      <div style={{ fontSize: 12, color: "#cf1322" }}>{m.failures.map((f) => factorName(f.item, t)).join("、")}</div>
    </Tooltip>
  );
}

/** The /monitoring/drinking-water page. */
export default function DrinkingWaterScene() {
  const t = useT();
  const [range, setRange] = useMonthRange(lastYearToDate());
  const q = useQuery({ queryKey: ["drinking-water", ...range], queryFn: () => getDrinkingWater(range[0], range[1]), placeholderData: keepPreviousData });
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r: DrinkingWaterReport | undefined = q.data;
  const months = r?.months.map((m) => m.month) ?? [];
  return (
    <>
      <PageHeader title={t("monitoring.dw.title")} extra={<MonitoringNav current="drinking-water" />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <MonthRangePicker value={range} onChange={setRange} testId="dw-range" />
            <Typography.Text type="secondary">{t("monitoring.dw.rule")}</Typography.Text>
          </Space>
          <ExportButton href={exportUrl("/api/monitoring/drinking-water", { from: range[0], to: range[1] })} testId="dw-export" />
        </Space>
      </Card>
      {r && r.intakes.length === 0 && <Empty description={t("monitoring.dw.none")} />}
      {r && r.intakes.length > 0 && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dw-summary">
            <Col xs={12} md={6}><Card size="small"><Statistic title={t("monitoring.dw.intakeRate")} value={percent(r.summary.intakeRate)} valueStyle={{ color: r.summary.intakeRate === 1 ? "#389e0d" : "#cf1322" }} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t("monitoring.dw.sourceRate")} value={percent(r.summary.sourceRate)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t("monitoring.dw.evaluated")} value={r.summary.evaluated} suffix={t("monitoring.dw.compliantOf", { n: r.summary.compliant })} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t("monitoring.dw.volume")} value={tenThousand(r.summary.volume)} suffix={t("monitoring.dw.tenThousandM3")} /></Card></Col>
          </Row>
          {r.summary.volumeMissing > 0 && <Typography.Paragraph type="warning">{t("monitoring.dw.volumeMissing", { n: r.summary.volumeMissing })}</Typography.Paragraph>}
          <Card size="small" title={t("monitoring.dw.byIntake")} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(i) => i.point.id}
              size="small"
              dataSource={r.intakes}
              pagination={false}
              scroll={{ x: 220 + months.length * 96 }}
              data-testid="dw-intakes"
              columns={[
                { title: t("monitoring.dw.intake"), key: "name", fixed: "left", width: 220, render: (_, i) => <Link to={`/monitoring/points/${i.point.id}`}>{i.point.name}</Link> },
                ...months.map((month) => ({
                  title: month, key: month, width: 96,
                  render: (_: unknown, i: DrinkingWaterReport["intakes"][number]) => <MonthCell m={i.months.find((m) => m.month === month)} t={t} />,
                })),
              ]}
            />
          </Card>
          <Card size="small" title={t("monitoring.dw.byMonth")}>
            <Table<DrinkingMonth>
              rowKey="month"
              size="small"
              dataSource={[...r.months].reverse()}
              pagination={false}
              data-testid="dw-months"
              columns={[
                { title: t("monitoring.eco.month"), dataIndex: "month", width: 90 },
                { title: t("monitoring.dw.evaluatedCol"), dataIndex: "evaluated", align: "right" },
                { title: t("monitoring.dw.compliantCol"), dataIndex: "compliant", align: "right" },
                { title: t("monitoring.dw.sourceRate"), dataIndex: "sourceRate", align: "right", render: (v: number | null) => percent(v) },
                { title: t("monitoring.dw.volumeCol"), dataIndex: "volume", align: "right", render: (v: number) => Math.round(v).toLocaleString() },
                { title: t("monitoring.dw.compliantVolumeCol"), dataIndex: "compliantVolume", align: "right", render: (v: number) => Math.round(v).toLocaleString() },
                { title: t("monitoring.dw.intakeRate"), dataIndex: "intakeRate", align: "right", render: (v: number | null) => percent(v) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}

/** January of this year (or of last year in January) to this month. */
function lastYearToDate(): [string, string] {
  const now = dayjs();
  const start = now.month() === 0 ? now.subtract(1, "year").startOf("year") : now.startOf("year");
  return [start.format("YYYY-MM"), now.format("YYYY-MM")];
}
