/**
 * @module Ecological-flow (生态流量) compliance, reference §8 and project decision 8: a day complies when its daily
 * mean flow ≥ the target; 保证率 = complying days ÷ evaluated days, judged against 90% (setting). Warning levels
 * (setting): yellow below 100% of target, red below 80%. Days without data are not evaluated.
 */
import { atLeast } from "../standards/gb3838";
import { groupByPeriod } from "./aggregate";

/** One flow reading at a local (Asia/Shanghai) ISO time, m³/s. */
export interface FlowReading {
  /** Local ISO time, e.g. "2024-05-01T08:00". */
  time: string;
  /** Flow, m³/s. */
  flow: number;
}

/** One day's mean flow. */
export interface DailyFlow {
  /** "YYYY-MM-DD". */
  date: string;
  /** Daily mean flow, m³/s. */
  mean: number;
}

/** Warning level of a day. */
export type FlowWarning = "none" | "yellow" | "red";

/** Settings of ecological-flow evaluation. */
export interface EcoFlowSettings {
  /** Required guarantee rate, 0–1. */
  guaranteeTarget: number;
  /** Yellow when flow ÷ target is below this. */
  yellowBelow: number;
  /** Red when flow ÷ target is below this. */
  redBelow: number;
}

/** Project decision 8. */
export const DEFAULT_ECO_FLOW_SETTINGS: EcoFlowSettings = { guaranteeTarget: 0.9, yellowBelow: 1.0, redBelow: 0.8 };

/** Daily arithmetic means of flow readings, in date order. */
export function dailyMeanFlows(readings: readonly FlowReading[]): DailyFlow[] {
  return [...groupByPeriod(readings, "day")]
    .map(([date, rs]) => ({ date, mean: rs.reduce((s, r) => s + r.flow, 0) / rs.length }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Warning level of a daily mean against its target.
 * @example flowWarning(8, 10) // "yellow" — 80% is not below 80%
 */
export function flowWarning(mean: number, target: number, s: EcoFlowSettings = DEFAULT_ECO_FLOW_SETTINGS): FlowWarning {
  if (!atLeast(mean, target * s.redBelow)) return "red";
  if (!atLeast(mean, target * s.yellowBelow)) return "yellow";
  return "none";
}

/** One evaluated day. */
export interface EcoFlowDay extends DailyFlow {
  /** Target flow that day, m³/s. */
  target: number;
  /** mean ≥ target. */
  complies: boolean;
  /** Warning level. */
  warning: FlowWarning;
}

/** Result over a period. */
export interface EcoFlowResult {
  /** Days with data. */
  evaluatedDays: number;
  /** Days whose mean ≥ target. */
  complyingDays: number;
  /** complying ÷ evaluated; null when no day has data. */
  guaranteeRate: number | null;
  /** guaranteeRate ≥ the required rate; null when no day has data. */
  meetsGuarantee: boolean | null;
  /** Each day. */
  days: EcoFlowDay[];
}

/**
 * Evaluates daily mean flows against a target (a number, or per date for seasonal targets such as 敏感期).
 * @example ecoFlowCompliance([{ date: "2024-05-01", mean: 12 }], 10).guaranteeRate // 1
 */
export function ecoFlowCompliance(
  days: readonly DailyFlow[],
  target: number | ((date: string) => number),
  s: EcoFlowSettings = DEFAULT_ECO_FLOW_SETTINGS,
): EcoFlowResult {
  const targetOf = typeof target === "number" ? () => target : target;
  const out: EcoFlowDay[] = days.map((d) => {
    const t = targetOf(d.date);
    if (!(t > 0)) throw new RangeError(`${d.date}: target flow must be positive, got ${t}`);
    return { ...d, target: t, complies: atLeast(d.mean, t), warning: flowWarning(d.mean, t, s) };
  });
  const complyingDays = out.filter((d) => d.complies).length;
  const guaranteeRate = out.length ? complyingDays / out.length : null;
  return {
    evaluatedDays: out.length,
    complyingDays,
    guaranteeRate,
    meetsGuarantee: guaranteeRate === null ? null : atLeast(guaranteeRate, s.guaranteeTarget),
    days: out,
  };
}
