/**
 * @module Requests of the plan routes.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
const Year = z.number().int().min(2000).max(2100);
/** Base64 of at most 8 MB. */
const MAX_BASE64 = Math.ceil((8 * 1024 * 1024) / 3) * 4;

/** A plan document as text, or as an uploaded .docx/.txt file. */
export const PreviewSchema = z
  .object({
    /** The document's plain text, as extracted (PDF artefacts are tolerated). */
    text: z.string().min(20, "文本过短，不像一份实施方案").max(400_000, "文本过长（上限 40 万字）").optional(),
    /** An uploaded file: Word .docx or plain text (UTF-8, UTF-16 or GB18030). */
    file: z.object({
      /** Name as uploaded. */
      fileName: z.string().trim().min(1).max(200),
      /** The bytes, base64. */
      contentBase64: z.string().min(1).max(MAX_BASE64, "文件不能超过 8 MB").regex(/^[A-Za-z0-9+/]*={0,2}$/, "不是有效的 base64"),
    }).optional(),
    /** The plan year for dates written without one; read from the document when absent. */
    year: Year.optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.file === undefined), { message: "请提供方案文本或文件（二选一）", path: ["text"] });

/** Names of units per role. */
const Roles = z.object({
  lead: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  co_lead: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  participant: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  implementer: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  responsible: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

/** What the reviewer decided about an unknown name. */
const Decision = z.discriminatedUnion("action", [
  /** The name is another spelling of an existing unit: it becomes the unit's alias. */
  z.object({ name: z.string().trim().min(1).max(100), action: z.literal("alias"), unitId: Uuid }),
  /** The name is a unit missing from the directory: it is created (under `unitName` when given, the name kept as alias). */
  z.object({
    name: z.string().trim().min(1).max(100),
    action: z.literal("create"),
    kind: z.enum(["office", "department", "branch", "subdistrict", "other"]),
    unitName: z.string().trim().min(1).max(100).optional(),
  }),
  /** The name is not a unit (a parsing slip): it is left out. */
  z.object({ name: z.string().trim().min(1).max(100), action: z.literal("ignore") }),
]);

/** The reviewer's version of one task. */
const Correction = z.object({
  /** The task number as parsed. */
  number: z.string().min(1).max(20),
  /** A corrected title. */
  title: z.string().max(500).optional(),
  /** Directory units per role (canonical names). */
  units: Roles.optional(),
  /** Collective designations per role (各办事处 …). */
  collectives: Roles.optional(),
  /** The milestones. */
  deadlines: z.array(z.object({ date: z.iso.date("日期格式应为 YYYY-MM-DD"), text: z.string().max(200) })).max(50).optional(),
});

/** Import: the text as previewed, confirmed after review, with the reviewer's decisions and corrections. */
export const ImportPlanSchema = z.object({
  /** The document's text (the preview returns it for uploaded files). */
  text: z.string().min(20, "文本过短，不像一份实施方案").max(400_000, "文本过长（上限 40 万字）"),
  /** The plan year for dates written without one. */
  year: Year.optional(),
  /** Must be true: the office has reviewed the preview. */
  confirm: z.literal(true, "请先核对解析结果并确认"),
  /** Decisions on names the directory did not know. */
  decisions: z.array(Decision).max(200).default([]),
  /** Corrections of parsed tasks. */
  corrections: z.array(Correction).max(500).default([]),
});

/** Dashboard horizon. */
export const DashboardQuery = z.object({
  /** Days ahead for "due soon" (14 by default). */
  days: z.coerce.number().int().min(1).max(90).default(14),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });
