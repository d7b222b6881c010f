/**
 * @module Runs the anti-fabrication detectors (domain/qc) over the last days of every point with data, hourly, and
 * stores their findings (`findingRecorder`: growing patterns widen one finding, decided windows stay decided). The
 * detectors read the online series (hour values, else minute, else real-time), the point's lab samples, its flow
 * and its other factors; thresholds come from the point's QC settings (instrument detection limit, range and
 * resolution) and, for marking next to exceedances, from its permit or target-class limits.
 */
import type { Kysely } from "kysely";
import type { DB, PointRow, ReadingPeriod, ReadingRow } from "../db/schema";
import type { CommandContext } from "../context";
import type { Finding } from "../../domain/qc/finding";
import type { QcSample } from "../../domain/qc/sample";
import { effectiveQcConfig } from "../../domain/qc/config";
import { DEFAULT_DETECTION_LIMIT, detectDetectionLimit } from "../../domain/qc/detectionLimit";
import { DEFAULT_NARROW_VARIATION, detectNarrowVariation } from "../../domain/qc/narrowVariation";
import { DEFAULT_JITTER, detectJitter } from "../../domain/qc/jitter";
import { DEFAULT_GAPS, detectGaps } from "../../domain/qc/gaps";
import { detectLabDisagreement, labToleranceOf } from "../../domain/qc/labComparison";
import { DEFAULT_MARKING, detectFalseMarking } from "../../domain/qc/falseMarking";
import { DEFAULT_CROSS_FACTOR, detectCrossFactor } from "../../domain/qc/crossFactor";
import { thresholdLimit } from "../../domain/alarms/conditions";
import { rawSeries } from "../repositories/reading.repository";
import { qcSettingsFor } from "../repositories/qcSettings.repository";
import { listLimits } from "../repositories/point.repository";
import { listDevices } from "../repositories/device.repository";
import { pointsWithData, seriesInWindow } from "../repositories/finding.repository";
import { findingRecorder } from "../commands/findingRecorder";
import type { ScheduledTask, TaskContext } from "./task";

/** How far back the detectors look. */
export const DETECTOR_WINDOW_MS = 3 * 86_400_000;

const ONLINE: ReadingPeriod[] = ["hour", "min", "rt"];

const toSamples = (rows: ReadingRow[]): QcSample[] =>
  rows.map((r) => ({ t: new Date(r.t).getTime(), value: r.value, flag: r.flag, receivedAt: new Date(r.received_at).getTime() }));

/** The smallest step between distinct values (an analyser's resolution when none is configured). */
export function inferResolution(values: readonly number[]): number | null {
  const distinct = [...new Set(values.map((v) => Math.round(v * 1e6) / 1e6))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < distinct.length; i++) step = Math.min(step, distinct[i] - distinct[i - 1]);
  return Number.isFinite(step) && step > 0 ? Math.round(step * 1e6) / 1e6 : null;
}

/** Everything the detectors find at one point in [from, to), by the period of the series they read. */
export async function detectAtPoint(db: Kysely<DB>, p: PointRow, from: Date, to: Date): Promise<Map<ReadingPeriod, Finding[]>> {
  const out = new Map<ReadingPeriod, Finding[]>();
  const series = await seriesInWindow(db, p.id, from, to);
  const period = ONLINE.find((x) => series.some((s) => s.period === x && s.n >= 2));
  const labFactors = series.filter((s) => s.period === "sample").map((s) => s.factor);
  if (!period) return out;
  const factors = series.filter((s) => s.period === period).map((s) => s.factor);
  const byFactor: Record<string, QcSample[]> = {};
  for (const f of factors) byFactor[f] = toSamples(await rawSeries(db, { pointId: p.id, factor: f, period, from, to }));
  const settings = await qcSettingsFor(db, factors.map((factor) => ({ pointId: p.id, factor })));
  const permit: Record<string, { upper: number | null; lower: number | null }> = {};
  for (const l of await listLimits(db, p.id)) permit[l.factor] = { upper: l.upper_limit, lower: l.lower_limit };
  const limits = { body: (p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river") as "lake" | "river", targetClass: p.target_class, permit };
  const expected = new Set((await listDevices(db, { pointId: p.id })).filter((d) => d.enabled).flatMap((d) => d.expected_factors));
  const findings: Finding[] = [];
  for (const factor of factors) {
    const s = byFactor[factor];
    const c = effectiveQcConfig(factor, period, settings.get(`${p.id}|${factor}`)).instrument;
    if (c.detectionLimit) findings.push(...detectDetectionLimit(factor, s, { detectionLimit: c.detectionLimit, ...DEFAULT_DETECTION_LIMIT }));
    if (c.rangeMin !== null && c.rangeMax !== null) findings.push(...detectNarrowVariation(factor, s, { rangeMin: c.rangeMin, rangeMax: c.rangeMax, ...DEFAULT_NARROW_VARIATION }));
    const resolution = c.resolution ?? inferResolution(s.flatMap((x) => (x.value === null ? [] : [x.value])));
    if (resolution) findings.push(...detectJitter(factor, s, { jitter: 2 * resolution, ...DEFAULT_JITTER }));
    findings.push(...detectGaps(factor, s, { ...DEFAULT_GAPS, windowEnd: expected.has(factor) ? to.getTime() : null }));
    if (labFactors.includes(factor)) {
      const lab = toSamples(await rawSeries(db, { pointId: p.id, factor, period: "sample", from, to }));
      findings.push(...detectLabDisagreement(factor, s, lab, { ...labToleranceOf(factor), toleranceMinutes: 60 }));
    }
    if (factor !== "w00000") {
      const basis = p.kind === "outlet" ? "permit" : "target_class";
      const limit = thresholdLimit({ kind: "threshold", factor, basis, multiple: 1, above: null, below: null }, limits);
      const others = Object.fromEntries(Object.entries(byFactor).filter(([f]) => f !== factor && f !== "w00000"));
      findings.push(...detectFalseMarking({ factor, series: s, flow: byFactor.w00000, others, limit }, DEFAULT_MARKING));
    }
  }
  findings.push(...detectCrossFactor(byFactor, DEFAULT_CROSS_FACTOR));
  out.set(period, findings);
  return out;
}

/** Detectors over the last three days, every hour. */
export class DetectorTask implements ScheduledTask {
  readonly name = "qc-detectors";
  readonly periodMs = 60 * 60_000;
  async run({ db, now }: TaskContext) {
    const from = new Date(now.getTime() - DETECTOR_WINDOW_MS);
    let created = 0, extended = 0, points = 0;
    for (const id of await pointsWithData(db, from)) {
      const p = await db.selectFrom("monitoring_points").selectAll().where("id", "=", id).executeTakeFirst();
      if (!p) continue;
      points++;
      const found = await detectAtPoint(db, p, from, now);
      await db.transaction().execute(async (trx) => {
        const ctx: CommandContext = { trx, actor: { id: null, name: "系统（数据质控）" }, ip: null, correlationId: `detectors-${now.getTime()}` };
        for (const [period, findings] of found) {
          const r = await findingRecorder(ctx, { pointId: p.id, unitId: p.unit_id, period, findings, slackMs: 2 * 3_600_000 });
          created += r.created;
          extended += r.extended;
        }
      });
    }
    return { points, created, extended };
  }
}
