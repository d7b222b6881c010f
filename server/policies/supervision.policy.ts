/**
 * @module Who may see and do what in supervision (seed plan 四(四)): the office opens rounds, confirms ladder rungs
 * and minutes 约谈; a unit's head and staff answer rounds for their own unit; campaign staff, river chiefs and
 * auditors read rounds, lateness, ladders, documents and the ranking — unit roles only their own units' ladders,
 * documents and submission contents. Monitoring operators run instruments, not tasks: no access. Public: the
 * exposure list (曝光 is public by definition).
 */
import { definePolicy, has, inAnyUnit, or, type Actor } from "./cancan";

/** Whether the actor reads campaign supervision (rounds, lateness, ranking, tasks). */
export const canReadSupervision = (a: Actor) => has(a, "office_admin", "unit_head", "unit_staff", "river_chief", "auditor");
/** Whether the actor sees every unit's ladders, documents and submissions (not only their own units'). */
export const seesAllUnits = (a: Actor) => has(a, "office_admin", "river_chief", "auditor");
/** Whether the actor opens rounds. */
export const canOpenRounds = (a: Actor) => has(a, "office_admin");
/** Whether the actor decides ladder rungs and 约谈 minutes. */
export const canDecideLadder = (a: Actor) => has(a, "office_admin");

/** Something that belongs to one unit. */
export interface UnitOwned {
  unitId: string;
}

/** Rules for a round requirement: answering it, seeing its contents. */
export const requirementPolicy = definePolicy<UnitOwned>()({
  read: (a, r) => or(seesAllUnits(a), canReadSupervision(a) && inAnyUnit(a, [r.unitId])),
  submit: (a, r) => has(a, "unit_head", "unit_staff") && inAnyUnit(a, [r.unitId]),
});

/** Rules for a ladder, its proposals and its documents. */
export const ladderPolicy = definePolicy<UnitOwned>()({
  read: (a, l) => or(seesAllUnits(a), has(a, "unit_head", "unit_staff") && inAnyUnit(a, [l.unitId])),
  confirm: (a) => canDecideLadder(a),
  recordMinutes: (a) => canDecideLadder(a),
});

/** Rules for a milestone report of a unit: the unit's head and staff report, the office revokes. */
export const milestonePolicy = definePolicy<UnitOwned>()({
  read: (a, r) => requirementPolicy.read(a, r),
  report: (a, r) => has(a, "unit_head", "unit_staff") && inAnyUnit(a, [r.unitId]),
  revoke: (a) => canDecideLadder(a),
});
