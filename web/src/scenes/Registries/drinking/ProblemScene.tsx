/**
 * @module /registries/drinking-problems/:id: one problem — what and where, the steps 待整改 → 整改中 → 已整改待核查 →
 * 已销号 with those the user may take (submitting asks what was done; a rejection asks why), the photos of the
 * problem and of its rectification with their EXIF position, and the history.
 */
import { useState } from "react";
import { App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { PROBLEM_CATEGORY_LABELS, PROBLEM_LIFECYCLE, PROBLEM_ORIGIN_LABELS, PROBLEM_PLACE_LABELS, type ProblemAction, type ProblemStatus } from "../../../../../domain/registries/drinkingSource";
import { getRecord, recordAction, type Attachment } from "../../../api/registries";
import type { ProblemRecord, StepOffer } from "../../../api/enterprises";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, PageLoading } from "../../../components/Status";
import { buttonTestId } from "../../../components/testId";
import { policyOf } from "../../../hooks/usePolicy";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { DemoTag, LifecycleSteps, StatusTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { labelOf } from "../shared/options";
import { PROBLEM_FIELD_NAMES } from "./fields";
import { ProblemForm } from "./ProblemForm";

type Detail = ProblemRecord & { actions: StepOffer<ProblemStatus, ProblemAction>[]; attachments: Attachment[] };

/** One step: a dialog asking for the rectification (submitting) or a note. */
function StepButton({ problem, step }: { problem: ProblemRecord; step: StepOffer<ProblemStatus, ProblemAction> }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const submitting = step.action === "submitRectification";
  const [text, setText] = useState(submitting ? problem.rectification ?? "" : "");
  const run = useMutation({
    mutationFn: () => recordAction("drinking-problems", problem.id, "transitions", submitting ? { action: step.action, rectification: text.trim() || null, note: null } : { action: step.action, note: text.trim() || null }),
    onSuccess: () => {
      message.success(t("registries.action.done", { action: step.label[t.lang] }));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ["registries"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const needsText = submitting || step.action === "rejectRectification";
  return (
    <>
      <Button type={step.action === "close" || submitting ? "primary" : "default"} danger={step.action === "rejectRectification"} onClick={() => setOpen(true)} data-testid={`action-${step.action}`}>{step.label[t.lang]}</Button>
      <Modal open={open} title={step.label[t.lang]} onCancel={() => setOpen(false)} onOk={() => run.mutate()} destroyOnHidden
        okButtonProps={{ ...buttonTestId(`action-${step.action}-confirm`), loading: run.isPending, disabled: needsText && !text.trim() }}>
        <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid={`action-${step.action}-note`}
          placeholder={submitting ? t("drinking.problem.rectificationHelp") : needsText ? t("registries.action.noteRequired") : t("registries.action.note")} />
      </Modal>
    </>
  );
}

/** The page. */
export default function ProblemScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", "drinking-problems", "detail", id], queryFn: () => getRecord<Detail>("drinking-problems", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  const policy = policyOf(q.data.policies, p.id);
  return (
    <>
      <PageHeader
        title={<Space>{p.description}<DemoTag demo={p.demo} /><StatusTag lc={PROBLEM_LIFECYCLE} state={p.status} testId="problem-status" /></Space>}
        extra={<Space><Link to="/registries/drinking-problems">{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleSteps lc={PROBLEM_LIFECYCLE} state={p.status} />
        <Space wrap>
          {p.actions.filter((a) => a.allowed).map((a) => <StepButton key={a.action} problem={p} step={a} />)}
          {p.actions.every((a) => !a.allowed) && p.status !== "closed" && <Typography.Text type="secondary">{t("drinking.problem.waiting")}</Typography.Text>}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.source")}><Link to={`/registries/drinking-sources/${p.sourceId}`}>{p.sourceName}</Link></Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.place")}>{labelOf(PROBLEM_PLACE_LABELS, p.place, t)}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.category")}>{labelOf(PROBLEM_CATEGORY_LABELS, p.category, t)}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.origin")}>{labelOf(PROBLEM_ORIGIN_LABELS, p.origin, t)}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.foundOn")}>{p.foundOn}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.unit")}>{p.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.deadline")}>{p.deadline ? (p.overdue ? <Tag color="red">{p.deadline} {t("drinking.problem.overdue")}</Tag> : p.deadline) : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("drinking.problem.rectification")} span={2}><span data-testid="problem-rectification">{p.rectification ?? "—"}</span></Descriptions.Item>
            </Descriptions>
          </Card>
          <AttachmentsCard registry="drinking-problems" id={p.id} attachments={p.attachments} canAttach={policy.attach} at={p.lon !== null && p.lat !== null ? [p.lon, p.lat] : null} />
        </Col>
        <Col xs={24} xl={10}>
          <HistoryCard registry="drinking-problems" id={p.id} stateText={(s) => PROBLEM_LIFECYCLE.labels[s as ProblemStatus]?.[t.lang] ?? s} actionText={(a) => actionText(a, t)} fieldNames={PROBLEM_FIELD_NAMES[t.lang]} />
        </Col>
      </Row>
      <ProblemForm open={editing} onClose={() => setEditing(false)} problem={p} />
    </>
  );
}
