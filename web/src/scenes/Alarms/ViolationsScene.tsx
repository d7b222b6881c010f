/**
 * @module /alarms/violations: outlets' noncompliance over the last six months (after EPA ECHO's roll-up: violation,
 * significant noncompliance by the chronic and TRC criteria) and the violation records — China days whose mean of
 * valid hourly values exceeded the permit.
 */
import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { getNoncompliance, listViolations, type NoncomplianceStatus, type Violation } from "../../api/alarms";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { factorName, formatValue } from "./shared";

const STATUS_COLOUR: Record<NoncomplianceStatus, string> = { no_data: "default", compliant: "green", violation: "orange", significant: "red" };

/** The page. */
export default function ViolationsScene() {
  const t = useT();
  const nc = useQuery({ queryKey: ["noncompliance"], queryFn: getNoncompliance });
  const v = useQuery({ queryKey: ["violations"], queryFn: () => listViolations({}) });
  if (nc.isError) return <LoadError error={nc.error} onRetry={() => void nc.refetch()} />;
  return (
    <>
      <PageHeader title={t("alarms.violations.title")} />
      <Typography.Paragraph type="secondary">{t("alarms.violations.explain")}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="noncompliance">
        {(nc.data?.outlets ?? []).map((o) => (
          <Col key={o.pointId} xs={24} md={12} xl={8}>
            <Card size="small" title={o.pointName} extra={<Tag color={STATUS_COLOUR[o.status]} data-testid={`nc-${o.pointId}`}>{t(`alarms.nc.${o.status}`)}</Tag>}>
              {o.factors.map((f) => (
                <Space key={f.factor} style={{ display: "flex", justifyContent: "space-between" }}>
                  <span>{factorName(f.factor, t)}</span>
                  <Typography.Text type="secondary">{t("alarms.nc.days", { exceeded: f.exceeded, evaluated: f.evaluated })}{f.chronic ? ` · ${t("alarms.nc.chronic")}` : ""}{f.trc ? ` · ${t("alarms.nc.trc")}` : ""}</Typography.Text>
                </Space>
              ))}
            </Card>
          </Col>
        ))}
        {nc.data && nc.data.outlets.length === 0 && <Col span={24}><Empty description={t("alarms.violations.noOutlets")} /></Col>}
      </Row>
      <Table<Violation>
        rowKey="id"
        size="middle"
        loading={v.isLoading}
        dataSource={v.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("alarms.violations.none") }}
        data-testid="violations-table"
        columns={[
          { title: t("alarms.violations.day"), dataIndex: "day", width: 120 },
          { title: t("alarms.col.point"), render: (_, x) => `${x.pointCode} ${x.pointName}` },
          { title: t("alarms.col.factor"), dataIndex: "factor", width: 120, render: (f) => factorName(f, t) },
          { title: t("alarms.violations.mean"), dataIndex: "mean", width: 100, align: "right", render: (m) => formatValue(m) },
          { title: t("alarms.violations.limit"), width: 120, align: "right", render: (_, x) => [x.limitLower !== null ? `≥ ${x.limitLower}` : null, x.limitUpper !== null ? `≤ ${x.limitUpper}` : null].filter(Boolean).join(" ") },
          { title: t("alarms.violations.multiple"), dataIndex: "exceedMultiple", width: 100, align: "right", render: (m) => formatValue(m) },
          { title: t("alarms.violations.basis"), dataIndex: "basis" },
          { title: t("alarms.findings.statusCol"), dataIndex: "status", width: 90, render: (s) => <Tag color={s === "open" ? "red" : "default"}>{t(`alarms.violations.status.${s as Violation["status"]}`)}</Tag> },
        ]}
      />
    </>
  );
}
