/**
 * @module Stores what the detectors found at a point: a finding that touches an open one of the same rule and
 * factors widens it (the evidence keeps growing while the pattern lasts), a finding inside a window someone already
 * decided on is not raised again, anything else is new. New findings are audited as the system.
 */
import type { ReadingPeriod } from "../db/schema";
import { audit, type CommandContext } from "../context";
import type { Finding } from "../../domain/qc/finding";
import { extendFinding, insertFinding, nearbyFindings } from "../repositories/finding.repository";

/** What the detectors found at one point in one period's series. */
export interface FindingRecorderProps {
  pointId: string;
  unitId: string | null;
  period: ReadingPeriod;
  findings: Finding[];
  /** Windows this close count as touching. */
  slackMs: number;
}

const sameFactors = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Stores the findings; returns how many were new and how many widened an open one. */
export async function findingRecorder(ctx: CommandContext, p: FindingRecorderProps): Promise<{ created: number; extended: number }> {
  let created = 0, extended = 0;
  for (const f of p.findings) {
    const from = new Date(f.from), to = new Date(f.to);
    const near = (await nearbyFindings(ctx.trx, { rule: f.rule, pointId: p.pointId, period: p.period, from, to, slackMs: p.slackMs }))
      .filter((x) => sameFactors(x.factors, f.factors));
    const decided = near.find((x) => x.status !== "open" && new Date(x.window_from) <= from && new Date(x.window_to) >= to);
    if (decided) continue;
    const open = near.find((x) => x.status === "open");
    if (open) {
      const wf = new Date(Math.min(new Date(open.window_from).getTime(), f.from));
      const wt = new Date(Math.max(new Date(open.window_to).getTime(), f.to));
      const severity = open.severity === "serious" || f.severity === "serious" ? "serious" : "warning";
      const changed = wf.getTime() !== new Date(open.window_from).getTime() || wt.getTime() !== new Date(open.window_to).getTime() || open.summary !== f.summary;
      if (changed) {
        await extendFinding(ctx.trx, open.id, { from: wf, to: wt, severity, numbers: f.numbers, summary: f.summary });
        extended++;
      }
      continue;
    }
    const row = await insertFinding(ctx.trx, { rule: f.rule, pointId: p.pointId, factors: f.factors, period: p.period, from, to, severity: f.severity, numbers: f.numbers, summary: f.summary });
    await audit(ctx, {
      action: "finding.detect", entityType: "qc_finding", entityId: row.id, unitId: p.unitId,
      data: { rule: f.rule, pointId: p.pointId, factors: f.factors, period: p.period, from: from.toISOString(), to: to.toISOString(), summary: f.summary },
    });
    created++;
  }
  return { created, extended };
}
