/**
 * @module Indicator definitions read from a plan's goals (issue 3 §4). Three are known by name and obtained from
 * data (reference §9, GB 3838-2002 with 《地表水环境质量评价办法（试行）》):
 * - 地表水考核目标: sections attaining their target class ÷ sections assessed (annual means of monthly means),
 *   from the monitoring readings;
 * - 城市集中式饮用水水源地取水水质达标率: 达标水源取水量 ÷ 总取水量 × 100%, from the drinking-water intakes;
 * - 万元工业增加值用水量 (m³/万元) = 工业用水量 ÷ 工业增加值 (可比价), a decrease against the baseline year — from the
 *   enterprises' water use and value added once those are registered, entered with its source document until then.
 * Any other numeric target of the goals becomes an indicator whose values are entered.
 */
import type { Comparison } from "./status";

/** How the value is obtained. */
export type IndicatorMethod = "entered" | "surface_water" | "drinking_intake" | "industrial_water";

/** A definition to store. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: string;
  comparison: Comparison;
  target: number;
  targetYear: number;
  baselineYear: number | null;
  formula: string;
  method: IndicatorMethod;
  amberMargin: number;
  /** The goal sentence it came from. */
  goalText: string;
}

/** A goal as the parser gives it (domain/plan/types.ts Goal, without spans). */
export interface GoalInput {
  text: string;
  targets: { indicator: string; value: number; unit: string; comparison: string; baselineYear?: number }[];
}

/** Formulas shown beside the known indicators. */
export const FORMULAS: Readonly<Record<Exclude<IndicatorMethod, "entered">, string>> = {
  surface_water: "达到水质目标的考核断面数 ÷ 参与评价的考核断面数 × 100%（GB 3838-2002，按月均值的年均值评价）",
  drinking_intake: "达标水源取水量 ÷ 总取水量 × 100%（GB 3838-2002 表1 Ⅲ类及表2、表3 项目，全部评价项目达标为达标）",
  industrial_water: "工业用水量（m³）÷ 工业增加值（万元，可比价）；下降率 =（基准年值 − 当年值）÷ 基准年值 × 100%",
};

const COMPARISON: Record<string, Comparison | undefined> = { reach: "at_least", at_least: "at_least", at_most: "at_most", decrease: "decrease", increase: "increase" };

/**
 * The indicators of a plan's goals, in goal order; the three known ones once each.
 * @example indicatorsFromGoals([{ text: "城市集中式饮用水水源地取水水质达标率达到100%", targets: [{ indicator: "城市集中式饮用水水源地取水水质达标率", value: 100, unit: "%", comparison: "reach" }] }], 2022)[0].code // "drinking_intake"
 */
export function indicatorsFromGoals(goals: readonly GoalInput[], planYear: number): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  const has = (code: string) => out.some((d) => d.code === code);
  let n = 0;
  for (const g of goals) {
    if (/地表水/.test(g.text) && /考核目标|考核断面|达标/.test(g.text) && !has("surface_water") && !g.targets.some((t) => /地表水/.test(t.indicator) && t.unit !== "%")) {
      const t = g.targets.find((x) => /地表水|断面/.test(x.indicator));
      out.push({
        code: "surface_water", name: "地表水考核断面水质达标率", unit: "%", comparison: "at_least", target: t?.value ?? 100, targetYear: planYear,
        baselineYear: null, formula: FORMULAS.surface_water, method: "surface_water", amberMargin: 0, goalText: g.text,
      });
    }
    for (const t of g.targets) {
      const comparison = COMPARISON[t.comparison];
      if (!comparison) continue;
      if (/地表水|考核断面/.test(t.indicator) && has("surface_water")) continue;
      if (/饮用水/.test(t.indicator) && /达标率/.test(t.indicator) && !has("drinking_intake")) {
        out.push({
          code: "drinking_intake", name: t.indicator, unit: "%", comparison: "at_least", target: t.value, targetYear: planYear, baselineYear: null,
          formula: FORMULAS.drinking_intake, method: "drinking_intake", amberMargin: 0, goalText: g.text,
        });
        continue;
      }
      if (/万元工业增加值用水量/.test(t.indicator) && !has("industrial_water")) {
        out.push({
          code: "industrial_water", name: "万元工业增加值用水量", unit: "m³/万元", comparison, target: t.value, targetYear: planYear,
          baselineYear: t.baselineYear ?? null, formula: FORMULAS.industrial_water, method: "industrial_water", amberMargin: 0, goalText: g.text,
        });
        continue;
      }
      n++;
      const relative = comparison === "decrease" || comparison === "increase";
      out.push({
        code: `goal_${n}`, name: t.indicator, unit: relative ? "" : t.unit, comparison, target: t.value, targetYear: planYear,
        baselineYear: relative ? t.baselineYear ?? null : null,
        formula: relative ? `较${t.baselineYear ?? "基准年"}年${comparison === "decrease" ? "下降" : "提高"}${t.value}${t.unit}` : `${t.indicator}（填报）`,
        method: "entered", amberMargin: 0, goalText: g.text,
      });
    }
  }
  // A relative target needs its baseline year; one written without it cannot be judged and is left out.
  return out.filter((d) => (d.comparison === "decrease" || d.comparison === "increase") === (d.baselineYear !== null));
}
