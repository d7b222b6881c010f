/**
 * @module /alarms/violations: enterprises' and outlets' noncompliance over the last six months (after EPA ECHO's
 * roll-up: violation, significant noncompliance by the chronic and TRC criteria) and the violation records — China
 * days whose mean of valid hourly values exceeded the permit. A record whose values a review later rejected or
 * corrected is kept as 已撤销 with the decision, its reason, who and when, and the day as re-evaluated.
 */
import { Card, Col, Empty, Row, Segmented, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { getNoncompliance, listViolations, type NoncomplianceStatus, type Violation } from "../../api/alarms";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type Translate } from "../../i18n";
import { beijingText, factorName, formatValue } from "./shared";

const STATUS_COLOUR: Record<NoncomplianceStatus, string> = { no_data: "default", compliant: "green", violation: "orange", significant: "red" };
const FILTERS = ["all", "open", "withdrawn"] as const;

/** Why a record was withdrawn: the decision and its reason, the day now, who and when. */
function Withdrawal({ v, t }: { v: Violation; t: Translate }) {
  const w = v.withdrawal;
  if (!w) return v.status === "withdrawn" ? <Typography.Text type="secondary">{t("alarms.violations.withdrawnOld")}</Typography.Text> : null;
  const day = w.mean === null
    ? t("alarms.violations.nowShort", { hours: w.hours, min: 18 })
    : t("alarms.violations.nowWithin", { mean: formatValue(w.mean), hours: w.hours });
  return (
    <Space direction="vertical" size={0} data-testid={`withdrawal-${v.id}`}>
      <span>{t(`alarms.violations.cause.${w.cause}`)}：{w.reason}</span>
      <Typography.Text type="secondary">{day}</Typography.Text>
      <Typography.Text type="secondary">{[w.byName ?? t("alarms.violations.system"), beijingText(w.at)].join(" · ")}</Typography.Text>
    </Space>
  );
}

/** The page. */
export default function ViolationsScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get("status") ?? "") ? (params.get("status") as (typeof FILTERS)[number]) : "all";
  const nc = useQuery({ queryKey: ["noncompliance"], queryFn: getNoncompliance });
  const v = useQuery({ queryKey: ["violations", filter], queryFn: () => listViolations(filter === "all" ? {} : { status: filter }) });
  if (nc.isError) return <LoadError error={nc.error} onRetry={() => void nc.refetch()} />;
  if (v.isError) return <LoadError error={v.error} onRetry={() => void v.refetch()} />;
  const enterprises = nc.data?.enterprises ?? [];
  return (
    <>
      <PageHeader title={t("alarms.violations.title")} />
      <Typography.Paragraph type="secondary">{t("alarms.violations.explain")}</Typography.Paragraph>
      {enterprises.length > 0 && (
        <Card size="small" title={t("alarms.violations.enterprises")} style={{ marginBottom: 16 }} data-testid="noncompliance-enterprises">
          <Space wrap size={[24, 8]}>
            {enterprises.map((e) => (
              <Space key={e.enterpriseId} size={4}>
                <span>{e.enterpriseName}</span>
                <Tag color={STATUS_COLOUR[e.status]} data-testid={`nce-${e.enterpriseId}`} data-status={e.status}>{t(`alarms.nc.${e.status}`)}</Tag>
              </Space>
            ))}
          </Space>
        </Card>
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="noncompliance">
        {(nc.data?.outlets ?? []).map((o) => (
          <Col key={o.pointId} xs={24} md={12} xl={8}>
            <Card size="small" title={o.enterpriseName ? `${o.pointName}（${o.enterpriseName}）` : o.pointName}
              extra={<Tag color={STATUS_COLOUR[o.status]} data-testid={`nc-${o.pointId}`} data-status={o.status}>{t(`alarms.nc.${o.status}`)}</Tag>}>
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
      <Space style={{ marginBottom: 12 }}>
        <Segmented value={filter} data-testid="violations-filter-status"
          onChange={(x) => { const next = new URLSearchParams(params); if (x === "all") next.delete("status"); else next.set("status", String(x)); setParams(next, { replace: true }); }}
          options={FILTERS.map((x) => ({ value: x, label: t(`alarms.violations.filter.${x}`) }))} />
      </Space>
      <Table<Violation>
        rowKey="id"
        size="middle"
        loading={v.isLoading}
        dataSource={v.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("alarms.violations.none") }}
        data-testid="violations-table"
        onRow={(x) => ({ style: x.status === "withdrawn" ? { color: "rgba(0, 0, 0, 0.45)" } : undefined })}
        columns={[
          { title: t("alarms.violations.day"), dataIndex: "day", width: 110 },
          { title: t("alarms.col.point"), render: (_, x) => <Space direction="vertical" size={0}><span>{`${x.pointCode} ${x.pointName}`}</span>{x.enterpriseName && <Typography.Text type="secondary">{x.enterpriseName}</Typography.Text>}</Space> },
          { title: t("alarms.col.factor"), dataIndex: "factor", width: 110, render: (f) => factorName(f, t) },
          { title: t("alarms.violations.mean"), dataIndex: "mean", width: 90, align: "right", render: (m, x) => (x.status === "withdrawn" ? <s>{formatValue(m)}</s> : formatValue(m)) },
          { title: t("alarms.violations.limit"), width: 100, align: "right", render: (_, x) => [x.limitLower !== null ? `≥ ${x.limitLower}` : null, x.limitUpper !== null ? `≤ ${x.limitUpper}` : null].filter(Boolean).join(" ") },
          { title: t("alarms.violations.multiple"), dataIndex: "exceedMultiple", width: 90, align: "right", render: (m) => formatValue(m) },
          { title: t("alarms.violations.basis"), dataIndex: "basis", width: 120 },
          { title: t("alarms.findings.statusCol"), dataIndex: "status", width: 90, render: (s) => <Tag color={s === "open" ? "red" : "default"} data-testid="violation-status" data-status={s}>{t(`alarms.violations.status.${s as Violation["status"]}`)}</Tag> },
          { title: t("alarms.violations.withdrawal"), width: 300, render: (_, x) => <Withdrawal v={x} t={t} /> },
        ]}
      />
    </>
  );
}
