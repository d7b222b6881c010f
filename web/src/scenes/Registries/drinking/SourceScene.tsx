/**
 * @module /registries/drinking-sources/:id: one source — its record, the protection zones, intakes and problems on
 * the map (zones drawn there by those who may edit), this year's compliance month by month with the failing
 * items, the problems found (回头看) with the 动态清零 count, photos and history.
 */
import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { PROBLEM_LIFECYCLE, SOURCE_KIND_LABELS, SOURCE_LEVEL_LABELS, ZONE_LABELS, ZONES } from "../../../../../domain/registries/drinkingSource";
import { pollutantName } from "../../../../../domain/registries/enterprise";
import { getRecord } from "../../../api/registries";
import type { ProblemRecord, SourceDetail } from "../../../api/enterprises";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { DemoTag, StatusTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { labelOf } from "../shared/options";
import { figure, percent } from "./format";
import { ProblemForm } from "./ProblemForm";
import { SourceForm } from "./SourceForm";
import { SourceLegend, sourceFeatures, sourceStyle } from "./zones";
import { ZoneEditor } from "./ZoneEditor";
import { SOURCE_FIELD_NAMES } from "./fields";

/** The page. */
export default function SourceScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [adding, setAdding] = useState(false);
  const q = useQuery({ queryKey: ["registries", "drinking-sources", "detail", id], queryFn: () => getRecord<SourceDetail>("drinking-sources", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data.data;
  const policy = policyOf(q.data.policies, s.id);
  const c = s.compliance;
  return (
    <>
      <PageHeader
        title={<Space>{s.name}<DemoTag demo={s.demo} />{s.problems.zero ? <Tag color="green">{t("drinking.problems.zero")}</Tag> : <Tag color="orange">{t("drinking.problems.openCount", { n: s.problems.open })}</Tag>}</Space>}
        extra={<Space><Link to="/registries/drinking-sources">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{s.code}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.kind")}>{labelOf(SOURCE_KIND_LABELS, s.sourceKind, t)} · {labelOf(SOURCE_LEVEL_LABELS, s.level, t)}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.river")}>{s.riverId ? <Link to={`/registries/rivers/${s.riverId}`}>{s.riverName}</Link> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.unit")}>{s.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.waterWorks")}>{s.waterWorks ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.population")}>{s.populationWan === null ? "—" : `${s.populationWan} ${t("drinking.unit.wan")}`}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.capacity")}>{s.capacityWanM3d === null ? "—" : `${s.capacityWanM3d} ${t("drinking.unit.wanM3d")}`}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.standardized")}>{s.standardized ? t("drinking.standardized.done") : t("drinking.standardized.todo")}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.approval")}>{s.approval ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.intakes")}>{s.intakes.length ? s.intakes.map((i) => <Link key={i.pointId} to={`/monitoring/points/${i.pointId}`} style={{ marginRight: 8 }}>{i.code}</Link>) : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.zones")} span={2}>
                <span data-testid="zone-areas">{ZONES.map((z) => `${ZONE_LABELS[z][t.lang]} ${s.zoneAreas[z] === null ? t("drinking.zones.none") : `${s.zoneAreas[z]} km²`}`).join("；")}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("registries.col.note")} span={2}>{s.note ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="source-compliance"
            title={t("drinking.compliance.title", { from: c.from, to: c.to })}
            extra={<Typography.Text>{t("drinking.compliance.intakeRate")}：<b>{percent(c.intakeRate)}</b></Typography.Text>}>
            <Table size="small" rowKey="month" pagination={false} dataSource={c.months} locale={{ emptyText: t("drinking.compliance.none") }}
              columns={[
                { title: t("drinking.compliance.month"), dataIndex: "month", width: 90 },
                { title: t("drinking.compliance.result"), key: "r", width: 100, render: (_, m) => (m.compliant === null ? <Tag>{t("drinking.compliance.notEvaluated")}</Tag> : m.compliant ? <Tag color="green">{t("drinking.compliance.ok")}</Tag> : <Tag color="red">{t("drinking.compliance.fail")}</Tag>) },
                { title: t("drinking.compliance.volumeM3"), dataIndex: "volume", width: 120, render: (v: number) => figure(v, 0) },
                { title: t("drinking.compliance.failures"), key: "f", render: (_, m) => m.failures.map((f) => `${f.intake} ${pollutantName(f.item)} ${f.value}${f.limit !== null ? `（${t("drinking.compliance.limit")} ${f.limit}）` : ""}`).join("；") || "—" },
              ]} />
          </Card>
          <Card size="small" title={t("drinking.problems.ofSource", { open: s.problems.open, closed: s.problems.closed })} style={{ marginBottom: 16 }}
            extra={<Space><Link to={`/registries/drinking-problems?sourceId=${s.id}`}>{t("drinking.problems.all")}</Link><Button size="small" onClick={() => setAdding(true)} data-testid="problem-add">{t("drinking.problems.add")}</Button></Space>}>
            <Table<ProblemRecord> size="small" rowKey="id" pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={s.problemList} data-testid="source-problems"
              columns={[
                { title: t("registries.col.code"), dataIndex: "code", width: 130, render: (v, p) => <Link to={`/registries/drinking-problems/${p.id}`}>{v}</Link> },
                { title: t("drinking.problem.description"), dataIndex: "description" },
                { title: t("drinking.problem.deadline"), dataIndex: "deadline", width: 110, render: (v, p) => (v ? (p.overdue ? <Tag color="red">{v}</Tag> : v) : "—") },
                { title: t("registries.col.status"), key: "status", width: 120, render: (_, p) => <StatusTag lc={PROBLEM_LIFECYCLE} state={p.status} /> },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }} extra={policy.update && <Button size="small" onClick={() => setDrawing(true)} data-testid="zones-draw">{t("drinking.zones.draw")}</Button>}>
            <GeoMap
              features={sourceFeatures(s, s.problemList)}
              frameBase={!s.zone1 && !s.zone2 && !s.zone3}
              style={sourceStyle(t)}
              tileUrl={readTileUrl()}
              caption={t("registries.map.caption")}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={380}
              testId="record-map"
            />
            <SourceLegend t={t} />
          </Card>
          <div style={{ marginBottom: 16 }}>
            <AttachmentsCard registry="drinking-sources" id={s.id} attachments={s.attachments} canAttach={policy.attach} at={s.lon !== null && s.lat !== null ? [s.lon, s.lat] : null} />
          </div>
          <HistoryCard registry="drinking-sources" id={s.id} actionText={(a) => actionText(a, t)} fieldNames={SOURCE_FIELD_NAMES[t.lang]} />
        </Col>
      </Row>
      <SourceForm open={editing} onClose={() => setEditing(false)} source={s} />
      {drawing && <ZoneEditor source={s} open={drawing} onClose={() => setDrawing(false)} />}
      <ProblemForm open={adding} onClose={() => setAdding(false)} sourceId={s.id} />
    </>
  );
}
