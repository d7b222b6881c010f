/**
 * @module How QC settings, flagged readings and findings appear in API responses.
 */
import type { FindingRow } from "../../db/tables/quality";
import type { FlaggedReading } from "../../repositories/readingQc.repository";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A current reading with its flags and review state. */
export function presentFlagged(r: FlaggedReading) {
  return {
    t: r.t.toISOString(), version: r.version, value: r.value, flag: r.flag, source: r.source, belowDl: r.belowDl,
    qcFlag: r.qcFlag, tests: r.tests, reviewState: r.reviewState, decision: r.decision, reviewReason: r.reviewReason,
  };
}

/** A finding (with its point when listed). */
export function presentFinding(f: FindingRow & { point_code?: string; point_name?: string; point_kind?: string }) {
  return {
    id: f.id,
    rule: f.rule,
    pointId: f.point_id,
    pointCode: f.point_code ?? null,
    pointName: f.point_name ?? null,
    pointKind: f.point_kind ?? null,
    factors: f.factors,
    period: f.period,
    from: iso(f.window_from)!,
    to: iso(f.window_to)!,
    severity: f.severity,
    numbers: f.numbers,
    summary: f.summary,
    status: f.status,
    detectedAt: iso(f.detected_at)!,
    updatedAt: iso(f.updated_at)!,
    decidedBy: f.decided_by,
    decidedAt: iso(f.decided_at),
    decisionReason: f.decision_reason,
  };
}
