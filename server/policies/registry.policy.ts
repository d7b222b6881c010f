/**
 * @module Who may do what in the campaign registries. Every signed-in role reads them (the campaign is run on
 * them). A record belongs to a unit: that unit's heads and staff edit it, attach files and take its unit steps;
 * the office (攻坚办) does all of that for every record and alone takes the office steps (review, 销号, declaring a
 * black-odorous body eliminated). River chiefs verify what is found on their own rivers (清四乱) and may attach
 * site photos there. Everyone else reads.
 */
import type { Performer } from "../../domain/registries/lifecycle";
import { definePolicy, has, type Actor } from "./cancan";

/** What the rules need to know about a record. */
export interface RegistryScope {
  /** The unit that keeps the record; null: only the office edits it. */
  unitId: string | null;
  /** User ids of the river chiefs of the record's river (those with an account). */
  chiefUserIds?: readonly string[];
}

/** The campaign office. */
export const isOffice = (a: Actor) => has(a, "office_admin");
/** Heads and staff of units. */
export const isUnitWorker = (a: Actor) => has(a, "unit_head", "unit_staff");
/** The record's own unit. */
export const ownsRecord = (a: Actor, r: RegistryScope) => r.unitId !== null && isUnitWorker(a) && a.unitIds.includes(r.unitId);
/** A river chief of the record's river. */
export const isChiefOf = (a: Actor, r: RegistryScope) => has(a, "river_chief") && (r.chiefUserIds ?? []).includes(a.id);

/** Whether the actor reads the registries (every signed-in role). */
export const canReadRegistries = (_a: Actor) => true;
/** Whether the actor may create a record kept by `unitId`. */
export const canCreateRecord = (a: Actor, unitId: string | null) =>
  isOffice(a) || (unitId !== null && isUnitWorker(a) && a.unitIds.includes(unitId));
/** Whether the actor may create records at all (offers the create and import buttons). */
export const canCreateAny = (a: Actor) => isOffice(a) || (isUnitWorker(a) && a.unitIds.length > 0);

/** Whether the actor may take a lifecycle step performed by `by`. */
export function canPerform(a: Actor, by: Performer, r: RegistryScope): boolean {
  switch (by) {
    case "unit":
      return isOffice(a) || ownsRecord(a, r);
    case "office":
      return isOffice(a);
    case "chief":
      return isOffice(a) || isChiefOf(a, r);
    case "system":
      return false;
  }
}

/** Rules for one registry record. */
export const registryPolicy = definePolicy<RegistryScope>()({
  read: (a) => canReadRegistries(a),
  update: (a, r) => isOffice(a) || ownsRecord(a, r),
  attach: (a, r) => isOffice(a) || ownsRecord(a, r) || isChiefOf(a, r),
  review: (a) => isOffice(a),
  verify: (a, r) => isOffice(a) || isChiefOf(a, r),
});

/** The actions of {@link registryPolicy}. */
export type RegistryAction = keyof typeof registryPolicy;
