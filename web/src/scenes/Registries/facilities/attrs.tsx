/**
 * @module How a facility's attributes show and are edited, from its kind's declaration
 * (domain/registries/facility.ts): a value as text (enum labels, 是/否, numbers with their unit), a form control
 * per field kind, and a status tag.
 */
import { DatePicker, Input, InputNumber, Select, Switch, Tag } from "antd";
import type { ReactNode } from "react";
import { facilityStatusLabel, facilityStatusTone, type FacilityField, type FacilityKind } from "../../../../../domain/registries/facility";
import type { Translate } from "../../../i18n";

/** A value of a field as text. */
export function attrText(f: FacilityField, v: unknown, t: Translate): string {
  if (v === null || v === undefined || v === "") return "—";
  if (f.kind === "enum") return f.options?.find((o) => o.value === v)?.label[t.lang] ?? String(v);
  if (f.kind === "boolean") return v ? (t.lang === "zh" ? "是" : "yes") : (t.lang === "zh" ? "否" : "no");
  if (typeof v === "number" && f.kind === "integer") return `${v}${f.unit ? ` ${f.unit}` : ""}`;
  if (typeof v === "number") return `${v.toLocaleString("zh-CN", { maximumFractionDigits: 3 })}${f.unit ? ` ${f.unit}` : ""}`;
  return String(v);
}

/** The form control of a field (antd passes value/onChange through Form.Item). */
export function attrControl(f: FacilityField, t: Translate): ReactNode {
  switch (f.kind) {
    case "enum":
      return <Select allowClear={!f.required} options={(f.options ?? []).map((o) => ({ value: o.value, label: o.label[t.lang] }))} data-testid={`facility-form-${f.key}`} />;
    case "boolean":
      return <Switch data-testid={`facility-form-${f.key}`} />;
    case "number":
    case "integer":
      return <InputNumber min={f.min} max={f.max} precision={f.kind === "integer" ? 0 : undefined} style={{ width: "100%" }} addonAfter={f.unit} data-testid={`facility-form-${f.key}`} />;
    case "date":
      return <DatePicker style={{ width: "100%" }} />;
    default:
      return <Input maxLength={f.maxLength} data-testid={`facility-form-${f.key}`} />;
  }
}

/** Tag colours of the status tones. */
export const TONE_COLOURS = { bad: "red", warn: "orange", ok: "green", neutral: "default" } as const;

/** A status of a kind as a tag, coloured by how it reads. */
export function FacilityStatusTag({ kind, status, t, testId }: { kind: FacilityKind; status: string; t: Translate; testId?: string }) {
  const colour = TONE_COLOURS[facilityStatusTone(kind, status)];
  return <Tag color={colour} data-testid={testId} data-state={status}>{facilityStatusLabel(kind, status)[t.lang]}</Tag>;
}
