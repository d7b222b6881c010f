/**
 * @module /supervision/tasks: "my tasks" — the tasks of the signed-in user's units grouped by role (牵头, 按职责分工负责,
 * 负责, 负责落实, 参与), each with its milestones (done, overdue, open), the units' completion reports and their
 * evidence, and the rounds still to answer. The office sees every task, filtered by unit, and revokes reports.
 */
import { useMemo, useState } from "react";
import { App, Button, Card, Empty, Input, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { listTasks, revokeMilestone, type MilestoneReport, type TaskView } from "../../api/supervision";
import type { TaskRole } from "../../api/plans";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useAbility } from "../../hooks/usePolicy";
import { useUnitOptions } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { MilestoneModal } from "./MilestoneModal";
import { ROLE_KEYS, ROLE_ORDER, StatusTag, today, usePlanContext } from "./shared";

/** Where one unit's milestone stands. */
function milestoneState(dueOn: string, report: MilestoneReport | undefined): "done" | "overdue" | "open" {
  if (report) return "done";
  return dueOn < today() ? "overdue" : "open";
}

function Reports({ reports, canRevoke }: { reports: MilestoneReport[]; canRevoke: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState<MilestoneReport | null>(null);
  const [reason, setReason] = useState("");
  const revoke = useMutation({
    mutationFn: () => revokeMilestone(revoking!.id, reason),
    onSuccess: () => {
      message.success(t("supervision.milestone.revoked"));
      setRevoking(null);
      setReason("");
      void qc.invalidateQueries({ queryKey: ["supervision"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (!reports.length) return null;
  return (
    <>
      <List
        size="small"
        dataSource={reports}
        renderItem={(r) => (
          <List.Item
            actions={canRevoke && !r.revokedAt ? [<Button key="revoke" size="small" danger onClick={() => setRevoking(r)}>{t("supervision.milestone.revoke")}</Button>] : []}
            data-testid={`report-${r.id}`}
          >
            <Space direction="vertical" size={0} style={{ width: "100%" }}>
              <Space wrap>
                <Typography.Text strong>{r.unitName}</Typography.Text>
                {r.revokedAt ? <Tag color="red">{t("supervision.milestone.revokedTag", { reason: r.revokeReason ?? "" })}</Tag> : <Tag color="green">{t("supervision.milestone.doneOn", { day: r.completedOn })}</Tag>}
                <Typography.Text type="secondary">{r.reportedBy}</Typography.Text>
              </Space>
              <Typography.Text>{r.note}</Typography.Text>
              {r.attachments.length > 0 && (
                <Space wrap>
                  {r.attachments.map((a) => <a key={a.sha256} href={a.url}>{a.fileName}</a>)}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={Boolean(revoking)} title={t("supervision.milestone.revoke")} onCancel={() => setRevoking(null)} onOk={() => revoke.mutate()} okButtonProps={{ danger: true, disabled: !reason.trim() }} confirmLoading={revoke.isPending}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("supervision.milestone.revokeReason")} />
      </Modal>
    </>
  );
}

function TaskCard({ task, unitNames, canRevoke, onReport }: { task: TaskView; unitNames: (id: string) => string; canRevoke: boolean; onReport: (deadlineId: string) => void }) {
  const t = useT();
  const reporting = task.reportingUnitIds;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`task-${task.number}`}
      title={<span style={{ whiteSpace: "normal" }}>{task.number}. {task.title}</span>}
      extra={<Space>{task.myRoles.map((r) => <Tag key={r} color="blue">{t(ROLE_KEYS[r])}</Tag>)}</Space>}
    >
      {task.section && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{task.section}</Typography.Paragraph>}
      {task.deadlines.length === 0 ? <Typography.Text type="secondary">{t("supervision.milestone.none")}</Typography.Text> : <Table
        rowKey="id" size="small" pagination={false} dataSource={task.deadlines}
        columns={[
          { title: t("supervision.col.dueOn"), dataIndex: "dueOn", width: 110 },
          { title: t("supervision.milestone.text"), dataIndex: "text" },
          {
            title: t("supervision.milestone.state"),
            width: 280,
            render: (_, d) => (
              <Space wrap size={4}>
                {reporting.map((u) => {
                  const rep = d.reports.find((r) => r.unitId === u && !r.revokedAt);
                  const s = milestoneState(d.dueOn, rep);
                  return <Tag key={u} color={s === "done" ? "green" : s === "overdue" ? "red" : "default"}>{unitNames(u)}：{t(`supervision.milestone.${s}`)}</Tag>;
                })}
              </Space>
            ),
          },
          {
            title: "",
            width: 110,
            render: (_, d) =>
              task.myReportingUnitIds.some((u) => !d.reports.some((r) => r.unitId === u && !r.revokedAt)) ? (
                <Button size="small" type="primary" onClick={() => onReport(d.id)} data-testid={`milestone-report-${task.number}`}>{t("supervision.milestone.report")}</Button>
              ) : null,
          },
        ]}
        expandable={{
          rowExpandable: (d) => d.reports.length > 0,
          expandedRowRender: (d) => <Reports reports={d.reports} canRevoke={canRevoke} />,
        }}
      />}
      {task.openRequirements.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t("supervision.tasks.toAnswer")}</Typography.Text>
          {task.openRequirements.map((q) => (
            <Link key={q.id} to={`/supervision/rounds/${q.roundId}`}>
              <Space size={4}>{q.roundTitle}<StatusTag status={q.status} /></Space>
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The page. */
export default function MyTasksScene() {
  const t = useT();
  const { planId } = usePlanContext();
  const office = useAbility("plan.manage");
  const units = useUnitOptions();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [reporting, setReporting] = useState<{ task: TaskView; deadlineId: string } | null>(null);
  const q = useQuery({ queryKey: ["supervision", "tasks", planId, office], queryFn: () => listTasks({ planId, mine: !office }), enabled: Boolean(planId) });
  const name = (id: string) => units.options.find((o) => o.value === id)?.label ?? "";
  const tasks = useMemo(() => {
    const all = q.data?.data ?? [];
    return office && unitId ? all.filter((x) => x.units.some((u) => u.unitId === unitId)) : all;
  }, [q.data, office, unitId]);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const rolesOf = (x: TaskView): TaskRole[] => (office ? [...new Set(x.units.filter((u) => !unitId || u.unitId === unitId).map((u) => u.role))] : x.myRoles);
  const tabs = ROLE_ORDER.map((role) => {
    const mine = tasks.filter((x) => rolesOf(x).includes(role));
    return {
      key: role,
      label: `${t(ROLE_KEYS[role])}（${mine.length}）`,
      children: mine.length ? (
        mine.map((x) => <TaskCard key={x.id} task={x} unitNames={name} canRevoke={office} onReport={(deadlineId) => setReporting({ task: x, deadlineId })} />)
      ) : (
        <Empty description={t("supervision.tasks.noneInRole")} />
      ),
    };
  });
  return (
    <>
      <PageHeader
        title={t(office ? "supervision.tasks.allTitle" : "supervision.tasks.title")}
        extra={office && (
          <Select allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("plan.filterUnit")} style={{ width: 260 }} value={unitId} onChange={setUnitId} options={units.options} data-testid="tasks-filter-unit" />
        )}
      />
      {q.isLoading ? <Card loading /> : tasks.length === 0 ? <Empty description={t("supervision.tasks.none")} /> : (
        <Tabs items={tabs} defaultActiveKey={ROLE_ORDER.find((r) => tasks.some((x) => rolesOf(x).includes(r)))} data-testid="tasks-tabs" />
      )}
      {reporting && <MilestoneModal task={reporting.task} deadlineId={reporting.deadlineId} onClose={() => setReporting(null)} />}
    </>
  );
}
