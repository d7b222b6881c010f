/**
 * @module /alarms/rules: the alarm rules — what they watch (a point, a kind of point, or all), their conditions in
 * words, severity, persistence and repeats; the office and monitoring operators create and change them in a form.
 */
import { useState } from "react";
import { Button, Space, Switch, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { listRules, type AlarmRule } from "../../api/alarms";
import { listPoints } from "../../api/monitoring";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { useT, type MessageKey } from "../../i18n";
import { RuleForm } from "./RuleForm";
import { SeverityTag, conditionText } from "./shared";

/** The page. */
export default function RulesScene() {
  const t = useT();
  const q = useQuery({ queryKey: ["alarm-rules"], queryFn: listRules });
  const points = useQuery({ queryKey: ["monitoring-points", {}], queryFn: () => listPoints({}), staleTime: 60_000 });
  const [editing, setEditing] = useState<AlarmRule | "new" | null>(null);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const pointName = (id: string | null) => (points.data?.data ?? []).find((p) => p.id === id)?.name ?? "—";
  return (
    <>
      <PageHeader
        title={t("alarms.rules.title")}
        extra={q.data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="rule-create">{t("alarms.rules.create")}</Button>}
      />
      <Table<AlarmRule>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("alarms.rules.none") }}
        data-testid="rules-table"
        columns={[
          { title: t("alarms.rules.name"), dataIndex: "name", width: 220, render: (n, r) => <Space direction="vertical" size={0}><Typography.Text strong>{n}</Typography.Text>{!r.enabled && <Tag>{t("alarms.rules.disabled")}</Tag>}</Space> },
          { title: t("alarms.col.severity"), dataIndex: "severity", width: 90, render: (s) => <SeverityTag s={s} t={t} /> },
          {
            title: t("alarms.rules.scope"), width: 200,
            render: (_, r) => (r.pointId ? pointName(r.pointId) : r.pointKind ? t("alarms.rules.allOfKind", { kind: t(`monitoring.kind.${r.pointKind}` as MessageKey) }) : t("alarms.rules.allPoints")),
          },
          { title: t("alarms.rules.conditions"), render: (_, r) => r.conditions.map((c) => conditionText(c, t)).join(r.combinator === "and" ? t("alarms.cond.and") : t("alarms.cond.or")) },
          { title: t("alarms.rules.timing"), width: 200, render: (_, r) => t("alarms.rules.timingText", { persistence: r.persistenceMinutes, repeat: r.repeatMinutes }) },
          { title: t("alarms.rules.enabled"), dataIndex: "enabled", width: 70, render: (v) => <Switch size="small" checked={v} disabled /> },
          { title: t("alarms.col.actions"), width: 80, render: (_, r) => policyOf(q.data?.policies, r.id).update && <Button size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.id}`}>{t("alarms.rules.edit")}</Button> },
        ]}
      />
      {editing && <RuleForm rule={editing === "new" ? null : editing} points={points.data?.data ?? []} onClose={() => setEditing(null)} />}
    </>
  );
}
