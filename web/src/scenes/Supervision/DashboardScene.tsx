/**
 * @module /supervision: the plan dashboard — totals, progress by section and by unit, the overdue list and what
 * falls due in the next 14 days (task milestones and rounds) — with the office's 立即检查 (lateness, ladder,
 * reminders run now) and when the checks last ran.
 */
import { App, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { SyncOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { getChecks, getDashboard, runChecks, type PlanDashboard } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { StepTag, localTime, usePlanContext } from "./shared";

/** The office's button to run the checks now, with the last run. */
export function ChecksButton() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canRun = useAbility("plan.manage");
  const checks = useQuery({ queryKey: ["supervision", "checks"], queryFn: getChecks });
  const run = useMutation({
    mutationFn: runChecks,
    onSuccess: (r) => {
      const lateness = r.data.results["round-lateness"] ?? {};
      const ladder = r.data.results["supervision-ladder"] ?? {};
      message.success(t("supervision.checks.done", { created: lateness.created ?? 0, applied: ladder.applied ?? 0, proposed: ladder.proposed ?? 0 }));
      void qc.invalidateQueries();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const last = checks.data?.data.map((c) => c.lastFinishedAt).filter(Boolean).sort().at(-1);
  return (
    <Space>
      <Typography.Text type="secondary" data-testid="checks-last">{t("supervision.checks.last", { at: last ? localTime(last) : "—" })}</Typography.Text>
      {canRun && (
        <Button icon={<SyncOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="checks-run">
          {t("supervision.checks.run")}
        </Button>
      )}
    </Space>
  );
}

/** The page. */
export default function DashboardScene() {
  const t = useT();
  const { planId, plan } = usePlanContext();
  const q = useQuery({ queryKey: ["supervision", "dashboard", planId], queryFn: () => getDashboard(planId!), enabled: Boolean(planId) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d: PlanDashboard | undefined = q.data?.data;
  const pct = (done: number, all: number) => (all ? Math.round((done / all) * 100) : 0);
  return (
    <>
      <PageHeader title={t("supervision.dashboard.title")} extra={<ChecksButton />} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard-totals">
        {([
          ["tasks", d?.totals.tasks], ["milestones", d?.totals.milestones], ["done", d?.totals.done],
          ["overdue", d?.totals.overdue], ["dueSoon", d?.totals.dueSoon], ["roundsMissing", d?.totals.roundsMissing],
        ] as const).map(([k, v]) => (
          <Col key={k} xs={12} md={8} xl={4}>
            <Card size="small" loading={q.isLoading}>
              <Statistic title={t(`supervision.dashboard.${k}`)} value={v ?? 0} valueStyle={k === "overdue" || k === "roundsMissing" ? { color: v ? "#dc2626" : undefined } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t("supervision.dashboard.bySection")} size="small">
            <Table
              rowKey="section" size="small" pagination={false} loading={q.isLoading} dataSource={d?.bySection ?? []} data-testid="dashboard-sections"
              columns={[
                { title: t("supervision.col.section"), dataIndex: "section", render: (s: string) => s || t("supervision.dashboard.noSection") },
                { title: t("supervision.dashboard.tasks"), dataIndex: "tasks", width: 64 },
                { title: t("supervision.dashboard.progress"), width: 160, render: (_, r) => <Progress percent={pct(r.done, r.milestones)} size="small" format={() => `${r.done}/${r.milestones}`} /> },
                { title: t("supervision.dashboard.overdue"), dataIndex: "overdue", width: 64, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
                { title: t("supervision.dashboard.dueSoon"), dataIndex: "dueSoon", width: 72 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("supervision.dashboard.byUnit")} size="small">
            <Table
              rowKey="unitId" size="small" pagination={{ pageSize: 8, hideOnSinglePage: true }} loading={q.isLoading} dataSource={d?.byUnit ?? []} data-testid="dashboard-units"
              columns={[
                { title: t("supervision.col.unit"), dataIndex: "unitName", width: 170 },
                { title: t("supervision.dashboard.progress"), width: 130, render: (_, r) => <Progress percent={pct(r.done, r.milestones)} size="small" format={() => `${r.done}/${r.milestones}`} /> },
                { title: t("supervision.dashboard.overdue"), dataIndex: "overdue", width: 60 },
                { title: t("supervision.dashboard.rounds"), width: 110, render: (_, r) => t("supervision.dashboard.roundsCell", { missing: r.roundsMissing, late: r.roundsLate, required: r.roundsRequired }) },
                { title: t("supervision.col.step"), width: 96, render: (_, r) => (r.ladderStep ? <StepTag step={r.ladderStep} /> : "—") },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("supervision.dashboard.overdueList")} size="small">
            <Table
              rowKey={(r) => `${r.taskId}|${r.unitId}|${r.dueOn}`} size="small" loading={q.isLoading} dataSource={d?.overdue ?? []} pagination={{ pageSize: 8, hideOnSinglePage: true }}
              data-testid="dashboard-overdue" locale={{ emptyText: <Empty description={t("supervision.dashboard.noOverdue")} /> }}
              columns={[
                { title: t("supervision.col.task"), render: (_, r) => `${r.taskNumber}. ${r.taskTitle}` },
                { title: t("supervision.col.unit"), dataIndex: "unitName", width: 170 },
                { title: t("supervision.col.dueOn"), dataIndex: "dueOn", width: 104 },
                { title: t("supervision.dashboard.daysOverdue"), dataIndex: "days", width: 80, render: (n: number) => <Tag color="red">{t("supervision.days", { n })}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("supervision.dashboard.upcoming", { days: d?.horizonDays ?? 14 })} size="small">
            <Table
              rowKey={(r) => `${r.kind}|${r.taskId}|${r.roundId}|${r.unitId}|${r.dueOn}`} size="small" loading={q.isLoading} dataSource={d?.upcoming ?? []}
              pagination={{ pageSize: 8, hideOnSinglePage: true }} data-testid="dashboard-upcoming" locale={{ emptyText: <Empty description={t("supervision.dashboard.noUpcoming")} /> }}
              columns={[
                { title: t("supervision.col.dueOn"), dataIndex: "dueOn", width: 104 },
                { title: t("supervision.dashboard.daysLeft"), dataIndex: "daysLeft", width: 72, render: (n: number) => (n === 0 ? t("supervision.today") : t("supervision.days", { n })) },
                { title: t("supervision.col.kind"), dataIndex: "kind", width: 72, render: (k: string) => <Tag color={k === "round" ? "blue" : "green"}>{t(k === "round" ? "supervision.kind.round" : "supervision.kind.milestone")}</Tag> },
                {
                  title: t("supervision.col.what"),
                  render: (_, r) => (r.kind === "round" && r.roundId ? <Link to={`/supervision/rounds/${r.roundId}`}>{r.roundTitle}{r.taskNumber ? `（${r.taskNumber}）` : ""}</Link> : `${r.taskNumber}. ${r.taskTitle}`),
                },
                { title: t("supervision.col.unit"), dataIndex: "unitName", width: 160 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {plan && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t("supervision.dashboard.asOf", { day: d?.asOf ?? "—", plan: plan.title })}</Typography.Paragraph>}
    </>
  );
}
