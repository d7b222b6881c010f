/**
 * @module The signed-in shell: antd Layout with the area menu on the left (filtered by abilities), the header bar,
 * a reminder to change an initial password, and the routed scene in the content area. On phone-sized screens
 * (narrower than antd's `md`, 768 px) the menu moves into a drawer opened from the header, so pages get the width.
 */
import { Suspense, useEffect, useMemo, useState } from "react";
import { Alert, Button, Drawer, Grid, Layout, Menu, Typography, theme, type MenuProps } from "antd";
import { MenuOutlined } from "@ant-design/icons";
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
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint() is empty: treat that as a wide screen, as before.
  const phone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => setDrawerOpen(false), [pathname]);

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

  const brand = (showName: boolean) => (
    <div style={{ height: 56, display: "flex", alignItems: "center", justifyContent: "center", gap: 8 }}>
      <Logo size={24} />
      {showName && (
        <Typography.Title level={4} style={{ margin: 0, color: token.colorPrimary }}>
          {t("app.name")}
        </Typography.Title>
      )}
    </div>
  );
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={[ADMIN_KEY]}
      style={{ borderInlineEnd: 0 }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {phone ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={248}
          styles={{ body: { padding: 0 } }} title={brand(true)} data-testid="menu-drawer">
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
          {brand(!collapsed)}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: phone ? "0 8px 0 4px" : "0 16px 0 24px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 16,
          }}
        >
          {phone && (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)}
              aria-label={t("header.openMenu")} data-testid="menu-open" />
          )}
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", flex: 1, minWidth: "2em" }}
            data-testid="app-title">
            {phone ? t("app.name") : t("app.title")}
          </Typography.Text>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
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
