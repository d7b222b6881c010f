import { describe, expect, it } from "vitest";
import { drinkingIntakeRate, surfaceWaterRate, type IndicatorPoint } from "./compute";

const point = (id: string, targetClass: 2 | 3 | 4 | null): IndicatorPoint => ({ id, code: id.toUpperCase(), name: id, body: "river", targetClass });

describe("surfaceWaterRate", () => {
  it("classes the mean of monthly means against each target (NH3-N: III ≤ 1.0, IV ≤ 1.5 mg/L)", () => {
    // a: NH3-N months 0.8 and 1.4 → annual 1.1 → class IV; target III → not attained.
    // b: NH3-N months 0.8 and 1.4 → class IV; target IV → attained. c: no target class, left out. d: no data.
    const r = surfaceWaterRate([point("a", 3), point("b", 4), point("c", null), point("d", 3)], [
      { pointId: "a", month: "2022-01", means: { w21003: 0.8 } },
      { pointId: "a", month: "2022-02", means: { w21003: 1.4 } },
      { pointId: "b", month: "2022-01", means: { w21003: 0.8 } },
      { pointId: "b", month: "2022-02", means: { w21003: 1.4 } },
      { pointId: "c", month: "2022-01", means: { w21003: 5 } },
    ]);
    expect(r.sections.map((s) => [s.pointId, s.class, s.attained, s.months])).toEqual([["a", 4, false, 2], ["b", 4, true, 2]]);
    expect(r.value).toBe(50);
  });
  it("is null without any assessed section", () => expect(surfaceWaterRate([point("a", 3)], []).value).toBeNull());
});

describe("drinkingIntakeRate", () => {
  it("counts months equally without volumes, and by volume when measured (TP river class III 0.2 mg/L)", () => {
    const months = [
      { pointId: "a", month: "2022-01", means: { w21011: 0.1 } },
      { pointId: "a", month: "2022-02", means: { w21011: 0.3 } },
      { pointId: "b", month: "2022-01", means: { w21011: 0.05 } },
    ];
    const equal = drinkingIntakeRate([point("a", 2), point("b", 2)], months);
    expect(equal.weighted).toBe(false);
    expect(equal.value).toBeCloseTo((2 / 3) * 100, 10);
    expect(equal.months.find((m) => m.month === "2022-02")!.failures).toEqual(["w21011"]);
    // 300 + 100 compliant of 300 + 100 + 600 → 40%.
    const byVolume = drinkingIntakeRate([point("a", 2), point("b", 2)], months.map((m, i) => ({ ...m, volume: [300, 600, 100][i] })));
    expect(byVolume.weighted).toBe(true);
    expect(byVolume.value).toBeCloseTo(40, 10);
  });
});
