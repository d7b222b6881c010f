/**
 * @module Sets a password: a user changing their own (current password required, other sessions ended) or an
 * administrator resetting someone's (all their sessions ended, change required at next login).
 */
import { audit, type CommandContext } from "../context";
import { PasswordIncorrect, ValidationError } from "../errors";
import { hashPassword, passwordIssues, verifyPassword } from "../auth/password";
import { updateUser, type UserWithAccess } from "../repositories/user.repository";
import { deleteUserSessions } from "../repositories/session.repository";

/** A user's own change. */
export interface PasswordChangerProps {
  user: UserWithAccess;
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays signed in. */
  keepSessionId: string;
}

/** Changes the caller's own password. */
export async function passwordChanger(ctx: CommandContext, p: PasswordChangerProps): Promise<void> {
  if (!(await verifyPassword(p.user.password_hash, p.currentPassword))) throw PasswordIncorrect();
  const issues = passwordIssues(p.newPassword, p.user.username, "newPassword");
  if (p.newPassword === p.currentPassword) issues.push({ path: "newPassword", message: "新密码不能与当前密码相同" });
  if (issues.length) throw ValidationError(issues);
  await updateUser(ctx.trx, p.user.id, {
    password_hash: await hashPassword(p.newPassword),
    must_change_password: false,
    password_changed_at: new Date(),
  });
  const ended = await deleteUserSessions(ctx.trx, p.user.id, p.keepSessionId);
  await audit(ctx, { action: "user.password.change", entityType: "user", entityId: p.user.id, data: { endedSessions: ended } });
}

/** An administrator's reset. */
export interface PasswordResetterProps {
  user: UserWithAccess;
  newPassword: string;
}

/** Resets another user's password. */
export async function passwordResetter(ctx: CommandContext, p: PasswordResetterProps): Promise<void> {
  const issues = passwordIssues(p.newPassword, p.user.username, "newPassword");
  if (issues.length) throw ValidationError(issues);
  await updateUser(ctx.trx, p.user.id, {
    password_hash: await hashPassword(p.newPassword),
    must_change_password: true,
    password_changed_at: new Date(),
  });
  const ended = await deleteUserSessions(ctx.trx, p.user.id);
  await audit(ctx, { action: "user.password.reset", entityType: "user", entityId: p.user.id, data: { endedSessions: ended } });
}
