import { describe, expect, it } from "vitest";
import { dailyMeanFlows, ecoFlowCompliance, flowWarning } from "./ecoFlow";

const days = (means: number[]) => means.map((mean, i) => ({ date: `2024-05-${String(i + 1).padStart(2, "0")}`, mean }));

describe("flowWarning (yellow < 100%, red < 80% of target)", () => {
  it.each([
    [12, "none"], [10, "none"], [9.99, "yellow"], [8, "yellow"], [7.99, "red"], [0, "red"],
  ] as const)("mean %s vs target 10 → %s", (mean, w) => expect(flowWarning(mean, 10)).toBe(w));

  it("bands are settings", () => {
    expect(flowWarning(9, 10, { guaranteeTarget: 0.9, yellowBelow: 0.95, redBelow: 0.9 })).toBe("yellow");
    expect(flowWarning(8.9, 10, { guaranteeTarget: 0.9, yellowBelow: 0.95, redBelow: 0.9 })).toBe("red");
  });
});

describe("ecoFlowCompliance", () => {
  it("guarantee rate = complying days ÷ evaluated days", () => {
    // target 10: 12 ✔ 10 ✔ 9.9 ✗ 8 ✗ 7.9 ✗ 11 ✔ 10 ✔ 10 ✔ 15 ✔ 9 ✗ ⇒ 6 / 10 = 60% < 90%
    const r = ecoFlowCompliance(days([12, 10, 9.9, 8, 7.9, 11, 10, 10, 15, 9]), 10);
    expect(r).toMatchObject({ evaluatedDays: 10, complyingDays: 6, guaranteeRate: 0.6, meetsGuarantee: false });
    expect(r.days.map((d) => d.warning)).toEqual(
      ["none", "none", "yellow", "yellow", "red", "none", "none", "none", "none", "yellow"]);
  });

  it("27 of 30 days is exactly 90% and meets the guarantee", () => {
    const r = ecoFlowCompliance(days([...Array(27).fill(5), 4, 4, 4]), 5);
    expect(r).toMatchObject({ complyingDays: 27, guaranteeRate: 0.9, meetsGuarantee: true });
  });

  it("takes a target per date (e.g. a higher 敏感期 target from 05-03)", () => {
    const r = ecoFlowCompliance(days([12, 12, 12, 20]), (d) => (d >= "2024-05-03" ? 15 : 10));
    expect(r.complyingDays).toBe(3);
    expect(r.days[2]).toMatchObject({ target: 15, complies: false, warning: "yellow" });
  });

  it("no data ⇒ null rate", () => {
    expect(ecoFlowCompliance([], 10)).toMatchObject({ evaluatedDays: 0, guaranteeRate: null, meetsGuarantee: null });
  });

  it("rejects a non-positive target", () => expect(() => ecoFlowCompliance(days([1]), 0)).toThrow(RangeError));
});

describe("dailyMeanFlows", () => {
  it("averages each local day and sorts by date", () => {
    const r = dailyMeanFlows([
      { time: "2024-05-02T00:00", flow: 4 }, { time: "2024-05-01T08:00", flow: 10 },
      { time: "2024-05-01T20:00", flow: 14 }, { time: "2024-05-02T12:00", flow: 6 },
    ]);
    expect(r).toEqual([{ date: "2024-05-01", mean: 12 }, { date: "2024-05-02", mean: 5 }]);
  });
});
