/**
 * @module The list query every registry accepts — text search, unit, river, status, page — and the page meta of
 * list responses. A registry extends `BaseListQuery` with its own filters (and narrows `status` to its states).
 */
import { z } from "zod";

/** A uuid. */
export const Uuid = z.uuid("不是有效的编号");

/** Filters and paging common to every registry list. */
export const BaseListQuery = z.object({
  /** Part of the code or name. */
  q: z.string().trim().max(100).optional(),
  /** Records of this unit. */
  unitId: Uuid.optional(),
  /** Records on this river. */
  riverId: Uuid.optional(),
  /** Records in this status. */
  status: z.string().trim().max(40).optional(),
  /** Demo records only ("1") or real records only ("0"). */
  demo: z.enum(["0", "1"]).optional(),
  /** 1-based page. */
  page: z.coerce.number().int().min(1).default(1),
  /** Rows per page. */
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The parsed base query. */
export type ListQuery = z.infer<typeof BaseListQuery>;

/** LIKE wildcards typed by a user match themselves. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A contains-pattern for ILIKE. */
export const containsPattern = (q: string) => `%${likeEscape(q)}%`;

/** Offset of a page. */
export const offsetOf = (f: { page: number; pageSize: number }) => (f.page - 1) * f.pageSize;

/** Meta of a list response. */
export function pageMeta(f: { page: number; pageSize: number }, total: number) {
  return { total, page: f.page, pageSize: f.pageSize, pages: Math.max(1, Math.ceil(total / f.pageSize)) };
}
