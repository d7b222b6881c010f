/**
 * @module The create / edit dialog every registry uses: an antd form with the registry's fields, sent as JSON;
 * the server's field issues land under their fields, anything else shows as a message. On success the registry's
 * queries refresh.
 */
import type { ReactNode } from "react";
import { App, Form, Modal, type FormInstance } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createRecord, updateRecord } from "../../../api/registries";
import { applyIssues } from "../../../components/formIssues";
import { buttonTestId } from "../../../components/testId";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";

/** Props. */
export interface RecordFormProps<V extends object> {
  registry: string;
  open: boolean;
  onClose: () => void;
  /** The record edited; absent to create one. */
  id?: string;
  title: string;
  initialValues?: Partial<V>;
  /** Form values → request body. */
  toBody: (values: V) => Record<string, unknown>;
  /** Called with the saved record. */
  onSaved?: (saved: { id: string }) => void;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
}

/** The dialog; mounted only while open, so each opening starts from the record as it is now. */
export function RecordFormModal<V extends object>(p: RecordFormProps<V>) {
  return p.open ? <RecordFormDialog<V> {...p} /> : null;
}

function RecordFormDialog<V extends object>(p: RecordFormProps<V>) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: (values: V) => (p.id ? updateRecord<{ id: string }>(p.registry, p.id, p.toBody(values)) : createRecord<{ id: string }>(p.registry, p.toBody(values))),
    onSuccess: (r) => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: ["registries", p.registry] });
      p.onSaved?.(r.data);
      p.onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e)) message.error(errorMessage(e, t));
    },
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      width={p.width ?? 720}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      okButtonProps={{ ...buttonTestId("record-form-submit"), loading: save.isPending }}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={p.initialValues} onFinish={(v) => save.mutate(v)} preserve={false}>
        {p.children(form)}
      </Form>
    </Modal>
  );
}
