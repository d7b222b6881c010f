/**
 * @module Follow-up tasks of the registries (e.g. the task a 返黑返臭 raises): everyone who reads the registries
 * sees them — the office tracks all of them, a unit its own first — and the office closes them with a note.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { registryTaskCloser } from "../../commands/registryTaskCloser";
import { Forbidden, NotFound } from "../../errors";
import { isOffice } from "../../policies/registry.policy";
import { findRegistryTask, listRegistryTasks } from "../../repositories/registryTask.repository";
import { presentTask } from "../../registries/present";
import { Uuid } from "../../registries/listQuery";
import { IdParams } from "../../registries/schema";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";

/** Task list filters. */
const TaskListQuery = z.object({
  /** open / done / cancelled. */
  status: z.enum(["open", "done", "cancelled"]).optional(),
  /** Tasks of one registry (audit entity type, e.g. black_odorous_body). */
  registry: z.string().trim().max(40).optional(),
  /** Tasks of one record. */
  recordId: Uuid.optional(),
  /** Most tasks returned. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Closing a task. */
const CloseTaskBody = z.object({
  /** done (处理完毕) or cancelled (撤销). */
  status: z.enum(["done", "cancelled"]).default("done"),
  /** What was done. */
  note: z.string().trim().min(1, "请填写处理情况").max(2000),
});

/** Registers /api/registries/tasks*. */
export function registryTaskRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/registries/tasks", async (req) => {
    const { actor } = requireAuth(req);
    const f = parse(TaskListQuery, req.query);
    const rows = await listRegistryTasks(db, f);
    return {
      ok: true,
      data: rows.map(presentTask),
      policies: Object.fromEntries(rows.map((t) => [t.id, { close: isOffice(actor) && t.status === "open" }])),
    };
  });

  app.post("/api/registries/tasks/:id/close", async (req) => {
    const { actor } = requireAuth(req);
    if (!isOffice(actor)) throw Forbidden();
    const { id } = parse(IdParams, req.params);
    const body = parse(CloseTaskBody, req.body);
    await inCommand(db, req, async (ctx) => {
      const task = await findRegistryTask(ctx.trx, id);
      if (!task) throw NotFound("任务不存在");
      return registryTaskCloser(ctx, { task, status: body.status, note: body.note, at: new Date() });
    });
    const [view] = await listRegistryTasks(db, { recordId: undefined, limit: 500 }).then((xs) => xs.filter((t) => t.id === id));
    return { ok: true, data: presentTask(view) };
  });
}
