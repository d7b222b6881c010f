/**
 * @module Who may see and change the unit directory: everyone signed in reads it; the office maintains it.
 */
import type { UnitWithAliases } from "../repositories/unit.repository";
import { definePolicy, has, type Actor } from "./cancan";

/** Whether the actor may create units. */
export const canManageUnits = (a: Actor) => has(a, "office_admin");

/** Rules for one unit. */
export const unitPolicy = definePolicy<UnitWithAliases>()({
  read: () => true,
  update: (a) => has(a, "office_admin"),
});
