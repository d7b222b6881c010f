/**
 * @module How users, units and audit entries appear in API responses. Password hashes and counters never leave.
 */
import type { AuditRow } from "../db/schema";
import { auditContentOf } from "../audit/chain";
import type { UserWithAccess } from "../repositories/user.repository";
import type { UnitWithAliases } from "../repositories/unit.repository";

/** A user as the API shows it. */
export function presentUser(u: UserWithAccess) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email ?? null,
    roles: u.roles,
    units: u.units,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
    createdAt: new Date(u.created_at).toISOString(),
  };
}

/** A unit as the API shows it. */
export function presentUnit(u: UnitWithAliases) {
  return { id: u.id, name: u.name, kind: u.kind, sort: u.sort, aliases: u.aliases };
}

/** An audit entry as the API shows it. */
export function presentAuditEvent(r: AuditRow) {
  return { id: String(r.seq), ...auditContentOf(r), hash: r.hash, prevHash: r.prev_hash };
}
