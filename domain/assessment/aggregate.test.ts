import { describe, expect, it } from "vitest";
import {
  asPeriodSample, groupByPeriod, isAbnormalFlag, loadValue, meanSample, meanValue, periodKey, periodMean, type Reading,
} from "./aggregate";

const lt = (dl: number): Reading => ({ value: dl, belowDetectionLimit: true });

describe("periodMean", () => {
  // [what, readings, mean, abnormal, all below DL]
  const cases: [string, (number | Reading)[], number, boolean, boolean][] = [
    ["plain mean", [1, 2, 3], 2, false, false],
    ["<DL counts as ½·DL: (0.4 + 0.01) / 2", [0.4, lt(0.02)], 0.205, false, false],
    ["all <DL: mean ½·DL, marker kept", [lt(0.02), lt(0.02)], 0.01, false, true],
    ["one abnormal value makes the period abnormal", [1, { value: 3, abnormal: true }], 2, true, false],
  ];
  it.each(cases)("%s", (_what, readings, mean, abnormal, below) => {
    const r = periodMean(readings)!;
    expect(r.mean).toBeCloseTo(mean, 12);
    expect(r).toMatchObject({ count: readings.length, abnormal, belowDetectionLimit: below });
  });

  it("no readings ⇒ null", () => expect(periodMean([])).toBeNull());
});

describe("below-DL values", () => {
  it("½·DL for means, 0 for loads", () => {
    expect(meanValue(lt(0.04))).toBe(0.02);
    expect(loadValue(lt(0.04))).toBe(0);
    expect(loadValue(0.3)).toBe(0.3);
  });
});

describe("stacking periods (day → month)", () => {
  it("does not halve an all-<DL mean twice", () => {
    // day 1: both <0.02 → 0.01 (<DL); day 2: 0.03 → month (0.01 + 0.03) / 2 = 0.02
    const d1 = asPeriodSample(meanSample([{ w21011: lt(0.02) }, { w21011: lt(0.02) }]));
    const d2 = asPeriodSample(meanSample([{ w21011: 0.03 }]));
    const month = meanSample([d1, d2]);
    expect(month.w21011.mean).toBeCloseTo(0.02, 12);
    expect(month.w21011.belowDetectionLimit).toBe(false);
    // all days <DL: the month stays <DL at ½·DL
    expect(meanSample([d1, d1]).w21011).toMatchObject({ mean: 0.01, belowDetectionLimit: true });
  });

  it("carries the abnormal marker up", () => {
    const d1 = asPeriodSample(meanSample([{ w21003: { value: 0.5, abnormal: true } }, { w21003: 0.7 }]));
    expect(meanSample([d1, { w21003: 0.2 }]).w21003.abnormal).toBe(true);
  });
});

describe("periods", () => {
  it.each([
    ["2024-05-01T08:00", "day", "2024-05-01"], ["2024-05-01T08:00", "month", "2024-05"], ["2024-12-31", "year", "2024"],
  ] as const)("periodKey(%s, %s) → %s", (t, p, k) => expect(periodKey(t, p)).toBe(k));

  it("rejects a time without a date", () => expect(() => periodKey("08:00", "day")).toThrow(RangeError));

  it("groups by month in first-seen order", () => {
    const g = groupByPeriod([{ time: "2024-02-01" }, { time: "2024-01-31" }, { time: "2024-02-29" }], "month");
    expect([...g].map(([k, v]) => [k, v.length])).toEqual([["2024-02", 2], ["2024-01", 1]]);
  });

  it("HJ 212 flags other than N are abnormal", () => {
    expect(["N", "F", "M", "S", "D", "C", "T", "B"].filter(isAbnormalFlag)).toEqual(["F", "M", "S", "D", "C", "T", "B"]);
  });
});
