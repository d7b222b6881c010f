/**
 * @module Who may see and import campaign plans: the office imports (it issues the plan); department, branch and
 * sub-district staff, river chiefs and auditors read them. Monitoring operators work on data, not on the plan.
 */
import { has, type Actor } from "./cancan";

/** Whether the actor may preview and import plans. */
export const canManagePlans = (a: Actor) => has(a, "office_admin");
/** Whether the actor may read plans and their tasks. */
export const canReadPlans = (a: Actor) => has(a, "office_admin", "unit_head", "unit_staff", "auditor", "river_chief");
