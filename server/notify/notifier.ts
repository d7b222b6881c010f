/**
 * @module Writes in-app notifications for the people of units or of the office, in the caller's transaction, and
 * returns the messages that are new so the caller can pass them to outbound channels after the commit.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { insertNotifications, officeRecipients, unitRecipients } from "../repositories/notification.repository";
import type { OutboundMessage } from "./channel";

/** What to say. */
export interface NotificationContent {
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  /** Stable per event; one notification per user and key. */
  dedupeKey: string;
}

/** Notifies the heads and staff of `unitIds`. */
export async function notifyUnits(db: Kysely<DB>, unitIds: string[], c: NotificationContent): Promise<OutboundMessage[]> {
  const people = await unitRecipients(db, [...new Set(unitIds)]);
  // One notification per person even when they belong to several of the units.
  const byUser = new Map(people.map((p) => [p.user_id, p]));
  const created = await insertNotifications(
    db,
    [...byUser.values()].map((p) => ({ userId: p.user_id, unitId: p.unit_id, kind: c.kind, title: c.title, body: c.body, data: c.data, dedupeKey: c.dedupeKey })),
  );
  return created.map((n) => ({ userId: n.user_id, username: byUser.get(n.user_id)!.username, title: n.title, body: n.body, kind: n.kind }));
}

/** Notifies the office administrators. */
export async function notifyOffice(db: Kysely<DB>, c: NotificationContent): Promise<OutboundMessage[]> {
  const people = await officeRecipients(db);
  const byUser = new Map(people.map((p) => [p.user_id, p]));
  const created = await insertNotifications(
    db,
    people.map((p) => ({ userId: p.user_id, unitId: null, kind: c.kind, title: c.title, body: c.body, data: c.data, dedupeKey: c.dedupeKey })),
  );
  return created.map((n) => ({ userId: n.user_id, username: byUser.get(n.user_id)!.username, title: n.title, body: n.body, kind: n.kind }));
}
