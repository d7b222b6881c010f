import { describe, expect, it } from "vitest";
import { gradeResult, transparencyBounds, type BlackOdorGrade, type Indicator } from "./thresholds";

describe("gradeResult — the guide's table; a value on a bound belongs to the better grade", () => {
  const cases: [Indicator, number, BlackOdorGrade][] = [
    // 透明度: 不黑臭 ≥ 25, 轻度 25～10, 重度 < 10 (cm)
    ["transparency", 30, "none"], ["transparency", 25, "none"], ["transparency", 24.9, "light"],
    ["transparency", 10, "light"], ["transparency", 9.9, "severe"], ["transparency", 0, "severe"],
    // 溶解氧: 不黑臭 ≥ 2.0, 轻度 0.2～2.0, 重度 < 0.2 (mg/L)
    ["dissolvedOxygen", 5, "none"], ["dissolvedOxygen", 2.0, "none"], ["dissolvedOxygen", 1.99, "light"],
    ["dissolvedOxygen", 0.2, "light"], ["dissolvedOxygen", 0.19, "severe"], ["dissolvedOxygen", 0, "severe"],
    // 氧化还原电位: 不黑臭 ≥ 50, 轻度 −200～50, 重度 < −200 (mV)
    ["orp", 120, "none"], ["orp", 50, "none"], ["orp", 49.9, "light"], ["orp", 0, "light"],
    ["orp", -200, "light"], ["orp", -200.1, "severe"],
    // 氨氮: 不黑臭 ≤ 8.0, 轻度 8.0～15, 重度 > 15 (mg/L)
    ["ammonia", 1, "none"], ["ammonia", 8.0, "none"], ["ammonia", 8.01, "light"],
    ["ammonia", 15, "light"], ["ammonia", 15.01, "severe"], ["ammonia", 40, "severe"],
  ];
  it.each(cases)("%s %s → %s", (i, v, g) => expect(gradeResult(i, v)).toBe(g));

  it("rejects a non-number", () => expect(() => gradeResult("orp", Number.NaN)).toThrow(RangeError));
});

describe("shallow water (< 25 cm): transparency against the depth — 重度 below 40% of it, 不黑臭 when seen to the bottom", () => {
  // [depth cm, transparency cm, grade, why]
  const cases: [number | undefined, number, BlackOdorGrade, string][] = [
    [20, 20, "none", "seen to the bottom"],
    [20, 19, "light", "below the depth"],
    [20, 8, "light", "exactly 40% of 20"],
    [20, 7.9, "severe", "below 40% of 20"],
    [15, 6, "light", "exactly 40% of 15 (0.4 × 15 is 6.000…1 in floating point: the bound holds)"],
    [15, 5.9, "severe", "below 6"],
    [24.9, 24.9, "none", "just shallow: seen to the bottom"],
    [24.9, 9.96, "light", "40% of 24.9"],
    [25, 24, "light", "25 cm is not shallow: the table applies"],
    [25, 9.9, "severe", "the table's < 10"],
    [100, 25, "none", "deep water: the table"],
    [undefined, 12, "light", "no depth given: the table"],
  ];
  it.each(cases)("depth %s, SD %s → %s (%s)", (depth, sd, g) => expect(gradeResult("transparency", sd, depth)).toBe(g));

  it("the depth does not change other indicators", () => expect(gradeResult("ammonia", 8.0, 10)).toBe("none"));
  it("scales the bounds", () => expect(transparencyBounds(20)).toEqual({ direction: "min", light: 20, severe: 8 }));
  it("rejects a zero depth", () => expect(() => gradeResult("transparency", 5, 0)).toThrow(RangeError));
});
