/**
 * @module Registering an online monitor (HJ 212 数采仪) for an enterprise outlet from the enterprise pages: MN,
 * access password, system code (32 污水 by default) and the factors it sends (fluoride preselected from the
 * coverage report). The device is the monitoring area's (POST /api/monitoring/devices); the report and the
 * enterprise refresh when it is registered.
 */
import { App, Form, Input, Modal, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { registerDevice } from "../../../api/enterprises";
import { applyIssues } from "../../../components/formIssues";
import { buttonTestId } from "../../../components/testId";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { pollutantOptions } from "./monitors";

interface Values {
  mn: string;
  pw: string;
  st: string;
  expectedFactors: string[];
}

/** The dialog for `outlet`. */
export function DeviceModal({ outlet, factors, onClose }: { outlet: { id: string; code: string; name: string } | null; factors: string[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => registerDevice({ ...v, mn: v.mn.trim(), pointId: outlet!.id }),
    onSuccess: () => {
      message.success(t("enterprises.device.registered"));
      void qc.invalidateQueries({ queryKey: ["registries"] });
      onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e)) message.error(errorMessage(e, t));
    },
  });
  return (
    <Modal open={Boolean(outlet)} title={t("enterprises.device.title", { outlet: outlet ? `${outlet.code} ${outlet.name}` : "" })} onCancel={onClose} onOk={() => form.submit()}
      okText={t("enterprises.device.register")} okButtonProps={{ ...buttonTestId("device-submit"), loading: save.isPending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ st: "32", expectedFactors: factors, pw: "" }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="mn" label={t("enterprises.device.mn")} rules={[{ required: true }, { pattern: /^[A-Za-z0-9]{1,24}$/, message: t("enterprises.device.mnHelp") }]} extra={t("enterprises.device.mnHelp")}>
          <Input data-testid="device-mn" style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Form.Item name="pw" label={t("enterprises.device.pw")} rules={[{ required: true }, { max: 16 }]}><Input.Password data-testid="device-pw" autoComplete="new-password" /></Form.Item>
        <Form.Item name="st" label={t("enterprises.device.st")} rules={[{ required: true }, { pattern: /^\d{2}$/ }]} extra={t("enterprises.device.stHelp")}><Input style={{ width: 100 }} /></Form.Item>
        <Form.Item name="expectedFactors" label={t("enterprises.device.factors")} rules={[{ required: true, type: "array", min: 1 }]}>
          <Select mode="multiple" optionFilterProp="label" options={pollutantOptions(t)} data-testid="device-factors" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
