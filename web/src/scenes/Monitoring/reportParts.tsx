/**
 * @module Pieces the monitoring report pages share: status tags in the class colours (优 … 重度污染), rates as
 * percentages, a month-range picker kept in the URL, the export button, and the settings form of the office.
 */
import { useState, type ReactNode } from "react";
import { Button, Card, DatePicker, Form, InputNumber, Space, Tag, Typography, App } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useSearchParams } from "react-router";
import { getMonitoringSettings, saveMonitoringSettings, type EcoFlowSettings, type GradeThresholds, type WaterStatus } from "../../api/monitoringReports";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey, type Translate } from "../../i18n";
import { classHex } from "./quality";

/** The class whose colour a status takes (办法: Ⅰ–Ⅱ 优, Ⅲ 良好, Ⅳ 轻度, Ⅴ 中度, 劣Ⅴ 重度). */
const STATUS_CLASS: Record<WaterStatus, number> = { 优: 2, 良好: 3, 轻度污染: 4, 中度污染: 5, 重度污染: 6 };
const STATUS_KEY: Record<WaterStatus, MessageKey> = {
  优: "monitoring.status.excellent", 良好: "monitoring.status.good", 轻度污染: "monitoring.status.slight",
  中度污染: "monitoring.status.moderate", 重度污染: "monitoring.status.heavy",
};

/** A water-quality status as a tag in its class colour. */
export function StatusTag({ status, t }: { status: WaterStatus | null | undefined; t: Translate }) {
  if (!status) return <span style={{ color: "#8c8c8c" }}>—</span>;
  const cls = STATUS_CLASS[status];
  const hex = classHex(cls);
  return (
    <Tag style={{ background: hex, borderColor: hex, color: cls === 4 ? "#3d3d00" : "#fff", marginInlineEnd: 0 }} data-status={status}>
      {t(STATUS_KEY[status])}
    </Tag>
  );
}

/** "86.4%" of a 0–1 rate; "—" for null. */
export const percent = (r: number | null | undefined, digits = 1) => (r === null || r === undefined ? "—" : `${(r * 100).toFixed(digits)}%`);

/** Yes / no / — tag. */
export function YesNo({ value, t, yes, no }: { value: boolean | null; t: Translate; yes?: string; no?: string }) {
  if (value === null) return <span style={{ color: "#8c8c8c" }}>—</span>;
  return value ? <Tag color="green">{yes ?? t("monitoring.yes")}</Tag> : <Tag color="red">{no ?? t("monitoring.no")}</Tag>;
}

/**
 * A month range kept in the URL (?from=YYYY-MM&to=YYYY-MM), defaulting to `fallback`.
 * @example const [range, setRange] = useMonthRange(["2024-01", "2024-12"]);
 */
export function useMonthRange(fallback: [string, string]): [[string, string], (r: [string, string]) => void] {
  const [params, setParams] = useSearchParams();
  const ok = (s: string | null) => (s && /^\d{4}-\d{2}$/.test(s) ? s : null);
  const from = ok(params.get("from")) ?? fallback[0];
  const to = ok(params.get("to")) ?? fallback[1];
  const set = (r: [string, string]) => {
    const next = new URLSearchParams(params);
    next.set("from", r[0]);
    next.set("to", r[1]);
    setParams(next, { replace: true });
  };
  return [[from, to], set];
}

/** The month-range picker. */
export function MonthRangePicker({ value, onChange, testId }: { value: [string, string]; onChange: (r: [string, string]) => void; testId?: string }) {
  return (
    <DatePicker.RangePicker
      picker="month"
      allowClear={false}
      value={[dayjs(`${value[0]}-01`), dayjs(`${value[1]}-01`)]}
      disabledDate={(d) => d.isAfter(dayjs(), "month")}
      onChange={(v) => v && v[0] && v[1] && onChange([v[0].format("YYYY-MM"), v[1].format("YYYY-MM")])}
      data-testid={testId}
    />
  );
}

/** The last 12 months up to this one. */
export function lastTwelveMonths(): [string, string] {
  return [dayjs().subtract(11, "month").format("YYYY-MM"), dayjs().format("YYYY-MM")];
}

/** A download button for an .xlsx export. */
export function ExportButton({ href, testId }: { href: string; testId?: string }) {
  const t = useT();
  return (
    <Button icon={<DownloadOutlined />} href={href} data-testid={testId}>
      {t("monitoring.exportXlsx")}
    </Button>
  );
}

/** The settings query (shared by the pages that show or edit them). */
export function useMonitoringSettings() {
  return useQuery({ queryKey: ["monitoring-settings"], queryFn: getMonitoringSettings, staleTime: 60_000 });
}

/** A card with the office's settings form: eco-flow bands, or river-grade thresholds; read-only for others. */
export function SettingsCard({ which }: { which: "ecoFlow" | "riverGrade" }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useMonitoringSettings();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (v: EcoFlowSettings | GradeThresholds) => saveMonitoringSettings(which === "ecoFlow" ? { ecoFlow: v as EcoFlowSettings } : { riverGrade: v as GradeThresholds }),
    onSuccess: () => {
      message.success(t("common.saved"));
      setEditing(false);
      void client.invalidateQueries();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (!q.data) return null;
  const { settings, canChange } = q.data;
  const changed = settings.changed[which];
  const fields: { name: string; label: string; scale: number; suffix: string; min: number; max: number; step: number }[] =
    which === "ecoFlow"
      ? [
          { name: "guaranteeTarget", label: t("monitoring.settings.guaranteeTarget"), scale: 100, suffix: "%", min: 1, max: 100, step: 1 },
          { name: "yellowBelow", label: t("monitoring.settings.yellowBelow"), scale: 100, suffix: "%", min: 1, max: 200, step: 5 },
          { name: "redBelow", label: t("monitoring.settings.redBelow"), scale: 100, suffix: "%", min: 1, max: 200, step: 5 },
        ]
      : [
          { name: "minSections", label: t("monitoring.settings.minSections"), scale: 1, suffix: "", min: 1, max: 1000, step: 1 },
          { name: "excellent", label: t("monitoring.settings.excellent"), scale: 1, suffix: "%", min: 0, max: 100, step: 1 },
          { name: "good", label: t("monitoring.settings.good"), scale: 1, suffix: "%", min: 0, max: 100, step: 1 },
          { name: "moderate", label: t("monitoring.settings.moderate"), scale: 1, suffix: "%", min: 0, max: 100, step: 1 },
          { name: "severe", label: t("monitoring.settings.severe"), scale: 1, suffix: "%", min: 0, max: 100, step: 1 },
        ];
  const current = settings[which] as unknown as Record<string, number>;
  const initial = Object.fromEntries(fields.map((f) => [f.name, Number((current[f.name] * f.scale).toFixed(4))]));
  const view: ReactNode = (
    <Space wrap size={[24, 4]}>
      {fields.map((f) => (
        <Typography.Text key={f.name}>
          {f.label}：<b>{initial[f.name]}{f.suffix}</b>
        </Typography.Text>
      ))}
    </Space>
  );
  return (
    <Card
      size="small"
      title={t(which === "ecoFlow" ? "monitoring.settings.ecoFlowTitle" : "monitoring.settings.riverGradeTitle")}
      extra={canChange && !editing ? <Button size="small" onClick={() => setEditing(true)} data-testid={`settings-edit-${which}`}>{t("common.edit")}</Button> : null}
      style={{ marginTop: 16 }}
      data-testid={`settings-${which}`}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t(which === "ecoFlow" ? "monitoring.settings.ecoFlowHelp" : "monitoring.settings.riverGradeHelp")}
        {changed ? ` ${t("monitoring.settings.changedAt", { at: changed.at.slice(0, 10) })}` : ` ${t("monitoring.settings.default")}`}
      </Typography.Paragraph>
      {!editing ? view : (
        <Form
          layout="inline"
          initialValues={initial}
          onFinish={(v: Record<string, number>) => save.mutate(Object.fromEntries(fields.map((f) => [f.name, v[f.name] / f.scale])) as unknown as EcoFlowSettings)}
        >
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={[{ required: true }]}>
              <InputNumber min={f.min} max={f.max} step={f.step} addonAfter={f.suffix || undefined} style={{ width: 130 }} />
            </Form.Item>
          ))}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`settings-save-${which}`}>{t("common.save")}</Button>
              <Button onClick={() => setEditing(false)}>{t("common.cancel")}</Button>
            </Space>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
