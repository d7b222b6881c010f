/**
 * @module Changes a user's display name, roles, units or disabled state. Disabling ends the user's sessions.
 */
import type { Role } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import {
  existingUnitIds,
  findUserById,
  replaceMemberships,
  replaceRoles,
  updateUser,
  type UserWithAccess,
} from "../repositories/user.repository";
import { deleteUserSessions } from "../repositories/session.repository";

/** The fields to change; absent fields stay as they are. */
export interface UserUpdaterProps {
  user: UserWithAccess;
  displayName?: string;
  roles?: Role[];
  unitIds?: string[];
  disabled?: boolean;
  /** E-mail address, lower-case; null removes it. */
  email?: string | null;
}

/** Applies the change and records before/after in the audit log. */
export async function userUpdater(ctx: CommandContext, p: UserUpdaterProps): Promise<UserWithAccess> {
  if (p.unitIds) {
    const known = await existingUnitIds(ctx.trx, p.unitIds);
    const issues = p.unitIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `unitIds.${i}`, message: "单位不存在" }]));
    if (issues.length) throw ValidationError(issues);
  }
  const before = {
    displayName: p.user.display_name,
    roles: p.user.roles,
    unitIds: p.user.units.map((u) => u.id),
    disabled: p.user.disabled,
    email: p.user.email,
  };
  if (p.displayName !== undefined || p.disabled !== undefined || p.email !== undefined) {
    await updateUser(ctx.trx, p.user.id, {
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.disabled !== undefined ? { disabled: p.disabled } : {}),
      ...(p.email !== undefined ? { email: p.email } : {}),
    });
  }
  if (p.roles) await replaceRoles(ctx.trx, p.user.id, [...new Set(p.roles)]);
  if (p.unitIds) await replaceMemberships(ctx.trx, p.user.id, [...new Set(p.unitIds)]);
  if (p.disabled) await deleteUserSessions(ctx.trx, p.user.id);
  const after = {
    displayName: p.displayName ?? before.displayName,
    roles: p.roles ?? before.roles,
    unitIds: p.unitIds ?? before.unitIds,
    disabled: p.disabled ?? before.disabled,
    email: p.email !== undefined ? p.email : before.email,
  };
  await audit(ctx, { action: "user.update", entityType: "user", entityId: p.user.id, data: { before, after } });
  return (await findUserById(ctx.trx, p.user.id))!;
}
