/**
 * @module Traffic light of an indicator against its target (issue 3 §4; the plan's 工作目标 such as 「城市集中式饮用水
 * 水源地取水水质达标率达到100%」 and 「万元工业增加值用水量较2020年下降2%」): green when the target is met, amber when
 * short of it by no more than the indicator's margin, red beyond that, none without a value (or without the
 * baseline a relative target needs). Relative targets compare the change against the baseline year in percent:
 * 下降率 = (基准年值 − 当年值) ÷ 基准年值 × 100%.
 */

/** How the value is compared with the target. */
export type Comparison = "at_least" | "at_most" | "decrease" | "increase";

/** The light. */
export type Light = "green" | "amber" | "red" | "none";

/** An indicator's target. */
export interface IndicatorTarget {
  comparison: Comparison;
  /** The value to reach, or for decrease/increase the change in percent. */
  target: number;
  /** How far short still shows amber (same unit as `target`); 0 = no amber band. */
  amberMargin: number;
}

/** The light with the figure it was judged on. */
export interface IndicatorStatus {
  light: Light;
  /** The value judged: the value itself, or the change in percent for relative targets; null with no light. */
  achieved: number | null;
  /** How far from the target (positive = short of it), in the target's unit; null with no light. */
  shortfall: number | null;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The change of `value` against `baseline` in percent, in the direction of the target (a decrease is positive for
 * "decrease"); null when the baseline is missing or zero.
 * @example relativeChange("decrease", 9.8, 10) // 2
 */
export function relativeChange(comparison: "decrease" | "increase", value: number, baseline: number | null): number | null {
  if (baseline === null || baseline === 0) return null;
  const change = ((value - baseline) / baseline) * 100;
  return round(comparison === "decrease" ? -change : change);
}

/**
 * Judges a value.
 * @example indicatorStatus({ comparison: "at_least", target: 100, amberMargin: 5 }, 97) // { light: "amber", achieved: 97, shortfall: 3 }
 */
export function indicatorStatus(t: IndicatorTarget, value: number | null, baseline: number | null = null): IndicatorStatus {
  if (value === null) return { light: "none", achieved: null, shortfall: null };
  let achieved = value;
  if (t.comparison === "decrease" || t.comparison === "increase") {
    const change = relativeChange(t.comparison, value, baseline);
    if (change === null) return { light: "none", achieved: null, shortfall: null };
    achieved = change;
  }
  // Shortfall in the target's direction: for at_most, being above the target is being short of it.
  const shortfall = round(t.comparison === "at_most" ? achieved - t.target : t.target - achieved);
  const light: Light = shortfall <= 0 ? "green" : shortfall <= t.amberMargin ? "amber" : "red";
  return { light, achieved, shortfall: Math.max(0, shortfall) };
}
