/**
 * @module Closes a registry follow-up task (e.g. the task a 返黑返臭 raised) as done or cancelled, with the office's
 * note. Audited under the record the task follows up.
 */
import { audit, type CommandContext } from "../context";
import { Conflict } from "../errors";
import { closeRegistryTask } from "../repositories/registryTask.repository";
import type { RegistryTaskRow } from "../db/tables/registries";

/** What to close. */
export interface TaskCloserProps {
  task: RegistryTaskRow;
  status: "done" | "cancelled";
  note: string;
  at: Date;
}

/** Closes the task; refuses one already closed. */
export async function registryTaskCloser(ctx: CommandContext, p: TaskCloserProps) {
  if (p.task.status !== "open") throw Conflict("该任务已关闭");
  const row = await closeRegistryTask(ctx.trx, p.task.id, { status: p.status, by: ctx.actor?.id ?? null, note: p.note, at: p.at });
  await audit(ctx, {
    // Under the record it follows up, so the record's history shows the task closed.
    action: `${p.task.registry}.task_close`,
    entityType: p.task.registry,
    entityId: p.task.record_id,
    unitId: p.task.unit_id,
    data: { taskId: p.task.id, kind: p.task.kind, title: p.task.title, status: p.status, note: p.note },
  });
  return row;
}
