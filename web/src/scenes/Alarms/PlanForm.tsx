/**
 * @module The plan form (the office): title, contacts after the river chiefs (name, role, phone), the response steps
 * (step, what is done, who), whether the river's stored course runs downstream to upstream, and a note.
 */
import { App, Button, Card, Checkbox, Form, Input, Modal, Space } from "antd";
import type { ButtonProps } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { savePlan, type PlanView } from "../../api/emergency";
import { applyIssues } from "../../components/formIssues";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

type Values = Pick<PlanView["plan"], "title" | "contacts" | "steps" | "courseReversed" | "note">;

/** The form in a modal. */
export function PlanForm({ riverId, plan, onClose }: { riverId: string; plan: PlanView["plan"]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => savePlan(riverId, {
      ...v, note: v.note || null,
      contacts: (v.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? "", phone: c.phone || null, userId: c.userId ?? null })),
      steps: v.steps.map((s) => ({ title: s.title, detail: s.detail ?? "", owner: s.owner ?? "" })),
    }),
    onSuccess: () => {
      message.success(t("alarms.plans.saved"));
      void qc.invalidateQueries({ queryKey: ["emergency-plan", riverId] });
      void qc.invalidateQueries({ queryKey: ["emergency-plans"] });
      onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e)) message.error(errorMessage(e, t));
    },
  });
  return (
    <Modal open width={880} title={t("alarms.plans.editTitle")} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending} okButtonProps={{ "data-testid": "plan-submit" } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={plan}>
        <Form.Item name="title" label={t("alarms.plans.plan")} rules={[{ required: true, min: 2, message: t("alarms.plans.titleRequired") }]}><Input maxLength={100} data-testid="plan-title" /></Form.Item>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Card size="small" title={t("alarms.plans.contacts")} style={{ marginBottom: 12 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: "", role: "", phone: null, userId: null })}>{t("alarms.plans.addContact")}</Button>}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: t("alarms.plans.nameRequired") }]}><Input placeholder={t("alarms.plans.name")} style={{ width: 180 }} /></Form.Item>
                  <Form.Item name={[f.name, "role"]}><Input placeholder={t("alarms.plans.role")} style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, "phone"]}><Input placeholder={t("alarms.plans.phone")} style={{ width: 180 }} /></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t("alarms.rules.remove")} />
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Card size="small" title={t("alarms.plans.steps")} style={{ marginBottom: 12 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add({ title: "", detail: "", owner: "" })}>{t("alarms.plans.addStep")}</Button>}>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: "flex" }}>
                  <span style={{ lineHeight: "32px", width: 24 }}>{i + 1}.</span>
                  <Form.Item name={[f.name, "title"]} rules={[{ required: true, message: t("alarms.plans.stepRequired") }]}><Input placeholder={t("alarms.plans.stepTitle")} style={{ width: 180 }} /></Form.Item>
                  <Form.Item name={[f.name, "detail"]}><Input.TextArea autoSize placeholder={t("alarms.plans.stepDetail")} style={{ width: 360 }} /></Form.Item>
                  <Form.Item name={[f.name, "owner"]}><Input placeholder={t("alarms.plans.stepOwner")} style={{ width: 160 }} /></Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t("alarms.rules.remove")} />}
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
        <Form.Item name="courseReversed" valuePropName="checked"><Checkbox>{t("alarms.plans.courseReversed")}</Checkbox></Form.Item>
        <Form.Item name="note" label={t("alarms.plans.note")}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
