/**
 * @module Handles a complaint after filing: the office dispatches it to a unit (and the river chief found by
 * routing), merges duplicates and closes invalid ones; the unit investigates and resolves it or closes it as not
 * fixable; the reporter reopens it with the receipt code. Every step is an event (the public note is what the
 * reporter reads) and an audit entry, in one transaction with a row lock so two people cannot both move it.
 */
import { audit, type CommandContext } from "../context";
import { ComplaintStateConflict, Forbidden, NotFound, ReopenRefused, ValidationError } from "../errors";
import { decryptField } from "../crypto/fieldCrypto";
import { findComplaint, insertEvent, lockComplaint, updateComplaint } from "../repositories/complaint.repository";
import { findCategory } from "../repositories/complaintCatalog.repository";
import { findUnit } from "../repositories/unit.repository";
import { notifyUnits } from "../notify/notifier";
import { insertNotifications } from "../repositories/notification.repository";
import { canTransition, isOpen, reopenRefusal, TRANSITIONS, type TransitionActor, type TransitionName } from "../../domain/complaints/states";
import { dueAt } from "../../domain/complaints/routing";
import { publicText } from "../../domain/complaints/text";

/** A step on a complaint. */
export interface ComplaintTransitionerProps {
  complaintId: string;
  transition: Exclude<TransitionName, "reopen" | "markDuplicate">;
  /** Whether the actor acts as the office or as the handling unit (decided by the policy). */
  as: Exclude<TransitionActor, "reporter">;
  /** The unit to send it to (dispatch, redispatch). */
  unitId?: string;
  /** What the reporter reads. */
  note: string | null;
  /** Staff only. */
  internalNote: string | null;
  /** Closing as not fixed: the problem was confirmed (counts as substantiated for rewards). */
  confirmed?: boolean;
  at: Date;
}

/** Moves a complaint one step. */
export async function complaintTransitioner(ctx: CommandContext, p: ComplaintTransitionerProps) {
  const c = await lockComplaint(ctx.trx, p.complaintId);
  if (!c) throw NotFound("投诉不存在");
  if (!canTransition(c.state, p.transition, p.as)) throw ComplaintStateConflict(c.state, p.transition);
  const to = TRANSITIONS[p.transition].to;
  let unitId = c.unit_id;
  if (p.transition === "dispatch" || p.transition === "redispatch") {
    if (!p.unitId) throw ValidationError([{ path: "unitId", message: "请选择承办单位" }]);
    if (!(await findUnit(ctx.trx, p.unitId))) throw ValidationError([{ path: "unitId", message: "单位不存在" }]);
    unitId = p.unitId;
  }
  if ((p.transition === "resolve" || p.transition === "closeNotFixed" || p.transition === "markInvalid") && !p.note?.trim()) {
    throw ValidationError([{ path: "note", message: "请填写给举报人的答复" }]);
  }
  const closing = !isOpen(to);
  const updated = await updateComplaint(ctx.trx, c.id, {
    state: to, unit_id: unitId, updated_at: p.at, closed_at: closing ? p.at : null,
    confirmed: p.transition === "closeNotFixed" ? Boolean(p.confirmed) : p.transition === "resolve" ? true : c.confirmed,
    hidden: p.transition === "markInvalid" ? true : c.hidden,
  });
  await insertEvent(ctx.trx, {
    complaint_id: c.id, at: p.at, kind: p.transition, from_state: c.state, to_state: to,
    actor_id: ctx.actor?.id ?? null, actor_name: ctx.actor?.name ?? null, unit_id: unitId,
    public_note: p.note?.trim() || null, internal_note: p.internalNote?.trim() || null,
    data: p.transition === "closeNotFixed" ? { confirmed: Boolean(p.confirmed) } : {},
  });
  await audit(ctx, {
    action: `complaint.${p.transition}`, entityType: "complaint", entityId: c.id, unitId,
    data: { number: c.number, from: c.state, to, unitId, as: p.as },
  });
  if ((p.transition === "dispatch" || p.transition === "redispatch") && unitId) {
    await notifyUnits(ctx.trx, [unitId], {
      kind: "complaint.dispatched", title: `投诉转办 ${c.number}`, body: `${c.public_description.slice(0, 100)}（办理时限 ${new Date(c.due_at).toISOString().slice(0, 10)}）`,
      data: { complaintId: c.id }, dedupeKey: `complaint:${c.id}:dispatch:${p.at.getTime()}`,
    });
    // The river's chief (河长) hears of complaints on their river, whichever unit handles them.
    if (c.river_chief_user_id) {
      await insertNotifications(ctx.trx, [{
        userId: c.river_chief_user_id, unitId: unitId, kind: "complaint.on_river", title: `所辖河湖投诉 ${c.number}${c.river_name ? `（${c.river_name}）` : ""}`,
        body: c.public_description.slice(0, 100), data: { complaintId: c.id }, dedupeKey: `complaint:${c.id}:chief:${p.at.getTime()}`,
      }]);
    }
  }
  return updated;
}

/** Merges a complaint into another about the same problem. */
export async function complaintMerger(ctx: CommandContext, p: { complaintId: string; intoId: string; note: string | null; at: Date }) {
  if (p.complaintId === p.intoId) throw ValidationError([{ path: "intoId", message: "不能合并到自身" }]);
  const c = await lockComplaint(ctx.trx, p.complaintId);
  const into = await lockComplaint(ctx.trx, p.intoId);
  if (!c || !into) throw NotFound("投诉不存在");
  if (!canTransition(c.state, "markDuplicate", "office")) throw ComplaintStateConflict(c.state, "markDuplicate");
  if (into.state === "duplicate" || into.state === "invalid") throw ValidationError([{ path: "intoId", message: "只能合并到有效的投诉" }]);
  await updateComplaint(ctx.trx, c.id, { state: "duplicate", duplicate_of: into.id, closed_at: p.at, updated_at: p.at });
  const note = p.note?.trim() || `经核实，与投诉 ${into.number} 反映的是同一问题，已合并办理，请以 ${into.number} 的办理结果为准。`;
  await insertEvent(ctx.trx, {
    complaint_id: c.id, at: p.at, kind: "markDuplicate", from_state: c.state, to_state: "duplicate",
    actor_id: ctx.actor?.id ?? null, actor_name: ctx.actor?.name ?? null, unit_id: into.unit_id,
    public_note: note, internal_note: null, data: { intoId: into.id, intoNumber: into.number },
  });
  await insertEvent(ctx.trx, {
    complaint_id: into.id, at: p.at, kind: "merged", from_state: into.state, to_state: into.state,
    actor_id: ctx.actor?.id ?? null, actor_name: ctx.actor?.name ?? null, unit_id: into.unit_id,
    public_note: null, internal_note: `合并了投诉 ${c.number}`, data: { fromId: c.id, fromNumber: c.number },
  });
  await audit(ctx, { action: "complaint.merge", entityType: "complaint", entityId: c.id, unitId: into.unit_id, data: { number: c.number, into: into.number } });
  return { id: c.id, intoId: into.id };
}

/** The reporter reopens a closed complaint (dissatisfied with the answer). */
export async function complaintReopener(ctx: CommandContext, p: { complaintId: string; reason: string; at: Date }) {
  const c = await lockComplaint(ctx.trx, p.complaintId);
  if (!c) throw NotFound("投诉不存在");
  const refusal = reopenRefusal({ state: c.state, closedAt: c.closed_at ? new Date(c.closed_at) : null, reopenCount: c.reopen_count }, p.at);
  if (refusal) throw ReopenRefused(refusal);
  const category = await findCategory(ctx.trx, c.category_code);
  await updateComplaint(ctx.trx, c.id, {
    state: "received", closed_at: null, reopen_count: c.reopen_count + 1, updated_at: p.at, confirmed: false,
    due_at: dueAt(p.at, category?.deadline_days ?? 15),
  });
  await insertEvent(ctx.trx, {
    complaint_id: c.id, at: p.at, kind: "reopen", from_state: c.state, to_state: "received",
    actor_id: null, actor_name: "举报人", unit_id: c.unit_id,
    public_note: `举报人提出异议：${publicText(p.reason.trim())}`, internal_note: null, data: { reopenCount: c.reopen_count + 1 },
  });
  await audit(ctx, { action: "complaint.reopen", entityType: "complaint", entityId: c.id, unitId: c.unit_id, data: { number: c.number, reopenCount: c.reopen_count + 1 } });
  return c.id;
}

/** A decrypted contact. */
export interface RevealedContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * Shows a reporter's contact to someone allowed to see it, and records that they saw it (every view is audited,
 * with the reason given).
 */
export async function contactRevealer(ctx: CommandContext, p: { complaintId: string; reason: string; allowed: (c: { unitId: string | null; anonymous: boolean }) => boolean }) {
  const c = await findComplaint(ctx.trx, p.complaintId);
  if (!c) throw NotFound("投诉不存在");
  if (!p.allowed({ unitId: c.unit_id, anonymous: c.anonymous })) throw Forbidden();
  if (!c.contact_ciphertext) return null;
  const contact = JSON.parse(decryptField(c.contact_ciphertext, c.id)) as RevealedContact;
  await audit(ctx, {
    action: "complaint.contact.view", entityType: "complaint", entityId: c.id, unitId: c.unit_id,
    data: { number: c.number, reason: p.reason, fields: Object.entries(contact).filter(([, v]) => v).map(([k]) => k) },
  });
  return contact;
}
