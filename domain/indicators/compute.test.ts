import { describe, expect, it } from "vitest";
import { surfaceWaterRate, type IndicatorPoint } from "./compute";

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
