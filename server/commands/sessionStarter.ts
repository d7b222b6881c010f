/**
 * @module Signs a user in: throttles by address, locks an account after repeated failures, verifies the password
 * (argon2id) and opens a session. Failures are recorded and audited too, so the outcome is returned rather than
 * thrown: the caller commits, then raises the error.
 */
import { audit, type CommandContext } from "../context";
import { AccountLocked, InvalidCredentials, RateLimited, type AppError } from "../errors";
import { verifyNothing, verifyPassword } from "../auth/password";
import { randomToken, tokenHash } from "../auth/tokens";
import {
  clearLoginFailures,
  findUserByUsername,
  registerLoginFailure,
  type UserWithAccess,
} from "../repositories/user.repository";
import { countFailuresFromIp, insertLoginAttempt, insertSession } from "../repositories/session.repository";

/** Throttling and session settings. */
export interface LoginPolicy {
  /** Consecutive failures that lock an account. */
  maxFailures: number;
  lockMinutes: number;
  /** Failed attempts from one address within `ipWindowMinutes` before it is refused. */
  maxIpFailures: number;
  ipWindowMinutes: number;
  sessionHours: number;
}

/** Defaults: 5 failures lock for 15 minutes; 30 failures per address per 15 minutes; 8-hour sliding sessions. */
export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  maxIpFailures: 30,
  ipWindowMinutes: 15,
  sessionHours: 8,
};

/** A sign-in attempt. */
export interface SessionStarterProps {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  policy: LoginPolicy;
  now?: Date;
}

/** The outcome: a new session's token (for the cookie) or the error to raise after commit. */
export type SessionStart =
  | { ok: true; token: string; sessionId: string; csrfToken: string; expiresAt: Date; user: UserWithAccess }
  | { ok: false; error: AppError };

/** Attempts a sign-in. */
export async function sessionStarter(ctx: CommandContext, p: SessionStarterProps): Promise<SessionStart> {
  const now = p.now ?? new Date();
  const since = new Date(now.getTime() - p.policy.ipWindowMinutes * 60_000);
  if ((await countFailuresFromIp(ctx.trx, p.ip, since)) >= p.policy.maxIpFailures) {
    return { ok: false, error: RateLimited(p.policy.ipWindowMinutes * 60) };
  }
  const user = await findUserByUsername(ctx.trx, p.username);
  if (user?.locked_until && user.locked_until > now) {
    const retry = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
    await insertLoginAttempt(ctx.trx, { username: p.username, ip: p.ip, success: false });
    return { ok: false, error: AccountLocked(retry) };
  }
  const valid = user && !user.disabled ? await verifyPassword(user.password_hash, p.password) : (await verifyNothing(p.password), false);
  await insertLoginAttempt(ctx.trx, { username: p.username, ip: p.ip, success: valid });
  if (!user || !valid) {
    if (user && !user.disabled) {
      const lock = user.failed_logins + 1 >= p.policy.maxFailures;
      const lockUntil = lock ? new Date(now.getTime() + p.policy.lockMinutes * 60_000) : null;
      await registerLoginFailure(ctx.trx, user.id, lockUntil);
      await audit(
        { ...ctx, actor: { id: user.id, name: user.display_name } },
        { action: lock ? "auth.lock" : "auth.login.fail", entityType: "user", entityId: user.id, data: { failures: user.failed_logins + 1 } },
      );
      if (lock) return { ok: false, error: AccountLocked(p.policy.lockMinutes * 60) };
    }
    return { ok: false, error: InvalidCredentials() };
  }
  await clearLoginFailures(ctx.trx, user.id);
  const token = randomToken();
  const sessionId = tokenHash(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + p.policy.sessionHours * 3_600_000);
  await insertSession(ctx.trx, { id: sessionId, userId: user.id, csrfToken, ip: p.ip, userAgent: p.userAgent, expiresAt });
  await audit(
    { ...ctx, actor: { id: user.id, name: user.display_name } },
    { action: "auth.login", entityType: "user", entityId: user.id, data: {} },
  );
  return { ok: true, token, sessionId, csrfToken, expiresAt, user };
}
