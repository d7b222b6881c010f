/**
 * @module The form a unit reports a milestone met with: which of its units (when it belongs to several that report
 * on the task), the day, what was done and up to three evidence files (PDF, images, Word, Excel; checked by the
 * server from their content).
 */
import { useState } from "react";
import { App, Button, DatePicker, Form, Input, Modal, Select, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { reportMilestone, type TaskView } from "../../api/supervision";
import { applyIssues } from "../../components/formIssues";
import { buttonTestId } from "../../components/testId";
import { useUnits } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { uploadsOf } from "./shared";

interface Values {
  unitId?: string;
  completedOn: Dayjs;
  note: string;
}

/** The modal for one milestone of `task`. */
export function MilestoneModal({ task, deadlineId, onClose }: { task: TaskView; deadlineId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const deadline = task.deadlines.find((d) => d.id === deadlineId)!;
  const save = useMutation({
    mutationFn: async (v: Values) =>
      reportMilestone(task.id, {
        deadlineId, unitId: v.unitId, completedOn: v.completedOn.format("YYYY-MM-DD"), note: v.note, attachments: await uploadsOf(files),
      }),
    onSuccess: () => {
      message.success(t("supervision.milestone.reported"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  const name = (id: string) => units.data?.data.find((u) => u.id === id)?.name ?? id;
  return (
    <Modal
      open
      title={t("supervision.milestone.title", { number: task.number, due: deadline.dueOn })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("supervision.milestone.submit")}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId("milestone-submit")}
      destroyOnHidden
    >
      <p style={{ color: "#555" }}>{deadline.text}</p>
      <Form form={form} layout="vertical" initialValues={{ completedOn: dayjs(), unitId: task.myReportingUnitIds.length === 1 ? task.myReportingUnitIds[0] : undefined }} onFinish={(v) => save.mutate(v)}>
        {task.myReportingUnitIds.length > 1 && (
          <Form.Item name="unitId" label={t("supervision.col.unit")} rules={[{ required: true, message: t("supervision.pickUnit") }]}>
            <Select options={task.myReportingUnitIds.map((id) => ({ value: id, label: name(id) }))} data-testid="milestone-unit" />
          </Form.Item>
        )}
        <Form.Item name="completedOn" label={t("supervision.milestone.completedOn")} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="milestone-date" />
        </Form.Item>
        <Form.Item name="note" label={t("supervision.milestone.note")} rules={[{ required: true, message: t("supervision.milestone.noteRequired") }]}>
          <Input.TextArea rows={4} maxLength={10_000} data-testid="milestone-note" />
        </Form.Item>
        <Form.Item label={t("supervision.attachments")} extra={t("supervision.attachmentsHint")}>
          <div data-testid="milestone-files"><Upload multiple maxCount={3} beforeUpload={(f) => (setFiles((xs) => [...xs, f].slice(0, 3)), false)} onRemove={(f) => setFiles((xs) => xs.filter((x) => x.name !== f.name))}>
            <Button icon={<UploadOutlined />}>{t("supervision.pickFiles")}</Button>
          </Upload></div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
