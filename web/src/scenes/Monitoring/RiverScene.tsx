/**
 * @module /monitoring/rivers/:waterBody?year=: one river or lake over a year (issue 8 §7) — the year's status and
 * class from the mean of monthly means, each month's status, and every section's class month by month (with its
 * target), so a bad month and the section behind it show at a glance. Exports as .xlsx (the year and each month).
 */
import { Button, Card, Descriptions, Empty, Select, Space, Table, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Link, useParams, useSearchParams } from "react-router";
import { exportUrl, getRiverYear, type RiverYear, type SectionGrade } from "../../api/monitoringReports";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { useT } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { ClassTag, factorName } from "./quality";
import { ExportButton, StatusTag, percent } from "./reportParts";
import { SectionsTable, gradeBasis } from "./RiversScene";

type Row = { key: string; name: string; id?: string; targetClass: number | null; cells: (SectionGrade | null)[]; river?: boolean };

/** The /monitoring/rivers/:waterBody page. */
export default function RiverScene() {
  const t = useT();
  const { waterBody = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || dayjs().year();
  const q = useQuery({ queryKey: ["river-year", waterBody, year], queryFn: () => getRiverYear(waterBody, year), placeholderData: keepPreviousData });
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const r: RiverYear = q.data;
  const rows: Row[] = [
    ...r.sections.map((s) => ({
      key: s.id, name: s.name, id: s.id, targetClass: s.targetClass,
      cells: r.months.map((m) => m.sections.find((x) => x.id === s.id) ?? null),
    })),
  ];
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/monitoring/rivers"><Button icon={<ArrowLeftOutlined />} type="text" /></Link>
            {t("monitoring.river.pageTitle", { name: waterBody, year })}
          </Space>
        }
        extra={<MonitoringNav current="rivers" />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
          <Select value={year} onChange={(y) => setParams({ year: String(y) }, { replace: true })} options={years.map((y) => ({ value: y, label: t("monitoring.river.yearOption", { year: y }) }))} style={{ width: 120 }} data-testid="river-year" />
          <ExportButton href={exportUrl(`/api/monitoring/rivers/${encodeURIComponent(waterBody)}`, { year })} testId="river-export" />
        </Space>
      </Card>
      <Card size="small" title={t("monitoring.river.yearGrade", { year })} style={{ marginBottom: 16 }} data-testid="river-grade">
        {r.grade ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t("monitoring.river.status")}><StatusTag status={r.grade.status} t={t} /></Descriptions.Item>
            <Descriptions.Item label={t("monitoring.river.class")}>{r.grade.class ? <ClassTag cls={r.grade.class} t={t} /> : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("monitoring.river.basis")}>{gradeBasis(r.grade, t)}</Descriptions.Item>
            <Descriptions.Item label={t("monitoring.col.mainPollutants")} span={3}>
              {r.grade.mainPollutants.length ? r.grade.mainPollutants.map((p) => `${factorName(p.code, t)}（${t("monitoring.river.exceedRate")} ${percent(p.rate, 0)}）`).join(t("monitoring.listSep")) : "—"}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty description={t("monitoring.noData")} />
        )}
      </Card>
      <Card size="small" title={t("monitoring.river.byMonth")} style={{ marginBottom: 16 }}>
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 260 + 12 * 72 }}
          dataSource={rows}
          data-testid="river-months"
          columns={[
            { title: t("monitoring.river.section"), key: "name", fixed: "left", width: 200, render: (_, row) => (row.id ? <Link to={`/monitoring/points/${row.id}`}>{row.name}</Link> : row.name) },
            { title: t("monitoring.col.target"), key: "target", width: 64, render: (_, row) => <ClassTag cls={row.targetClass} t={t} /> },
            ...r.months.map((m, i) => ({
              title: m.month.slice(5) + t("monitoring.river.monthSuffix"),
              key: m.month,
              width: 72,
              render: (_: unknown, row: Row) => {
                const c = row.cells[i];
                return c?.class ? <ClassTag cls={c.class} t={t} /> : <Typography.Text type="secondary">—</Typography.Text>;
              },
            })),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}><b>{t("monitoring.river.riverRow")}</b></Table.Summary.Cell>
              {r.months.map((m, i) => (
                <Table.Summary.Cell index={i + 2} key={m.month}><StatusTag status={m.grade?.status} t={t} /></Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card size="small" title={t("monitoring.river.sectionsYear", { year })}>
        <SectionsTable sections={r.sections} t={t} />
      </Card>
    </>
  );
}
