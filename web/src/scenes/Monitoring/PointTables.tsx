/**
 * @module The tables of a point page: latest values (with HJ 212 data flags, QC flags and below-DL marks), the
 * monthly class of a chosen year (GET /api/readings/assessment/year, with its .xlsx export), permit limits of an
 * outlet, and the point's HJ 212 devices with when each was last heard from.
 */
import { useMemo, useState } from "react";
import { Button, Card, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { classOfValue } from "../../../../domain/standards/gb3838";
import { exportUrl, getAssessmentYear, type MonthClassView } from "../../api/monitoringReports";
import type { MonitoringDevice, MonitoringPointDetail, PointLimit, Reading, ReadingPeriod } from "../../api/types";
import { useT, type MessageKey, type Translate } from "../../i18n";
import { ClassTag, beijingText, bodyOf, factorLabel, factorName, factorUnit, formatValue, isAssessed } from "./quality";
import { BasisNote } from "./BasisNote";

const KNOWN_FLAGS = new Set(["N", "F", "M", "S", "D", "C", "T", "B"]);
const PERIOD_ORDER: ReadingPeriod[] = ["sample", "day", "hour", "min", "rt"];

/** An HJ 212 data flag as a tag: green N, orange for the others, with its meaning. */
function FlagTag({ flag, t }: { flag: string | null; t: Translate }) {
  if (!flag) return <>—</>;
  const text = KNOWN_FLAGS.has(flag) ? t(`monitoring.flag.${flag}` as MessageKey) : flag;
  return <Tag color={flag === "N" ? "green" : "orange"}>{`${flag} ${text}`}</Tag>;
}

/** A QARTOD flag as a tag. */
function QcTag({ qc, t }: { qc: number | null; t: Translate }) {
  if (qc === null) return <>—</>;
  const colour = qc === 1 ? "green" : qc === 3 ? "gold" : qc === 4 ? "red" : "default";
  const key = [1, 2, 3, 4, 9].includes(qc) ? (`monitoring.qc.${qc}` as MessageKey) : null;
  return <Tag color={colour}>{key ? t(key) : String(qc)}</Tag>;
}

/** Latest value of every factor, per stored series. */
export function LatestTable({ point, latest }: { point: MonitoringPointDetail; latest: Reading[] }) {
  const t = useT();
  const rows = useMemo(
    () => [...latest].sort((a, b) => PERIOD_ORDER.indexOf(a.period) - PERIOD_ORDER.indexOf(b.period) || a.factor.localeCompare(b.factor)),
    [latest],
  );
  const body = bodyOf(point);
  return (
    <Card title={t("monitoring.latest.title")} style={{ marginBottom: 16 }} size="small">
      <div data-testid="point-latest">
        <Table<Reading>
          rowKey={(r) => `${r.period}-${r.factor}`}
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("monitoring.noData") }}
          columns={[
            { title: t("monitoring.latest.factor"), dataIndex: "factor", render: (f: string) => <Tooltip title={f}>{factorName(f, t)}</Tooltip> },
            { title: t("monitoring.latest.period"), dataIndex: "period", width: 90, render: (p: ReadingPeriod) => t(`monitoring.period.${p}` as MessageKey) },
            {
              title: t("monitoring.latest.value"),
              key: "value",
              align: "right",
              render: (_, r) => (
                <span>
                  {r.belowDl ? `<${formatValue(r.detectionLimit ?? r.value)}` : formatValue(r.value)}{" "}
                  <Typography.Text type="secondary">{factorUnit(r.factor)}</Typography.Text>
                </span>
              ),
            },
            {
              title: t("monitoring.latest.class"),
              key: "class",
              width: 90,
              render: (_, r) => {
                if (!isAssessed(point.kind) || r.value === null) return "—";
                // Below the detection limit the value counts as ½·DL, as in the assessment.
                const v = r.belowDl ? (r.detectionLimit ?? r.value) / 2 : r.value;
                return <ClassTag cls={classOfValue(r.factor, v, body)} t={t} />;
              },
            },
            { title: t("monitoring.latest.time"), dataIndex: "t", width: 150, render: (v: string) => beijingText(v) },
            { title: t("monitoring.latest.flag"), dataIndex: "flag", width: 110, render: (f: string | null) => <FlagTag flag={f} t={t} /> },
            { title: t("monitoring.latest.qc"), dataIndex: "qcFlag", width: 90, render: (q: number | null) => <QcTag qc={q} t={t} /> },
            {
              title: t("monitoring.latest.source"),
              key: "source",
              render: (_, r) => (
                <Space size={4} wrap>
                  <span>{r.deviceMn ?? t(`monitoring.source.${r.source}` as MessageKey)}</span>
                  {r.version > 1 && (
                    <Tooltip title={r.reason ?? ""}>
                      <Tag color="purple">{t("monitoring.latest.corrected", { v: r.version })}</Tag>
                    </Tooltip>
                  )}
                  {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}

/** The assessed series of a point: lab samples when it has them, else daily, else hourly values. */
function assessedPeriod(latest: Reading[]): "sample" | "day" | "hour" {
  if (latest.some((r) => r.period === "sample")) return "sample";
  if (latest.some((r) => r.period === "day")) return "day";
  return latest.some((r) => r.period === "hour") ? "hour" : "sample";
}

/** The monthly class table of one year. */
export function MonthlyTable({ point, latest }: { point: MonitoringPointDetail; latest: Reading[] }) {
  const t = useT();
  const period = assessedPeriod(latest);
  const newestYear = useMemo(() => {
    const own = latest.filter((r) => r.period === period).map((r) => r.t);
    const newest = own.length ? own.reduce((a, b) => (a > b ? a : b)) : new Date().toISOString();
    return Number(beijingText(newest).slice(0, 4));
  }, [latest, period]);
  const [year, setYear] = useState(newestYear);
  // Staff may look at raw data; the published basis (what the public and the indicators see) is the reviewed one.
  const [basis, setBasis] = useState<"raw" | "reviewed">("reviewed");
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  // The whole year in one request (the server classes each month from its means).
  const result = useQuery({ queryKey: ["assessment-year", point.id, year, period, basis], queryFn: () => getAssessmentYear(point.id, year, period, basis), staleTime: 5 * 60_000 });
  const rows: { month: string; a: MonthClassView | undefined; loading: boolean }[] = months.map((m) => ({
    month: m, a: result.data?.months.find((x) => x.month === m), loading: result.isLoading,
  }));
  const years = Array.from({ length: 6 }, (_, i) => newestYear - i);

  return (
    <Card
      title={t("monitoring.monthly.title", { period: t(`monitoring.period.${period}` as MessageKey) })}
      style={{ marginBottom: 16 }}
      size="small"
      extra={
        <Space>
          <Segmented size="small" value={basis} onChange={(v) => setBasis(v as "raw" | "reviewed")} data-testid="monthly-basis"
            options={[{ value: "reviewed", label: t("alarms.basis.reviewedShort") }, { value: "raw", label: t("alarms.basis.raw") }]} />
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid="monthly-year" />
          <Button size="small" icon={<DownloadOutlined />} href={exportUrl("/api/readings/assessment/year", { pointId: point.id, year, period, basis })} data-testid="monthly-export">
            {t("monitoring.exportXlsx")}
          </Button>
        </Space>
      }
    >
      <div style={{ marginBottom: 8 }}>
        {basis === "reviewed" && result.data?.excluded
          ? <BasisNote basis={{ excluded: result.data.excluded, unchecked: result.data.unchecked ?? 0 }} to={`/alarms/review?pointId=${point.id}`} testId="monthly-basis-note" />
          : basis === "raw" && <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="monthly-basis-note">{t("alarms.basis.rawNote")}</Typography.Text>}
      </div>
      <div data-testid="point-monthly">
        <Table
          rowKey="month"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 860 }}
          columns={[
            { title: t("monitoring.monthly.month"), dataIndex: "month", width: 90 },
            {
              title: t("monitoring.monthly.class"),
              key: "class",
              width: 90,
              render: (_, r) => (r.loading ? "…" : r.a?.monthly ? <ClassTag cls={r.a.monthly.class} t={t} /> : <Typography.Text type="secondary">—</Typography.Text>),
            },
            {
              title: t("monitoring.monthly.attainment"),
              key: "att",
              width: 100,
              render: (_, r) => {
                const att = r.a?.monthly?.attainment;
                if (!att) return "—";
                return att.attained ? <Tag color="green">{t("monitoring.monthly.attained")}</Tag> : <Tag color="red">{t("monitoring.monthly.missed", { gap: att.gap })}</Tag>;
              },
            },
            {
              title: t("monitoring.monthly.mainPollutants"),
              key: "main",
              render: (_, r) =>
                r.a?.monthly?.mainPollutants.length
                  ? r.a.monthly.mainPollutants
                      .map((m) => (m.multiple !== null && m.multiple > 0 ? t("monitoring.monthly.multiple", { name: factorName(m.code, t), x: m.multiple.toFixed(2) }) : factorName(m.code, t)))
                      .join(t("monitoring.listSep"))
                  : "—",
            },
            {
              title: t("monitoring.monthly.overTarget"),
              key: "over",
              render: (_, r) => (r.a?.monthly?.factorsOverTarget.length ? r.a.monthly.factorsOverTarget.map((c) => factorName(c, t)).join(t("monitoring.listSep")) : "—"),
            },
            { title: t("monitoring.monthly.samples"), key: "n", width: 80, align: "right", render: (_, r) => r.a?.monthly?.sampleCount ?? 0 },
            {
              title: t("monitoring.monthly.abnormal"),
              key: "abn",
              width: 90,
              render: (_, r) => (r.a?.monthly?.abnormal ? <Tag color="orange">{t("monitoring.monthly.hasAbnormal")}</Tag> : "—"),
            },
          ]}
        />
      </div>
    </Card>
  );
}

/** Permit limits of an outlet. */
export function LimitsTable({ limits }: { limits: PointLimit[] }) {
  const t = useT();
  return (
    <Card title={t("monitoring.limits.title")} style={{ marginBottom: 16 }} size="small">
      <div data-testid="point-limits">
        <Table<PointLimit>
          rowKey="factor"
          size="small"
          dataSource={limits}
          pagination={false}
          locale={{ emptyText: t("monitoring.limits.none") }}
          columns={[
            { title: t("monitoring.latest.factor"), dataIndex: "factor", render: (f: string) => factorLabel(f, t) },
            { title: t("monitoring.limits.lower"), dataIndex: "lowerLimit", align: "right", render: (v: number | null) => formatValue(v) },
            { title: t("monitoring.limits.upper"), dataIndex: "upperLimit", align: "right", render: (v: number | null) => formatValue(v) },
            { title: t("monitoring.limits.unit"), dataIndex: "unit" },
            { title: t("monitoring.limits.basis"), dataIndex: "basis" },
          ]}
        />
      </div>
    </Card>
  );
}

/** The point's HJ 212 devices. */
export function DevicesTable({ devices }: { devices: MonitoringDevice[] }) {
  const t = useT();
  return (
    <Card title={t("monitoring.devices.title")} style={{ marginBottom: 16 }} size="small">
      <div data-testid="point-devices">
        <Table<MonitoringDevice>
          rowKey="id"
          size="small"
          dataSource={devices}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t("monitoring.devices.none") }}
          columns={[
            { title: "MN", dataIndex: "mn", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t("monitoring.devices.st"), dataIndex: "st", width: 80 },
            { title: t("monitoring.devices.protocol"), dataIndex: "protocolVersion", width: 100, render: (v: string) => `HJ 212-${v}` },
            {
              title: t("monitoring.devices.enabled"),
              dataIndex: "enabled",
              width: 90,
              render: (v: boolean) => (v ? <Tag color="green">{t("monitoring.devices.on")}</Tag> : <Tag>{t("monitoring.devices.off")}</Tag>),
            },
            {
              title: t("monitoring.devices.lastSeen"),
              dataIndex: "lastSeenAt",
              width: 160,
              render: (v: string | null) => (v ? beijingText(v) : <Typography.Text type="secondary">{t("monitoring.devices.never")}</Typography.Text>),
            },
            {
              title: t("monitoring.devices.factors"),
              dataIndex: "expectedFactors",
              render: (fs: string[]) => fs.map((f) => factorName(f, t)).join(t("monitoring.listSep")) || "—",
            },
          ]}
        />
      </div>
    </Card>
  );
}
