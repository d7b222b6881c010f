/**
 * @module The form a unit answers a round with: what was done, figures (name, number, unit) and up to three
 * attachments; for a member of several required units, which unit answers.
 */
import { useState } from "react";
import { App, Button, Form, Input, InputNumber, Modal, Space, Upload } from "antd";
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { submitRound, type RequirementView } from "../../api/supervision";
import { applyIssues } from "../../components/formIssues";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { uploadsOf } from "./shared";

interface Values {
  text: string;
  figures?: { name: string; value: number; unit?: string }[];
}

/** The modal for one requirement. */
export function SubmitModal({ requirement, onClose }: { requirement: RequirementView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const save = useMutation({
    mutationFn: async (v: Values) =>
      submitRound(requirement.roundId, {
        taskId: requirement.taskId, unitId: requirement.unitId, text: v.text,
        figures: (v.figures ?? []).filter((f) => f?.name && Number.isFinite(f.value)), attachments: await uploadsOf(files),
      }),
    onSuccess: (r) => {
      message.success(t(r.data.status === "late" ? "supervision.submit.doneLate" : "supervision.submit.done"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  const what = requirement.taskId ? `${requirement.taskNumber}. ${requirement.taskTitle}` : t("supervision.annual.item");
  return (
    <Modal open width={640} title={t("supervision.submit.title", { round: requirement.roundTitle })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={buttonTestId("submit-send")} destroyOnHidden>
      <p>{requirement.unitName} · {what}</p>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="text" label={t("supervision.submit.text")} rules={[{ required: true, message: t("supervision.submit.textRequired") }]}>
          <Input.TextArea rows={5} maxLength={20_000} data-testid="submit-text" />
        </Form.Item>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Form.Item label={t("supervision.submit.figures")}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: "flex", marginBottom: 4 }}>
                  <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: t("supervision.submit.figureName") }]} noStyle>
                    <Input placeholder={t("supervision.submit.figureName")} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "value"]} rules={[{ required: true, message: t("supervision.submit.figureValue") }]} noStyle>
                    <InputNumber placeholder={t("supervision.submit.figureValue")} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "unit"]} noStyle>
                    <Input placeholder={t("supervision.submit.figureUnit")} style={{ width: 90 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 50}>{t("supervision.submit.addFigure")}</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label={t("supervision.attachments")} extra={t("supervision.attachmentsHint")}>
          <div data-testid="submit-files"><Upload multiple maxCount={3} beforeUpload={(f) => (setFiles((xs) => [...xs, f].slice(0, 3)), false)} onRemove={(f) => setFiles((xs) => xs.filter((x) => x.name !== f.name))}>
            <Button icon={<UploadOutlined />}>{t("supervision.pickFiles")}</Button>
          </Upload></div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
