/**
 * @module /registries/rivers/:id: one river — its course on the map with what lies on it, the 河湖长 of every
 * level, the monitoring points on it, each registry's records on it (black-odorous bodies, outfalls, 清四乱 …),
 * attachments and history.
 */
import { useState } from "react";
import { Button, Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getRecord } from "../../../api/registries";
import { CHIEF_LEVEL_LABELS, RIVER_KIND_LABELS } from "../../../../../domain/registries/rivers";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { DemoTag } from "../shared/bits";
import { labelOf } from "../shared/options";
import { actionText } from "../shared/actions";
import type { RiverDetail } from "../shared/types";
import { RiverForm } from "./RiverForm";

/** The page. */
export default function RiverScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", "rivers", "detail", id], queryFn: () => getRecord<RiverDetail>("rivers", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data.data;
  const policy = policyOf(q.data.policies, r.id);
  return (
    <>
      <PageHeader
        title={<Space>{r.name}<DemoTag demo={r.demo} /></Space>}
        extra={<Space><Link to="/registries/rivers">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.rivers.kind")}>{labelOf(RIVER_KIND_LABELS, r.kind, t)}</Descriptions.Item>
              <Descriptions.Item label={t("registries.rivers.length")}>{r.lengthKm === null ? "—" : `${r.lengthKm} km`}</Descriptions.Item>
              <Descriptions.Item label={t("registries.rivers.basin")}>{r.basin ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.unit")}>{r.unitName ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.note")} span={2}>{r.note ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t("registries.rivers.chiefs")} style={{ marginBottom: 16 }} extra={<Link to={`/registries/river-chiefs?riverId=${r.id}`}>{t("registries.rivers.allChiefs")}</Link>}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.allChiefs}
              data-testid="river-chiefs"
              columns={[
                { title: t("registries.chiefs.level"), dataIndex: "level", width: 120, render: (l) => labelOf(CHIEF_LEVEL_LABELS, l, t) },
                { title: t("registries.chiefs.name"), dataIndex: "name", width: 100 },
                { title: t("registries.chiefs.position"), dataIndex: "position" },
                { title: t("registries.chiefs.reach"), dataIndex: "reach", render: (v) => v ?? t("registries.chiefs.wholeRiver") },
                { title: t("registries.chiefs.phone"), dataIndex: "phone", render: (v) => v ?? "—" },
                { title: t("registries.chiefs.active"), dataIndex: "active", width: 70, render: (v: boolean) => (v ? <Tag color="green">{t("registries.yes")}</Tag> : <Tag>{t("registries.no")}</Tag>) },
              ]}
            />
          </Card>
          <Row gutter={16}>
            {r.registries.map((g) => (
              <Col xs={24} md={12} key={g.key}>
                <Card size="small" title={`${g.title}（${g.total}）`} style={{ marginBottom: 16 }} data-testid={`river-linked-${g.key}`}>
                  <List size="small" dataSource={g.items} locale={{ emptyText: t("common.none") }} renderItem={(it) => <List.Item><Link to={`/registries/${g.key}/${it.id}`}>{it.name}</Link></List.Item>} />
                </Card>
              </Col>
            ))}
            <Col xs={24} md={12}>
              <Card size="small" title={t("registries.rivers.points", { n: r.points.length })} style={{ marginBottom: 16 }}>
                <List size="small" dataSource={r.points} locale={{ emptyText: t("common.none") }} renderItem={(p) => <List.Item><Link to={`/monitoring/points/${p.id}`}>{p.name}</Link><Typography.Text type="secondary">{p.code}</Typography.Text></List.Item>} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
            <GeoMap
              features={r.geometry ? [{ type: "Feature", id: r.id, geometry: r.geometry, properties: { name: r.name } }] : []}
              frameBase={!r.geometry}
              style={() => ({ colour: "#1677ff" })}
              tileUrl={readTileUrl()}
              caption={r.demo ? t("registries.map.caption") : undefined}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={320}
              testId="record-map"
            />
          </Card>
          <div style={{ marginBottom: 16 }}>
            <AttachmentsCard registry="rivers" id={r.id} attachments={q.data.data.attachments} canAttach={policy.attach} />
          </div>
          <HistoryCard registry="rivers" id={r.id} actionText={(a) => actionText(a, t)} />
        </Col>
      </Row>
      <RiverForm open={editing} onClose={() => setEditing(false)} river={r} />
    </>
  );
}
