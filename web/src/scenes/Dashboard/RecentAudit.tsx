/**
 * @module The 10 latest audit events, for users who may read the audit log.
 */
import { Card, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import dayjs from "dayjs";
import { listAudit } from "../../api/audit";
import type { AuditEvent } from "../../api/types";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

/** Card with the latest audit entries. */
export function RecentAudit() {
  const t = useT();
  const audit = useQuery({ queryKey: ["audit", "recent"], queryFn: () => listAudit({}, { limit: 10 }) });
  return (
    <Card title={t("dashboard.recentAudit")} extra={<Link to="/admin/audit">{t("dashboard.viewAll")}</Link>}
      data-testid="dashboard-audit">
      {audit.isError ? (
        <Typography.Text type="danger">{errorMessage(audit.error, t)}</Typography.Text>
      ) : (
        <Table<AuditEvent>
          size="small"
          rowKey="id"
          loading={audit.isPending}
          dataSource={audit.data?.data ?? []}
          pagination={false}
          columns={[
            { title: t("audit.col.at"), dataIndex: "at", width: 180, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
            { title: t("audit.col.actor"), dataIndex: "actorName", render: (v: string | null) => v ?? t("audit.system") },
            { title: t("audit.col.action"), dataIndex: "action", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            {
              title: t("audit.col.entity"),
              key: "entity",
              render: (_, r) => (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                  {r.entityType}
                  {r.entityId ? ` · ${r.entityId}` : ""}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
