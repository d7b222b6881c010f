/**
 * @module Requests of the task list.
 */
import { z } from "zod";

/** List filters. */
export const ListTasksQuery = z.object({
  /** Only tasks of this plan. */
  planId: z.uuid("不是有效的编号").optional(),
  /** "1": only tasks in which one of the caller's units has a role, grouped by that role. */
  mine: z.enum(["0", "1"]).optional(),
});
