/**
 * @module /account: the signed-in user's own password change (current, new, confirm; at least 10 characters).
 */
import { App, Button, Card, Descriptions, Form, Input } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changePassword } from "../../api/auth";
import { MIN_PASSWORD_LENGTH } from "../../api/types";
import { SESSION_KEY, useCurrentSession } from "../../hooks/useSession";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { RoleTags, UnitTags } from "../../components/RoleTags";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The /account page. */
export default function AccountScene() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({ mutationFn: (v: Values) => changePassword(v.currentPassword, v.newPassword) });

  const onFinish = (v: Values) =>
    change.mutate(v, {
      onSuccess: () => {
        form.resetFields();
        message.success(t("account.done"));
        // mustChangePassword is cleared by the server; reload the session to drop the reminder.
        void qc.invalidateQueries({ queryKey: SESSION_KEY });
      },
      onError: (err) => {
        if (!applyIssues(form, err)) {
          const text = errorMessage(err, t);
          if ((err as { id?: string }).id === "auth.password_incorrect") form.setFields([{ name: "currentPassword", errors: [text] }]);
          else message.error(text);
        }
      },
    });

  return (
    <>
      <PageHeader title={t("account.title")} />
      <Card title={t("account.profile")} style={{ maxWidth: 560, marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("users.col.username")}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t("users.col.displayName")}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t("users.col.roles")}><RoleTags roles={user.roles} /></Descriptions.Item>
          <Descriptions.Item label={t("users.col.units")}><UnitTags units={user.units} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("account.title")} style={{ maxWidth: 560 }}>
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending} data-testid="password-form">
          <Form.Item name="currentPassword" label={t("account.current")} rules={[{ required: true, message: t("account.currentRequired") }]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item name="newPassword" label={t("account.new")} dependencies={["currentPassword"]}
            rules={[
              { required: true, min: MIN_PASSWORD_LENGTH, message: t("account.minLength") },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  value && value === getFieldValue("currentPassword") ? Promise.reject(new Error(t("account.sameAsOld"))) : Promise.resolve(),
              }),
            ]}>
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item name="confirm" label={t("account.confirm")} dependencies={["newPassword"]}
            rules={[
              { required: true, message: t("account.mismatch") },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("account.mismatch"))),
              }),
            ]}>
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t("account.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
