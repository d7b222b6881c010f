/**
 * @module The reward workflow (有奖举报): the office proposes a reward of a tier for a substantiated complaint, the
 * fraud checks run at once and flag the claim for review; a second person reviews flags, approves or rejects; the
 * payout is recorded. Each step is audited; the reporter's contact is decrypted only inside the fraud check.
 */
import { audit, type CommandContext } from "../context";
import { NotFound, RewardRefused, ValidationError } from "../errors";
import { decryptField } from "../crypto/fieldCrypto";
import { complaintsBetween, findComplaint } from "../repositories/complaint.repository";
import { countClaimsByContact, findTier, insertReward, lockReward, updateReward } from "../repositories/reward.repository";
import { enterpriseParties } from "../repositories/publicPortal.repository";
import { fraudFlags, type FraudComplaint, type FraudRules } from "../../domain/complaints/fraud";
import { approvalRefusal, rewardRefusal, tierApplies } from "../../domain/complaints/rewards";
import { substantiated } from "../../domain/complaints/states";
import type { ComplaintRow } from "../repositories/complaint.repository";

const asFraud = (c: ComplaintRow): FraudComplaint => ({
  id: c.id, number: c.number, receivedAt: new Date(c.received_at), categoryCode: c.category_code, description: c.description,
  location: c.lat !== null && c.lon !== null ? { lat: c.lat, lon: c.lon } : null, ipHash: c.ip_hash, contactHash: c.contact_hash,
});

/** Proposes a reward; returns it with its fraud flags. */
export async function rewardProposer(ctx: CommandContext, p: { complaintId: string; tierId: string; at: Date; rules: FraudRules }) {
  const c = await findComplaint(ctx.trx, p.complaintId);
  if (!c) throw NotFound("投诉不存在");
  const refusal = rewardRefusal({
    substantiated: substantiated(c.state, c.confirmed), hasContact: c.contact_ciphertext !== null, wantsReward: c.wants_reward,
    anonymous: c.anonymous, duplicateOf: c.duplicate_of,
  });
  if (refusal) throw RewardRefused(refusal);
  const tier = await findTier(ctx.trx, p.tierId);
  if (!tier || !tierApplies({ id: tier.id, name: tier.name, amount: tier.amount, categoryCode: tier.category_code, active: tier.active }, c.category_code)) {
    throw ValidationError([{ path: "tierId", message: "该奖励档次不适用于此类投诉" }]);
  }
  const reporter = c.contact_ciphertext ? JSON.parse(decryptField(c.contact_ciphertext, c.id)) : null;
  const enterprise = c.subject ? await enterpriseParties(ctx.trx, c.subject) : null;
  const claims = c.contact_hash ? await countClaimsByContact(ctx.trx, c.contact_hash, new Date(p.at.getTime() - p.rules.claimWindowDays * 86_400_000), c.id) : 0;
  const received = new Date(c.received_at);
  const around = await complaintsBetween(ctx.trx, new Date(received.getTime() - p.rules.nearDays * 86_400_000), new Date(received.getTime() + p.rules.burstMinutes * 60_000));
  const flags = fraudFlags(asFraud(c), { reporter, enterprise }, claims, around.map(asFraud), p.rules);
  const reward = await insertReward(ctx.trx, { complaint_id: c.id, tier_id: tier.id, amount: tier.amount, flags, proposed_by: ctx.actor?.id ?? null, proposed_at: p.at });
  await audit(ctx, {
    action: "reward.propose", entityType: "reward", entityId: reward.id, unitId: c.unit_id,
    data: { complaint: c.number, tier: tier.name, amount: tier.amount, flags: flags.map((f) => f.kind), contactUsedForChecks: reporter !== null },
  });
  return reward;
}

/** Records the review of a flagged claim. */
export async function rewardReviewer(ctx: CommandContext, p: { rewardId: string; note: string; at: Date }) {
  const r = await lockReward(ctx.trx, p.rewardId);
  if (!r) throw NotFound("奖励记录不存在");
  if (r.state !== "proposed") throw RewardRefused("state");
  const updated = await updateReward(ctx.trx, r.id, { review_note: p.note.trim() });
  await audit(ctx, { action: "reward.review", entityType: "reward", entityId: r.id, data: { flags: (r.flags as { kind: string }[]).map((f) => f.kind) } });
  return updated;
}

/** Approves or rejects a proposal (never by its proposer; flagged ones only after review). */
export async function rewardDecider(ctx: CommandContext, p: { rewardId: string; approve: boolean; reason: string | null; at: Date }) {
  const r = await lockReward(ctx.trx, p.rewardId);
  if (!r) throw NotFound("奖励记录不存在");
  const approver = ctx.actor?.id ?? "";
  const flagged = (r.flags as unknown[]).length > 0;
  const refusal = p.approve ? approvalRefusal({ state: r.state, proposedBy: r.proposed_by, flagged, reviewNote: r.review_note }, approver)
    : r.state !== "proposed" ? "state" : r.proposed_by === approver ? "same_person" : null;
  if (refusal) throw RewardRefused(refusal);
  if (!p.approve && !p.reason?.trim()) throw ValidationError([{ path: "reason", message: "请填写不予奖励的理由" }]);
  const updated = await updateReward(ctx.trx, r.id, { state: p.approve ? "approved" : "rejected", decided_by: ctx.actor?.id ?? null, decided_at: p.at, reject_reason: p.approve ? null : p.reason!.trim() });
  await audit(ctx, { action: p.approve ? "reward.approve" : "reward.reject", entityType: "reward", entityId: r.id, data: { amount: r.amount } });
  return updated;
}

/** Records the payout of an approved reward. */
export async function rewardPayer(ctx: CommandContext, p: { rewardId: string; method: "bank_transfer" | "mobile_payment" | "cash"; reference: string; at: Date }) {
  const r = await lockReward(ctx.trx, p.rewardId);
  if (!r) throw NotFound("奖励记录不存在");
  if (r.state !== "approved") throw RewardRefused("state");
  const updated = await updateReward(ctx.trx, r.id, { state: "paid", paid_by: ctx.actor?.id ?? null, paid_at: p.at, payout_method: p.method, payout_reference: p.reference.trim() });
  await audit(ctx, { action: "reward.pay", entityType: "reward", entityId: r.id, data: { amount: r.amount, method: p.method, reference: p.reference.trim() } });
  return updated;
}
