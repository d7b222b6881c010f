/**
 * @module /alarms/plans/:riverId: one river's emergency plan — the map (一图), the contact chain, downstream receptors
 * and upstream outfalls and enterprises relative to a chosen monitoring point (?pointId=, e.g. the alarming section),
 * the response steps (一策), open incidents; the office edits the plan, responders activate it.
 */
import { useState } from "react";
import { Alert, App, Button, Card, Col, Input, List, Modal, Row, Select, Space, Typography } from "antd";
import type { ButtonProps } from "antd";
import { ArrowLeftOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { activatePlan, getPlan } from "../../api/emergency";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { PlanMap } from "./PlanMap";
import { ContactChain, RiverRecords, StepList } from "./PlanParts";
import { PlanForm } from "./PlanForm";

/** The page. */
export default function PlanScene() {
  const { riverId = "" } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pointId = params.get("pointId") ?? undefined;
  const alarmId = params.get("alarmId") ?? undefined;
  const [editing, setEditing] = useState(false);
  const [activating, setActivating] = useState(false);
  const [note, setNote] = useState("");
  const q = useQuery({ queryKey: ["emergency-plan", riverId, pointId], queryFn: () => getPlan(riverId, pointId) });
  const activate = useMutation({
    mutationFn: () => activatePlan(riverId, { alarmId: alarmId ?? null, pointId: pointId ?? null, note: note.trim() || null }),
    onSuccess: (r) => {
      message.success(r.data.created ? t("alarms.plans.activated", { n: r.data.notified }) : t("alarms.plans.alreadyOpen"));
      void qc.invalidateQueries({ queryKey: ["emergency-plan"] });
      void qc.invalidateQueries({ queryKey: ["alarm"] });
      navigate(`/alarms/plans/incidents/${r.data.id}`);
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const v = q.data.data;
  return (
    <>
      <PageHeader
        title={<Space><Link to="/alarms/plans" aria-label={t("alarms.back")}><ArrowLeftOutlined /></Link>{v.plan.title}</Space>}
        extra={
          <Space>
            {q.data.canEdit && <Button onClick={() => setEditing(true)} data-testid="plan-edit">{t("alarms.plans.edit")}</Button>}
            {q.data.canActivate && <Button type="primary" danger icon={<ThunderboltOutlined />} onClick={() => setActivating(true)} data-testid="plan-activate">{t("alarms.plans.activate")}</Button>}
          </Space>
        }
      />
      {!v.plan.stored && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("alarms.plans.templateNote")} />}
      {v.openIncidents.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t("alarms.plans.openNow")}
          description={<List size="small" dataSource={v.openIncidents} renderItem={(i) => <List.Item><Link to={`/alarms/plans/incidents/${i.id}`}>{i.title}</Link></List.Item>} />} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}
            title={t("alarms.plans.map")}
            extra={
              <Select allowClear style={{ width: 260 }} placeholder={t("alarms.plans.reference")} value={pointId}
                onChange={(id) => { const n = new URLSearchParams(params); if (id) n.set("pointId", id); else n.delete("pointId"); setParams(n, { replace: true }); }}
                options={v.points.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="plan-reference" />
            }>
            {!v.hasCourse && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t("alarms.plans.noCourse")} />}
            <PlanMap view={v} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ marginBottom: 16 }}><ContactChain view={v} /></div>
          <Card size="small" title={t("alarms.plans.steps")} style={{ marginBottom: 16 }} data-testid="plan-steps">
            <StepList steps={v.plan.steps} />
          </Card>
        </Col>
      </Row>
      {!v.reference && <Typography.Paragraph type="secondary">{t("alarms.plans.chooseReference")}</Typography.Paragraph>}
      <RiverRecords view={v} />
      {editing && <PlanForm riverId={riverId} plan={v.plan} onClose={() => setEditing(false)} />}
      <Modal open={activating} title={t("alarms.plans.activateTitle")} onCancel={() => setActivating(false)} onOk={() => activate.mutate()} confirmLoading={activate.isPending}
        okText={t("alarms.plans.activate")} okButtonProps={{ danger: true, "data-testid": "plan-activate-submit" } as ButtonProps}>
        <Typography.Paragraph>{t("alarms.plans.activateText", { plan: v.plan.title })}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("alarms.plans.activateNote")} data-testid="plan-activate-note" />
      </Modal>
    </>
  );
}
