/**
 * @module /complaints/settings (office): each category's handling unit and deadline, rate limits and fraud-check
 * thresholds (PortalSettingsCard), response templates per step, reward tiers (amount and active editable), and
 * Open311 API keys for partner systems (shown once when created).
 */
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Switch, Table, Typography } from "antd";
import { createKey, createTemplate, createTier, listKeys, listTemplates, listTiers, revokeKey, staffCategories, updateCategory, updateTier, type ComplaintCategory, type RewardTier } from "../../api/complaints";
import { PageHeader } from "../../components/PageHeader";
import { useUnitOptions } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { when } from "../Public/shared";
import { ComplaintsNav } from "./ComplaintsNav";
import { PortalSettingsCard } from "./PortalSettingsCard";

const STEPS = ["dispatch", "investigate", "resolve", "closeNotFixed", "markInvalid", "returnToOffice", "redispatch"];

function Templates() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["complaint-templates"], queryFn: listTemplates });
  const [v, setV] = useState({ step: "resolve", title: "", body: "" });
  const add = useMutation({ mutationFn: () => createTemplate({ ...v, categoryCode: null, sort: 0 }), onSuccess: () => { setV({ ...v, title: "", body: "" }); void qc.invalidateQueries({ queryKey: ["complaint-templates"] }); } });
  return (
    <Card title={t("complaints.templates")} data-testid="settings-templates">
      <Table size="small" rowKey="id" pagination={false} dataSource={q.data?.data ?? []} columns={[
        { title: t("complaints.stepCol"), dataIndex: "step", render: (s: string) => t(`complaints.step.${s}` as MessageKey) },
        { title: t("complaints.templateTitle"), dataIndex: "title" },
        { title: t("complaints.templateBody"), dataIndex: "body", ellipsis: true },
      ]} />
      <Space wrap style={{ marginTop: 8 }}>
        <Select value={v.step} onChange={(step) => setV({ ...v, step })} style={{ width: 140 }} options={STEPS.map((s) => ({ value: s, label: t(`complaints.step.${s}` as MessageKey) }))} />
        <Input value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} placeholder={t("complaints.templateTitle")} style={{ width: 160 }} />
        <Input value={v.body} onChange={(e) => setV({ ...v, body: e.target.value })} placeholder={t("complaints.templateBody")} style={{ width: 320 }} />
        <Button onClick={() => add.mutate()} disabled={!v.title || !v.body}>{t("complaints.add")}</Button>
      </Space>
      {add.isError && <Alert type="error" message={errorMessage(add.error, t)} />}
    </Card>
  );
}

function Categories() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["complaint-categories"], queryFn: staffCategories });
  const units = useUnitOptions();
  const save = useMutation({ mutationFn: (p: { code: string; unitId?: string | null; deadlineDays?: number }) => updateCategory(p.code, p), onSuccess: () => void qc.invalidateQueries({ queryKey: ["complaint-categories"] }) });
  return (
    <Card title={t("complaints.categories")} data-testid="settings-categories">
      <Table<ComplaintCategory> size="small" rowKey="code" pagination={false} dataSource={q.data?.data ?? []} scroll={{ x: 600 }} columns={[
        { title: t("public.category"), dataIndex: "name" },
        { title: t("public.handlingUnit"), dataIndex: "unitId", render: (u: string | null, c) => <Select allowClear size="small" style={{ width: 200 }} value={u ?? undefined} options={units.options} placeholder={t("public.triage")} onChange={(unitId) => save.mutate({ code: c.code, unitId: unitId ?? null })} /> },
        { title: t("complaints.deadlineDays"), dataIndex: "deadlineDays", render: (d: number, c) => <InputNumber size="small" min={1} max={365} defaultValue={d} onBlur={(e) => { const n = Number(e.target.value); if (n && n !== d) save.mutate({ code: c.code, deadlineDays: n }); }} /> },
        { title: "Open311", dataIndex: "open311Type" },
      ]} />
      {save.isError && <Alert type="error" style={{ marginTop: 8 }} message={errorMessage(save.error, t)} />}
    </Card>
  );
}

function Tiers() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["reward-tiers"], queryFn: listTiers });
  const [v, setV] = useState<{ name: string; amount: number | null; criteria: string }>({ name: "", amount: null, criteria: "" });
  const add = useMutation({ mutationFn: () => createTier({ name: v.name, amount: v.amount!, criteria: v.criteria }), onSuccess: () => { setV({ name: "", amount: null, criteria: "" }); void qc.invalidateQueries({ queryKey: ["reward-tiers"] }); } });
  const change = useMutation({ mutationFn: (p: { id: string; amount?: number; active?: boolean }) => updateTier(p.id, p), onSettled: () => void qc.invalidateQueries({ queryKey: ["reward-tiers"] }) });
  return (
    <Card title={t("complaints.tiers")} data-testid="settings-tiers">
      <Table<RewardTier> size="small" rowKey="id" pagination={false} dataSource={q.data?.data ?? []} columns={[
        { title: t("complaints.tier"), dataIndex: "name" },
        { title: t("complaints.amount"), dataIndex: "amount", render: (a: number, r) => <InputNumber key={`${r.id}-${a}`} size="small" min={1} max={1_000_000} prefix="¥" defaultValue={a} data-testid={`tier-amount-${r.name}`} onBlur={(e) => { const n = Number(e.target.value.replace(/[^\d.]/g, "")); if (n > 0 && n !== a) change.mutate({ id: r.id, amount: n }); }} /> },
        { title: t("complaints.criteria"), dataIndex: "criteria" },
        { title: t("complaints.tierActive"), dataIndex: "active", render: (on: boolean, r) => <Switch size="small" checked={on} onChange={(active) => change.mutate({ id: r.id, active })} data-testid={`tier-active-${r.name}`} /> },
      ]} />
      {change.isError && <Alert type="error" message={errorMessage(change.error, t)} />}
      <Space wrap style={{ marginTop: 8 }}>
        <Input value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} placeholder={t("complaints.tier")} style={{ width: 140 }} />
        <InputNumber value={v.amount} onChange={(amount) => setV({ ...v, amount })} min={1} placeholder={t("complaints.amount")} />
        <Input value={v.criteria} onChange={(e) => setV({ ...v, criteria: e.target.value })} placeholder={t("complaints.criteria")} style={{ width: 240 }} />
        <Button onClick={() => add.mutate()} disabled={!v.name || !v.amount}>{t("complaints.add")}</Button>
      </Space>
    </Card>
  );
}

function Keys() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["open311-keys"], queryFn: listKeys });
  const [name, setName] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const add = useMutation({ mutationFn: () => createKey(name), onSuccess: (r) => { setShown(r.data.key); setName(""); void qc.invalidateQueries({ queryKey: ["open311-keys"] }); } });
  const revoke = useMutation({ mutationFn: (id: string) => revokeKey(id), onSuccess: () => void qc.invalidateQueries({ queryKey: ["open311-keys"] }) });
  return (
    <Card title={t("complaints.keys")} data-testid="settings-keys">
      <p style={{ fontSize: 12, color: "#6b7280" }}>{t("complaints.keysIntro")}</p>
      {shown && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t("complaints.keyOnce")} description={<Typography.Text copyable code>{shown}</Typography.Text>} />}
      <Table size="small" rowKey="id" pagination={false} dataSource={q.data?.data ?? []} columns={[
        { title: t("complaints.keyName"), dataIndex: "name" }, { title: t("complaints.created"), dataIndex: "createdAt", render: (v: string) => when(v) },
        { title: t("complaints.lastUsed"), dataIndex: "lastUsedAt", render: (v: string | null) => when(v) },
        { title: "", render: (_, k) => (k.revokedAt ? t("complaints.revoked") : <Button size="small" danger onClick={() => revoke.mutate(k.id)}>{t("complaints.revoke")}</Button>) },
      ]} />
      <Space.Compact style={{ marginTop: 8 }}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("complaints.keyName")} />
        <Button onClick={() => add.mutate()} disabled={!name.trim()}>{t("complaints.createKey")}</Button>
      </Space.Compact>
    </Card>
  );
}

/** The settings page. */
export default function SettingsScene() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("complaints.nav.settings")} />
      <ComplaintsNav />
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <Categories />
        <PortalSettingsCard />
        <Templates />
        <Tiers />
        <Keys />
      </Space>
    </>
  );
}
