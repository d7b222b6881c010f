/**
 * @module Requests of the public portal: complaints filed by anyone, tracking by receipt code, reopening, similar
 * complaints nearby, and the water-quality month.
 */
import { z } from "zod";

/** Base64 of at most 5 MB (4 characters per 3 bytes). */
const MAX_PHOTO_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4;

/** The solved anonymous-post challenge. */
const ChallengeAnswer = z.object({
  /** The token from GET /api/public/complaints/challenge. */
  token: z.string().min(10).max(500),
  /** The counter that gives the hash its leading zero bits. */
  counter: z.string().regex(/^\d{1,12}$/),
});

/** A new complaint. */
export const FileComplaintSchema = z.object({
  /** Category code from GET /api/public/complaints/categories. */
  categoryCode: z.string().trim().min(1, "请选择问题类别").max(32),
  /** What is wrong, where, since when. */
  description: z.string().trim().min(5, "请至少用 5 个字描述问题").max(4000, "描述不能超过 4000 字"),
  /** Address or place description; required without a map point. */
  address: z.string().trim().max(300).nullish().transform((v) => v || null),
  /** Map point (WGS 84). */
  lat: z.number().min(-90).max(90).nullish().transform((v) => v ?? null),
  lon: z.number().min(-180).max(180).nullish().transform((v) => v ?? null),
  /** The enterprise or site complained about, when known. */
  subject: z.string().trim().max(200).nullish().transform((v) => v || null),
  /** Keep the reporter's identity from the handling unit. */
  anonymous: z.boolean().default(true),
  /** Optional contact, for follow-up and rewards. */
  contact: z.object({
    /** Name or how to address the reporter. */
    name: z.string().trim().max(50).nullish(),
    /** Mobile or landline. */
    phone: z.string().trim().regex(/^[+\d][\d\s-]{6,19}$/, "电话号码格式不正确").nullish().or(z.literal("")),
    /** E-mail. */
    email: z.email("邮箱格式不正确").max(200).nullish().or(z.literal("")),
  }).nullish(),
  /** Apply for a reward (有奖举报) if the complaint is substantiated. */
  wantsReward: z.boolean().default(false),
  /** Photos, JPEG or PNG, base64, at most 5 MB each. */
  photos: z.array(z.object({
    /** Name as chosen. */
    fileName: z.string().trim().max(200).default("photo"),
    /** The bytes, base64. */
    contentBase64: z.string().max(MAX_PHOTO_BASE64, "单张照片不能超过 5 MB").regex(/^[A-Za-z0-9+/]*={0,2}$/, "不是有效的 base64"),
  })).max(10).default([]),
  /** The proof-of-work answer. */
  challenge: ChallengeAnswer,
});

/** Looking up a complaint by receipt code (POST, so the code stays out of URLs and logs). */
export const TrackSchema = z.object({
  /** The receipt code, e.g. AB1C-02DE-FGHJ. */
  receipt: z.string().trim().min(1, "请输入回执码").max(40),
});

/** Reopening with the receipt code. */
export const ReopenSchema = z.object({
  receipt: z.string().trim().min(1).max(40),
  /** Why the answer does not satisfy. */
  reason: z.string().trim().min(5, "请说明不满意的原因").max(2000),
  challenge: ChallengeAnswer,
});

/** Similar open complaints nearby, before filing. */
export const SimilarQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  categoryCode: z.string().max(32).optional(),
  /** The description typed so far. */
  text: z.string().max(4000).default(""),
});

/** The public complaint map. */
export const MapQuery = z.object({
  /** Only open ones. */
  open: z.enum(["0", "1"]).optional(),
  categoryCode: z.string().max(32).optional(),
});

/** A public complaint number. */
export const NumberParams = z.object({ number: z.string().regex(/^\d{4}-\d{6}$/, "编号格式不正确") });
/** A photo of a public complaint. */
export const PhotoParams = NumberParams.extend({ sort: z.coerce.number().int().min(0).max(20) });

/** The water-quality month. */
export const WaterQuery = z.object({
  /** YYYY-MM (Beijing time); the newest month with readings when absent. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM").optional(),
});
/** One section's month, with its provenance. */
export const WaterPointParams = z.object({ code: z.string().min(1).max(40) });
