import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../plan/parsePlan";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "../plan/zhongzhanUnits";
import { indicatorsFromGoals } from "./catalogue";

const seed = readFileSync(new URL("../../server/seed/zhongzhan-2022-water-plan.txt", import.meta.url), "utf8");

describe("indicatorsFromGoals", () => {
  it("reads the seed's three indicators: 地表水考核目标, 取水水质达标率 100%, 万元工业增加值用水量 −2% vs 2020", () => {
    const plan = parsePlan(seed, { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES });
    const defs = indicatorsFromGoals(plan.goals, 2022);
    expect(defs.map((d) => [d.code, d.comparison, d.target, d.targetYear, d.baselineYear, d.method])).toEqual([
      ["surface_water", "at_least", 100, 2022, null, "surface_water"],
      ["drinking_intake", "at_least", 100, 2022, null, "drinking_intake"],
      ["industrial_water", "decrease", 2, 2022, 2020, "industrial_water"],
    ]);
    expect(defs[1].name).toBe("城市集中式饮用水水源地取水水质达标率");
    expect(defs[2].goalText).toContain("万元工业增加值用水量较2020年下降2%");
  });

  it("turns other numeric targets into entered indicators", () => {
    const defs = indicatorsFromGoals([
      { text: "城镇生活污水集中收集率不低于70%", targets: [{ indicator: "城镇生活污水集中收集率", value: 70, unit: "%", comparison: "at_least" }] },
      { text: "化学需氧量排放总量较2022年下降3%", targets: [{ indicator: "化学需氧量排放总量", value: 3, unit: "%", comparison: "decrease", baselineYear: 2022 }] },
    ], 2023);
    expect(defs.map((d) => [d.code, d.name, d.comparison, d.target, d.baselineYear, d.method])).toEqual([
      ["goal_1", "城镇生活污水集中收集率", "at_least", 70, null, "entered"],
      ["goal_2", "化学需氧量排放总量", "decrease", 3, 2022, "entered"],
    ]);
  });
});
