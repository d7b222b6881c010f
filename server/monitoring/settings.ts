/**
 * @module The monitoring settings in force: what is stored (monitoring_settings), each key falling back to the
 * project default when absent or no longer valid.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { DEFAULT_MONITORING_SETTINGS, ecoFlowProblems, riverGradeProblems, type MonitoringSettings } from "../../domain/assessment/settings";
import type { MonitoringSettingsView } from "../../domain/monitoring/views";
import { readMonitoringSettingRows } from "../repositories/monitoringSettings.repository";

/** The settings with when and by whom each was last changed (domain/monitoring/views.ts, read by the web as it is). */
export type { MonitoringSettingsView };

/** Reads the settings in force. */
export async function readMonitoringSettings(db: Kysely<DB>): Promise<MonitoringSettingsView> {
  const rows = await readMonitoringSettingRows(db);
  const eco = rows.get("eco_flow");
  const grade = rows.get("river_grade");
  const ecoFlow = eco && ecoFlowProblems(eco.value as MonitoringSettings["ecoFlow"]).length === 0 ? (eco.value as MonitoringSettings["ecoFlow"]) : DEFAULT_MONITORING_SETTINGS.ecoFlow;
  const riverGrade = grade && riverGradeProblems(grade.value as MonitoringSettings["riverGrade"]).length === 0 ? (grade.value as MonitoringSettings["riverGrade"]) : DEFAULT_MONITORING_SETTINGS.riverGrade;
  const when = (r: typeof eco) => (r ? { at: new Date(r.updated_at).toISOString(), by: r.updated_by } : null);
  return { ecoFlow, riverGrade, changed: { ecoFlow: when(eco), riverGrade: when(grade) } };
}
