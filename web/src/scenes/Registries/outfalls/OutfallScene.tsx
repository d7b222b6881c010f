/**
 * @module /registries/outfalls/:id: one outfall through 查 → 测 → 溯 → 治 → 销号 — the stage and the steps the user
 * may take (with what each still needs), the registration, sampling records, the trace graph, the plan with its
 * measures, the point on the map, photos and evidence (with their GPS position against the outfall's), history.
 */
import { useState } from "react";
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getRecord } from "../../../api/registries";
import { OUTFALL_LIFECYCLE, REMEDIATION_LABELS } from "../../../../../domain/registries/outfallLifecycle";
import { RecordMapCard } from "../shared/photoLayer";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { ActionButton, DemoTag, LifecycleSteps, StatusTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { labelOf } from "../shared/options";
import { OutfallForm } from "./OutfallForm";
import { PlanModal, TestModal, TraceModal } from "./OutfallEditors";
import { STAGE_COLOURS } from "./stages";
import { TraceGraph } from "./TraceGraph";
import type { OutfallDetail, OutfallTest } from "./types";

/** The page. */
export default function OutfallScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [open, setOpen] = useState<"edit" | "test" | "trace" | "plan" | null>(null);
  const q = useQuery({ queryKey: ["registries", "outfalls", "detail", id], queryFn: () => getRecord<OutfallDetail>("outfalls", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data.data;
  const policy = policyOf(q.data.policies, o.id);
  const canWork = policy.update && o.editable;
  const close = () => setOpen(null);
  const reviewNote = ["rejectClosure"];
  return (
    <>
      <PageHeader
        title={<Space>{o.name}<DemoTag demo={o.demo} /><StatusTag lc={OUTFALL_LIFECYCLE} state={o.stage} testId="of-stage" /></Space>}
        extra={<Space><Link to="/registries/outfalls">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setOpen("edit")} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleSteps lc={OUTFALL_LIFECYCLE} state={o.stage} />
        <Space direction="vertical" style={{ width: "100%" }}>
          {o.actions.filter((a) => a.allowed).map((a) => (
            <Space key={a.action} align="start" wrap>
              {a.problems.length === 0 ? (
                <ActionButton registry="outfalls" id={o.id} path="transitions" transition={{ ...a, from: [o.stage] }} needsNote={reviewNote.includes(a.action)} primary={a.action !== "rejectClosure"} danger={a.action === "rejectClosure"} />
              ) : (
                <Button disabled data-testid={`action-${a.action}`}>{a.label[t.lang]}</Button>
              )}
              {a.problems.length > 0 && <Typography.Text type="secondary" data-testid={`action-${a.action}-problems`}>{t("registries.of.needs")}{a.problems.join("；")}</Typography.Text>}
            </Space>
          ))}
          {o.stage === "review" && !o.actions.some((a) => a.allowed) && <Alert type="info" showIcon message={t("registries.of.underReview")} />}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }} title={t("registries.of.card.register")}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{o.code}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.foundOn")}>{o.foundOn}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.type")} span={2}>{o.typeLabel}{o.typeNote ? `（${o.typeNote}）` : ""}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.receiving")}>{o.riverId ? <Link to={`/registries/rivers/${o.riverId}`}>{o.riverName}</Link> : o.receivingWater ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.unit")}>{o.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.party")}>{o.responsibleParty ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.kind")}>{labelOf(REMEDIATION_LABELS, o.remediationKind, t)}</Descriptions.Item>
              <Descriptions.Item label={t("registries.of.location")} span={2}>{o.location ?? "—"}{o.lon !== null ? `（${o.lon}, ${o.lat}）` : ""}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t("registries.of.card.tests", { n: o.tests.length })} extra={canWork && <Button size="small" onClick={() => setOpen("test")} data-testid="of-test-open">{t("registries.of.test.add")}</Button>}>
            <Table<OutfallTest> size="small" rowKey="id" pagination={false} dataSource={o.tests} data-testid="of-tests" locale={{ emptyText: t("common.none") }} columns={[
              { title: t("registries.of.test.on"), dataIndex: "sampledOn", width: 110 },
              { title: t("registries.of.test.conclusion"), dataIndex: "conclusion", width: 90, render: (c: OutfallTest["conclusion"]) => <Tag color={c === "exceeds" ? "red" : c === "compliant" ? "green" : "default"}>{t(`registries.of.test.${c}`)}</Tag> },
              { title: "COD", dataIndex: "cod", render: (v) => v ?? "—" },
              { title: t("registries.of.test.nh3"), dataIndex: "ammonia", render: (v) => v ?? "—" },
              { title: t("registries.of.test.tp"), dataIndex: "totalPhosphorus", render: (v) => v ?? "—" },
              { title: t("registries.of.test.flow"), dataIndex: "flowM3d", render: (v) => v ?? "—" },
              { title: t("registries.col.note"), dataIndex: "note", render: (v) => v ?? "" },
            ]} />
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={<Space>{t("registries.of.card.trace")}{o.trace.complete ? <Tag color="green">{t("registries.of.trace.complete")}</Tag> : <Tag color="orange">{t("registries.of.trace.incomplete")}</Tag>}</Space>} extra={canWork && <Button size="small" onClick={() => setOpen("trace")} data-testid="of-trace-open">{t("registries.of.trace.edit")}</Button>}>
            <TraceGraph nodes={o.trace.nodes} depth={o.trace.depth} outfall={o.code} />
            {o.trace.open.length > 0 && o.trace.nodes.length > 0 && <Typography.Text type="secondary">{o.trace.open.join("；")}</Typography.Text>}
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t("registries.of.card.plan")} extra={canWork && <Button size="small" onClick={() => setOpen("plan")} data-testid="of-plan-open">{t("registries.of.plan.edit")}</Button>}>
            {o.plan ? (
              <>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t("registries.of.kind")}>{labelOf(REMEDIATION_LABELS, o.plan.remediationKind, t)}</Descriptions.Item>
                  <Descriptions.Item label={t("registries.of.plan.goal")}>{o.plan.goal ?? "—"}</Descriptions.Item>
                </Descriptions>
                <List size="small" dataSource={o.plan.measures} data-testid="of-measures" renderItem={(m) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>{m.seq}. {m.text}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[m.unitName, m.deadline && `${t("registries.of.plan.deadline")} ${m.deadline}`].filter(Boolean).join(" · ")}</Typography.Text>
                    </Space>
                    {m.doneOn ? <Tag color="green">{t("registries.of.plan.done", { on: m.doneOn })}</Tag> : <Tag>{t("registries.of.plan.open")}</Tag>}
                  </List.Item>
                )} />
              </>
            ) : (
              <Typography.Text type="secondary">{t("registries.of.plan.none")}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <RecordMapCard id={o.id} code={o.code} at={o.lon !== null && o.lat !== null ? [o.lon, o.lat] : null} colour={STAGE_COLOURS[o.stage]} symbol="triangle" demo={o.demo} attachments={o.attachments} />
          <div style={{ marginBottom: 16 }}>
            <AttachmentsCard registry="outfalls" id={o.id} attachments={o.attachments} canAttach={policy.attach && o.editable} at={o.lon !== null && o.lat !== null ? [o.lon, o.lat] : null} purposes={["photo", "evidence", "document"]} />
          </div>
          <HistoryCard registry="outfalls" id={o.id} stateText={(s) => OUTFALL_LIFECYCLE.labels[s as OutfallDetail["stage"]]?.[t.lang] ?? s} actionText={(a) => actionText(a, t)} />
        </Col>
      </Row>
      <OutfallForm open={open === "edit"} onClose={close} outfall={o} />
      <TestModal o={o} open={open === "test"} onClose={close} />
      <TraceModal o={o} open={open === "trace"} onClose={close} />
      <PlanModal o={o} open={open === "plan"} onClose={close} />
    </>
  );
}
