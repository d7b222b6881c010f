/**
 * @module Rewards for substantiated complaints (有奖举报): configurable tiers, the approval workflow (proposed →
 * approved → paid, or rejected), with four eyes — whoever proposes a reward does not approve it — and claims with
 * fraud flags approved only after a review note.
 */

/** States of a reward. */
export const REWARD_STATES = ["proposed", "approved", "rejected", "paid"] as const;
/** One state. */
export type RewardState = (typeof REWARD_STATES)[number];

/** A reward tier as configured by the office. */
export interface RewardTier {
  id: string;
  name: string;
  /** Yuan. */
  amount: number;
  /** Only for complaints of this category; null for any. */
  categoryCode: string | null;
  active: boolean;
}

/** Why a complaint cannot get a reward, or null when it can. */
export function rewardRefusal(c: { substantiated: boolean; hasContact: boolean; wantsReward: boolean; anonymous: boolean; duplicateOf: string | null }):
  "not_substantiated" | "no_contact" | "not_requested" | "duplicate" | null {
  if (c.duplicateOf) return "duplicate";
  if (!c.substantiated) return "not_substantiated";
  if (!c.wantsReward) return "not_requested";
  // Anonymous reporters can still be rewarded when they left a contact (the contact stays hidden from the public).
  if (!c.hasContact) return "no_contact";
  return null;
}

/** Whether `tier` can be used for a complaint of `categoryCode`. */
export function tierApplies(tier: RewardTier, categoryCode: string): boolean {
  return tier.active && (tier.categoryCode === null || tier.categoryCode === categoryCode);
}

/** Why an approval is refused, or null. */
export function approvalRefusal(r: { state: RewardState; proposedBy: string | null; flagged: boolean; reviewNote: string | null }, approverId: string):
  "state" | "same_person" | "review_needed" | null {
  if (r.state !== "proposed") return "state";
  if (r.proposedBy !== null && r.proposedBy === approverId) return "same_person";
  if (r.flagged && !r.reviewNote?.trim()) return "review_needed";
  return null;
}
