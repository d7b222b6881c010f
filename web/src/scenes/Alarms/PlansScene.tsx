/**
 * @module /alarms/plans/*: the rivers' emergency plans (一河一策一图) — the list of rivers with their plans and the
 * incidents; one river's plan (/alarms/plans/:riverId); one incident (/alarms/plans/incidents/:id).
 */
import { lazy } from "react";
import { Card, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, Route, Routes } from "react-router";
import { listIncidents, listPlans, type Incident } from "../../api/emergency";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { beijingText } from "./shared";

const PlanScene = lazy(() => import("./PlanScene"));
const IncidentScene = lazy(() => import("./IncidentScene"));

/** The list of plans and incidents. */
function PlansList() {
  const t = useT();
  const plans = useQuery({ queryKey: ["emergency-plans"], queryFn: listPlans });
  const incidents = useQuery({ queryKey: ["incidents"], queryFn: () => listIncidents({}) });
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  return (
    <>
      <PageHeader title={t("alarms.plans.title")} />
      <Typography.Paragraph type="secondary">{t("alarms.plans.explain")}</Typography.Paragraph>
      <Card title={t("alarms.plans.rivers")} style={{ marginBottom: 16 }}>
        <Table
          rowKey="riverId" size="middle" loading={plans.isLoading} dataSource={plans.data?.data ?? []} pagination={false} data-testid="plans-table"
          locale={{ emptyText: t("alarms.plans.noRivers") }}
          columns={[
            { title: t("alarms.plans.river"), dataIndex: "riverName", render: (n, r) => <Space><Link to={`/alarms/plans/${r.riverId}`} data-testid={`plan-${n}`}>{n}</Link>{r.demo && <Tag>{t("alarms.plans.demo")}</Tag>}</Space> },
            { title: t("alarms.plans.plan"), dataIndex: "planTitle", render: (v) => v ?? <Typography.Text type="secondary">{t("alarms.plans.template")}</Typography.Text> },
            { title: t("alarms.plans.updatedAt"), dataIndex: "updatedAt", width: 160, render: (v) => beijingText(v) },
            { title: t("alarms.plans.openIncidents"), dataIndex: "openIncidents", width: 110, align: "right", render: (n) => (n ? <Tag color="red">{n}</Tag> : 0) },
          ]}
        />
      </Card>
      <Card title={t("alarms.plans.incidents")}>
        <Table<Incident>
          rowKey="id" size="middle" loading={incidents.isLoading} dataSource={incidents.data?.data ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t("alarms.plans.noIncidents") }} data-testid="incidents-table"
          columns={[
            { title: t("alarms.plans.incident"), dataIndex: "title", render: (v, i) => <Link to={`/alarms/plans/incidents/${i.id}`}>{v}</Link> },
            { title: t("alarms.findings.statusCol"), dataIndex: "status", width: 100, render: (s) => <Tag color={s === "open" ? "red" : "default"}>{t(`alarms.plans.status.${s as "open"}`)}</Tag> },
            { title: t("alarms.plans.openedAt"), dataIndex: "openedAt", width: 160, render: (v) => beijingText(v) },
            { title: t("alarms.plans.closedAt"), dataIndex: "closedAt", width: 160, render: (v) => beijingText(v) },
          ]}
        />
      </Card>
    </>
  );
}

/** Routes under /alarms/plans. */
export default function PlansScene() {
  return (
    <Routes>
      <Route index element={<PlansList />} />
      <Route path="incidents/:id" element={<IncidentScene />} />
      <Route path=":riverId" element={<PlanScene />} />
    </Routes>
  );
}
