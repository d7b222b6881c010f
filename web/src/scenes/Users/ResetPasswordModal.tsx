/**
 * @module An administrator sets a new password for another user, who must change it at next sign-in.
 */
import { App, Form, Input, Modal } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetPassword } from "../../api/users";
import type { User } from "../../api/types";
import { MIN_PASSWORD_LENGTH } from "../../api/types";
import { applyIssues } from "../../components/formIssues";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

/** Props of the reset modal. */
export interface ResetPasswordModalProps {
  /** The user whose password is reset; null closes the modal. */
  user: User | null;
  onClose: () => void;
}

/** The reset-password modal. */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => resetPassword(user!.id, v.newPassword),
    onSuccess: () => {
      message.success(t("users.reset.done"));
      void qc.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
    onError: (err) => {
      if (!applyIssues(form, err)) message.error(errorMessage(err, t));
    },
  });
  return (
    <Modal
      open={Boolean(user)}
      title={user ? t("users.reset.title", { name: user.displayName }) : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={reset.isPending}
      okButtonProps={buttonTestId("reset-submit")}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={(v) => reset.mutate(v)}>
        <Form.Item name="newPassword" label={t("users.reset.newPassword")} extra={t("users.reset.help")}
          rules={[{ required: true, min: MIN_PASSWORD_LENGTH, message: t("account.minLength") }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t("account.confirm")} dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("account.mismatch") },
            ({ getFieldValue }) => ({
              validator: (_, v: string) => (!v || v === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("account.mismatch")))),
            }),
          ]}>
          <Input.Password autoComplete="new-password" data-testid="reset-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
