/**
 * @module The signed-in shell: antd Layout with the area menu on the left (filtered by abilities), the header bar,
 * a reminder to change an initial password, and the routed scene in the content area.
 */
import { Suspense, useMemo, useState } from "react";
import { Alert, Layout, Menu, Typography, theme, type MenuProps } from "antd";
import { Link, Outlet, useLocation } from "react-router";
import { useCurrentSession } from "../hooks/useSession";
import { useT } from "../i18n";
import { ADMIN_ICON, ADMIN_PAGES, AREAS, showAdmin, visible, type NavItem } from "./nav";
import { HeaderBar } from "./HeaderBar";
import { PageLoading } from "./Status";
import { Logo } from "./Logo";

const ADMIN_KEY = "admin";

/** The menu key of the page at `pathname` (longest matching prefix; none for pages outside the menu). */
function selectedKey(pathname: string, items: NavItem[]): string {
  if (pathname === "/") return "/";
  let best = "";
  for (const i of items) if (i.path !== "/" && (pathname === i.path || pathname.startsWith(`${i.path}/`)) && i.path.length > best.length) best = i.path;
  return best;
}

/** The shell around every signed-in page. */
export function AppLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const { user, abilities } = useCurrentSession();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps["items"]>(() => {
    const entry = (i: NavItem) => ({
      key: i.path,
      icon: i.icon,
      label: i.external ? (
        <a href={i.path} target="_blank" rel="noopener" data-testid={`menu-${i.testId}`}>
          {t(i.label)}
        </a>
      ) : (
        <Link to={i.path} data-testid={`menu-${i.testId}`}>
          {t(i.label)}
        </Link>
      ),
    });
    const list: NonNullable<MenuProps["items"]> = AREAS.filter((i) => visible(i, abilities)).map(entry);
    if (showAdmin(abilities)) {
      list.push({
        key: ADMIN_KEY,
        icon: ADMIN_ICON,
        label: <span data-testid="menu-admin">{t("menu.admin")}</span>,
        children: ADMIN_PAGES.filter((i) => visible(i, abilities)).map(entry),
      });
    }
    return list;
  }, [abilities, t]);

  const selected = selectedKey(pathname, [...AREAS, ...ADMIN_PAGES]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
        <div style={{ height: 56, display: "flex", alignItems: "center", justifyContent: "center", gap: 8 }}>
          <Logo size={24} />
          {!collapsed && (
            <Typography.Title level={4} style={{ margin: 0, color: token.colorPrimary }}>
              {t("app.name")}
            </Typography.Title>
          )}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={[ADMIN_KEY]}
          style={{ borderInlineEnd: 0 }}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: "0 16px 0 24px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 16,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}
            data-testid="app-title">
            {t("app.title")}
          </Typography.Text>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {user.mustChangePassword && pathname !== "/account" && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("header.mustChangePassword")}
              action={<Link to="/account">{t("header.goChangePassword")}</Link>}
              data-testid="must-change-password"
            />
          )}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
