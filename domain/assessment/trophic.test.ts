import { describe, expect, it } from "vitest";
import { trophicGrade, trophicIndex } from "./trophic";

describe("TLI(Σ) weights", () => {
  it("W_j = r² / Σr² (Σr² = 1 + 0.7056 + 0.6724 + 0.6889 + 0.6889 = 3.7558)", () => {
    const { weights } = trophicIndex({ chla: 1, tp: 1, tn: 1, sd: 1, codMn: 1 });
    expect(weights.chla).toBeCloseTo(0.2663, 4);
    expect(weights.tp).toBeCloseTo(0.1879, 4);
    expect(weights.tn).toBeCloseTo(0.1790, 4);
    expect(weights.sd).toBeCloseTo(0.1834, 4);
    expect(weights.codMn).toBeCloseTo(0.1834, 4);
  });

  it("renormalises over the parameters present: one parameter has weight 1", () => {
    // TLI(chla) at 10 mg/m³ = 10 (2.5 + 1.086 · 2.302585) = 50.006
    const r = trophicIndex({ chla: 10 });
    expect(r.weights).toEqual({ chla: 1 });
    expect(r.tli).toBeCloseTo(50.006, 3);
  });
});

describe("TLI(Σ) of sample lakes (worked by hand)", () => {
  // Lake A: chla 10 mg/m³, TP 0.05, TN 1.0, SD 1.0 m, CODMn 4
  //   TLI(chla) = 10(2.5 + 1.086·ln10 = 2.500607) = 50.006
  //   TLI(TP)   = 10(9.436 + 1.624·ln0.05 = −4.865069) = 45.709
  //   TLI(TN)   = 10(5.453 + 0) = 54.530;  TLI(SD) = 10(5.118 − 0) = 51.180
  //   TLI(COD)  = 10(0.109 + 2.661·ln4 = 3.688929) = 37.979
  //   Σ r²·TLI = 50.006 + 0.7056·45.709 + 0.6724·54.530 + 0.6889·51.180 + 0.6889·37.979
  //            = 50.006 + 32.252 + 36.666 + 35.258 + 26.164 = 180.346;  ÷ 3.7558 = 48.018 ⇒ 中营养
  // Lake B: chla 30, TP 0.15, TN 2.0, SD 0.4, CODMn 8
  //   parts 61.937, 63.551, 66.272, 68.956 (SD: 5.118 − 1.94·ln0.4 = 6.895604), 56.424
  //   Σ = 61.937 + 44.842 + 44.561 + 47.504 + 38.871 = 237.714;  ÷ 3.7558 = 63.292 ⇒ 中度富营养
  const cases = [
    ["A", { chla: 10, tp: 0.05, tn: 1, sd: 1, codMn: 4 }, 48.018, "中营养"],
    ["B", { chla: 30, tp: 0.15, tn: 2, sd: 0.4, codMn: 8 }, 63.292, "中度富营养"],
  ] as const;
  it.each(cases)("lake %s", (_n, input, tli, grade) => {
    const r = trophicIndex(input);
    expect(r.tli).toBeCloseTo(tli, 2);
    expect(r.grade).toBe(grade);
  });

  it("rejects an empty input and non-positive values", () => {
    expect(() => trophicIndex({})).toThrow(RangeError);
    expect(() => trophicIndex({ sd: 0 })).toThrow(RangeError);
  });
});

describe("trophicGrade (upper bounds inclusive)", () => {
  it.each([
    [29.99, "贫营养"], [30, "中营养"], [50, "中营养"], [50.01, "轻度富营养"], [60, "轻度富营养"],
    [60.01, "中度富营养"], [70, "中度富营养"], [70.01, "重度富营养"],
  ] as const)("%s → %s", (tli, grade) => expect(trophicGrade(tli)).toBe(grade));
});
