/**
 * @module All SQL of registry records' history: status transitions (each linked to the audit entry that recorded
 * it) and the record's audit entries.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { RegistryTransitionRow } from "../db/tables/registries";

/** A transition to store. */
export interface NewTransition {
  registry: string;
  recordId: string;
  action: string;
  from: string | null;
  to: string;
  note: string | null;
  actorId: string | null;
  actorName: string | null;
  auditSeq: number;
}

/** Stores a transition. */
export function insertTransition(db: Kysely<DB>, t: NewTransition): Promise<RegistryTransitionRow> {
  return db
    .insertInto("registry_transitions")
    .values({
      registry: t.registry, record_id: t.recordId, action: t.action, from_status: t.from, to_status: t.to, note: t.note,
      actor_id: t.actorId, actor_name: t.actorName, audit_seq: t.auditSeq,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A record's transitions, oldest first. */
export function listTransitions(db: Kysely<DB>, registry: string, recordId: string): Promise<RegistryTransitionRow[]> {
  return db
    .selectFrom("registry_transitions")
    .selectAll()
    .where("registry", "=", registry)
    .where("record_id", "=", recordId)
    .orderBy("id")
    .execute();
}

/** When each record last entered its current status (the newest transition), by record id. */
export async function lastTransitionAt(db: Kysely<DB>, registry: string, recordIds: string[]): Promise<Map<string, Date>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("registry_transitions")
    .select(["record_id", (eb) => eb.fn.max("at").as("at")])
    .where("registry", "=", registry)
    .where("record_id", "in", recordIds)
    .groupBy("record_id")
    .execute();
  return new Map(rows.map((r) => [r.record_id, new Date(r.at as Date)]));
}

/** A record's audit entries, newest first (at most `limit`). */
export function listRecordAudit(db: Kysely<DB>, entityType: string, recordId: string, limit = 500) {
  return db
    .selectFrom("audit_events")
    .select(["seq", "at", "actor_id", "actor_name", "action", "data"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", recordId)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
}
