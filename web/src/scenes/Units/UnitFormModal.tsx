/**
 * @module Create or edit a unit: official name, kind and the aliases documents use (matched when plans are imported).
 */
import { App, Form, Input, Modal, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createUnit, updateUnit, type UnitInput } from "../../api/units";
import { UNIT_KINDS, type Unit } from "../../api/types";
import { applyIssues } from "../../components/formIssues";
import { buttonTestId } from "../../components/testId";
import { unitKindKey } from "../../components/RoleTags";
import { UNITS_KEY } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

/** Props of the unit modal. */
export interface UnitFormModalProps {
  open: boolean;
  /** The unit to edit; absent to create. */
  unit?: Unit;
  onClose: () => void;
}

/** The unit modal. */
export function UnitFormModal({ open, unit, onClose }: UnitFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<UnitInput>();
  const save = useMutation({
    mutationFn: (v: UnitInput) => {
      const body = { name: v.name.trim(), kind: v.kind, aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean) };
      return unit ? updateUnit(unit.id, body) : createUnit(body);
    },
    onSuccess: () => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: UNITS_KEY });
      // Users embed unit names.
      void qc.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
    onError: (err) => {
      if (!applyIssues(form, err)) message.error(errorMessage(err, t));
    },
  });
  return (
    <Modal
      open={open}
      title={unit ? t("units.edit") : t("units.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={unit ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId("unit-form-submit")}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={(v) => save.mutate(v)}
        initialValues={unit ? { name: unit.name, kind: unit.kind, aliases: unit.aliases } : { aliases: [] }}>
        <Form.Item name="name" label={t("units.form.name")} rules={[{ required: true, whitespace: true, min: 2, message: t("units.form.nameRequired") }]}>
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t("units.form.kind")} rules={[{ required: true, message: t("units.form.kindRequired") }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(unitKindKey(k)) }))} data-testid="unit-form-kind" />
        </Form.Item>
        <Form.Item name="aliases" label={t("units.form.aliases")} extra={t("units.form.aliasesHelp")}>
          <Select mode="tags" open={false} tokenSeparators={[",", "，", "、"]} data-testid="unit-form-aliases" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
