/**
 * @module /monitoring/rivers: the water quality of each river and lake over the chosen months (issue 8 §7, 办法 §2) —
 * its status (优 … 重度污染) by the mean method (fewer than 5 sections) or the class-share method, main pollutants
 * by 断面超标率, and its sections with their class, target and attainment; each river links to its own page. The
 * office edits the grade thresholds here. Exports as .xlsx.
 */
import { Card, Col, Empty, Row, Space, Table, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { exportUrl, getRivers, type SectionGrade, type WaterBodyGrade } from "../../api/monitoringReports";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type Translate } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { ClassTag, factorName, levelText } from "./quality";
import { ExportButton, MonthRangePicker, SettingsCard, StatusTag, YesNo, percent, useMonthRange } from "./reportParts";
import type { PointLevel } from "../../api/types";
import dayjs from "dayjs";

/** How a grade was reached, in words. */
export function gradeBasis(g: NonNullable<WaterBodyGrade["grade"]>, t: Translate): string {
  if (g.method === "mean") return t("monitoring.river.byMean", { n: g.shares.total });
  return t("monitoring.river.byShare", { n: g.shares.total, good: percent(g.shares.good / g.shares.total, 0), bad: percent(g.shares.inferiorV / g.shares.total, 0) });
}

/** The sections table of a water body. */
export function SectionsTable({ sections, t }: { sections: SectionGrade[]; t: Translate }) {
  return (
    <Table<SectionGrade>
      rowKey="id"
      size="small"
      dataSource={sections}
      pagination={false}
      columns={[
        { title: t("monitoring.river.section"), key: "name", render: (_, s) => <Link to={`/monitoring/points/${s.id}`}>{s.name}</Link> },
        { title: t("monitoring.col.level"), dataIndex: "level", width: 72, render: (l: PointLevel | null) => (l ? levelText(l, t) : "—") },
        { title: t("monitoring.river.class"), dataIndex: "class", width: 80, render: (c: number | null) => <ClassTag cls={c} t={t} /> },
        { title: t("monitoring.col.target"), dataIndex: "targetClass", width: 72, render: (c: number | null) => <ClassTag cls={c} t={t} /> },
        { title: t("monitoring.river.attained"), dataIndex: "attained", width: 80, render: (v: boolean | null) => <YesNo value={v} t={t} /> },
        {
          title: t("monitoring.col.mainPollutants"), key: "main",
          render: (_, s) => (s.mainPollutants.length ? s.mainPollutants.map((p) => `${factorName(p.code, t)}${p.multiple === null ? "" : `(${p.multiple.toFixed(2)})`}`).join(t("monitoring.listSep")) : "—"),
        },
        { title: t("monitoring.river.months"), dataIndex: "months", width: 80, align: "right" },
      ]}
    />
  );
}

/** The /monitoring/rivers page. */
export default function RiversScene() {
  const t = useT();
  const [range, setRange] = useMonthRange([dayjs().startOf("year").format("YYYY-MM"), dayjs().format("YYYY-MM")]);
  const q = useQuery({ queryKey: ["rivers", ...range], queryFn: () => getRivers(range[0], range[1]), placeholderData: keepPreviousData });
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const year = range[1].slice(0, 4);
  return (
    <>
      <PageHeader title={t("monitoring.river.title")} extra={<MonitoringNav current="rivers" />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <MonthRangePicker value={range} onChange={setRange} testId="rivers-range" />
            <Typography.Text type="secondary">{t("monitoring.river.rule")}</Typography.Text>
          </Space>
          <ExportButton href={exportUrl("/api/monitoring/rivers", { from: range[0], to: range[1] })} testId="rivers-export" />
        </Space>
      </Card>
      {q.data && q.data.waterBodies.length === 0 && <Empty description={t("monitoring.river.none")} />}
      <Row gutter={[16, 16]}>
        {q.data?.waterBodies.map((w) => (
          <Col xs={24} xxl={12} key={w.waterBody}>
            <Card
              data-testid={`river-${w.waterBody}`}
              title={
                <Space>
                  <Link to={`/monitoring/rivers/${encodeURIComponent(w.waterBody)}?year=${year}`}>{w.waterBody}</Link>
                  <StatusTag status={w.grade?.status} t={t} />
                  {w.grade?.class ? <ClassTag cls={w.grade.class} t={t} /> : null}
                </Space>
              }
              extra={<Typography.Text type="secondary">{w.body === "lake" ? t("monitoring.river.lake") : t("monitoring.river.river")}</Typography.Text>}
            >
              {w.grade ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {gradeBasis(w.grade, t)}
                  {w.grade.mainPollutants.length ? ` ${t("monitoring.river.mainPollutants", { list: w.grade.mainPollutants.map((p) => `${factorName(p.code, t)}（${percent(p.rate, 0)}）`).join(t("monitoring.listSep")) })}` : ""}
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph type="secondary">{t("monitoring.noData")}</Typography.Paragraph>
              )}
              <SectionsTable sections={w.sections} t={t} />
            </Card>
          </Col>
        ))}
      </Row>
      <SettingsCard which="riverGrade" />
    </>
  );
}
