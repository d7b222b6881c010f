/**
 * @module Alarm rule conditions and their evaluation on a point's latest values. A threshold reads its limit from the
 * point's permit (point_limits: upper/lower, project decision 9), from the GB 3838-2002 Table 1 limit of the point's
 * target class (DO is a lower bound, pH the 6–9 range), or from a fixed value; `multiple` scales an upper limit (1.5
 * = alarm at 1.5 × the limit). A no-data condition holds when a factor (or any factor) has sent nothing for N
 * minutes. Conditions combine with AND or OR. A condition that cannot be judged — no limit, no value, or a latest
 * value that is marked (M, C, F, D …), failed QC or was rejected in review — is unknown: an unknown rule neither
 * raises nor clears an alarm (maintenance does not end an exceedance, and a bad value does not start one).
 */
import { classLimits, table1Item, type WaterBody } from "../standards/gb3838";

/** Where a threshold's limit comes from. */
export type ThresholdBasis = "permit" | "target_class" | "value";

/** A value over (or under) a limit. */
export interface ThresholdCondition {
  kind: "threshold";
  factor: string;
  basis: ThresholdBasis;
  /** Scales an upper limit of the permit or the target class (1: at the limit). */
  multiple: number;
  /** Fixed bounds (basis "value"). */
  above: number | null;
  below: number | null;
}

/** Nothing received for a while. */
export interface NoDataCondition {
  kind: "no_data";
  /** One factor, or null for "no value of any factor". */
  factor: string | null;
  minutes: number;
}

/** One condition. */
export type Condition = ThresholdCondition | NoDataCondition;

/** The conditions of a rule and how they combine. */
export interface RuleLogic {
  combinator: "and" | "or";
  conditions: Condition[];
}

/** What a threshold needs to know about its point. */
export interface PointLimits {
  body: WaterBody;
  targetClass: number | null;
  /** Permit limits by factor. */
  permit: Readonly<Record<string, { upper: number | null; lower: number | null }>>;
}

/** A limit as applied: a value must stay within [lower, upper]. */
export interface AppliedLimit {
  upper: number | null;
  lower: number | null;
}

/** The latest value of a factor. */
export interface LatestValue {
  t: number;
  /** Null when the latest value cannot be used (no number, marked, failed QC, rejected). */
  value: number | null;
}

/** What the rule is judged on. */
export interface Snapshot {
  /** Latest value by factor. */
  latest: Readonly<Record<string, LatestValue | undefined>>;
  /** Data time of the newest value by factor, and under "*" of any factor (null: never). */
  lastDataAt: Readonly<Record<string, number | null | undefined>>;
  /** Keys of `lastDataAt` that stand for "never sent" (the caller put the point's creation there). */
  never?: ReadonlySet<string>;
  now: number;
}

/** How one condition came out. */
export interface ConditionResult {
  /** Null: cannot be judged. */
  met: boolean | null;
  /** The value judged (thresholds), or the minutes without data. */
  value: number | null;
  limit: AppliedLimit | null;
  /** Data time of the value judged. */
  t: number | null;
  /** No-data conditions: the series never sent anything. */
  never?: boolean;
}

/**
 * The limit a threshold applies at a point, or null when there is none.
 * @example thresholdLimit({ kind: "threshold", factor: "w21003", basis: "target_class", multiple: 1, above: null, below: null }, { body: "river", targetClass: 3, permit: {} }) // { upper: 1, lower: null }
 */
export function thresholdLimit(c: ThresholdCondition, p: PointLimits): AppliedLimit | null {
  if (c.basis === "value") return c.above === null && c.below === null ? null : { upper: c.above, lower: c.below };
  if (c.basis === "permit") {
    const l = p.permit[c.factor];
    if (!l || (l.upper === null && l.lower === null)) return null;
    return { upper: l.upper === null ? null : l.upper * c.multiple, lower: l.lower };
  }
  if (p.targetClass === null || p.targetClass < 1 || p.targetClass > 5) return null;
  const rule = table1Item(c.factor)?.rule;
  if (rule?.kind === "range") return { upper: rule.max, lower: rule.min };
  if (rule?.kind === "min") return { upper: null, lower: rule.limits[p.targetClass - 1] };
  const limits = classLimits(c.factor, p.body);
  return limits ? { upper: limits[p.targetClass - 1] * c.multiple, lower: null } : null;
}

/** Whether a value breaks a limit (equal to the limit is within it: project decision 2). */
export function breaks(value: number, l: AppliedLimit): boolean {
  return (l.upper !== null && value > l.upper + Math.abs(l.upper) * 1e-9) || (l.lower !== null && value < l.lower - Math.abs(l.lower) * 1e-9);
}

/** Evaluates one condition. */
export function evaluateCondition(c: Condition, p: PointLimits, s: Snapshot): ConditionResult {
  if (c.kind === "no_data") {
    const key = c.factor ?? "*";
    const last = s.lastDataAt[key] ?? null;
    const minutes = last === null ? null : (s.now - last) / 60_000;
    return { met: minutes === null || minutes >= c.minutes, value: minutes, limit: null, t: last, ...(s.never?.has(key) || last === null ? { never: true } : {}) };
  }
  const limit = thresholdLimit(c, p);
  const v = s.latest[c.factor];
  if (!limit || !v || v.value === null) return { met: null, value: v?.value ?? null, limit, t: v?.t ?? null };
  return { met: breaks(v.value, limit), value: v.value, limit, t: v.t };
}

/** The outcome of a rule. */
export interface RuleOutcome {
  /** Null: cannot be judged (AND with an unknown and no false condition; OR with an unknown and no true one). */
  met: boolean | null;
  /** Newest data time among the values judged (null when only no-data conditions were judged). */
  dataTime: number | null;
  results: ConditionResult[];
}

/**
 * Evaluates a rule's conditions.
 * @example evaluateRule({ combinator: "and", conditions }, limits, snapshot).met
 */
export function evaluateRule(logic: RuleLogic, p: PointLimits, s: Snapshot): RuleOutcome {
  const results = logic.conditions.map((c) => evaluateCondition(c, p, s));
  const ms = results.map((r) => r.met);
  let met: boolean | null;
  if (!ms.length) met = false;
  else if (logic.combinator === "and") met = ms.includes(false) ? false : ms.includes(null) ? null : true;
  else met = ms.includes(true) ? true : ms.includes(null) ? null : false;
  const times = logic.conditions.flatMap((c, i) => (c.kind === "threshold" && results[i].t !== null ? [results[i].t!] : []));
  return { met, dataTime: times.length ? Math.max(...times) : null, results };
}

/** The factors whose latest values a rule reads. */
export function factorsOf(logic: RuleLogic): string[] {
  return [...new Set(logic.conditions.flatMap((c) => (c.kind === "threshold" ? [c.factor] : c.factor ? [c.factor] : [])))];
}

/** Whether a rule has a no-data condition (it must be evaluated on time, not only on data). */
export function hasNoData(logic: RuleLogic): boolean {
  return logic.conditions.some((c) => c.kind === "no_data");
}
