/**
 * @module Saves supervision settings (ladder thresholds, reminder days) after checking them
 * (domain/supervision/settings.ts), with the value before and after in the audit entry. Keys not given stay.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { DEFAULT_SUPERVISION_SETTINGS, ladderProblems, reminderProblems, sortedOffsets, type SupervisionSettings } from "../../domain/supervision/settings";
import { lockSetting, writeSetting } from "../repositories/supervisionSettings.repository";
import { canonicalJson } from "../audit/chain";

/** What to save. */
export interface SupervisionSettingsSaverProps {
  /** The new ladder; unchanged when absent. */
  ladder?: SupervisionSettings["ladder"];
  /** The new reminder days; unchanged when absent. */
  reminders?: SupervisionSettings["reminders"];
  at: Date;
}

/** Saves the given settings; returns the keys changed. */
export async function supervisionSettingsSaver(ctx: CommandContext, p: SupervisionSettingsSaverProps) {
  const problems = [...(p.ladder ? ladderProblems(p.ladder) : []), ...(p.reminders ? reminderProblems(p.reminders) : [])];
  if (problems.length) throw ValidationError(problems, "设置不符合要求");
  const changed: string[] = [];
  const entries: [keyof SupervisionSettings, unknown][] = [];
  if (p.ladder) entries.push(["ladder", p.ladder]);
  if (p.reminders) entries.push(["reminders", { ...p.reminders, offsets: sortedOffsets(p.reminders.offsets) }]);
  for (const [key, value] of entries) {
    const before = await lockSetting(ctx.trx, key, DEFAULT_SUPERVISION_SETTINGS[key]);
    // jsonb keeps keys in its own order: compare canonical forms.
    if (canonicalJson(before.value) === canonicalJson(value)) continue;
    await writeSetting(ctx.trx, key, value, ctx.actor?.id ?? null, p.at);
    await audit(ctx, { action: "settings.update", entityType: "supervision_settings", entityId: key, data: { key, before: before.value, after: value } });
    changed.push(key);
  }
  return { changed };
}
