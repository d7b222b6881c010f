/**
 * @module A user row's actions, each shown only when the row's policy allows it: edit, reset password,
 * disable / enable (with confirmation).
 */
import { App, Button, Space } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateUser } from "../../api/users";
import type { Policies, User, UserAction } from "../../api/types";
import { usePolicy } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

/** Props of the row actions. */
export interface UserRowActionsProps {
  user: User;
  /** `policies` of the list response. */
  policies: Policies<UserAction> | undefined;
  /** Opens the edit modal; tells whether the disable switch may be offered. */
  onEdit: (canDisable: boolean) => void;
  onResetPassword: () => void;
}

/** Buttons for one user row. */
export function UserRowActions({ user, policies, onEdit, onResetPassword }: UserRowActionsProps) {
  const t = useT();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const policy = usePolicy(policies, user.id);
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { disabled: !user.disabled }),
    onSuccess: () => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: ["users"] });
    },
    onError: (err) => message.error(errorMessage(err, t)),
  });
  const confirmToggle = () =>
    modal.confirm({
      title: user.disabled ? t("users.enable") : t("users.disable"),
      content: t(user.disabled ? "users.enableConfirm" : "users.disableConfirm", { name: user.displayName }),
      okButtonProps: { danger: !user.disabled },
      okText: user.disabled ? t("users.enable") : t("users.disable"),
      cancelText: t("common.cancel"),
      onOk: () => toggle.mutateAsync(),
    });

  if (!policy.update && !policy.resetPassword && !policy.disable) return null;
  return (
    <Space size={0} wrap>
      {policy.update && (
        <Button type="link" size="small" onClick={() => onEdit(policy.disable)} data-testid={`user-edit-${user.username}`}>
          {t("common.edit")}
        </Button>
      )}
      {policy.resetPassword && (
        <Button type="link" size="small" onClick={onResetPassword} data-testid={`user-reset-${user.username}`}>
          {t("users.resetPassword")}
        </Button>
      )}
      {policy.disable && (
        <Button type="link" size="small" danger={!user.disabled} loading={toggle.isPending} onClick={confirmToggle}
          data-testid={`user-toggle-${user.username}`}>
          {user.disabled ? t("users.enable") : t("users.disable")}
        </Button>
      )}
    </Space>
  );
}
