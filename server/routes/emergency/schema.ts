/**
 * @module Requests of the emergency routes: a river's plan, its activation, and an incident's log.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
const Text = (max: number) => z.string().trim().max(max);

/** Path with a river. */
export const RiverParams = z.object({ riverId: Uuid });
/** Path with an incident. */
export const IdParams = z.object({ id: Uuid });

/** A plan view: optionally relative to a point on the river. */
export const PlanQuery = z.object({
  /** A point on the river: outfalls and enterprises are split into up- and downstream of it. */
  pointId: Uuid.optional(),
});

/** A plan. */
export const PlanSchema = z.object({
  /** Title. */
  title: z.string().trim().min(2, "请填写预案名称").max(100),
  /** Contacts after the river chiefs, in calling order. */
  contacts: z.array(z.object({
    /** Name. */
    name: z.string().trim().min(1, "请填写联系人").max(50),
    /** Role in the response, e.g. 水厂值班. */
    role: Text(50).default(""),
    /** Phone. */
    phone: z.string().trim().regex(/^[0-9+\-() ]{3,30}$/, "电话格式不正确").nullable().default(null),
    /** Platform account (notified on activation). */
    userId: Uuid.nullable().default(null),
  })).max(30).default([]),
  /** Response steps in order. */
  steps: z.array(z.object({
    /** Step. */
    title: z.string().trim().min(1, "请填写步骤").max(60),
    /** What is done. */
    detail: Text(500).default(""),
    /** Who does it. */
    owner: Text(60).default(""),
  })).min(1, "至少一个处置步骤").max(20),
  /** The river's stored course runs from downstream to upstream. */
  courseReversed: z.boolean().default(false),
  /** Note. */
  note: Text(1000).nullable().default(null),
});

/** An activation. */
export const ActivateSchema = z.object({
  /** The alarm that prompted it. */
  alarmId: Uuid.nullable().default(null),
  /** The point concerned. */
  pointId: Uuid.nullable().default(null),
  /** What the person says. */
  note: Text(500).nullable().default(null),
});

/** Incident filters. */
export const IncidentsQuery = z.object({
  /** open or closed. */
  status: z.enum(["open", "closed"]).optional(),
  /** One river. */
  riverId: Uuid.optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A log entry. */
export const LogSchema = z.object({
  /** A step done, or a note. */
  kind: z.enum(["step", "note"]),
  /** What happened. */
  text: z.string().trim().min(2, "请填写处置情况").max(1000),
  /** The step's index in the plan (kind step). */
  stepIndex: z.number().int().min(0).max(19).optional(),
}).refine((l) => l.kind !== "step" || l.stepIndex !== undefined, { message: "请选择处置步骤", path: ["stepIndex"] });

/** Closing an incident. */
export const CloseSchema = z.object({
  /** Summary of the response. */
  summary: z.string().trim().min(2, "请填写处置总结").max(2000),
});
