/**
 * @module Saves the public portal's settings (rate limits, the anonymous-post challenge, photo limits, the reward
 * fraud-check thresholds, the Open311 jurisdiction) after checking them (domain/complaints/settings.ts), with the
 * value before and after in the audit entry. Sections not given stay as they are; the code in force reads the
 * stored value on every request (`portalSettings`).
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { canonicalJson } from "../audit/chain";
import { portalSettings, readSetting, writeSetting } from "../repositories/complaintCatalog.repository";
import { portalSettingsProblems, type PortalLimits, type PortalSettings } from "../../domain/complaints/settings";
import type { FraudRules } from "../../domain/complaints/fraud";

/** What to save: any of the sections, whole or in part. */
export interface PortalSettingsSaverProps {
  limits?: Partial<PortalLimits>;
  fraud?: Partial<FraudRules>;
  jurisdictionId?: string;
}

/** Saves the settings; returns them as now in force and whether anything changed. */
export async function portalSettingsSaver(ctx: CommandContext, p: PortalSettingsSaverProps): Promise<{ settings: PortalSettings; changed: boolean }> {
  const before = await portalSettings(ctx.trx);
  const next: PortalSettings = {
    limits: { ...before.limits, ...(p.limits ?? {}) },
    fraud: { ...before.fraud, ...(p.fraud ?? {}) },
    jurisdictionId: p.jurisdictionId ?? before.jurisdictionId,
  };
  const problems = portalSettingsProblems(next);
  if (problems.length) throw ValidationError(problems, "设置不符合要求");
  if (canonicalJson(before) === canonicalJson(next)) return { settings: before, changed: false };
  const stored = await readSetting<Record<string, unknown>>(ctx.trx, "portal");
  // Keep any keys of the stored value this version does not know.
  await writeSetting(ctx.trx, "portal", { ...(stored ?? {}), ...next });
  await audit(ctx, { action: "settings.update", entityType: "portal_settings", entityId: "portal", data: { key: "portal", before, after: next } });
  return { settings: next, changed: true };
}
