/**
 * @module Who may read the audit log: the office administrators and the read-only auditors.
 */
import { has, type Actor } from "./cancan";

/** Whether the actor may read audit entries. */
export const canReadAudit = (a: Actor) => has(a, "office_admin", "auditor");
