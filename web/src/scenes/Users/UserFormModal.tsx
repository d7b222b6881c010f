/**
 * @module The create / edit user modal. Create asks for username, display name, initial password, roles and units;
 * edit changes display name, e-mail, roles, units and (if the policy allows) the disabled flag.
 */
import { App, Form, Input, Modal, Select, Switch } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createUser, updateUser, type UserChanges } from "../../api/users";
import type { Role, User } from "../../api/types";
import { MIN_PASSWORD_LENGTH } from "../../api/types";
import { applyIssues } from "../../components/formIssues";
import { buttonTestId } from "../../components/testId";
import { roleOptions, useUnitOptions } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roles: Role[];
  unitIds: string[];
  disabled: boolean;
}

/** Props of the user modal. */
export interface UserFormModalProps {
  /** Open state. */
  open: boolean;
  /** The user to edit; absent to create. */
  user?: User;
  /** Whether the disabled switch is offered (edit only, from the user's policy). */
  canDisable?: boolean;
  onClose: () => void;
}

/** Create or edit a user. */
export function UserFormModal({ open, user, canDisable, onClose }: UserFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const editing = Boolean(user);

  // The modal destroys its form when hidden (clearOnDestroy), so each opening starts from these values.
  const initialValues: Partial<Values> = user
    ? { displayName: user.displayName, email: user.email ?? "", roles: user.roles, unitIds: user.units.map((u) => u.id), disabled: user.disabled }
    : { roles: [], unitIds: [], disabled: false };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const email = (v.email ?? "").trim();
      if (!user) return createUser({ username: v.username.trim(), displayName: v.displayName.trim(), email, password: v.password, roles: v.roles, unitIds: v.unitIds ?? [] });
      const changes: UserChanges = { displayName: v.displayName.trim(), email, roles: v.roles, unitIds: v.unitIds ?? [] };
      if (canDisable && v.disabled !== user.disabled) changes.disabled = v.disabled;
      return updateUser(user.id, changes);
    },
    onSuccess: (res) => {
      message.success(user ? t("common.saved") : t("users.created", { name: res.data.username }));
      void qc.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
    onError: (err) => {
      if (applyIssues(form, err)) return;
      const text = errorMessage(err, t);
      if ((err as { id?: string }).id === "conflict" && !user) form.setFields([{ name: "username", errors: [text] }]);
      else message.error(text);
    },
  });

  return (
    <Modal
      open={open}
      title={editing ? t("users.edit") : t("users.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId("user-form-submit")}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={initialValues} clearOnDestroy
        data-testid="user-form">
        {!editing && (
          <Form.Item name="username" label={t("users.form.username")} extra={t("users.form.usernameHelp")}
            rules={[{ required: true, whitespace: true, message: t("users.form.usernameRequired") }]}>
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("users.form.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.form.displayNameRequired") }]}>
          <Input autoComplete="off" data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="email" label={t("reports.userEmail.label")} extra={t("reports.userEmail.help")}
          rules={[{ type: "email", message: t("reports.userEmail.invalid") }]}>
          <Input type="email" autoComplete="off" data-testid="user-form-email" />
        </Form.Item>
        {!editing && (
          <Form.Item name="password" label={t("users.form.password")} extra={t("users.form.passwordHelp")}
            rules={[{ required: true, min: MIN_PASSWORD_LENGTH, message: t("account.minLength") }]}>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t("users.form.roles")} rules={[{ required: true, type: "array", min: 1, message: t("users.form.rolesRequired") }]}>
          <Select mode="multiple" options={roleOptions(t)} showSearch={{ optionFilterProp: "label" }} data-testid="user-form-roles" />
        </Form.Item>
        <Form.Item name="unitIds" label={t("users.form.units")}>
          <Select mode="multiple" options={units.options} loading={units.loading} showSearch={{ optionFilterProp: "label" }}
            data-testid="user-form-units" />
        </Form.Item>
        {editing && canDisable && (
          <Form.Item name="disabled" label={t("users.form.disabled")} valuePropName="checked">
            <Switch data-testid="user-form-disabled" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
