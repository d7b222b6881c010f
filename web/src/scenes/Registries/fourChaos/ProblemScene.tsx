/**
 * @module /registries/four-chaos/:id: one 清四乱 problem — the workflow and the steps the user may take (the unit's
 * rectification with its 整改情况, the river chief's verification or rejection with a reason, the office's 销号), the
 * record, the place on the map with where each photo was taken, photos before and after, history.
 */
import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getRecord } from "../../../api/registries";
import { CHAOS_CATALOGUE, CHAOS_LIFECYCLE, CHAOS_SEVERITY_LABELS, CHAOS_SOURCE_LABELS } from "../../../../../domain/registries/fourChaos";
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
import { photoLayer } from "../shared/photoLayer";
import { labelOf } from "../shared/options";
import { ProblemForm } from "./ProblemForm";
import { CHAOS_COLOURS } from "./statusColours";
import type { ProblemDetail } from "./types";

/** The page. */
export default function ProblemScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", "four-chaos", "detail", id], queryFn: () => getRecord<ProblemDetail>("four-chaos", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  const policy = policyOf(q.data.policies, p.id);
  const at = p.lon !== null && p.lat !== null ? ([p.lon, p.lat] as [number, number]) : null;
  return (
    <>
      <PageHeader
        title={<Space>{p.subtype}<DemoTag demo={p.demo} /><StatusTag lc={CHAOS_LIFECYCLE} state={p.status} testId="fc-status" /></Space>}
        extra={<Space><Link to="/registries/four-chaos">{t("registries.back")}</Link>{policy.update && p.status !== "closed" && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleSteps lc={CHAOS_LIFECYCLE} state={p.status} />
        <Space wrap>
          {p.actions.filter((a) => a.allowed).map((a) => (
            <Space key={a.action} align="start">
              {a.problems.length === 0 ? (
                <ActionButton
                  registry="four-chaos" id={p.id} path="transitions" transition={{ ...a, from: [p.status] }}
                  primary={a.action !== "rejectVerification"} danger={a.action === "rejectVerification"} needsNote={a.action === "rejectVerification" || a.action === "submitRectification"}
                  textAs={a.action === "submitRectification" ? "rectification" : undefined}
                  placeholder={a.action === "submitRectification" ? t("registries.fc.rectificationPlaceholder") : undefined}
                  initialText={a.action === "submitRectification" ? p.rectification ?? "" : ""}
                />
              ) : (
                <Button disabled data-testid={`action-${a.action}`}>{a.label[t.lang]}</Button>
              )}
              {a.problems.length > 0 && <Typography.Text type="secondary" data-testid={`action-${a.action}-problems`}>{t("registries.of.needs")}{a.problems.join("；")}</Typography.Text>}
            </Space>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.category")}>{labelOf(CHAOS_CATALOGUE, p.category, t)} · {p.subtype}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.river")}><Link to={`/registries/rivers/${p.riverId}`}>{p.riverName}</Link></Descriptions.Item>
              <Descriptions.Item label={t("registries.of.location")}>{p.location ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.source")}>{labelOf(CHAOS_SOURCE_LABELS, p.source, t)}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.foundOn")}>{p.foundOn}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.unit")}>{p.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.chief")}>{p.chief ? `${p.chief.name}（${p.chief.position}）` : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.deadline")}>{p.deadline ? (p.overdue ? <Tag color="red">{p.deadline} {t("registries.bo.overdue")}</Tag> : p.deadline) : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.severity")}>{labelOf(CHAOS_SEVERITY_LABELS, p.severity, t)}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.description")} span={2}>{p.description}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.rectification")} span={2}>{p.rectification ? `${p.rectification}${p.rectifiedOn ? `（${p.rectifiedOn}）` : ""}` : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.verifiedOn")}>{p.verifiedOn ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.fc.closedOn")}>{p.closedOn ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          <AttachmentsCard registry="four-chaos" id={p.id} attachments={p.attachments} canAttach={policy.attach && p.status !== "closed"} at={at} purposes={["photo", "rectification", "document"]} />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
            <GeoMap
              features={at ? [{ type: "Feature", id: p.id, geometry: { type: "Point", coordinates: at }, properties: {} }] : []}
              style={() => ({ colour: CHAOS_COLOURS[p.status], symbol: "diamond", label: p.code })}
              frameBase={!at}
              {...photoLayer(p.attachments)}
              tileUrl={readTileUrl()}
              caption={p.demo ? t("registries.map.caption") : undefined}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={300}
              testId="record-map"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("registries.of.photoPositions")}</Typography.Text>
          </Card>
          <HistoryCard registry="four-chaos" id={p.id} stateText={(s) => CHAOS_LIFECYCLE.labels[s as ProblemDetail["status"]]?.[t.lang] ?? s} actionText={(a) => actionText(a, t)} />
        </Col>
      </Row>
      <ProblemForm open={editing} onClose={() => setEditing(false)} problem={p} />
    </>
  );
}
