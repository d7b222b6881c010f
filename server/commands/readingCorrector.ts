/**
 * @module Corrects a reading: stores the corrected value as the next version with its reason and author. The raw
 * value (version 1) and every earlier correction stay, so the history of a number can always be shown.
 */
import type { ReadingPeriod, ReadingRow } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Forbidden, NotFound } from "../errors";
import { insertCorrection } from "../repositories/reading.repository";

/** One correction. */
export interface ReadingCorrectorProps {
  pointId: string;
  /** HJ 212 factor code. */
  factor: string;
  period: ReadingPeriod;
  /** The reading's time. */
  t: Date;
  /** The corrected value in the factor's storage unit; null marks the value invalid. */
  value: number | null;
  /** QARTOD flag after review (1 pass, 3 suspect, 4 fail, 9 missing). */
  qcFlag: number;
  /** Why (required: 维护期间、比对结果 …). */
  reason: string;
}

/** Stores the correction and audits it; the reading must exist. */
export async function readingCorrector(ctx: CommandContext, p: ReadingCorrectorProps): Promise<ReadingRow> {
  // The version row records its author by id; a system actor cannot vouch for a correction.
  if (!ctx.actor?.id) throw Forbidden("数据修正须由具名操作员完成");
  const key = { pointId: p.pointId, factor: p.factor, period: p.period, t: p.t };
  const row = await insertCorrection(ctx.trx, key, { value: p.value, qcFlag: p.qcFlag, reason: p.reason, authorId: ctx.actor.id });
  if (!row) throw NotFound("该时间没有此因子的数据");
  await audit(ctx, {
    action: "reading.correct",
    entityType: "reading",
    entityId: p.pointId,
    data: { factor: p.factor, period: p.period, t: p.t.toISOString(), version: row.version, value: p.value, qcFlag: p.qcFlag, reason: p.reason },
  });
  return { ...row, t: new Date(row.t) };
}
