/**
 * @module Global abilities sent with /api/auth/me: which areas and top-level actions the UI offers this user.
 * Each entry delegates to the resource policy that guards the matching routes, so UI and server cannot disagree.
 */
import type { Actor } from "./cancan";
import { has } from "./cancan";
import { canCreateUsers, canListUsers } from "./user.policy";
import { canManageUnits } from "./unit.policy";
import { canReadAudit } from "./audit.policy";
import { canManagePlans, canReadPlans } from "./plan.policy";
import type { AbilityName } from "../../domain/access/abilities";
import { canReadRewards, canTriageComplaints } from "./complaint.policy";
import { canManageReports } from "./report.policy";
import { canManageAlarmRules } from "./alarm.policy";
import { canConfigureQc, canReadQuality, canReviewReadings } from "./quality.policy";

export type { AbilityName };

/** Evaluates every ability for `actor`. */
export function abilitiesOf(a: Actor): Record<AbilityName, boolean> {
  const staff = has(a, "office_admin", "unit_head", "unit_staff", "auditor");
  return {
    "user.read": canListUsers(a),
    "user.create": canCreateUsers(a),
    "unit.read": true,
    "unit.manage": canManageUnits(a),
    "audit.read": canReadAudit(a),
    "plan.read": canReadPlans(a),
    "plan.manage": canManagePlans(a),
    "registry.read": true,
    "monitoring.read": true,
    "alarm.read": staff || has(a, "monitoring_operator", "river_chief"),
    "alarm.manage": canManageAlarmRules(a),
    "quality.read": canReadQuality(a),
    "quality.configure": canConfigureQc(a),
    "quality.review": canReviewReadings(a),
    "complaint.read": staff || has(a, "river_chief"),
    "complaint.triage": canTriageComplaints(a),
    "reward.read": canReadRewards(a),
    "report.read": true,
    "report.manage": canManageReports(a),
  };
}
