/**
 * @module Creates a user account with roles and unit memberships.
 */
import type { Role } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { hashPassword, passwordIssues } from "../auth/password";
import {
  existingUnitIds,
  findUserById,
  findUserByUsername,
  insertUser,
  replaceMemberships,
  replaceRoles,
  type UserWithAccess,
} from "../repositories/user.repository";

/** What a new account needs. */
export interface UserCreatorProps {
  /** Login name, unique case-insensitively. */
  username: string;
  displayName: string;
  /** Initial password; the user must change it at first login unless `mustChangePassword` is false. */
  password: string;
  roles: Role[];
  unitIds: string[];
  mustChangePassword?: boolean;
  /** E-mail address for the SMTP channel, lower-case; null or absent: none. */
  email?: string | null;
}

/** Creates the account; throws validation or conflict errors and writes nothing then. */
export async function userCreator(ctx: CommandContext, p: UserCreatorProps): Promise<UserWithAccess> {
  const issues = passwordIssues(p.password, p.username, "password");
  const known = await existingUnitIds(ctx.trx, p.unitIds);
  p.unitIds.forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: `unitIds.${i}`, message: "单位不存在" });
  });
  if (issues.length) throw ValidationError(issues);
  if (await findUserByUsername(ctx.trx, p.username)) {
    throw Conflict(`用户名“${p.username}”已被使用`, { issues: [{ path: "username", message: "用户名已被使用" }] });
  }
  const row = await insertUser(ctx.trx, {
    username: p.username,
    displayName: p.displayName,
    passwordHash: await hashPassword(p.password),
    mustChangePassword: p.mustChangePassword ?? true,
    email: p.email ?? null,
  });
  await replaceRoles(ctx.trx, row.id, [...new Set(p.roles)]);
  await replaceMemberships(ctx.trx, row.id, [...new Set(p.unitIds)]);
  await audit(ctx, {
    action: "user.create",
    entityType: "user",
    entityId: row.id,
    data: { username: p.username, displayName: p.displayName, roles: p.roles, unitIds: p.unitIds, email: p.email ?? null },
  });
  return (await findUserById(ctx.trx, row.id))!;
}
