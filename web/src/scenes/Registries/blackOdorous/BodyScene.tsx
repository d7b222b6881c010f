/**
 * @module /registries/black-odorous/:id: one body — its record (主责部门, 河湖长, 达标期限), the lifecycle with the
 * steps the user may take (and why elimination is not possible yet), the graded sampling rounds with each point's
 * grade and the guide's reasons, follow-up tasks (返黑返臭), the stretch on the map, photos and history.
 */
import { useState } from "react";
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getRecord } from "../../../api/registries";
import { BODY_KIND_LABELS, BODY_LIFECYCLE } from "../../../../../domain/blackOdorous/lifecycle";
import { INDICATOR_LABELS, INDICATORS } from "../../../../../domain/blackOdorous/thresholds";
import { representativePoint } from "../../../../../domain/registries/geo";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { ActionButton, DemoTag, LifecycleSteps, StatusTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { labelOf } from "../shared/options";
import { BodyForm } from "./BodyForm";
import { GRADE_COLOURS, GradeTag } from "./grades";
import { RoundImport } from "./RoundImport";
import type { BodyDetail, RoundRecord } from "./types";

/** The page. */
export default function BodyScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const q = useQuery({ queryKey: ["registries", "black-odorous", "detail", id], queryFn: () => getRecord<BodyDetail>("black-odorous", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data.data;
  const policy = policyOf(q.data.policies, b.id);
  const openTasks = b.tasks.filter((x) => x.status === "open");
  return (
    <>
      <PageHeader
        title={<Space>{b.name}<DemoTag demo={b.demo} /><StatusTag lc={BODY_LIFECYCLE} state={b.status} testId="bo-status" /></Space>}
        extra={<Space><Link to="/registries/black-odorous">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      {openTasks.map((x) => <Alert key={x.id} type="error" showIcon style={{ marginBottom: 12 }} message={x.title} description={`${x.body}（${t("registries.tasks.due")}：${x.dueOn ?? "—"}）`} data-testid="bo-relapse-task" />)}
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleSteps lc={BODY_LIFECYCLE} state={b.status} />
        <Space wrap>
          {b.actions.filter((a) => a.allowed).map((a) => (
            <span key={a.action}>
              <ActionButton registry="black-odorous" id={b.id} path="transitions" transition={{ ...a, from: [b.status] }} primary />
              {a.problem && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{a.problem}</Typography.Text>}
            </span>
          ))}
          {policy.update && <Button onClick={() => setImporting(true)} data-testid="round-import">{t("registries.bo.round.import")}</Button>}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{b.code}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.kind")}>{labelOf(BODY_KIND_LABELS, b.bodyKind, t)}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.river")}>{b.riverId ? <Link to={`/registries/rivers/${b.riverId}`}>{b.riverName}</Link> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.location")}>{b.location ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.department")}>{b.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.chief")}>{b.chief ? `${b.chief.name}（${b.chief.position}）` : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.deadline")}>{b.deadline ? (b.overdue ? <Tag color="red">{b.deadline} {t("registries.bo.overdue")}</Tag> : b.deadline) : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.statusSince")}>{b.statusSince}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.size")}>{[b.lengthKm !== null && `${b.lengthKm} km`, b.areaKm2 !== null && `${b.areaKm2} km²`].filter(Boolean).join(" / ") || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.latestGrade")}><GradeTag grade={b.latestGrade} testId="bo-latest-grade" /> {b.latestSampledTo ?? ""}</Descriptions.Item>
              <Descriptions.Item label={t("registries.bo.measures")} span={2}>{b.measures ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t("registries.bo.rounds", { n: b.rounds.length })} style={{ marginBottom: 16 }}>
            <Table<RoundRecord>
              size="small"
              rowKey="id"
              data-testid="bo-rounds"
              dataSource={b.rounds}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              expandable={{
                expandedRowRender: (r) => (
                  <div>
                    <List size="small" dataSource={r.result.reasons} renderItem={(x) => <List.Item>{x[t.lang]}</List.Item>} />
                    <Table size="small" rowKey="id" pagination={false} dataSource={r.result.points} columns={[
                      { title: t("registries.bo.point"), dataIndex: "id", width: 70 },
                      { title: t("registries.bo.pointGrade"), key: "g", width: 110, render: (_, p) => <GradeTag grade={p.grade} /> },
                      ...INDICATORS.map((i) => ({ title: INDICATOR_LABELS[i][t.lang], key: i, render: (_: unknown, p: (typeof r.result.points)[number]) => `${p.tallies[i].severe}/${p.tallies[i].blackOdorous}/${p.tallies[i].total}` })),
                    ]} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("registries.bo.tallyHelp")}</Typography.Text>
                    {r.result.warnings.length > 0 && <Alert type="info" showIcon style={{ marginTop: 8 }} message={r.result.warnings.map((w) => w[t.lang]).join("；")} />}
                  </div>
                ),
              }}
              columns={[
                { title: t("registries.bo.sampled"), key: "span", render: (_, r) => `${r.sampledFrom} — ${r.sampledTo}` },
                { title: t("registries.bo.grade"), key: "grade", width: 110, render: (_, r) => <GradeTag grade={r.grade} /> },
                { title: t("registries.bo.points"), key: "points", width: 80, render: (_, r) => r.result.points.length },
                { title: "", key: "relapse", width: 100, render: (_, r) => (r.relapse ? <Tag color="red">{t("registries.tasks.relapse")}</Tag> : null) },
                { title: t("registries.bo.importedBy"), key: "by", render: (_, r) => `${r.importedBy ?? "—"} · ${r.fileName}` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
            <GeoMap
              features={b.geometry ? [{ type: "Feature", id: b.id, geometry: b.geometry, properties: { name: b.name } }] : []}
              frameBase={!b.geometry}
              style={() => ({ colour: GRADE_COLOURS[b.latestGrade ?? b.identifiedGrade ?? "unknown"], label: b.code })}
              tileUrl={readTileUrl()}
              caption={b.demo ? t("registries.map.caption") : undefined}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={300}
              testId="record-map"
            />
          </Card>
          <div style={{ marginBottom: 16 }}>
            <AttachmentsCard registry="black-odorous" id={b.id} attachments={b.attachments} canAttach={policy.attach} at={b.geometry ? representativePoint(b.geometry) : null} />
          </div>
          <HistoryCard registry="black-odorous" id={b.id} stateText={(s) => BODY_LIFECYCLE.labels[s as BodyDetail["status"]]?.[t.lang] ?? s} actionText={(a) => actionText(a, t)} />
        </Col>
      </Row>
      <BodyForm open={editing} onClose={() => setEditing(false)} body={b} />
      <RoundImport bodyId={b.id} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
