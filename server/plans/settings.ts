/**
 * @module The supervision settings as the jobs and commands use them: the stored value of each key, or the project
 * default when nothing is stored or the stored value no longer passes the checks (a bad row never stops the
 * ladder; it is reported through `problems`).
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { DEFAULT_SUPERVISION_SETTINGS, ladderProblems, reminderProblems, type SupervisionSettings, type SettingsProblem } from "../../domain/supervision/settings";
import type { LadderConfig } from "../../domain/supervision/ladderConfig";
import { readSettingRows } from "../repositories/supervisionSettings.repository";

/** The settings in force, when and by whom they were last changed, and problems of stored values that were ignored. */
export interface SettingsInForce {
  settings: SupervisionSettings;
  updated: Partial<Record<keyof SupervisionSettings, { at: string; by: string | null }>>;
  problems: SettingsProblem[];
}

/** Reads the settings in force. */
export async function settingsInForce(db: Kysely<DB>): Promise<SettingsInForce> {
  const rows = await readSettingRows(db);
  const out: SettingsInForce = { settings: structuredClone(DEFAULT_SUPERVISION_SETTINGS), updated: {}, problems: [] };
  const ladder = rows.get("ladder");
  if (ladder) {
    const problems = ladderProblems(ladder.value as LadderConfig);
    if (problems.length) out.problems.push(...problems);
    else out.settings.ladder = ladder.value as LadderConfig;
    out.updated.ladder = { at: new Date(ladder.updated_at).toISOString(), by: ladder.updated_by };
  }
  const reminders = rows.get("reminders");
  if (reminders) {
    const value = reminders.value as SupervisionSettings["reminders"];
    const problems = reminderProblems(value);
    if (problems.length) out.problems.push(...problems);
    else out.settings.reminders = value;
    out.updated.reminders = { at: new Date(reminders.updated_at).toISOString(), by: reminders.updated_by };
  }
  return out;
}

/** The ladder setting in force. */
export async function ladderConfigInForce(db: Kysely<DB>): Promise<LadderConfig> {
  return (await settingsInForce(db)).settings.ladder;
}
