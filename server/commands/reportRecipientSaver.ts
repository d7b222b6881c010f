/**
 * @module Adds a person to the report mailing list, or removes one — audited in the caller's transaction.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, NotFound } from "../errors";
import type { ReportKind } from "../db/tables/production";
import { deleteRecipient, findRecipient, findRecipientByEmail, insertRecipient } from "../repositories/report.repository";

/** A new recipient. */
export interface ReportRecipientProps {
  email: string;
  name: string;
  /** The reports they receive (at least one). */
  kinds: ReportKind[];
}

/** Adds the recipient; an address already on the list is a conflict. */
export async function reportRecipientSaver(ctx: CommandContext, p: ReportRecipientProps) {
  if (await findRecipientByEmail(ctx.trx, p.email)) {
    throw Conflict(`${p.email} 已在收件人名单中`, { issues: [{ path: "email", message: "该邮箱已在名单中" }] });
  }
  const row = await insertRecipient(ctx.trx, { email: p.email, name: p.name, kinds: [...new Set(p.kinds)], createdBy: ctx.actor?.id ?? null });
  await audit(ctx, { action: "report.recipient.add", entityType: "report_recipient", entityId: row.id, data: { email: row.email, name: row.name, kinds: row.kinds } });
  return row;
}

/** Removes a recipient. */
export async function reportRecipientRemover(ctx: CommandContext, p: { id: string }) {
  const row = await findRecipient(ctx.trx, p.id);
  if (!row) throw NotFound("收件人不存在");
  await deleteRecipient(ctx.trx, p.id);
  await audit(ctx, { action: "report.recipient.remove", entityType: "report_recipient", entityId: p.id, data: { email: row.email, name: row.name } });
}
