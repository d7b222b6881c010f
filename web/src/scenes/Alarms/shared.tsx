/**
 * @module What the alarm and quality scenes share: severity, state, QC-flag and review-state tags in consistent
 * colours, rule and detector names, and a short text for an alarm condition.
 */
import { Tag } from "antd";
import type { Alarm, AlarmSeverity, AlarmState, Condition } from "../../api/alarms";
import type { DetectorRule, QcFlag, ReviewState } from "../../api/quality";
import type { MessageKey, Translate } from "../../i18n";
import { factorName } from "../Monitoring/quality";

export { beijingText, factorLabel, factorName, factorUnit, formatValue } from "../Monitoring/quality";

/** Colours of severities. */
export const SEVERITY_COLOUR: Record<AlarmSeverity, string> = { info: "blue", warning: "orange", severe: "red" };

/** A severity tag. */
export function SeverityTag({ s, t }: { s: AlarmSeverity; t: Translate }) {
  return <Tag color={SEVERITY_COLOUR[s]} data-severity={s}>{t(`alarms.severity.${s}` as MessageKey)}</Tag>;
}

const STATE_COLOUR: Record<AlarmState, string> = { active_unack: "red", active_ack: "volcano", cleared_unack: "gold", closed: "default" };

/** A state tag (active/cleared × acknowledged). */
export function StateTag({ s, t }: { s: AlarmState; t: Translate }) {
  return <Tag color={STATE_COLOUR[s]} data-state={s}>{t(`alarms.state.${s}` as MessageKey)}</Tag>;
}

export { QC_COLOUR } from "./colours";

/** A QARTOD flag tag. */
export function QcTag({ f, t }: { f: QcFlag | null; t: Translate }) {
  if (f === null) return <Tag>{t("alarms.qc.unchecked")}</Tag>;
  return <Tag color={f === 1 ? "green" : f === 3 ? "orange" : f === 4 ? "red" : "default"} data-qc={f}>{t(`alarms.qc.flag.${f}` as MessageKey)}</Tag>;
}

/** A review-state tag. */
export function ReviewTag({ s, t }: { s: ReviewState; t: Translate }) {
  const colour = { unchecked: "default", passed: "green", pending: "orange", accepted: "blue", rejected: "red", corrected: "purple" }[s];
  return <Tag color={colour}>{t(`alarms.review.state.${s}` as MessageKey)}</Tag>;
}

/** The name of a detector rule. */
export const detectorName = (r: DetectorRule | string, t: Translate) => t(`alarms.detector.${r}` as MessageKey);

/** The name of a QC test. */
export const testName = (k: string, t: Translate) => t(`alarms.test.${k}` as MessageKey);

/** "氨氮 > 目标类别限值 × 1.5", "化学需氧量 30 分钟无数据". */
export function conditionText(c: Condition, t: Translate): string {
  if (c.kind === "no_data") return t("alarms.cond.noDataText", { factor: c.factor ? factorName(c.factor, t) : t("alarms.cond.anyFactor"), minutes: c.minutes });
  const f = factorName(c.factor, t);
  if (c.basis === "value") {
    return [c.above !== null ? `${f} > ${c.above}` : null, c.below !== null ? `${f} < ${c.below}` : null].filter(Boolean).join(t("alarms.cond.or"));
  }
  const basis = t(`alarms.cond.basis.${c.basis}` as MessageKey);
  return `${f} ${t("alarms.cond.breaks")} ${basis}${c.multiple !== 1 ? ` × ${c.multiple}` : ""}`;
}

/**
 * The point page's chart around an alarm: its first threshold factor, from 6 h before the condition began to an hour
 * after it cleared (or now), in the alarm rule's series when known.
 */
export function alarmChartUrl(a: Pick<Alarm, "pointId" | "conditionSince" | "raisedAt" | "clearedAt" | "lastDetails" | "details">, period?: string): string {
  const conditions = a.lastDetails.conditions ?? a.details.conditions ?? [];
  const factor = conditions.flatMap((c) => (c.kind === "threshold" ? [c.factor] : []))[0];
  const from = new Date(new Date(a.conditionSince ?? a.raisedAt).getTime() - 6 * 3_600_000).toISOString();
  const to = new Date((a.clearedAt ? new Date(a.clearedAt).getTime() : Date.now()) + 3_600_000).toISOString();
  const q = new URLSearchParams({ ...(factor ? { factor } : {}), ...(period ? { period } : {}), from, to });
  return `/monitoring/points/${a.pointId}?${q.toString()}`;
}
