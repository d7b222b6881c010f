/**
 * @module The audit log viewer's API, newest first with cursor pagination.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { Forbidden } from "../../errors";
import { canReadAudit } from "../../policies/audit.policy";
import { presentAuditEvent } from "../../presenters/presentUser";
import { listAudit } from "../../repositories/audit.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/audit. */
export function auditRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/audit", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadAudit(actor)) throw Forbidden();
    const q = parse(S.ListAuditQuery, req.query);
    const rows = await listAudit(db, { ...q, beforeSeq: q.cursor ? Number(q.cursor) : undefined });
    const last = rows[rows.length - 1];
    return {
      ok: true,
      data: rows.map(presentAuditEvent),
      nextCursor: rows.length === q.limit && last ? String(last.seq) : null,
    };
  });
}
