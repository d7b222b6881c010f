/**
 * @module /monitoring/devices: HJ 212 device status (issue 9 §2) — online/offline, last packet, the day's packet,
 * duplicate and error counts, the data-transmission rate of the day and the six days before it — and, for those the
 * device policies allow, the platform-to-device commands: set the clock (1012), the real-time and minute intervals
 * (1062/1064) and ask for history (补发 2061/2051/2031). Refreshes every 30 s; the table exports as .xlsx.
 */
import { useMemo, useState } from "react";
import { Button, Card, Col, DatePicker, Dropdown, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from "antd";
import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Link } from "react-router";
import { exportUrl, getDeviceStatus, type DeviceCommand, type DeviceStatusView } from "../../api/monitoringReports";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type Translate } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { beijingText } from "./quality";
import { CommandModal } from "./DeviceCommandModal";

/** Colour of a transmission rate: green ≥ 90%, gold ≥ 75%, red below. */
function rateColour(rate: number | null): string {
  if (rate === null) return "#d9d9d9";
  return rate >= 0.9 ? "#389e0d" : rate >= 0.75 ? "#d4b106" : "#cf1322";
}

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** How long ago an instant was, in words. */
function ago(iso: string | null, t: Translate): string {
  if (!iso) return t("devices.never");
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return t("devices.justNow");
  if (minutes < 60) return t("devices.minutesAgo", { n: minutes });
  if (minutes < 48 * 60) return t("devices.hoursAgo", { n: Math.round(minutes / 60) });
  return t("devices.daysAgo", { n: Math.round(minutes / 1440) });
}

/** Seven small bars: the transmission rate of each day. */
function RateDays({ days, t }: { days: DeviceStatusView["days"]; t: Translate }) {
  return (
    <Space size={2} align="end">
      {days.map((d) => (
        <Tooltip key={d.day} title={`${d.day}：${pct(d.rate)}（${t("devices.hours", { received: d.hoursReceived, expected: d.hoursExpected })}）`}>
          <div style={{ width: 10, height: 24, background: "#f0f0f0", display: "flex", alignItems: "flex-end" }}>
            <div style={{ width: "100%", height: `${Math.max(8, (d.rate ?? 0) * 100)}%`, background: rateColour(d.rate) }} />
          </div>
        </Tooltip>
      ))}
    </Space>
  );
}

/** The /monitoring/devices page. */
export default function DevicesScene() {
  const t = useT();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [command, setCommand] = useState<{ device: DeviceStatusView; kind: DeviceCommand["kind"] } | null>(null);
  const status = useQuery({
    queryKey: ["device-status", day ?? "today"],
    queryFn: () => getDeviceStatus(day),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
  const rows = status.data?.data ?? [];
  const meta = status.data?.meta;
  const summary = useMemo(() => {
    const enabled = rows.filter((r) => r.enabled);
    const rates = enabled.map((r) => r.transmissionRate).filter((x): x is number => x !== null);
    return {
      total: rows.length,
      online: enabled.filter((r) => r.online).length,
      offline: enabled.filter((r) => !r.online).length,
      disabled: rows.length - enabled.length,
      rate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      errors: rows.reduce((n, r) => n + r.errors, 0),
    };
  }, [rows]);

  if (status.isError && !status.data) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  const canCommand = (id: string) => status.data?.policies?.[id]?.command === true;

  return (
    <>
      <PageHeader title={t("devices.title")} extra={<MonitoringNav current="devices" />} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="devices-summary">
        <Col xs={12} md={6}><Card size="small"><Statistic title={t("devices.total")} value={summary.total} suffix={summary.disabled ? t("devices.disabledSuffix", { n: summary.disabled }) : undefined} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t("devices.online")} value={summary.online} valueStyle={{ color: "#389e0d" }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t("devices.offline")} value={summary.offline} valueStyle={{ color: summary.offline ? "#cf1322" : undefined }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t("devices.avgRate", { day: meta?.day ?? "" })} value={summary.rate === null ? "—" : (summary.rate * 100).toFixed(1)} suffix={summary.rate === null ? undefined : "%"} /></Card></Col>
      </Row>
      <Card
        size="small"
        title={t("devices.tableTitle", { day: meta?.day ?? "…" })}
        extra={
          <Space wrap>
            <DatePicker
              allowClear
              placeholder={t("devices.today")}
              value={day ? dayjs(day) : null}
              disabledDate={(d) => d.isAfter(dayjs(), "day")}
              onChange={(d) => setDay(d ? d.format("YYYY-MM-DD") : undefined)}
              data-testid="devices-day"
            />
            <Button icon={<DownloadOutlined />} href={exportUrl("/api/monitoring/devices/status", { day: meta?.day })} data-testid="devices-export">
              {t("monitoring.exportXlsx")}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("devices.explain", { minutes: meta?.onlineWindowMinutes ?? 10 })}
          {meta && !meta.gateway ? ` ${t("devices.noGateway")}` : ""}
        </Typography.Paragraph>
        <div data-testid="devices-table">
          <Table<DeviceStatusView>
            rowKey="id"
            size="small"
            loading={status.isFetching && !status.data}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 1080 }}
            locale={{ emptyText: t("devices.none") }}
            onRow={(r) => ({ ...({ "data-testid": `device-row-${r.mn}` } as object) })}
            columns={[
              {
                title: t("devices.col.device"),
                key: "mn",
                width: 150,
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text code>{r.mn}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("devices.st", { st: r.st })}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t("devices.col.point"),
                key: "point",
                width: 170,
                render: (_, r) => (r.pointId ? <Link to={`/monitoring/points/${r.pointId}`}>{r.pointName}</Link> : <Typography.Text type="secondary">{t("devices.unbound")}</Typography.Text>),
              },
              {
                title: t("devices.col.state"),
                key: "state",
                width: 72,
                render: (_, r) => {
                  if (!r.enabled) return <Tag>{t("devices.state.disabled")}</Tag>;
                  const tag = r.online ? <Tag color="green">{t("devices.state.online")}</Tag> : <Tag color="red">{t("devices.state.offline")}</Tag>;
                  return r.connected ? <Tooltip title={t("devices.connectedHere")}>{tag}</Tooltip> : tag;
                },
              },
              {
                title: t("devices.col.lastSeen"),
                key: "lastSeen",
                width: 130,
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <span>{ago(r.lastSeenAt, t)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{beijingText(r.lastSeenAt)}</Typography.Text>
                  </Space>
                ),
              },
              { title: t("devices.col.packets"), dataIndex: "packets", width: 70, align: "right" },
              { title: t("devices.col.duplicates"), dataIndex: "duplicates", width: 60, align: "right" },
              {
                title: t("devices.col.errors"),
                key: "errors",
                width: 60,
                align: "right",
                render: (_, r) => (r.errors ? <Tooltip title={r.lastError ? t("devices.lastError", { reason: r.lastError }) : undefined}><Typography.Text type="danger">{r.errors}</Typography.Text></Tooltip> : 0),
              },
              {
                title: t("devices.col.rate"),
                key: "rate",
                width: 150,
                render: (_, r) => (
                  <Tooltip title={t("devices.hours", { received: r.hoursReceived, expected: r.hoursExpected })}>
                    <Progress percent={r.transmissionRate === null ? 0 : Math.round(r.transmissionRate * 1000) / 10} size="small" strokeColor={rateColour(r.transmissionRate)} format={() => pct(r.transmissionRate)} />
                  </Tooltip>
                ),
              },
              { title: t("devices.col.days"), key: "days", width: 100, render: (_, r) => <RateDays days={r.days} t={t} /> },
              {
                title: t("devices.col.actions"),
                key: "actions",
                width: 110,
                fixed: "right",
                render: (_, r) => {
                  if (!canCommand(r.id)) return null;
                  const items = (["time_sync", "rtd_interval", "min_interval", "history"] as const).map((kind) => ({ key: kind, label: t(`devices.cmd.${kind}`) }));
                  const button = (
                    <Button size="small" disabled={!r.online || meta?.gateway === false} data-testid={`device-commands-${r.mn}`}>
                      {t("devices.commands")} <DownOutlined />
                    </Button>
                  );
                  if (!r.online || meta?.gateway === false) return <Tooltip title={meta?.gateway === false ? t("devices.noGateway") : t("devices.offlineNoCommand")}>{button}</Tooltip>;
                  return (
                    <Dropdown menu={{ items, onClick: ({ key }) => setCommand({ device: r, kind: key as DeviceCommand["kind"] }) }} trigger={["click"]}>
                      {button}
                    </Dropdown>
                  );
                },
              },
            ]}
          />
        </div>
      </Card>
      {command && (
        <CommandModal
          device={command.device}
          kind={command.kind}
          onClose={() => {
            setCommand(null);
            void status.refetch();
          }}
        />
      )}
    </>
  );
}
