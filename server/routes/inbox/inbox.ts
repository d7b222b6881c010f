/**
 * @module The in-app inbox: every signed-in user reads and marks their own notifications, nobody else's.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { presentNotification } from "../../presenters/presentSupervision";
import { listInbox, markRead, unreadCount } from "../../repositories/notification.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/inbox*. */
export function inboxRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/inbox", async (req) => {
    const { user } = requireAuth(req);
    const q = parse(S.InboxQuery, req.query);
    const [rows, unread] = await Promise.all([listInbox(db, user.id, { unreadOnly: q.unread === "1", limit: q.limit }), unreadCount(db, user.id)]);
    return { ok: true, data: rows.map(presentNotification), unread };
  });

  // Marking read is the user's own bookkeeping, not a change to audit.
  app.post("/api/inbox/read", async (req) => {
    const { user } = requireAuth(req);
    const body = parse(S.MarkReadSchema, req.body ?? {});
    const marked = await markRead(db, user.id, body.ids ?? null, new Date());
    return { ok: true, data: { marked, unread: await unreadCount(db, user.id) } };
  });
}
