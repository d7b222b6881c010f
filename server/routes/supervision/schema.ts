/**
 * @module Requests of the supervision routes: lateness, ladders, proposals, interviews, documents, ranking.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
const IsoDay = z.iso.date("日期格式应为 YYYY-MM-DD");

/** Lateness filters. */
export const LatenessQuery = z.object({
  /** Only this round. */
  roundId: Uuid.optional(),
  /** Only this unit. */
  unitId: Uuid.optional(),
  /** Only rounds of this plan. */
  planId: Uuid.optional(),
});

/** Ladder filters. */
export const LaddersQuery = z.object({
  /** "1": only open ladders (units still behind). */
  open: z.enum(["0", "1"]).optional(),
  /** Only this unit. */
  unitId: Uuid.optional(),
});

/** The office's confirmation of a proposed rung. */
export const ConfirmSchema = z.object({
  /** 约谈 only: the day of the interview. */
  scheduledFor: IsoDay.optional(),
  /** 约谈 only: where. */
  place: z.string().trim().max(200).optional(),
});

/** The office escalating on its own judgement (no trigger needs to have fired). */
export const EscalateSchema = z.object({
  taskId: Uuid,
  /** A unit with a role in the task. */
  unitId: Uuid,
  /** The rung; the ladder's next one when absent. */
  step: z.enum(["reminder", "notice", "letter", "exposure", "interview", "accountability"]).optional(),
  /** What the office saw and why it escalates (at least 10 characters; checked by the command). */
  reason: z.string().max(2000).default(""),
  /** "issue" now (the caller confirms) or "propose" for another office user to confirm. */
  mode: z.enum(["issue", "propose"]).default("issue"),
  /** 约谈 only: the day of the interview. */
  scheduledFor: IsoDay.optional(),
  /** 约谈 only: where. */
  place: z.string().trim().max(200).optional(),
});

/** The office closing a ladder. */
export const ResolveSchema = z.object({
  /** Why the supervision ends (e.g. 已整改到位). */
  reason: z.string().trim().min(2, "请写明结束督办的理由").max(2000),
});

/** Minutes of a held interview. */
export const MinutesSchema = z.object({
  /** The day it was held. */
  heldOn: IsoDay,
  /** What was said and agreed. */
  minutes: z.string().trim().min(1, "请填写纪要").max(20_000),
  /** Reference of the signed minutes (file number). */
  ref: z.string().trim().min(1, "请填写纪要编号").max(100),
});

/** Document filters. */
export const DocumentsQuery = z.object({
  /** Only this unit. */
  unitId: Uuid.optional(),
  /** Only this kind. */
  kind: z.enum(["reminder", "notice", "letter", "interview", "accountability"]).optional(),
});

/** Ranking scope. */
export const RankingQuery = z.object({
  /** Only obligations of this plan. */
  planId: Uuid.optional(),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });
