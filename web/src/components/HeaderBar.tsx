/**
 * @module The top bar: app name, language switch, the user menu (name, roles, units, change password, sign out) and
 * a visible sign-out button. On phones the buttons show their icons only (their labels stay as aria-labels).
 */
import { Button, Dropdown, Grid, Space, Typography, type MenuProps } from "antd";
import { DownOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { useCurrentSession, useLogout } from "../hooks/useSession";
import { useLang, useT } from "../i18n";
import { roleKey } from "./RoleTags";

/** Toggles 中文 / English; persisted by the i18n module. */
export function LangSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
      data-testid="lang-switch"
      lang={lang === "zh" ? "en" : "zh-CN"}
      aria-label={t("lang.switchTo")}
    >
      {compact ? null : t("lang.switchTo")}
    </Button>
  );
}

/** The header's right-hand side. */
export function HeaderBar() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const logout = useLogout();
  const compact = Grid.useBreakpoint().md === false;
  // The auth guard sends the signed-out shell to /login.
  const signOut = () => logout.mutate();

  const items: MenuProps["items"] = [
    {
      key: "profile",
      disabled: true,
      style: { cursor: "default", color: "inherit" },
      label: (
        <div style={{ maxWidth: 280, whiteSpace: "normal" }}>
          <Typography.Text strong>{user.displayName}</Typography.Text>{" "}
          <Typography.Text type="secondary">@{user.username}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{t("header.roles")}：</Typography.Text>
            {user.roles.map((r) => t(roleKey(r))).join("、")}
          </div>
          <div>
            <Typography.Text type="secondary">{t("header.units")}：</Typography.Text>
            {user.units.length ? user.units.map((u) => u.name).join("、") : t("common.none")}
          </div>
        </div>
      ),
    },
    { type: "divider" },
    { key: "account", label: t("header.account"), onClick: () => navigate("/account") },
    { key: "logout", label: t("header.logout"), danger: true, onClick: signOut },
  ];

  return (
    <Space size={compact ? 0 : "small"}>
      <LangSwitch compact={compact} />
      <Dropdown menu={{ items }} trigger={["click"]} placement="bottomRight">
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={user.displayName}>
          {compact ? null : <>{user.displayName} <DownOutlined /></>}
        </Button>
      </Dropdown>
      <Button type="text" icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending} data-testid="logout"
        aria-label={t("header.logout")}>
        {compact ? null : t("header.logout")}
      </Button>
    </Space>
  );
}
