/**
 * @module A person's decision on a finding: confirmed (the data are not to be trusted — optionally every value of the
 * main factor in the finding's window is rejected, which keeps it out of published figures) or dismissed (explained,
 * e.g. a real stable condition or a recorded maintenance). A reason is required. Audited. Rejected hourly values
 * re-evaluate their outlet-days in the same transaction (`dischargeReviser`), withdrawing violations they carried.
 */
import type { FindingRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { Conflict, Forbidden, NotFound } from "../errors";
import { decideFinding, lockFinding } from "../repositories/finding.repository";
import { currentVersions, insertReview } from "../repositories/review.repository";
import type { ReadingVersionKey } from "../repositories/readingQc.repository";
import { dischargeReviser } from "./dischargeReviser";

/** The decision. */
export interface FindingDeciderProps {
  findingId: string;
  decision: "confirm" | "dismiss";
  reason: string;
  /** With "confirm": reject the main factor's values in the window. */
  rejectData: boolean;
}

/** Decides; returns the finding and how many values were rejected. */
export async function findingDecider(ctx: CommandContext, p: FindingDeciderProps): Promise<{ finding: FindingRow; rejected: number }> {
  if (!ctx.actor?.id) throw Forbidden("须由具名用户处理");
  const f = await lockFinding(ctx.trx, p.findingId);
  if (!f) throw NotFound("线索不存在");
  if (f.status !== "open") throw Conflict("该线索已处理", { status: f.status });
  const finding = await decideFinding(ctx.trx, f.id, { status: p.decision === "confirm" ? "confirmed" : "dismissed", by: ctx.actor.id, reason: p.reason });
  let rejected = 0;
  const changed: ReadingVersionKey[] = [];
  if (p.decision === "confirm" && p.rejectData) {
    const keys = await currentVersions(ctx.trx, { pointId: f.point_id, factor: f.factors[0], period: f.period, from: new Date(f.window_from), to: new Date(f.window_to) });
    for (const k of keys) {
      if (await insertReview(ctx.trx, { ...k, decision: "rejected", reason: `线索确认：${p.reason}`, reviewerId: ctx.actor.id, findingId: f.id })) {
        rejected++;
        changed.push(k);
      }
    }
  }
  await audit(ctx, {
    action: p.decision === "confirm" ? "finding.confirm" : "finding.dismiss", entityType: "qc_finding", entityId: f.id,
    data: { rule: f.rule, pointId: f.point_id, reason: p.reason, rejectData: p.rejectData, rejected },
  });
  if (changed.length) await dischargeReviser(ctx, changed, { cause: "finding", reason: `线索确认：${p.reason}`, byId: ctx.actor.id });
  return { finding, rejected };
}
