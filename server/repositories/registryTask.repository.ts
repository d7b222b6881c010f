/**
 * @module All SQL of registry follow-up tasks (e.g. 返黑返臭): raised once per event (dedupe key), tracked by the
 * office until closed.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { RegistryTaskRow } from "../db/tables/registries";

/** A task to raise. */
export interface NewRegistryTask {
  registry: string;
  recordId: string;
  kind: string;
  title: string;
  body: string;
  unitId: string | null;
  chiefId: string | null;
  dueOn: string | null;
  data: Record<string, unknown>;
  dedupeKey: string;
}

/** Raises a task; returns it, or undefined when the event already raised one. */
export function insertRegistryTask(db: Kysely<DB>, t: NewRegistryTask): Promise<RegistryTaskRow | undefined> {
  return db
    .insertInto("registry_tasks")
    .values({
      registry: t.registry, record_id: t.recordId, kind: t.kind, title: t.title, body: t.body, unit_id: t.unitId,
      chief_id: t.chiefId, due_on: t.dueOn, data: JSON.stringify(t.data), dedupe_key: t.dedupeKey,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Filters of the task list. */
export interface RegistryTaskFilter {
  status?: "open" | "done" | "cancelled";
  registry?: string;
  recordId?: string;
  /** Only tasks of these units (undefined: all). */
  unitIds?: readonly string[];
  limit: number;
}

/** Tasks, newest first, with unit and chief names. */
export function listRegistryTasks(db: Kysely<DB>, f: RegistryTaskFilter) {
  let q = db
    .selectFrom("registry_tasks as t")
    .leftJoin("units as u", "u.id", "t.unit_id")
    .leftJoin("river_chiefs as c", "c.id", "t.chief_id")
    .selectAll("t")
    .select(["u.name as unit_name", "c.name as chief_name", "c.position as chief_position"]);
  if (f.status) q = q.where("t.status", "=", f.status);
  if (f.registry) q = q.where("t.registry", "=", f.registry);
  if (f.recordId) q = q.where("t.record_id", "=", f.recordId);
  if (f.unitIds) q = f.unitIds.length ? q.where("t.unit_id", "in", f.unitIds) : q.where((eb) => eb.val(false));
  return q.orderBy("t.created_at", "desc").limit(f.limit).execute();
}

/** A task with names. */
export type RegistryTaskView = Awaited<ReturnType<typeof listRegistryTasks>>[number];

/** One task. */
export function findRegistryTask(db: Kysely<DB>, id: string): Promise<RegistryTaskRow | undefined> {
  return db.selectFrom("registry_tasks").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Closes a task. */
export function closeRegistryTask(db: Kysely<DB>, id: string, v: { status: "done" | "cancelled"; by: string | null; note: string; at: Date }) {
  return db
    .updateTable("registry_tasks")
    .set({ status: v.status, closed_at: v.at, closed_by: v.by, closing_note: v.note })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
