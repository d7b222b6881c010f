import { describe, expect, it } from "vitest";
import { CLASS_STATUS, gradeByShares, riverGrade } from "./riverGrade";
import type { WaterClass } from "../standards/gb3838";
import type { Sample } from "./sectionClass";

/** n sections: `good` of class Ⅲ, `worst` of 劣Ⅴ, the rest Ⅳ. */
const mix = (n: number, good: number, worst: number): WaterClass[] =>
  Array.from({ length: n }, (_, i) => (i < good ? 3 : i < good + worst ? 6 : 4));

describe("gradeByShares (断面水质类别比例法)", () => {
  // [sections, Ⅰ–Ⅲ, 劣Ⅴ, status]
  const cases: [number, number, number, string][] = [
    [10, 10, 0, "优"],
    [10, 9, 0, "优"], // exactly 90%
    [10, 8, 0, "良好"], // 80%
    [20, 15, 0, "良好"], // exactly 75%
    [7, 6, 0, "良好"], // 85.7%
    [20, 14, 3, "轻度污染"], // 70%, 劣Ⅴ 15%
    [20, 14, 4, "中度污染"], // 劣Ⅴ exactly 20%
    [10, 7, 3, "中度污染"], // 劣Ⅴ 30%
    [20, 10, 7, "中度污染"], // 劣Ⅴ 35%
    [20, 10, 8, "重度污染"], // 劣Ⅴ exactly 40%
    [5, 3, 2, "重度污染"], // Ⅰ–Ⅲ 60%, 劣Ⅴ 40%: project decision 1 (the "< 60%" reading would say 中度)
    [5, 0, 5, "重度污染"],
  ];
  it.each(cases)("%s sections, %s Ⅰ–Ⅲ, %s 劣Ⅴ → %s", (n, good, worst, status) => {
    expect(gradeByShares(mix(n, good, worst))).toBe(status);
  });

  it("needs at least one section", () => expect(() => gradeByShares([])).toThrow(RangeError));
});

describe("status of a single class", () => {
  it.each([[1, "优"], [2, "优"], [3, "良好"], [4, "轻度污染"], [5, "中度污染"], [6, "重度污染"]] as const)(
    "%s → %s", (c, s) => expect(CLASS_STATUS[c]).toBe(s));
});

describe("riverGrade", () => {
  it("fewer than 5 sections: class of the item means", () => {
    // NH3-N 0.8, 1.2, 1.6 → mean 1.2 → Ⅳ ⇒ 轻度污染; 2 of 3 sections worse than Ⅲ
    const r = riverGrade([{ w21003: 0.8 }, { w21003: 1.2 }, { w21003: 1.6 }], { body: "river" });
    expect(r).toMatchObject({ method: "mean", class: 4, status: "轻度污染", sectionClasses: [3, 4, 5] });
    expect(r.mainPollutants).toEqual([{ code: "w21003", rate: 2 / 3 }]);
  });

  it("5 sections: class shares, main pollutants by 断面超标率", () => {
    // NH3-N 0.1 Ⅰ, 0.4 Ⅱ, 0.9 Ⅲ, 1.8 Ⅴ, 2.5 劣Ⅴ; TP 0.3 (Ⅳ) in the last: Ⅰ–Ⅲ 60%, 劣Ⅴ 20% ⇒ 中度污染
    // 超标率: NH3-N 2/5 = 0.4, TP 1/5 = 0.2
    const sections: Sample[] = [{ w21003: 0.1 }, { w21003: 0.4 }, { w21003: 0.9 }, { w21003: 1.8 }, { w21003: 2.5, w21011: 0.3 }];
    const r = riverGrade(sections, { body: "river" });
    expect(r).toMatchObject({ method: "share", status: "中度污染", class: null, shares: { total: 5, good: 3, inferiorV: 1 } });
    expect(r.mainPollutants).toEqual([{ code: "w21003", rate: 0.4 }, { code: "w21011", rate: 0.2 }]);
  });

  it("no main pollutants for a 良好 river", () => {
    const sections = [{ w21003: 0.1 }, { w21003: 0.4 }, { w21003: 0.9 }, { w21003: 0.9 }, { w21003: 1.8 }];
    expect(riverGrade(sections, { body: "river" })).toMatchObject({ status: "良好", mainPollutants: [] });
  });

  it("rejects a section with nothing to class", () => {
    expect(() => riverGrade([{ w01010: 20 }], { body: "river" })).toThrow(RangeError);
  });
});
