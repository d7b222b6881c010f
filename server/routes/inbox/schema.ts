/**
 * @module Requests of the inbox.
 */
import { z } from "zod";

/** Inbox filters. */
export const InboxQuery = z.object({
  /** "1": unread only. */
  unread: z.enum(["0", "1"]).optional(),
  /** At most this many, newest first. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Which notifications to mark read. */
export const MarkReadSchema = z.object({
  /** These; all of the caller's unread notifications when absent. */
  ids: z.array(z.uuid("不是有效的编号")).max(500).optional(),
});
