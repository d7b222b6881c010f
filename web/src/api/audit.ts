/**
 * @module /api/audit: the hash-chained audit log, newest first, with cursor pagination.
 */
import { request } from "./client";
import type { AuditEvent } from "./types";

/** Filters of the audit log. */
export interface AuditFilter {
  /** Only entries by this user id. */
  actorId?: string;
  /** Action or its prefix, e.g. `user.`. */
  action?: string;
  /** Only entries about this kind of entity. */
  entityType?: string;
  /** From this ISO time (inclusive). */
  from?: string;
  /** Until this ISO time (exclusive). */
  to?: string;
}

/** One page of the audit log; pass the previous page's `nextCursor` to continue. */
export function listAudit(filter: AuditFilter, opts: { limit?: number; cursor?: string | null } = {}) {
  return request<AuditEvent[]>("GET", "/api/audit", {
    query: { ...filter, limit: opts.limit ?? 50, cursor: opts.cursor ?? undefined },
  });
}
