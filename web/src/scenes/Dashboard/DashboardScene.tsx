/**
 * @module 工作台: who the user is (units, roles), the areas their role opens, the unit directory at a glance, and —
 * for auditors and administrators — the 10 latest audit events.
 */
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useCurrentSession } from "../../hooks/useSession";
import { useAbility } from "../../hooks/usePolicy";
import { ADMIN_PAGES, AREAS, showAdmin, visible } from "../../components/nav";
import { RoleTags, UnitTags } from "../../components/RoleTags";
import { useT } from "../../i18n";
import { RecentAudit } from "./RecentAudit";
import { UnitDirectory } from "./UnitDirectory";

/** The / page. */
export default function DashboardScene() {
  const t = useT();
  const { user, abilities } = useCurrentSession();
  const canAudit = useAbility("audit.read");
  const areas = [
    ...AREAS.filter((a) => a.path !== "/" && visible(a, abilities)),
    ...(showAdmin(abilities) ? ADMIN_PAGES.filter((a) => visible(a, abilities)) : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card data-testid="welcome-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("dashboard.welcome", { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("dashboard.welcomeSub")}</Typography.Paragraph>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("dashboard.myUnits")}>
            <span data-testid="dashboard-units">
              <UnitTags units={user.units} emptyText={t("dashboard.noUnits")} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.myRoles")}>
            <span data-testid="dashboard-roles">
              <RoleTags roles={user.roles} />
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("dashboard.areas")} style={{ height: "100%" }}>
            <Space wrap>
              {areas.map((a) =>
                a.external ? (
                  <a key={a.path} href={a.path} target="_blank" rel="noopener">
                    <Tag icon={a.icon} style={{ padding: "4px 10px", fontSize: 14 }}>{t(a.label)}</Tag>
                  </a>
                ) : (
                  <Link key={a.path} to={a.path}>
                    <Tag icon={a.icon} style={{ padding: "4px 10px", fontSize: 14 }}>{t(a.label)}</Tag>
                  </Link>
                ),
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <UnitDirectory />
        </Col>
      </Row>
      {canAudit && <RecentAudit />}
    </Space>
  );
}
