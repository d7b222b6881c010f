/**
 * @module Query of the audit log viewer.
 */
import { z } from "zod";

/** Filters and cursor. */
export const ListAuditQuery = z.object({
  /** Only entries by this user. */
  actorId: z.uuid().optional(),
  /** Action or its prefix, e.g. `user.` */
  action: z.string().trim().max(64).optional(),
  /** Only entries about this kind of entity. */
  entityType: z.string().trim().max(64).optional(),
  /** Only entries about this entity. */
  entityId: z.string().trim().max(64).optional(),
  /** From this time (inclusive, ISO 8601). */
  from: z.coerce.date().optional(),
  /** Until this time (exclusive, ISO 8601). */
  to: z.coerce.date().optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, "无效的游标").optional(),
});
