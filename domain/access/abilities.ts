/**
 * @module The names of the global abilities the server evaluates per user (server/policies/abilities.ts) and the
 * web client uses to show or hide areas and actions — one list for both sides.
 */

/** Every global ability, in menu order. */
export const ABILITY_NAMES = [
  "user.read",
  "user.create",
  "unit.read",
  "unit.manage",
  "audit.read",
  "plan.read",
  "plan.manage",
  "registry.read",
  "monitoring.read",
  "alarm.read",
  "alarm.manage",
  "quality.read",
  "quality.configure",
  "quality.review",
  "complaint.read",
  "complaint.triage",
  "reward.read",
  "report.read",
  "report.manage",
] as const;

/** One global ability. */
export type AbilityName = (typeof ABILITY_NAMES)[number];
