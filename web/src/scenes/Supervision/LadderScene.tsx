/**
 * @module /supervision/ladder: the 督办 ladder (seed plan 四(四): 提醒 → 督办通知 → 致函 → 曝光 → 约谈 → 提请问责).
 * Proposed rungs wait for an office user's confirmation (a 约谈 with its day and place); each ladder shows its
 * rungs with the reasons and the numbered .docx issued with each; the documents tab lists every issued document.
 * The office may also escalate on its own judgement (EscalateModal) and close a ladder with a reason.
 */
import { useState } from "react";
import { App, Button, DatePicker, Empty, Form, Input, Modal, Segmented, Space, Table, Tabs, Tag, Timeline, Typography } from "antd";
import { FileWordOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { confirmProposal, listDocuments, listLadders, type DocumentView, type LadderView } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { StepTag, localDay, localTime } from "./shared";
import { ChecksButton } from "./DashboardScene";
import { EscalateModal, ResolveModal } from "./EscalateModal";

type Proposal = LadderView["proposals"][number] & { ladder: LadderView };

function ConfirmModal({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ scheduledFor?: Dayjs; place?: string }>();
  const interview = proposal.step === "interview";
  const confirm = useMutation({
    mutationFn: (v: { scheduledFor?: Dayjs; place?: string }) => confirmProposal(proposal.id, interview ? { scheduledFor: v.scheduledFor!.format("YYYY-MM-DD"), place: v.place } : {}),
    onSuccess: (r) => {
      message.success(r.data.document ? t("supervision.ladder.issued", { doc: r.data.document.docNumber ?? r.data.document.title }) : t("supervision.ladder.applied"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <Modal open title={t("supervision.ladder.confirmTitle", { step: proposal.label, unit: proposal.ladder.unitName })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={confirm.isPending} okButtonProps={buttonTestId("proposal-confirm-ok")} destroyOnHidden>
      <Typography.Paragraph>{proposal.ladder.taskNumber}. {proposal.ladder.taskTitle}</Typography.Paragraph>
      <ul>{proposal.reasons.map((r, i) => <li key={i}>{t.lang === "zh" ? r.zh : r.en}</li>)}</ul>
      <Typography.Paragraph type="secondary">{t(interview ? "supervision.ladder.confirmInterviewHint" : "supervision.ladder.confirmHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => confirm.mutate(v)}>
        {interview && (
          <>
            <Form.Item name="scheduledFor" label={t("supervision.interview.scheduledFor")} rules={[{ required: true, message: t("supervision.interview.dateRequired") }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), "day")} />
            </Form.Item>
            <Form.Item name="place" label={t("supervision.interview.place")}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function Rungs({ ladder }: { ladder: LadderView }) {
  const t = useT();
  return (
    <Timeline
      items={ladder.steps.map((s) => ({
        color: s.step === "reminder" ? "blue" : "red",
        children: (
          <Space direction="vertical" size={0}>
            <Space wrap>
              <StepTag step={s.step} />
              <span>{localTime(s.at)}</span>
              <Typography.Text type="secondary">{s.confirmedBy ? t("supervision.ladder.confirmedBy", { who: s.confirmedBy }) : t("supervision.ladder.automatic")}</Typography.Text>
              {s.documentId && (
                <a href={`/api/supervision/documents/${s.documentId}/docx`} data-testid={`doc-${s.step}`}>
                  <FileWordOutlined /> {s.docNumber ?? t("supervision.ladder.openDoc")}
                </a>
              )}
            </Space>
            {s.reasons.length > 0 && <Typography.Text type="secondary">{s.reasons.map((r) => (t.lang === "zh" ? r.zh : r.en)).join("；")}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}

/** The page. */
export default function LadderScene() {
  const t = useT();
  const canDecide = useAbility("plan.manage");
  const [open, setOpen] = useState<"open" | "all">("open");
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  const [escalating, setEscalating] = useState<{ preset?: LadderView } | null>(null);
  const [resolving, setResolving] = useState<LadderView | null>(null);
  const ladders = useQuery({ queryKey: ["supervision", "ladders", open], queryFn: () => listLadders({ open: open === "open" }) });
  const pendingQ = useQuery({ queryKey: ["supervision", "ladders", "open"], queryFn: () => listLadders({ open: true }) });
  const docs = useQuery({ queryKey: ["supervision", "documents"], queryFn: () => listDocuments() });
  if (ladders.isError) return <LoadError error={ladders.error} onRetry={() => void ladders.refetch()} />;
  // By task, then unit: the office works through the plan in order.
  const proposals: Proposal[] = (pendingQ.data?.data ?? [])
    .flatMap((l) => l.proposals.map((p) => ({ ...p, ladder: l })))
    .sort((a, b) => a.ladder.taskNumber.localeCompare(b.ladder.taskNumber, undefined, { numeric: true }) || a.ladder.unitName.localeCompare(b.ladder.unitName, "zh"));
  return (
    <>
      <PageHeader
        title={t("supervision.ladder.title")}
        extra={
          <Space>
            {canDecide && <Button onClick={() => setEscalating({})} data-testid="escalate">{t("supervision.escalate.button")}</Button>}
            <ChecksButton />
          </Space>
        }
      />
      <Tabs
        data-testid="ladder-tabs"
        items={[
          {
            key: "proposals",
            label: `${t("supervision.ladder.proposals")}（${proposals.length}）`,
            children: (
              <Table<Proposal>
                rowKey="id" size="small" loading={pendingQ.isLoading} dataSource={proposals} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="proposals-table"
                locale={{ emptyText: <Empty description={t("supervision.ladder.noProposals")} /> }}
                columns={[
                  { title: t("supervision.col.unit"), render: (_, p) => p.ladder.unitName, width: 180 },
                  { title: t("supervision.col.task"), render: (_, p) => `${p.ladder.taskNumber}. ${p.ladder.taskTitle}` },
                  { title: t("supervision.ladder.current"), width: 100, render: (_, p) => <StepTag step={p.ladder.currentStep} /> },
                  { title: t("supervision.ladder.proposed"), width: 100, render: (_, p) => <StepTag step={p.step} /> },
                  { title: t("supervision.ladder.reasons"), render: (_, p) => p.reasons.map((r) => (t.lang === "zh" ? r.zh : r.en)).join("；") },
                  { title: t("supervision.ladder.proposedAt"), width: 110, render: (_, p) => localDay(p.proposedAt) },
                  {
                    title: "", width: 90,
                    render: (_, p) => canDecide ? <Button size="small" type="primary" onClick={() => setConfirming(p)} data-testid={`confirm-${p.step}-${p.ladder.taskNumber}-${p.ladder.unitName}`}>{t("supervision.ladder.confirm")}</Button> : null,
                  },
                ]}
              />
            ),
          },
          {
            key: "ladders",
            label: t("supervision.ladder.ladders"),
            children: (
              <>
                <Segmented style={{ marginBottom: 12 }} value={open} onChange={(v) => setOpen(v as "open" | "all")} options={[{ value: "open", label: t("supervision.ladder.openOnly") }, { value: "all", label: t("supervision.ladder.all") }]} />
                <Table<LadderView>
                  rowKey="id" size="small" loading={ladders.isLoading} dataSource={ladders.data?.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="ladders-table"
                  expandable={{ expandedRowRender: (l) => <Rungs ladder={l} />, rowExpandable: (l) => l.steps.length > 0 }}
                  columns={[
                    { title: t("supervision.col.unit"), dataIndex: "unitName", width: 180 },
                    { title: t("supervision.col.task"), render: (_, l) => `${l.taskNumber}. ${l.taskTitle}` },
                    { title: t("supervision.ladder.current"), width: 110, render: (_, l) => <StepTag step={l.currentStep} /> },
                    { title: t("supervision.ladder.openedAt"), width: 110, render: (_, l) => localDay(l.openedAt) },
                    { title: t("supervision.col.status"), width: 110, render: (_, l) => (l.closedAt ? <Tag color="green">{t("supervision.ladder.closed", { day: localDay(l.closedAt) })}</Tag> : <Tag color="red">{t("supervision.ladder.openTag")}</Tag>) },
                    {
                      title: "", width: 200,
                      render: (_, l) => canDecide && !l.closedAt ? (
                        <Space size={4}>
                          <Button size="small" onClick={() => setEscalating({ preset: l })} data-testid={`escalate-${l.taskNumber}-${l.unitName}`}>{t("supervision.escalate.short")}</Button>
                          <Button size="small" onClick={() => setResolving(l)} data-testid={`resolve-${l.taskNumber}-${l.unitName}`}>{t("supervision.resolve.button")}</Button>
                        </Space>
                      ) : null,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: "documents",
            label: t("supervision.ladder.documents"),
            children: (
              <Table<DocumentView>
                rowKey="id" size="small" loading={docs.isLoading} dataSource={docs.data?.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="documents-table"
                columns={[
                  { title: t("supervision.doc.number"), width: 200, render: (_, d) => d.docNumber ?? <Typography.Text type="secondary">{t("supervision.doc.unnumbered")}</Typography.Text> },
                  { title: t("supervision.doc.kind"), width: 110, render: (_, d) => <Tag>{t(`supervision.doc.kind.${d.kind}` as MessageKey)}</Tag> },
                  { title: t("supervision.doc.title"), dataIndex: "title" },
                  { title: t("supervision.col.unit"), dataIndex: "unitName", width: 180 },
                  { title: t("supervision.doc.issuedAt"), width: 110, render: (_, d) => localDay(d.issuedAt) },
                  { title: "", width: 90, render: (_, d) => <a href={d.url} data-testid={`doc-open-${d.kind}`}><FileWordOutlined /> {t("supervision.doc.open")}</a> },
                ]}
              />
            ),
          },
        ]}
      />
      {confirming && <ConfirmModal proposal={confirming} onClose={() => setConfirming(null)} />}
      {escalating && <EscalateModal preset={escalating.preset} onClose={() => setEscalating(null)} />}
      {resolving && <ResolveModal ladder={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}
