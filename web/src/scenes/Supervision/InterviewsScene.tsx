/**
 * @module /supervision/interviews: 约谈 decided on the ladder — when and where, the 约谈通知 issued, and once held
 * the minutes with their reference, which the office records (提请问责 may follow only after them).
 */
import { useState } from "react";
import { App, Button, DatePicker, Form, Input, Modal, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listInterviews, recordMinutes } from "../../api/supervision";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

type Row = Awaited<ReturnType<typeof listInterviews>>["data"][number];

function MinutesModal({ row, onClose }: { row: Row; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ heldOn: Dayjs; minutes: string; ref: string }>();
  const save = useMutation({
    mutationFn: (v: { heldOn: Dayjs; minutes: string; ref: string }) => recordMinutes(row.id, { heldOn: v.heldOn.format("YYYY-MM-DD"), minutes: v.minutes, ref: v.ref }),
    onSuccess: () => {
      message.success(t("supervision.interview.saved"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  return (
    <Modal open width={640} title={t("supervision.interview.minutesTitle", { unit: row.unitName })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(row.scheduledFor) }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="heldOn" label={t("supervision.interview.heldOn")} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="ref" label={t("supervision.interview.ref")} rules={[{ required: true, message: t("supervision.interview.refRequired") }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="minutes" label={t("supervision.interview.minutes")} rules={[{ required: true, message: t("supervision.interview.minutesRequired") }]}>
          <Input.TextArea rows={6} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The page. */
export default function InterviewsScene() {
  const t = useT();
  const canRecord = useAbility("plan.manage");
  const [minuting, setMinuting] = useState<Row | null>(null);
  const q = useQuery({ queryKey: ["supervision", "interviews"], queryFn: listInterviews });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={t("supervision.interview.title")} />
      <Table<Row>
        rowKey="id" loading={q.isLoading} dataSource={q.data?.data ?? []} data-testid="interviews-table" pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("supervision.interview.none") }}
        expandable={{ rowExpandable: (r) => Boolean(r.minutes), expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.minutes}</Typography.Paragraph> }}
        columns={[
          { title: t("supervision.col.unit"), dataIndex: "unitName", width: 180 },
          { title: t("supervision.col.task"), render: (_, r) => `${r.taskNumber}. ${r.taskTitle}` },
          { title: t("supervision.interview.scheduledFor"), dataIndex: "scheduledFor", width: 110 },
          { title: t("supervision.interview.place"), dataIndex: "place", width: 160, render: (p: string | null) => p ?? "—" },
          { title: t("supervision.interview.notice"), width: 100, render: (_, r) => (r.documentId ? <a href={`/api/supervision/documents/${r.documentId}/docx`}>{t("supervision.doc.open")}</a> : "—") },
          {
            title: t("supervision.interview.minutes"), width: 200,
            render: (_, r) => r.heldOn ? <Tag color="green">{t("supervision.interview.held", { day: r.heldOn, ref: r.minutesRef ?? "" })}</Tag>
              : canRecord ? <Button size="small" onClick={() => setMinuting(r)}>{t("supervision.interview.record")}</Button> : <Tag>{t("supervision.interview.notHeld")}</Tag>,
          },
        ]}
      />
      {minuting && <MinutesModal row={minuting} onClose={() => setMinuting(null)} />}
    </>
  );
}
