/**
 * @module Who may see and manage user accounts. The office administers accounts; a unit head sees the accounts of
 * their own units; the auditor reads all.
 */
import type { UserWithAccess } from "../repositories/user.repository";
import { definePolicy, has, inAnyUnit, or, type Actor } from "./cancan";

/** Whether the actor may open the user list at all (the list is then filtered by `read`). */
export const canListUsers = (a: Actor) => has(a, "office_admin", "auditor", "unit_head");
/** Whether the actor may create accounts. */
export const canCreateUsers = (a: Actor) => has(a, "office_admin");

/** Rules for one user account. */
export const userPolicy = definePolicy<UserWithAccess>()({
  read: (a, u) =>
    or(
      has(a, "office_admin", "auditor"),
      has(a, "unit_head") && inAnyUnit(a, u.units.map((x) => x.id)),
      a.id === u.id,
    ),
  update: (a) => has(a, "office_admin"),
  resetPassword: (a) => has(a, "office_admin"),
  // An administrator cannot lock themselves out.
  disable: (a, u) => has(a, "office_admin") && a.id !== u.id,
});
