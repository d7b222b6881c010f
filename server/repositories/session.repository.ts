/**
 * @module All SQL of sessions and login attempts.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** A stored session. */
export interface SessionRecord {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

/** Stores a new session (id is the token's hash). */
export async function insertSession(
  db: Kysely<DB>,
  v: { id: string; userId: string; csrfToken: string; ip: string | null; userAgent: string | null; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: v.id,
      user_id: v.userId,
      csrf_token: v.csrfToken,
      ip: v.ip,
      user_agent: v.userAgent,
      expires_at: v.expiresAt,
    })
    .execute();
}

/** Slides a session's expiry forward. */
export async function touchSession(db: Kysely<DB>, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user except, optionally, one. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/** Deletes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/** Records a login attempt. */
export async function insertLoginAttempt(
  db: Kysely<DB>,
  v: { username: string; ip: string; success: boolean },
): Promise<void> {
  await db.insertInto("login_attempts").values(v).execute();
}

/** Failed attempts from one address since `since`. */
export async function countFailuresFromIp(db: Kysely<DB>, ip: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ip", "=", ip)
    .where("success", "=", false)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes attempts older than `before` (kept only for throttling). */
export async function deleteOldLoginAttempts(db: Kysely<DB>, before: Date): Promise<number> {
  const r = await db.deleteFrom("login_attempts").where("at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
