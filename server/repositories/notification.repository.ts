/**
 * @module All SQL of in-app notifications (the inbox) and of their recipients.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** A notification to store for one user. */
export interface NotificationInput {
  userId: string;
  unitId: string | null;
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  /** Same key for the same user: stored once (jobs may run twice). */
  dedupeKey: string;
}

/** Stores notifications; returns only the newly created ones (already-known keys are skipped). */
export async function insertNotifications(db: Kysely<DB>, rows: NotificationInput[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto("notifications")
    .values(rows.map((r) => ({
      user_id: r.userId, unit_id: r.unitId, kind: r.kind, title: r.title, body: r.body, data: JSON.stringify(r.data ?? {}), dedupe_key: r.dedupeKey,
    })))
    .onConflict((oc) => oc.columns(["user_id", "dedupe_key"]).doNothing())
    .returningAll()
    .execute();
}

/** Active users of the units who work on tasks (unit heads and staff), with their units. */
export async function unitRecipients(db: Kysely<DB>, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id as user_id", "u.username", "u.display_name", "m.unit_id"])
    .where("m.unit_id", "in", unitIds)
    .where("u.disabled", "=", false)
    .where("r.role", "in", ["unit_head", "unit_staff"])
    .distinct()
    .execute();
}

/** Active office administrators (recipients of proposals). */
export async function officeRecipients(db: Kysely<DB>) {
  return db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id as user_id", "u.username", "u.display_name"])
    .where("u.disabled", "=", false)
    .where("r.role", "=", "office_admin")
    .execute();
}

/** A user's notifications, newest first. */
export async function listInbox(db: Kysely<DB>, userId: string, f: { unreadOnly?: boolean; limit: number }) {
  let q = db.selectFrom("notifications").selectAll().where("user_id", "=", userId);
  if (f.unreadOnly) q = q.where("read_at", "is", null);
  return q.orderBy("created_at", "desc").orderBy("id").limit(f.limit).execute();
}

/** How many of a user's notifications are unread. */
export async function unreadCount(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks a user's notifications read (the given ones, or all); returns how many changed. */
export async function markRead(db: Kysely<DB>, userId: string, ids: string[] | null, at: Date): Promise<number> {
  let q = db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null);
  if (ids) q = q.where("id", "in", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
