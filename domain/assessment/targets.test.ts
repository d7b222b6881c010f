import { describe, expect, it } from "vitest";
import { attainment, attainmentRate, factorsOverTarget } from "./targets";
import type { WaterClass } from "../standards/gb3838";

describe("attainment of the target class", () => {
  const cases: [WaterClass, WaterClass, boolean, number][] = [
    [3, 3, true, 0], [1, 2, true, 0], [4, 3, false, 1], [6, 4, false, 2], [6, 5, false, 1],
  ];
  it.each(cases)("class %s vs target %s → %s (gap %s)", (actual, target, attained, gap) => {
    expect(attainment(actual, target)).toEqual({ attained, gap });
  });

  it("rejects a 劣Ⅴ target", () => expect(() => attainment(3, 6)).toThrow(RangeError));

  it("lists items worse than the target", () => {
    expect(factorsOverTarget({ w21003: 4, w01019: 3, w21011: 5 }, 3)).toEqual(["w21003", "w21011"]);
  });

  it("达标率 over sections", () => {
    expect(attainmentRate([{ actual: 3, target: 3 }, { actual: 5, target: 4 }, { actual: 2, target: 3 }, { actual: 4, target: 3 }])).toBe(0.5);
    expect(attainmentRate([])).toBeNull();
  });
});
