/**
 * @module The monthly assessment of one point from its stored readings, by domain/assessment: each sample classed
 * on its own, the month classed from the means (办法 §2.1: mean first, then class), main pollutants and
 * attainment of the point's target class. Below-DL values enter as ½·DL and non-N flags mark values abnormal
 * (aggregate.ts), so nothing here re-implements a rule.
 */
import type { PointRow, ReadingRow } from "../../db/schema";
import type { Reading, ReadingSample } from "../../../domain/assessment/aggregate";
import { classifyPeriod, type SectionResult } from "../../../domain/assessment/sectionClass";
import { attainment, factorsOverTarget } from "../../../domain/assessment/targets";
import type { WaterBody, WaterClass } from "../../../domain/standards/gb3838";
import { SHANGHAI_OFFSET_MINUTES, formatShanghai } from "../../../domain/labImport/time";
import type { AssessmentClassView, MonthAssessment } from "../../../domain/monitoring/views";

/** The UTC instants bounding a Beijing-time month "YYYY-MM". */
export function monthWindow(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number);
  const shift = SHANGHAI_OFFSET_MINUTES * 60_000;
  return { from: new Date(Date.UTC(y, m - 1, 1) - shift), to: new Date(Date.UTC(y, m, 1) - shift) };
}

/** The assessment body type of a point: reservoirs are judged with lake limits, unknown types as rivers. */
export function bodyOf(p: PointRow): WaterBody {
  return p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river";
}

const asReading = (r: ReadingRow): Reading => ({
  value: r.value!,
  belowDetectionLimit: r.below_dl,
  abnormal: r.flag !== null && r.flag !== "N",
});

const view = (r: SectionResult, target: WaterClass | null): AssessmentClassView => ({
  class: r.class,
  perFactor: r.perFactor,
  separate: r.separate,
  mainPollutants: r.mainPollutants,
  attainment: r.class !== null && target !== null ? attainment(r.class, target) : null,
  factorsOverTarget: target !== null ? factorsOverTarget(r.perFactor, target) : [],
});

/** Assesses the month's readings (current versions, one period) of a point. */
export function assessMonth(point: PointRow, month: string, rows: readonly ReadingRow[]): MonthAssessment {
  const body = bodyOf(point);
  const target = (point.target_class ?? null) as WaterClass | null;
  const byTime = new Map<number, Record<string, Reading>>();
  for (const r of rows) {
    // A value invalidated by a correction (null) takes no part.
    if (r.value === null) continue;
    const key = new Date(r.t).getTime();
    let s = byTime.get(key);
    if (!s) byTime.set(key, (s = {}));
    s[r.factor] = asReading(r);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const samples = times.map((t) => byTime.get(t)! as ReadingSample);
  const monthly = samples.length ? classifyPeriod(samples, { body }) : null;
  return {
    pointId: point.id,
    month,
    body,
    targetClass: target,
    samples: times.map((t, i) => {
      const r = classifyPeriod([samples[i]], { body });
      return { t: new Date(t).toISOString(), localTime: formatShanghai(new Date(t)), values: samples[i], ...view(r, target) };
    }),
    monthly: monthly ? { ...view(monthly, target), means: monthly.means, abnormal: monthly.abnormal, sampleCount: samples.length } : null,
  };
}
