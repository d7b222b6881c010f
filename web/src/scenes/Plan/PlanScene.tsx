/**
 * @module /plan: the campaign plan as a task ledger — 序号, 任务, 牵头/责任单位, 参与单位, 落实单位, 完成时限 — with the
 * plan's goals above it, filters by unit and role, and each task's full text on expansion.
 */
import { useMemo, useState } from "react";
import { Button, Card, Descriptions, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useAbility } from "../../hooks/usePolicy";
import { useQuery } from "@tanstack/react-query";
import { getPlan, listPlans, type PlanTaskRow, type TaskRole } from "../../api/plans";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useUnits } from "../../hooks/useUnits";
import { useT, type MessageKey } from "../../i18n";

const ROLE_KEYS: Record<TaskRole, MessageKey> = {
  lead: "plan.role.lead",
  co_lead: "plan.role.co_lead",
  participant: "plan.role.participant",
  implementer: "plan.role.implementer",
  responsible: "plan.role.responsible",
};

/** Names of the units (or collectives) holding `roles` in a task. */
function namesOf(task: PlanTaskRow, roles: TaskRole[]) {
  return task.units.filter((u) => roles.includes(u.role)).map((u) => u.unitName ?? u.collective ?? "");
}

function UnitTags({ names, color }: { names: string[]; color?: string }) {
  if (names.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {names.map((n) => (
        <Tag key={n} color={color} style={{ marginInlineEnd: 0 }}>
          {n}
        </Tag>
      ))}
    </Space>
  );
}

/** The /plan page. */
export default function PlanScene() {
  const t = useT();
  const plans = useQuery({ queryKey: ["plans"], queryFn: listPlans });
  const canImport = useAbility("plan.manage");
  const importButton = canImport && (
    <Link to="/supervision/import" data-testid="plan-import">
      <Button icon={<UploadOutlined />}>{t("supervision.nav.import")}</Button>
    </Link>
  );
  const [planId, setPlanId] = useState<string | undefined>();
  const selected = planId ?? plans.data?.data[0]?.id;
  const plan = useQuery({ queryKey: ["plan", selected], queryFn: () => getPlan(selected!), enabled: Boolean(selected) });
  const units = useUnits();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [role, setRole] = useState<TaskRole | undefined>();
  const [q, setQ] = useState("");

  const tasks = useMemo(() => {
    const all = plan.data?.data.tasks ?? [];
    const needle = q.trim();
    return all.filter(
      (task) =>
        (!unitId || task.units.some((u) => u.unitId === unitId && (!role || u.role === role))) &&
        (unitId || !role || task.units.some((u) => u.role === role)) &&
        (!needle || task.title.includes(needle) || task.text.includes(needle)),
    );
  }, [plan.data, unitId, role, q]);

  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.data && plans.data.data.length === 0) {
    return (
      <>
        <PageHeader title={t("menu.plan")} extra={importButton} />
        <Card>
          <Empty description={t("plan.none")} />
        </Card>
      </>
    );
  }
  const p = plan.data?.data;
  return (
    <>
      <PageHeader
        title={t("menu.plan")}
        extra={
          <Space>
          {importButton}
          <Button icon={<DownloadOutlined />} href={selected ? `/api/plans/${encodeURIComponent(selected)}/ledger.xlsx` : undefined} disabled={!selected} data-testid="plan-export">
            {t("plan.export")}
          </Button>
          <Select
            style={{ minWidth: 320 }}
            value={selected}
            onChange={setPlanId}
            loading={plans.isLoading}
            options={(plans.data?.data ?? []).map((x) => ({ value: x.id, label: `${x.title}${x.docNumber ? `（${x.docNumber}）` : ""}` }))}
            data-testid="plan-select"
          />
          </Space>
        }
      />
      {p && (
        <Card style={{ marginBottom: 16 }} data-testid="plan-header">
          <Descriptions column={{ xs: 1, md: 3 }} size="small" title={p.title}>
            <Descriptions.Item label={t("plan.docNumber")}>{p.docNumber ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("plan.issuedOn")}>{p.issuedOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("plan.taskCount")}>{p.tasks.length}</Descriptions.Item>
            <Descriptions.Item label={t("plan.goals")} span={3}>
              {p.goals.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {p.goals.map((g) => (
                    <li key={g.text}>{g.text}</li>
                  ))}
                </ul>
              ) : (
                "—"
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t("plan.search")} onSearch={setQ} style={{ width: 240 }} data-testid="plan-search" />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("plan.filterUnit")}
            style={{ width: 240 }}
            value={unitId}
            onChange={setUnitId}
            options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="plan-filter-unit"
          />
          <Select
            allowClear
            placeholder={t("plan.filterRole")}
            style={{ width: 180 }}
            value={role}
            onChange={setRole}
            options={(Object.keys(ROLE_KEYS) as TaskRole[]).map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))}
            data-testid="plan-filter-role"
          />
        </Space>
        <Table<PlanTaskRow>
          rowKey="id"
          size="middle"
          loading={plan.isLoading}
          dataSource={tasks}
          pagination={false}
          data-testid="plan-tasks"
          expandable={{
            expandedRowRender: (task) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{task.text}</Typography.Paragraph>
                {task.progress && (
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8, marginBottom: 0 }} data-testid={`plan-progress-${task.number}`}>
                    <Typography.Text strong>{t("supervision.ledger.progress")}：</Typography.Text>
                    {"\n"}{task.progress}
                  </Typography.Paragraph>
                )}
              </>
            ),
          }}
          columns={[
            { title: t("plan.col.number"), dataIndex: "number", width: 64 },
            {
              title: t("plan.col.task"),
              render: (_, task) => (
                <>
                  <div>{task.title}</div>
                  {task.section && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.section}</Typography.Text>}
                </>
              ),
            },
            { title: t("plan.col.lead"), width: 220, render: (_, task) => <UnitTags names={namesOf(task, ["lead", "co_lead", "responsible"])} color="blue" /> },
            { title: t("plan.col.participants"), width: 240, render: (_, task) => <UnitTags names={namesOf(task, ["participant"])} /> },
            { title: t("plan.col.implementers"), width: 160, render: (_, task) => <UnitTags names={namesOf(task, ["implementer"])} color="green" /> },
            {
              title: t("plan.col.deadline"),
              width: 120,
              render: (_, task) => (task.deadlines.length ? task.deadlines.map((d) => <div key={d.dueOn + d.text} title={d.text}>{d.dueOn}</div>) : "—"),
            },
          ]}
        />
      </Card>
    </>
  );
}
