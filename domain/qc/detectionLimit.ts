/**
 * @module Detector: values hugging the detection limit. Reported values that sit at or just above the method
 * detection limit (检出限) — or below it — nearly all the time suggest values set to look clean rather than
 * measured. Rule: within the window, at least `minShare` of at least `minCount` normal values are ≤ DL × (1 +
 * margin). Serious from 95%.
 */
import { hours, num, pct, factorZh, type Finding } from "./finding";
import { isNormalMeasurement, withValues, type QcSample } from "./sample";

/** Settings. */
export interface DetectionLimitOptions {
  detectionLimit: number;
  /** Values ≤ DL × (1 + margin) count as hugging. */
  margin: number;
  minShare: number;
  minCount: number;
}

/** Defaults: within 20% above the DL, 80% of at least 12 values. */
export const DEFAULT_DETECTION_LIMIT = { margin: 0.2, minShare: 0.8, minCount: 12 } as const;

/**
 * A finding when the window's values hug the detection limit, else none.
 * @example detectDetectionLimit("w21003", series, { detectionLimit: 0.025, ...DEFAULT_DETECTION_LIMIT })
 */
export function detectDetectionLimit(factor: string, series: readonly QcSample[], o: DetectionLimitOptions): Finding[] {
  if (!(o.detectionLimit > 0)) return [];
  const values = withValues(series).filter(isNormalMeasurement);
  if (values.length < o.minCount) return [];
  const ceiling = o.detectionLimit * (1 + o.margin);
  const hugging = values.filter((s) => s.value <= ceiling + 1e-12).length;
  const share = hugging / values.length;
  if (share < o.minShare) return [];
  const from = values[0].t, to = values[values.length - 1].t;
  return [{
    rule: "detection_limit",
    factors: [factor],
    from,
    to,
    severity: share >= 0.95 ? "serious" : "warning",
    numbers: { detectionLimit: o.detectionLimit, ceiling, values: values.length, hugging, share, hours: hours(from, to) },
    summary: `${factorZh(factor)} ${values.length} 个值中 ${hugging} 个（${pct(share)}）不高于检出限 ${num(o.detectionLimit)} 的 ${num(1 + o.margin)} 倍（${num(ceiling)}）`,
  }];
}
