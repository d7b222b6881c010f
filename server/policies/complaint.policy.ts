/**
 * @module Who may see and do what with complaints and rewards (seed plan 保障措施(五)): the campaign office triages
 * (dispatch, merge, invalid), configures categories, templates, tiers and Open311 keys, and runs rewards; the
 * handling unit's head and staff investigate and answer their unit's complaints; a river chief reads the complaints
 * on their rivers; auditors read everything except contacts. A reporter's contact is shown to the office, and to
 * the handling unit's head when the reporter did not ask to stay anonymous — each view audited.
 */
import { definePolicy, has, inAnyUnit, or, type Actor } from "./cancan";

/** A complaint as the policy sees it. */
export interface ComplaintScope {
  unitId: string | null;
  riverChiefUserId: string | null;
  anonymous: boolean;
}

/** Whether the actor triages complaints (the campaign office). */
export const canTriageComplaints = (a: Actor) => has(a, "office_admin");
/** Whether the actor sees every complaint. */
export const seesAllComplaints = (a: Actor) => has(a, "office_admin", "auditor");
/** Whether the actor reads complaints at all (some of them). */
export const canReadComplaints = (a: Actor) => has(a, "office_admin", "auditor", "unit_head", "unit_staff", "river_chief");
/** Whether the actor runs rewards (tiers, proposals, decisions, payouts). */
export const canManageRewards = (a: Actor) => has(a, "office_admin");
/** Whether the actor reads rewards. */
export const canReadRewards = (a: Actor) => has(a, "office_admin", "auditor");

const isHandlingUnit = (a: Actor, c: ComplaintScope) => has(a, "unit_head", "unit_staff") && c.unitId !== null && inAnyUnit(a, [c.unitId]);

/** Rules for one complaint. */
export const complaintPolicy = definePolicy<ComplaintScope>()({
  read: (a, c) => or(seesAllComplaints(a), isHandlingUnit(a, c), has(a, "river_chief") && (c.riverChiefUserId === a.id || (c.unitId !== null && inAnyUnit(a, [c.unitId])))),
  /** Dispatch, redispatch, merge, mark invalid. */
  triage: (a) => canTriageComplaints(a),
  /** Investigate, resolve, close not fixed, return to the office. */
  handle: (a, c) => or(canTriageComplaints(a), isHandlingUnit(a, c)),
  viewContact: (a, c) => or(canTriageComplaints(a), !c.anonymous && has(a, "unit_head") && c.unitId !== null && inAnyUnit(a, [c.unitId])),
  viewOriginalPhotos: (a, c) => or(canTriageComplaints(a), isHandlingUnit(a, c)),
  proposeReward: (a) => canManageRewards(a),
});

/** Which side a handler acts on: the office's transitions or the unit's. */
export const handlerSide = (a: Actor): "office" | "unit" => (canTriageComplaints(a) ? "office" : "unit");
