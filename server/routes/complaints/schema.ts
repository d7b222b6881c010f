/**
 * @module Requests of the staff complaint routes: the list, steps, merging, contact reveal, templates, categories,
 * reward tiers and the reward workflow, Open311 keys.
 */
import { z } from "zod";
import { COMPLAINT_STATES, TRANSITION_NAMES } from "../../../domain/complaints/states";

const Uuid = z.uuid("不是有效的编号");
/** A path id. */
export const IdParams = z.object({ id: Uuid });
/** A photo of a complaint; `copy=original` for the uploaded file (with its metadata). */
export const PhotoParams = z.object({ id: Uuid, sort: z.coerce.number().int().min(0).max(20) });
export const PhotoQuery = z.object({ copy: z.enum(["public", "original"]).default("public") });

/** List filters. */
export const ListQuery = z.object({
  /** Comma-separated states. */
  state: z.string().optional().transform((v) => (v ? v.split(",").filter((s) => (COMPLAINT_STATES as readonly string[]).includes(s)) : undefined)),
  categoryCode: z.string().max(32).optional(),
  /** Part of number, description, address or subject. */
  q: z.string().trim().max(100).optional(),
  /** Only open complaints past their deadline. */
  overdue: z.enum(["0", "1"]).optional(),
});

/** One step on a complaint. */
export const TransitionSchema = z.object({
  transition: z.enum(TRANSITION_NAMES.filter((t) => t !== "reopen" && t !== "markDuplicate") as ["dispatch", ...string[]]),
  /** The unit to send it to (dispatch, redispatch). */
  unitId: Uuid.optional(),
  /** The answer the reporter reads. */
  note: z.string().trim().max(4000).nullish().transform((v) => v || null),
  /** For staff only. */
  internalNote: z.string().trim().max(4000).nullish().transform((v) => v || null),
  /** Closing as not fixed: the problem was confirmed on site. */
  confirmed: z.boolean().optional(),
});

/** Merging into another complaint (by id or public number). */
export const MergeSchema = z.object({
  into: z.string().trim().min(1, "请填写要合并到的投诉编号").max(40),
  note: z.string().trim().max(2000).nullish().transform((v) => v || null),
});

/** Why the contact is needed (recorded in the audit log). */
export const RevealSchema = z.object({ reason: z.string().trim().min(2, "请说明查看原因").max(200) });

/** A response template. */
export const TemplateSchema = z.object({
  step: z.enum(["dispatch", "investigate", "resolve", "closeNotFixed", "markDuplicate", "markInvalid", "returnToOffice", "redispatch"]),
  categoryCode: z.string().max(32).nullish().transform((v) => v || null),
  title: z.string().trim().min(1, "请填写标题").max(100),
  body: z.string().trim().min(1, "请填写内容").max(4000),
  sort: z.number().int().min(0).max(1000).default(0),
});

/** A category change. */
export const CategorySchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  description: z.string().trim().max(500).optional(),
  unitId: Uuid.nullish(),
  deadlineDays: z.number().int().min(1).max(365).optional(),
  open311Type: z.enum(["realtime", "batch"]).optional(),
  rewardEligible: z.boolean().optional(),
  active: z.boolean().optional(),
});
export const CodeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/) });

/** A reward tier. */
export const TierSchema = z.object({
  name: z.string().trim().min(1, "请填写档次名称").max(50),
  amount: z.number().positive("金额须大于 0").max(1_000_000),
  criteria: z.string().trim().max(500).default(""),
  categoryCode: z.string().max(32).nullish().transform((v) => v || null),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(1000).default(0),
});
export const TierPatchSchema = TierSchema.partial();

/** Proposing a reward. */
export const ProposeSchema = z.object({ tierId: Uuid });
/** Review note on a flagged claim. */
export const ReviewSchema = z.object({ note: z.string().trim().min(4, "请写明核查情况").max(2000) });
/** Approve or reject. */
export const DecisionSchema = z.object({ approve: z.boolean(), reason: z.string().trim().max(2000).nullish().transform((v) => v || null) });
/** Payout record. */
export const PayoutSchema = z.object({
  method: z.enum(["bank_transfer", "mobile_payment", "cash"]),
  reference: z.string().trim().min(2, "请填写凭证号").max(100),
});
/** Reward list filter. */
export const RewardsQuery = z.object({ state: z.string().optional().transform((v) => (v ? v.split(",") : undefined)) });

/** A new Open311 key. */
export const KeySchema = z.object({ name: z.string().trim().min(1, "请填写使用方名称").max(100) });

const num = z.number({ error: "请填写数字" });
/** The portal's settings (any section, any field; the whole value is checked by domain/complaints/settings.ts). */
export const PortalSettingsSchema = z.object({
  limits: z.object({
    perAddressPerHour: num, perContactPerDay: num, perKeyPerHour: num, challengeDifficulty: num, maxPhotos: num, maxPhotoBytes: num,
  }).partial().strict().optional(),
  fraud: z.object({
    maxClaimsPerReporter: num, claimWindowDays: num, nearMetres: num, nearDays: num, nearSimilarity: num, burstCount: num, burstMinutes: num,
  }).partial().strict().optional(),
  jurisdictionId: z.string().trim().max(100).optional(),
}).strict();
