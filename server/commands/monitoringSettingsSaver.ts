/**
 * @module Saves monitoring settings (ecological-flow warning levels and guarantee rate, river-grade thresholds) after
 * checking them (domain/assessment/settings.ts), with the value before and after in the audit entry. Keys not
 * given stay as they are.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { canonicalJson } from "../audit/chain";
import type { MonitoringSettingKey } from "../db/tables/monitoring";
import { DEFAULT_MONITORING_SETTINGS, ecoFlowProblems, riverGradeProblems, type MonitoringSettings } from "../../domain/assessment/settings";
import { lockMonitoringSetting, writeMonitoringSetting } from "../repositories/monitoringSettings.repository";

/** What to save. */
export interface MonitoringSettingsSaverProps {
  /** New eco-flow settings; unchanged when absent. */
  ecoFlow?: MonitoringSettings["ecoFlow"];
  /** New river-grade thresholds; unchanged when absent. */
  riverGrade?: MonitoringSettings["riverGrade"];
  at: Date;
}

/** Saves the given settings; returns the keys changed. */
export async function monitoringSettingsSaver(ctx: CommandContext, p: MonitoringSettingsSaverProps) {
  const problems = [...(p.ecoFlow ? ecoFlowProblems(p.ecoFlow) : []), ...(p.riverGrade ? riverGradeProblems(p.riverGrade) : [])];
  if (problems.length) throw ValidationError(problems, "设置不符合要求");
  const entries: [MonitoringSettingKey, unknown, unknown][] = [];
  if (p.ecoFlow) entries.push(["eco_flow", p.ecoFlow, DEFAULT_MONITORING_SETTINGS.ecoFlow]);
  if (p.riverGrade) entries.push(["river_grade", p.riverGrade, DEFAULT_MONITORING_SETTINGS.riverGrade]);
  const changed: MonitoringSettingKey[] = [];
  for (const [key, value, fallback] of entries) {
    const before = await lockMonitoringSetting(ctx.trx, key, fallback);
    // jsonb keeps keys in its own order: compare canonical forms.
    if (canonicalJson(before.value) === canonicalJson(value)) continue;
    await writeMonitoringSetting(ctx.trx, key, value, ctx.actor?.id ?? null, p.at);
    await audit(ctx, { action: "settings.update", entityType: "monitoring_settings", entityId: key, data: { key, before: before.value, after: value } });
    changed.push(key);
  }
  return { changed };
}
