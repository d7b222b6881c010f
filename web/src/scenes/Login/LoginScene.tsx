/**
 * @module Sign-in page: username and password, clear messages for wrong credentials and locked accounts, then on to
 * the page the user wanted (or the password form when an initial password must be changed).
 */
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useLogin, useSession } from "../../hooks/useSession";
import { LangSwitch } from "../../components/HeaderBar";
import { Logo } from "../../components/Logo";
import type { LoginState } from "../../components/RequireAuth";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

interface LoginValues {
  username: string;
  password: string;
}

/** Where to go after signing in: the remembered page, never back to /login or off-site. */
function target(state: unknown): string {
  const from = (state as LoginState | null)?.from;
  return from && from.startsWith("/") && !from.startsWith("//") && !from.startsWith("/login") ? from : "/";
}

/** The /login page. */
export default function LoginScene() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();

  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to={target(location.state)} replace />;

  const onFinish = (v: LoginValues) =>
    login.mutate(v, {
      onSuccess: (s) => navigate(s.user.mustChangePassword ? "/account" : target(location.state), { replace: true }),
      onError: () => form.setFieldValue("password", ""),
    });

  return (
    <Flex vertical align="center" justify="center"
      style={{ minHeight: "100vh", padding: 16, background: "linear-gradient(160deg, #ecfeff 0%, #f0f9ff 45%, #f8fafc 100%)" }}>
      <div style={{ position: "absolute", top: 12, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: "100%", maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Logo size={44} />
          <Typography.Title level={2} style={{ margin: "4px 0 0" }}>
            {t("app.name")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.subtitle")}</Typography.Text>
        </Flex>
        {login.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage(login.error, t)} data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending} data-testid="login-form">
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t("login.footer")}
      </Typography.Text>
    </Flex>
  );
}
