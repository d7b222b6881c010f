/**
 * @module /registries/enterprises/:id: one enterprise — permit and codes, pollutants, online monitors per factor
 * (connected, declared, missing), each outlet with its permit limits (edited with presets) and devices (a new one
 * registered here by those who may), yearly water use and value added, position, photos and history.
 */
import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { PERMIT_CLASS_LABELS, pollutantName } from "../../../../../domain/registries/enterprise";
import { getRecord } from "../../../api/registries";
import type { EnterpriseDetail, LimitView, OutletDeviceView, YearRecord } from "../../../api/enterprises";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { DemoTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { labelOf } from "../shared/options";
import { ENTERPRISE_FIELD_NAMES } from "../drinking/fields";
import { figure } from "../drinking/format";
import { DeviceModal } from "./DeviceModal";
import { EnterpriseForm } from "./EnterpriseForm";
import { LimitsModal } from "./LimitsModal";
import { MonitorTag } from "./monitors";
import { YearForm } from "./YearForm";

type Outlet = EnterpriseDetail["outletDetails"][number];

/** The page. */
export default function EnterpriseScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const [limitsOf, setLimitsOf] = useState<Outlet | null>(null);
  const [deviceFor, setDeviceFor] = useState<Outlet | null>(null);
  const [year, setYear] = useState<YearRecord | "new" | null>(null);
  const q = useQuery({ queryKey: ["registries", "enterprises", "detail", id], queryFn: () => getRecord<EnterpriseDetail>("enterprises", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const e = q.data.data;
  const policy = policyOf(q.data.policies, e.id);
  const verb = (a: string) => (a === "enterprise.limits" ? t("enterprises.verb.limits") : actionText(a, t));
  return (
    <>
      <PageHeader
        title={<Space>{e.name}<DemoTag demo={e.demo} />{e.fluoride && <Tag color="volcano">{t("enterprises.fluoride.yes")}</Tag>}</Space>}
        extra={<Space><Link to="/registries/enterprises">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{e.code}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.creditCode")}><span style={{ fontFamily: "monospace" }}>{e.creditCode ?? "—"}</span></Descriptions.Item>
              <Descriptions.Item label={t("enterprises.permitNo")}><span style={{ fontFamily: "monospace" }}>{e.permitNo ?? t("enterprises.permit.none")}</span></Descriptions.Item>
              <Descriptions.Item label={t("enterprises.permitClass")}>{labelOf(PERMIT_CLASS_LABELS, e.permitClass, t)}{e.permitValidTo ? ` · ${t("enterprises.permitValidTo")} ${e.permitValidTo}` : ""}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.industry")}>{e.industry ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.unit")}>{e.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.river")}>{e.riverId ? <Link to={`/registries/rivers/${e.riverId}`}>{e.riverName}</Link> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.address")}>{e.address ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.pollutants")} span={2}>{e.pollutants.length ? e.pollutants.map((p) => <Tag key={p.code} color={p.code === "w21017" ? "volcano" : undefined}>{p.name}</Tag>) : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("enterprises.monitors")} span={2}>
                <Space wrap data-testid="enterprise-monitors">{e.monitors.length ? e.monitors.map((m) => <span key={m.factor}>{m.name} <MonitorTag state={m.state} t={t} testId={`monitor-${m.factor}`} /></span>) : "—"}</Space>
              </Descriptions.Item>
              <Descriptions.Item label={t("registries.col.note")} span={2}>{e.note ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          {e.outletDetails.map((o) => (
            <Card key={o.id} size="small" style={{ marginBottom: 16 }} data-testid={`outlet-${o.code}`}
              title={<Space>{t("enterprises.outlet")}<Link to={`/monitoring/points/${o.id}`}>{o.code}</Link><Typography.Text type="secondary">{o.name}</Typography.Text></Space>}
              extra={<Space>
                {policy.update && <Button size="small" onClick={() => setLimitsOf(o)} data-testid={`limits-edit-${o.code}`}>{t("enterprises.limits.edit")}</Button>}
                {e.canRegisterDevice && <Button size="small" onClick={() => setDeviceFor(o)} data-testid={`device-add-${o.code}`}>{t("enterprises.device.register")}</Button>}
              </Space>}>
              <Typography.Text strong>{t("enterprises.limits")}</Typography.Text>
              <Table<LimitView> size="small" rowKey="factor" pagination={false} dataSource={o.limits} locale={{ emptyText: t("enterprises.limits.none") }} style={{ marginBottom: 8 }}
                columns={[
                  { title: t("enterprises.limits.factor"), key: "f", render: (_, l) => l.name ?? pollutantName(l.factor) },
                  { title: t("enterprises.limits.range"), key: "r", render: (_, l) => [l.lowerLimit !== null ? `≥ ${l.lowerLimit}` : null, l.upperLimit !== null ? `≤ ${l.upperLimit}` : null].filter(Boolean).join("，") + ` ${l.unit}` },
                  { title: t("enterprises.limits.basis"), dataIndex: "basis" },
                ]} />
              <Typography.Text strong>{t("enterprises.devices")}</Typography.Text>
              <Table<OutletDeviceView> size="small" rowKey="id" pagination={false} dataSource={o.devices} locale={{ emptyText: t("enterprises.devices.none") }}
                columns={[
                  { title: "MN", dataIndex: "mn", render: (v) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
                  { title: t("enterprises.device.factors"), key: "f", render: (_, d) => d.expectedFactors.map((f) => <Tag key={f}>{pollutantName(f)}</Tag>) },
                  { title: t("enterprises.device.enabled"), dataIndex: "enabled", width: 80, render: (v: boolean) => (v ? <Tag color="green">{t("registries.yes")}</Tag> : <Tag>{t("registries.no")}</Tag>) },
                  { title: t("enterprises.device.lastSeen"), dataIndex: "lastSeenAt", width: 170, render: (v: string | null) => (v ? new Date(v).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : t("enterprises.device.never")) },
                ]} />
            </Card>
          ))}
          {e.outletDetails.length === 0 && <Card size="small" style={{ marginBottom: 16 }}><Typography.Text type="secondary">{t("enterprises.outlets.none")}</Typography.Text></Card>}
          <Card size="small" title={t("enterprises.years.title")} extra={policy.update && <Button size="small" onClick={() => setYear("new")} data-testid="year-add">{t("enterprises.years.add")}</Button>}>
            <Table<YearRecord> size="small" rowKey="id" pagination={false} dataSource={e.years} locale={{ emptyText: t("common.none") }}
              columns={[
                { title: t("enterprises.years.year"), dataIndex: "year", width: 80 },
                { title: t("enterprises.years.water"), dataIndex: "waterM3", render: (v: number | null) => figure(v, 0) },
                { title: t("enterprises.years.valueAdded"), dataIndex: "valueAddedWan", render: (v: number | null) => figure(v) },
                { title: t("enterprises.years.intensity"), dataIndex: "intensity", render: (v: number | null) => figure(v) },
                { title: "", key: "e", width: 70, render: (_, y) => (policy.update ? <Button size="small" type="link" onClick={() => setYear(y)}>{t("common.edit")}</Button> : null) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
            <GeoMap
              features={[
                ...(e.lon !== null && e.lat !== null ? [{ type: "Feature" as const, id: e.id, geometry: { type: "Point" as const, coordinates: [e.lon, e.lat] as [number, number] }, properties: { kind: "enterprise" } }] : []),
                ...e.outletDetails.filter((o) => o.lon !== null && o.lat !== null).map((o) => ({ type: "Feature" as const, id: o.id, geometry: { type: "Point" as const, coordinates: [o.lon!, o.lat!] as [number, number] }, properties: { kind: "outlet", code: o.code } })),
              ]}
              frameBase={e.lon === null && e.outletDetails.every((o) => o.lon === null)}
              style={(f) => (f.properties.kind === "enterprise" ? { colour: e.fluoride ? "#cf1322" : "#1677ff", symbol: "square", label: e.code, tooltip: e.name } : { colour: "#722ed1", symbol: "triangle", label: String(f.properties.code) })}
              tileUrl={readTileUrl()}
              caption={t("registries.map.caption")}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={300}
              testId="record-map"
            />
          </Card>
          <div style={{ marginBottom: 16 }}>
            <AttachmentsCard registry="enterprises" id={e.id} attachments={e.attachments} canAttach={policy.attach} at={e.lon !== null && e.lat !== null ? [e.lon, e.lat] : null} />
          </div>
          <HistoryCard registry="enterprises" id={e.id} actionText={verb} fieldNames={ENTERPRISE_FIELD_NAMES[t.lang]} />
        </Col>
      </Row>
      <EnterpriseForm open={editing} onClose={() => setEditing(false)} enterprise={e} />
      {limitsOf && <LimitsModal enterpriseId={e.id} outlet={limitsOf} onClose={() => setLimitsOf(null)} />}
      <DeviceModal outlet={deviceFor} factors={e.pollutants.map((p) => p.code)} onClose={() => setDeviceFor(null)} />
      {year && <YearForm open onClose={() => setYear(null)} year={year === "new" ? undefined : year} enterpriseId={e.id} />}
    </>
  );
}
