/**
 * @module A person's review of flagged values: accept (the value stands, e.g. a real pollution event), reject (kept
 * out of published figures, the raw value stays) or correct (a new version through `readingCorrector`, e.g. after a
 * comparison test). Each decision names the version it judges, so a value corrected meanwhile is not decided blind
 * (409). A reason is required. Audited once per decision with the values it covers. The outlet-days the decided
 * hourly values belong to are re-evaluated in the same transaction (`dischargeReviser`): a violation they no longer
 * support is withdrawn with this decision's reason, one they now support is opened.
 */
import type { ReadingPeriod } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Conflict, Forbidden, NotFound, ValidationError } from "../errors";
import { readingVersions } from "../repositories/reading.repository";
import { insertReview } from "../repositories/review.repository";
import { upsertQcFlags } from "../repositories/readingQc.repository";
import { readingCorrector } from "./readingCorrector";
import { dischargeReviser } from "./dischargeReviser";
import type { RecordedChanges } from "./dischargeRecorder";

/** One value judged. */
export interface ReviewItem {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: Date;
  /** The version the reviewer saw. */
  version: number;
}

/** The decision. */
export interface ReadingReviewerProps {
  items: ReviewItem[];
  decision: "accept" | "reject" | "correct";
  reason: string;
  /** The corrected value (decision "correct", one item); null marks it invalid. */
  value?: number | null;
}

const DECISION = { accept: "accepted", reject: "rejected", correct: "corrected" } as const;

/** Records the decision on every item; returns the number of values decided. */
export async function readingReviewer(
  ctx: CommandContext, p: ReadingReviewerProps,
): Promise<{ decided: number; correctedVersion: number | null; violations: RecordedChanges }> {
  if (!ctx.actor?.id) throw Forbidden("须由具名操作员审核");
  if (p.decision === "correct" && (p.items.length !== 1 || p.value === undefined)) {
    throw ValidationError([{ path: "value", message: "修正须针对一个数值并给出修正值" }]);
  }
  let correctedVersion: number | null = null;
  for (const item of p.items) {
    const versions = await readingVersions(ctx.trx, item);
    if (!versions.length) throw NotFound("该时间没有此因子的数据");
    const current = versions[versions.length - 1].version;
    if (current !== item.version) throw Conflict("该数值已有更新的版本，请刷新后再审核", { current });
    if (p.decision === "correct") {
      const row = await readingCorrector(ctx, { ...item, value: p.value ?? null, qcFlag: 1, reason: p.reason });
      correctedVersion = row.version;
      // The new version is a person's value: its flag is theirs, the live processor leaves it.
      await upsertQcFlags(ctx.trx, [{ ...item, version: row.version, flag: p.value === null ? 9 : 1, tests: {} }]);
    }
    const ok = await insertReview(ctx.trx, { ...item, decision: DECISION[p.decision], reason: p.reason, reviewerId: ctx.actor.id, correctedVersion });
    if (!ok) throw Conflict("该数值已审核");
  }
  await audit(ctx, {
    action: `reading.review.${p.decision}`,
    entityType: "reading",
    entityId: p.items[0]?.pointId ?? null,
    data: {
      reason: p.reason, ...(p.decision === "correct" ? { value: p.value, correctedVersion } : {}),
      items: p.items.map((i) => ({ pointId: i.pointId, factor: i.factor, period: i.period, t: i.t.toISOString(), version: i.version })),
    },
  });
  const v = await dischargeReviser(ctx, p.items, { cause: p.decision, reason: p.reason, byId: ctx.actor.id });
  return { decided: p.items.length, correctedVersion, violations: { opened: v.opened, withdrawn: v.withdrawn, revised: v.revised } };
}
