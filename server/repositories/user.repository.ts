/**
 * @module All SQL of users, their roles and unit memberships.
 */
import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB, Role, UnitKind, UserRow } from "../db/schema";
import type { SessionRecord } from "./session.repository";

/** A user with roles and units loaded. */
export interface UserWithAccess extends UserRow {
  roles: Role[];
  units: { id: string; name: string; kind: UnitKind }[];
}

/** List filters for the admin page. */
export interface UserFilter {
  q?: string;
  unitId?: string;
  role?: Role;
}

async function withAccess(db: Kysely<DB>, users: UserRow[]): Promise<UserWithAccess[]> {
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const [roles, units] = await Promise.all([
    db.selectFrom("user_roles").selectAll().where("user_id", "in", ids).execute(),
    db
      .selectFrom("memberships")
      .innerJoin("units", "units.id", "memberships.unit_id")
      .select(["memberships.user_id", "units.id", "units.name", "units.kind"])
      .where("memberships.user_id", "in", ids)
      .orderBy("units.sort")
      .orderBy("units.name")
      .execute(),
  ]);
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    units: units.filter((m) => m.user_id === u.id).map(({ id, name, kind }) => ({ id, name, kind })),
  }));
}

/** The e-mail address of an active user, or null (none, or the account is disabled). */
export async function userEmail(db: Kysely<DB>, id: string): Promise<string | null> {
  const r = await db.selectFrom("users").select("email").where("id", "=", id).where("disabled", "=", false).executeTakeFirst();
  return r?.email ?? null;
}

/**
 * A live session and its user with roles and units, in one round trip (every authenticated request asks this: the
 * load test found the four separate queries it used to take among the largest costs of a request).
 */
export async function findSessionUser(
  db: Kysely<DB>,
  sessionId: string,
  now: Date,
): Promise<{ session: SessionRecord; user: UserWithAccess } | undefined> {
  const r = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.csrf_token as session_csrf_token",
      "sessions.expires_at as session_expires_at",
      "sessions.last_seen_at as session_last_seen_at",
    ])
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom("user_roles").select("user_roles.role").whereRef("user_roles.user_id", "=", "users.id")).as("role_rows"),
      jsonArrayFrom(
        eb
          .selectFrom("memberships")
          .innerJoin("units", "units.id", "memberships.unit_id")
          .select(["units.id", "units.name", "units.kind"])
          .whereRef("memberships.user_id", "=", "users.id")
          .orderBy("units.sort")
          .orderBy("units.name"),
      ).as("unit_rows"),
    ])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!r) return undefined;
  const { session_id, session_csrf_token, session_expires_at, session_last_seen_at, role_rows, unit_rows, ...user } = r;
  return {
    session: {
      id: session_id,
      user_id: user.id,
      csrf_token: session_csrf_token,
      expires_at: new Date(session_expires_at),
      last_seen_at: new Date(session_last_seen_at),
    },
    user: { ...user, roles: role_rows.map((x) => x.role), units: unit_rows.map(({ id, name, kind }) => ({ id, name, kind })) },
  };
}

/** A user by id, with roles and units. */
export async function findUserById(db: Kysely<DB>, id: string): Promise<UserWithAccess | undefined> {
  const u = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return u ? (await withAccess(db, [u]))[0] : undefined;
}

/** A user by username (case-insensitive), with roles and units. */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserWithAccess | undefined> {
  const u = await db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
    .executeTakeFirst();
  return u ? (await withAccess(db, [u]))[0] : undefined;
}

/** Users matching the filter, by username. */
export async function listUsers(db: Kysely<DB>, f: UserFilter): Promise<UserWithAccess[]> {
  let q = db.selectFrom("users").selectAll();
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    q = q.where((eb) => eb.or([eb("username", "ilike", like), eb("display_name", "ilike", like)]));
  }
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships")
          .select("memberships.user_id")
          .whereRef("memberships.user_id", "=", "users.id")
          .where("memberships.unit_id", "=", unitId),
      ),
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_roles")
          .select("user_roles.user_id")
          .whereRef("user_roles.user_id", "=", "users.id")
          .where("user_roles.role", "=", role),
      ),
    );
  }
  return withAccess(db, await q.orderBy("username").limit(1000).execute());
}

/** Inserts a user row. */
export async function insertUser(
  db: Kysely<DB>,
  v: { username: string; displayName: string; passwordHash: string; mustChangePassword: boolean; email?: string | null },
): Promise<UserRow> {
  return db
    .insertInto("users")
    .values({
      username: v.username,
      display_name: v.displayName,
      password_hash: v.passwordHash,
      must_change_password: v.mustChangePassword,
      email: v.email ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates plain fields of a user. */
export async function updateUser(
  db: Kysely<DB>,
  id: string,
  v: Partial<Pick<UserRow, "display_name" | "disabled" | "password_hash" | "must_change_password" | "password_changed_at" | "email">>,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...v, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Replaces a user's roles. */
export async function replaceRoles(db: Kysely<DB>, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  if (roles.length) {
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

/** Replaces a user's unit memberships. */
export async function replaceMemberships(db: Kysely<DB>, userId: string, unitIds: string[]): Promise<void> {
  await db.deleteFrom("memberships").where("user_id", "=", userId).execute();
  if (unitIds.length) {
    await db
      .insertInto("memberships")
      .values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
      .execute();
  }
}

/** Records a failed login; locks the account until `lockUntil` when given. */
export async function registerLoginFailure(db: Kysely<DB>, id: string, lockUntil: Date | null): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({
      failed_logins: lockUntil ? 0 : eb("failed_logins", "+", 1),
      ...(lockUntil ? { locked_until: lockUntil } : {}),
    }))
    .where("id", "=", id)
    .execute();
}

/** Clears failure counters after a successful login. */
export async function clearLoginFailures(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", id).execute();
}

/** Which of `ids` exist (for validating references in one query). */
export async function existingUnitIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("units").select("id").where("id", "in", ids).execute();
  return new Set(rows.map((r) => r.id));
}
