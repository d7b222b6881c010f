/**
 * @module /registries/enterprises/fluoride-coverage: seed plan task 18 (引导涉氟企业安装氟化物在线监控设施) — every
 * 涉氟企业 with the state of its fluoride (w21017) online monitoring: connected (a device on one of its outlets sends
 * it), declared but not received by the platform, or none; the coverage rates; and, for those who may, registering
 * a fluoride monitor for an outlet right from the report.
 */
import { useState } from "react";
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { getFluorideCoverage, type CoverageRow } from "../../../api/enterprises";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError } from "../../../components/Status";
import { useT } from "../../../i18n";
import { RegistryNav } from "../shared/RegistryNav";
import { DemoTag } from "../shared/bits";
import { percent } from "../drinking/format";
import { DeviceModal } from "./DeviceModal";
import { MonitorTag } from "./monitors";

/** The page. */
export default function FluorideScene() {
  const t = useT();
  const [deviceFor, setDeviceFor] = useState<CoverageRow["outlets"][number] | null>(null);
  const q = useQuery({ queryKey: ["registries", "enterprises", "fluoride-coverage"], queryFn: getFluorideCoverage });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data?.summary;
  return (
    <>
      <PageHeader title={t("enterprises.coverage.title")} extra={<RegistryNav current="enterprises" />} />
      <Card size="small" style={{ marginBottom: 16 }} data-testid="coverage-summary"
        extra={<Link to="/registries/enterprises?fluoride=1">{t("enterprises.coverage.list")}</Link>}
        title={t("enterprises.coverage.task")}>
        <Row gutter={16}>
          <Col xs={12} md={4}><Statistic title={t("enterprises.coverage.total")} value={s?.total ?? "…"} /></Col>
          <Col xs={12} md={4}><Statistic title={t("enterprises.monitor.connected")} value={s?.connected ?? "…"} valueStyle={{ color: "#389e0d" }} /></Col>
          <Col xs={12} md={4}><Statistic title={t("enterprises.monitor.declared")} value={s?.declared ?? "…"} valueStyle={{ color: "#d48806" }} /></Col>
          <Col xs={12} md={4}><Statistic title={t("enterprises.monitor.none")} value={s?.none ?? "…"} valueStyle={{ color: "#cf1322" }} /></Col>
          <Col xs={12} md={4}><Statistic title={t("enterprises.coverage.installedRate")} value={percent(s?.installedRate)} /></Col>
          <Col xs={12} md={4}><Statistic title={t("enterprises.coverage.connectedRate")} value={percent(s?.connectedRate)} /></Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("enterprises.coverage.rule")}</Typography.Text>
      </Card>
      <Card size="small">
        <Table<CoverageRow> size="small" rowKey="id" loading={q.isFetching} pagination={false} dataSource={q.data?.enterprises ?? []} data-testid="coverage-table"
          onRow={(r) => ({ "data-testid": `coverage-row-${r.code}` }) as object}
          columns={[
            { title: t("enterprises.name"), key: "n", render: (_, r) => <Space><Link to={`/registries/enterprises/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space> },
            { title: t("enterprises.unit"), dataIndex: "unitName", width: 160 },
            { title: t("enterprises.fluorideMonitor"), key: "s", width: 140, render: (_, r) => <MonitorTag state={r.state} t={t} testId={`coverage-state-${r.code}`} /> },
            { title: t("enterprises.coverage.devices"), key: "d", render: (_, r) => (r.devices.length ? r.devices.map((d) => <Tag key={d.mn} color="green">{d.mn} @ {d.pointCode}</Tag>) : "—") },
            {
              title: t("enterprises.outlets"), key: "o", width: 300,
              render: (_, r) => (r.outlets.length ? (
                <Space wrap>
                  {r.outlets.map((o) => (
                    <Space key={o.id} size={4}>
                      <Tag>{o.code}</Tag>
                      {q.data?.can.registerDevice && r.state !== "connected" && <Button size="small" onClick={() => setDeviceFor(o)} data-testid={`coverage-register-${o.code}`}>{t("enterprises.coverage.register")}</Button>}
                    </Space>
                  ))}
                </Space>
              ) : <Typography.Text type="secondary">{t("enterprises.outlets.none")}</Typography.Text>),
            },
          ]} />
      </Card>
      <DeviceModal outlet={deviceFor} factors={["w21017"]} onClose={() => setDeviceFor(null)} />
    </>
  );
}
