/**
 * @module /supervision/rounds/:id: one round — every unit it asks, per task, with its answer's state (on time,
 * late by N days, missing for N days, pending) and, where the caller may read them, the answers with figures and
 * attachments; a unit's head or staff answer for their own unit from here, while the round is open. The office
 * closes it here (later submissions are refused with `round.closed`).
 */
import { useState } from "react";
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Modal, Segmented, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { closeRound, getRound, listLateness, type RequirementView, type RoundView, type SubmissionView } from "../../api/supervision";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { policyOf } from "../../hooks/usePolicy";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { SubmitModal } from "./SubmitModal";
import { StatusTag, localDay, localTime } from "./shared";

function Submissions({ items }: { items: SubmissionView[] }) {
  const t = useT();
  if (!items.length) return <Typography.Text type="secondary">{t("supervision.submit.noneYet")}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(s) => (
        <List.Item data-testid="submission">
          <Space direction="vertical" size={2} style={{ width: "100%" }}>
            <Typography.Text type="secondary">{localTime(s.submittedAt)} · {s.submittedBy ?? "—"}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s.text}</Typography.Paragraph>
            {s.figures.length > 0 && <Space wrap>{s.figures.map((f, i) => <Tag key={i}>{f.name}：{f.value}{f.unit ?? ""}</Tag>)}</Space>}
            {s.attachments.length > 0 && <Space wrap>{s.attachments.map((a) => <a key={a.sha256} href={a.url}>{a.fileName}</a>)}</Space>}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The office closes the round, with an optional note; the counts at the close are shown before it confirms. */
function CloseModal({ round, onClose }: { round: RoundView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [note, setNote] = useState("");
  const close = useMutation({
    mutationFn: () => closeRound(round.id, note),
    onSuccess: () => {
      message.success(t("supervision.rounds.closedDone", { title: round.title }));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const unanswered = round.counts.required - round.counts.submitted;
  return (
    <Modal open title={t("supervision.rounds.closeTitle", { title: round.title })} onCancel={onClose} onOk={() => close.mutate()} confirmLoading={close.isPending}
      okText={t("supervision.rounds.close")} okButtonProps={{ danger: true, ...buttonTestId("round-close-ok") }} destroyOnHidden>
      <Typography.Paragraph>{t("supervision.rounds.closeHint", { answered: round.counts.submitted, unanswered })}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("supervision.rounds.closeNote")} data-testid="round-close-note" />
    </Modal>
  );
}

/** The page. */
export default function RoundScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [filter, setFilter] = useState<"all" | "mine" | "lapsed">("all");
  const [answering, setAnswering] = useState<RequirementView | null>(null);
  const [closing, setClosing] = useState(false);
  const q = useQuery({ queryKey: ["supervision", "round", id], queryFn: () => getRound(id) });
  const lateness = useQuery({ queryKey: ["supervision", "lateness", id], queryFn: () => listLateness({ roundId: id }) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data?.data;
  const days = new Map((lateness.data?.data ?? []).map((l) => [l.id, l.days]));
  const can = (req: RequirementView) => policyOf(q.data?.policies, req.id);
  const rows = (r?.requirements ?? []).filter((req) =>
    filter === "all" ? true : filter === "mine" ? can(req).submit : req.status === "missing" || req.status === "late");
  return (
    <>
      <PageHeader
        title={r?.title ?? t("supervision.rounds.title")}
        extra={
          <Space>
            {q.data?.canClose && <Button danger onClick={() => setClosing(true)} data-testid="round-close">{t("supervision.rounds.close")}</Button>}
            <Link to={r?.kind === "annual_plan" ? "/supervision/annual" : "/supervision/rounds"}>{t("supervision.back")}</Link>
          </Space>
        }
      />
      {r?.status === "closed" && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("supervision.rounds.closedNotice")} data-testid="round-closed" />}
      <Card size="small" loading={q.isLoading} style={{ marginBottom: 16 }} data-testid="round-header">
        {r && (
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t("supervision.col.kind")}>{t(r.kind === "annual_plan" ? "supervision.annual.item" : "supervision.kind.round")}</Descriptions.Item>
            <Descriptions.Item label={t("supervision.rounds.openedAt")}>{r.issuedOn ? `${r.issuedOn}（${t("supervision.rounds.recordedTag")}）` : localDay(r.openedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("supervision.col.dueOn")}>{r.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t("supervision.rounds.answered")}>
              <Space size={4} wrap>
                <Tag color="green">{t("supervision.status.onTime")} {r.counts.onTime}</Tag>
                <Tag color="orange">{t("supervision.status.late")} {r.counts.late}</Tag>
                <Tag color="red">{t("supervision.status.missing")} {r.counts.missing}</Tag>
                <Tag>{t("supervision.status.pending")} {r.counts.pending}</Tag>
              </Space>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: "all", label: t("supervision.rounds.filterAll") },
          { value: "mine", label: t("supervision.rounds.filterMine") },
          { value: "lapsed", label: t("supervision.rounds.filterLapsed") },
        ]}
        data-testid="round-filter"
      />
      <Table<RequirementView>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        data-testid="round-requirements"
        locale={{ emptyText: <Empty description={t("supervision.rounds.noRequirements")} /> }}
        expandable={{
          rowExpandable: (req) => req.submissions !== undefined,
          expandedRowRender: (req) => <Submissions items={req.submissions ?? []} />,
        }}
        columns={[
          { title: t("supervision.col.task"), render: (_, req) => (req.taskId ? `${req.taskNumber}. ${req.taskTitle}` : t("supervision.annual.item")) },
          { title: t("supervision.col.unit"), dataIndex: "unitName", width: 190 },
          { title: t("supervision.col.status"), width: 150, render: (_, req) => <StatusTag status={req.status} days={days.get(req.id)} /> },
          { title: t("supervision.rounds.firstAnswer"), width: 150, render: (_, req) => localTime(req.firstSubmittedAt) },
          {
            title: "",
            width: 100,
            render: (_, req) => (can(req).submit ? (
              <Button size="small" type="primary" onClick={() => setAnswering(req)} data-testid={`answer-${req.taskNumber ?? "annual"}`}>
                {t(req.submissionCount ? "supervision.submit.again" : "supervision.submit.answer")}
              </Button>
            ) : null),
          },
        ]}
      />
      {answering && <SubmitModal requirement={answering} onClose={() => setAnswering(null)} />}
      {closing && r && <CloseModal round={r} onClose={() => setClosing(false)} />}
    </>
  );
}
