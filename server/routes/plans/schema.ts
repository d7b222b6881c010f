/**
 * @module Requests of the plan routes.
 */
import { z } from "zod";

/** A plan document as text (a .docx is converted to text by the client or the CLI first). */
export const PlanTextSchema = z.object({
  /** The document's plain text, as extracted (PDF artefacts are tolerated). */
  text: z.string().min(20, "文本过短，不像一份实施方案").max(400_000, "文本过长（上限 40 万字）"),
  /** The plan year for dates written without one; read from the document when absent. */
  year: z.number().int().min(2000).max(2100).optional(),
});

/** Import: the same text, confirmed after review. */
export const ImportPlanSchema = PlanTextSchema.extend({
  /** Must be true: the office has reviewed the preview. */
  confirm: z.literal(true, "请先核对解析结果并确认"),
});

/** Path parameter. */
export const IdParams = z.object({ id: z.uuid("不是有效的编号") });
