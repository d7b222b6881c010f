/**
 * @module Records a status change of a registry record inside the caller's command: the audit entry (action
 * `<entityType>.<action>`, with from/to and the note) and the transition row pointing at it, so the record's
 * history shows who moved it where and why. The caller has already checked the lifecycle and the conditions, and
 * updates the record's own status column itself.
 */
import { audit, type CommandContext } from "../context";
import { insertTransition } from "../repositories/registryHistory.repository";

/** One change. */
export interface TransitionProps {
  /** The record's audit entity type (e.g. "outfall"). */
  registry: string;
  recordId: string;
  /** Lifecycle action, e.g. "requestClosure". */
  action: string;
  from: string | null;
  to: string;
  note?: string | null;
  /** The record's unit (audit log filter). */
  unitId: string | null;
  /** What else the audit entry should say. */
  data?: Record<string, unknown>;
}

/** Audits and stores the transition; returns the transition row. */
export async function registryTransitioner(ctx: CommandContext, p: TransitionProps) {
  const entry = await audit(ctx, {
    action: `${p.registry}.${p.action}`,
    entityType: p.registry,
    entityId: p.recordId,
    unitId: p.unitId,
    data: { from: p.from, to: p.to, note: p.note ?? null, ...p.data },
  });
  return insertTransition(ctx.trx, {
    registry: p.registry, recordId: p.recordId, action: p.action, from: p.from, to: p.to, note: p.note ?? null,
    actorId: ctx.actor?.id ?? null, actorName: ctx.actor?.name ?? null, auditSeq: Number(entry.seq),
  });
}
