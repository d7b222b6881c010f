/**
 * @module /supervision/settings: the ladder thresholds per rung (days overdue, missed rounds, repeated lateness
 * within a window, days after the previous rung) and the reminder days before a due date, as stored settings the
 * office edits and the jobs read; everyone in supervision sees them. Also when each check last ran.
 */
import { useEffect } from "react";
import { App, Button, Card, Checkbox, Form, InputNumber, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getChecks, getSettings, saveSettings, type LadderStep, type SupervisionSettings } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { StepTag, localTime } from "./shared";
import { ChecksButton } from "./DashboardScene";

const STEPS: LadderStep[] = ["reminder", "notice", "letter", "exposure", "interview", "accountability"];

/** One row of the form per rung; an empty number means the condition is not used. */
interface StepRow {
  daysOverdue: number | null;
  missedRounds: number | null;
  latenessCount: number | null;
  latenessWithin: number | null;
  minDaysSincePrevious: number;
}
interface Values {
  steps: Record<LadderStep, StepRow>;
  allowSkip: boolean;
  accountabilityNeedsInterviewMinutes: boolean;
  offsets: number[];
  rounds: boolean;
}

function toForm(s: SupervisionSettings): Values {
  const steps = Object.fromEntries(STEPS.map((k) => {
    const r = s.ladder.steps[k];
    return [k, {
      daysOverdue: r.triggers.daysOverdue ?? null, missedRounds: r.triggers.missedRounds ?? null,
      latenessCount: r.triggers.lateness?.count ?? null, latenessWithin: r.triggers.lateness?.withinDays ?? null, minDaysSincePrevious: r.minDaysSincePrevious,
    }];
  })) as Record<LadderStep, StepRow>;
  return { steps, allowSkip: s.ladder.allowSkip, accountabilityNeedsInterviewMinutes: s.ladder.accountabilityNeedsInterviewMinutes, offsets: s.reminders.offsets, rounds: s.reminders.rounds };
}

function fromForm(v: Values): SupervisionSettings {
  const steps = Object.fromEntries(STEPS.map((k) => {
    const r = v.steps[k];
    const triggers: SupervisionSettings["ladder"]["steps"][LadderStep]["triggers"] = {};
    if (r.daysOverdue) triggers.daysOverdue = r.daysOverdue;
    if (r.missedRounds) triggers.missedRounds = r.missedRounds;
    if (r.latenessCount && r.latenessWithin) triggers.lateness = { count: r.latenessCount, withinDays: r.latenessWithin };
    return [k, { triggers, automatic: k === "reminder", minDaysSincePrevious: r.minDaysSincePrevious ?? 0 }];
  })) as SupervisionSettings["ladder"]["steps"];
  return {
    ladder: { steps, allowSkip: v.allowSkip, accountabilityNeedsInterviewMinutes: v.accountabilityNeedsInterviewMinutes },
    reminders: { offsets: v.offsets.map(Number).filter((n) => Number.isInteger(n)), rounds: v.rounds },
  };
}

/** The page. */
export default function SettingsScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ["supervision", "settings"], queryFn: getSettings });
  const checks = useQuery({ queryKey: ["supervision", "checks"], queryFn: getChecks });
  const canEdit = Boolean(q.data?.data.canEdit);
  useEffect(() => {
    if (q.data) form.setFieldsValue(toForm(q.data.data.settings));
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) => saveSettings(fromForm(v)),
    onSuccess: (r) => {
      message.success(r.data.changed.length ? t("supervision.settings.saved") : t("supervision.settings.unchanged"));
      void qc.invalidateQueries({ queryKey: ["supervision", "settings"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const num = (step: LadderStep, field: keyof StepRow, min = 1) => (
    <Form.Item name={["steps", step, field]} noStyle>
      <InputNumber min={min} max={3650} disabled={!canEdit} style={{ width: 84 }} data-testid={`setting-${step}-${field}`} />
    </Form.Item>
  );
  return (
    <>
      <PageHeader title={t("supervision.settings.title")} />
      <Form form={form} onFinish={(v) => save.mutate(v)} disabled={!canEdit}>
        <Card size="small" title={t("supervision.settings.ladder")} style={{ marginBottom: 16 }} loading={q.isLoading}>
          <Typography.Paragraph type="secondary">{t("supervision.settings.ladderHint")}</Typography.Paragraph>
          <Table
            rowKey={(s) => s} size="small" pagination={false} dataSource={STEPS} data-testid="settings-ladder"
            columns={[
              { title: t("supervision.settings.step"), width: 120, render: (_, s) => <StepTag step={s} /> },
              { title: t("supervision.settings.daysOverdue"), render: (_, s) => num(s, "daysOverdue") },
              { title: t("supervision.settings.missedRounds"), render: (_, s) => num(s, "missedRounds") },
              { title: t("supervision.settings.lateness"), render: (_, s) => <Space size={4}>{num(s, "latenessCount")}<span>{t("supervision.settings.within")}</span>{num(s, "latenessWithin")}<span>{t("supervision.settings.daysUnit")}</span></Space> },
              { title: t("supervision.settings.minDays"), render: (_, s) => num(s, "minDaysSincePrevious", 0) },
              { title: t("supervision.settings.confirmation"), width: 110, render: (_, s) => <Tag color={s === "reminder" ? "blue" : "gold"}>{t(s === "reminder" ? "supervision.settings.auto" : "supervision.settings.confirmed")}</Tag> },
            ]}
          />
          <Space style={{ marginTop: 12 }} wrap size={24}>
            <Form.Item name="allowSkip" valuePropName="checked" noStyle><Checkbox>{t("supervision.settings.allowSkip")}</Checkbox></Form.Item>
            <Form.Item name="accountabilityNeedsInterviewMinutes" valuePropName="checked" noStyle><Checkbox>{t("supervision.settings.needsMinutes")}</Checkbox></Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t("supervision.settings.reminders")} style={{ marginBottom: 16 }} loading={q.isLoading}>
          <Space direction="vertical">
            <Space wrap>
              <span>{t("supervision.settings.offsets")}</span>
              <Form.Item name="offsets" noStyle>
                <Select mode="tags" style={{ minWidth: 240 }} tokenSeparators={[",", "，", " "]} options={[30, 14, 7, 3, 1].map((n) => ({ value: n, label: t("supervision.settings.daysBefore", { n }) }))} data-testid="setting-offsets" />
              </Form.Item>
            </Space>
            <Space><Form.Item name="rounds" valuePropName="checked" noStyle><Switch /></Form.Item><span>{t("supervision.settings.roundReminders")}</span></Space>
          </Space>
        </Card>
        {canEdit && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">{t("common.save" as MessageKey)}</Button>}
        {q.data?.data.updated.ladder && <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t("supervision.settings.updatedAt", { at: localTime(q.data.data.updated.ladder.at) })}</Typography.Text>}
      </Form>
      <Card size="small" title={t("supervision.settings.checks")} style={{ marginTop: 16 }} extra={<ChecksButton />}>
        <Table
          rowKey="name" size="small" pagination={false} dataSource={checks.data?.data ?? []}
          columns={[
            { title: t("supervision.settings.check"), dataIndex: "name", render: (n: string) => t(`supervision.check.${n}` as MessageKey) },
            { title: t("supervision.settings.lastRun"), render: (_, c) => localTime(c.lastFinishedAt ?? c.lastStartedAt) },
            { title: t("supervision.col.status"), render: (_, c) => (c.lastStatus ? <Tag color={c.lastStatus === "ok" ? "green" : c.lastStatus === "failed" ? "red" : "blue"}>{c.lastStatus}</Tag> : "—") },
            { title: t("supervision.settings.result"), render: (_, c) => (c.lastResult ? <Typography.Text code style={{ fontSize: 12 }}>{JSON.stringify(c.lastResult)}</Typography.Text> : "—") },
          ]}
        />
      </Card>
    </>
  );
}
