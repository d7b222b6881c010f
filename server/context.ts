/**
 * @module What a command receives from its caller: the open transaction and who acts, from where.
 */
import type { Transaction } from "kysely";
import type { DB } from "./db/schema";
import { recordAudit, type AuditActor, type AuditEntryInput } from "./repositories/audit.repository";

/** The context every command takes. */
export interface CommandContext {
  /** The caller's transaction: the command's writes and its audit entry commit together. */
  trx: Transaction<DB>;
  /** Who acts; null for the system (seeding, scheduled jobs). */
  actor: AuditActor | null;
  ip: string | null;
  correlationId: string | null;
}

/** Records an audit entry for the command's change, in the command's transaction. */
export function audit(ctx: CommandContext, entry: Omit<AuditEntryInput, "actor" | "ip" | "correlationId">) {
  return recordAudit(ctx.trx, { ...entry, actor: ctx.actor, ip: ctx.ip, correlationId: ctx.correlationId });
}
