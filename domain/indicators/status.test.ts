import { describe, expect, it } from "vitest";
import { indicatorStatus, relativeChange } from "./status";

describe("indicatorStatus", () => {
  it.each([
    // 取水水质达标率 ≥ 100%, amber within 5 points
    [{ comparison: "at_least", target: 100, amberMargin: 5 }, 100, null, "green", 100, 0],
    [{ comparison: "at_least", target: 100, amberMargin: 5 }, 95, null, "amber", 95, 5],
    [{ comparison: "at_least", target: 100, amberMargin: 5 }, 94.9, null, "red", 94.9, 5.1],
    [{ comparison: "at_least", target: 100, amberMargin: 0 }, 99.9, null, "red", 99.9, 0.1],
    // 化学需氧量 ≤ 20 mg/L
    [{ comparison: "at_most", target: 20, amberMargin: 2 }, 18, null, "green", 18, 0],
    [{ comparison: "at_most", target: 20, amberMargin: 2 }, 21.5, null, "amber", 21.5, 1.5],
    [{ comparison: "at_most", target: 20, amberMargin: 2 }, 23, null, "red", 23, 3],
    // 万元工业增加值用水量较2020年下降2%: baseline 25.0 m³/万元; 24.5 is −2.0% (met), 24.75 is −1% (amber within 1 point), 25.5 is +2% (red)
    [{ comparison: "decrease", target: 2, amberMargin: 1 }, 24.5, 25, "green", 2, 0],
    [{ comparison: "decrease", target: 2, amberMargin: 1 }, 24.75, 25, "amber", 1, 1],
    [{ comparison: "decrease", target: 2, amberMargin: 1 }, 25.5, 25, "red", -2, 4],
    // 城镇污水集中收集率较2020年提高5%: 63 against 60 is +5%
    [{ comparison: "increase", target: 5, amberMargin: 0 }, 63, 60, "green", 5, 0],
  ] as const)("%o with %d (baseline %s) is %s", (t, value, baseline, light, achieved, shortfall) => {
    expect(indicatorStatus(t, value, baseline)).toEqual({ light, achieved, shortfall });
  });

  it("has no light without a value or a baseline for a relative target", () => {
    expect(indicatorStatus({ comparison: "at_least", target: 100, amberMargin: 0 }, null).light).toBe("none");
    expect(indicatorStatus({ comparison: "decrease", target: 2, amberMargin: 0 }, 24, null).light).toBe("none");
    expect(relativeChange("decrease", 1, 0)).toBeNull();
  });
});
