/**
 * @module All SQL of the audit log. Entries are only ever inserted, inside the transaction of the change they
 * record; a database trigger rejects UPDATE, DELETE and TRUNCATE.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { AuditRow, DB } from "../db/schema";
import { auditContentOf, entryHash, GENESIS_HASH, type AuditContent } from "../audit/chain";

/** Arbitrary constant naming the audit chain's advisory lock. */
const AUDIT_LOCK_KEY = 7_212_0001;

/** Who did something, as the audit log records it. */
export interface AuditActor {
  id: string | null;
  name: string;
}

/** One entry to record. */
export interface AuditEntryInput {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `user.create`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  ip?: string | null;
  correlationId?: string | null;
  /** What changed; never secrets (no passwords, no tokens). */
  data?: Record<string, unknown>;
}

/** Filters for the audit viewer. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Entries with seq below this (cursor pagination, newest first). */
  beforeSeq?: number;
  limit: number;
}

/** The outcome of checking the whole chain. */
export type AuditVerification =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; count: number; seq: number; reason: string };

/** Appends an entry. Must run inside the caller's transaction. */
export async function recordAudit(trx: Transaction<DB>, input: AuditEntryInput): Promise<AuditRow> {
  // Entries are numbered and linked in one sequence, so writers take turns: the lock is held until the
  // caller's transaction ends, and the next writer then reads this entry as the chain head.
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const head = await trx.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    seq: (head?.seq ?? 0) + 1,
    // Millisecond precision so the value reads back identically from timestamptz.
    at: new Date().toISOString(),
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    unitId: input.unitId ?? null,
    ip: input.ip ?? null,
    correlationId: input.correlationId ?? null,
    data: JSON.parse(JSON.stringify(input.data ?? {})),
  };
  const hash = entryHash(prevHash, content);
  const row = await trx
    .insertInto("audit_events")
    .values({
      seq: content.seq,
      at: content.at,
      actor_id: content.actorId,
      actor_name: content.actorName,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      unit_id: content.unitId,
      ip: content.ip,
      correlation_id: content.correlationId,
      data: JSON.stringify(content.data),
      prev_hash: prevHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("audit_head")
    .values({ id: 1, seq: content.seq, hash })
    .onConflict((oc) => oc.column("id").doUpdateSet({ seq: content.seq, hash }))
    .execute();
  return row;
}

/** Lists entries newest first. */
export async function listAudit(db: Kysely<DB>, f: AuditFilter): Promise<AuditRow[]> {
  let q = db.selectFrom("audit_events").selectAll();
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.action) q = q.where("action", "like", `${f.action.replace(/[%_\\]/g, "\\$&")}%`);
  if (f.entityType) q = q.where("entity_type", "=", f.entityType);
  if (f.entityId) q = q.where("entity_id", "=", f.entityId);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<", f.to);
  if (f.beforeSeq) q = q.where("seq", "<", f.beforeSeq);
  return q.orderBy("seq", "desc").limit(f.limit).execute();
}


/** Walks the chain in order and reports the first entry that is missing, altered or out of line. */
export async function verifyAudit(db: Kysely<DB>, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, count, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (r.prev_hash !== prevHash)
        return { ok: false, count, seq, reason: `entry ${seq} does not link to entry ${seq - 1}` };
      if (entryHash(prevHash, auditContentOf(r)) !== r.hash)
        return { ok: false, count, seq, reason: `entry ${seq} was changed after it was written` };
      prevHash = r.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const lastSeq = expectedSeq - 1;
  if (!head) {
    if (count === 0) return { ok: true, count, headSeq: 0 };
    return { ok: false, count, seq: lastSeq, reason: "the chain head record is missing" };
  }
  if (Number(head.seq) !== lastSeq || head.hash !== prevHash) {
    const seq = Number(head.seq) > lastSeq ? lastSeq + 1 : Number(head.seq);
    return {
      ok: false,
      count,
      seq,
      reason:
        Number(head.seq) > lastSeq
          ? `entries ${lastSeq + 1}–${head.seq} are missing (the chain head is at ${head.seq})`
          : `the chain head (${head.seq}) does not match the last entry (${lastSeq})`,
    };
  }
  return { ok: true, count, headSeq: lastSeq };
}
