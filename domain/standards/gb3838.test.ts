import { describe, expect, it } from "vitest";
import { TABLE1, TABLE2, TABLE3, classIIILimit, classLabel, classLimits, classOfValue, type WaterBody } from "./gb3838";
import { FACTORS } from "./factors";

describe("GB 3838 Table 1 data", () => {
  it("has the 24 items once each, all in the factor catalogue, numbered 1–24", () => {
    expect(TABLE1).toHaveLength(24);
    expect(new Set(TABLE1.map((i) => i.code)).size).toBe(24);
    expect(TABLE1.map((i) => i.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const i of TABLE1) expect(FACTORS[i.code], i.code).toBeDefined();
  });

  it("limits never get stricter from Ⅰ to Ⅴ (DO: never higher)", () => {
    for (const body of ["river", "lake"] as WaterBody[]) {
      for (const { code, rule } of TABLE1) {
        const l = classLimits(code, body);
        if (!l) continue;
        for (let k = 1; k < 5; k++) {
          if (rule.kind === "min") expect(l[k], code).toBeLessThanOrEqual(l[k - 1]);
          else expect(l[k], code).toBeGreaterThanOrEqual(l[k - 1]);
        }
      }
    }
  });

  it("Table 2 and the listed Table 3 values", () => {
    expect(TABLE2).toEqual({ w21038: 250, w21022: 250, w21007: 10, w20125: 0.3, w20124: 0.1 });
    expect(TABLE3.map((i) => [i.key, i.limit])).toContainEqual(["Tl", 0.0001]);
    expect(TABLE3).toHaveLength(10);
  });
});

describe("classOfValue", () => {
  // [code, value, body, expected class (6 = 劣Ⅴ) or null]
  const cases: [string, number, WaterBody, number | null][] = [
    // NH3-N 0.15 / 0.5 / 1.0 / 1.5 / 2.0 — a value at a limit belongs to that (better) class
    ["w21003", 0.15, "river", 1], ["w21003", 0.16, "river", 2], ["w21003", 0.5, "river", 2],
    ["w21003", 1.0, "river", 3], ["w21003", 1.2, "river", 4], ["w21003", 1.5, "river", 4],
    ["w21003", 2.0, "river", 5], ["w21003", 2.01, "river", 6],
    // TP: rivers 0.02/0.1/0.2/0.3/0.4, lakes 0.01/0.025/0.05/0.1/0.2
    ["w21011", 0.02, "river", 1], ["w21011", 0.05, "river", 2], ["w21011", 0.2, "river", 3], ["w21011", 0.41, "river", 6],
    ["w21011", 0.01, "lake", 1], ["w21011", 0.05, "lake", 3], ["w21011", 0.051, "lake", 4], ["w21011", 0.2, "lake", 5],
    ["w21011", 0.21, "lake", 6],
    // (0.1 + 0.2 + 0.3) / 3 = 0.20000000000000004 in floating point: still exactly the Ⅲ limit
    ["w21011", (0.1 + 0.2 + 0.3) / 3, "river", 3],
    // TN: lakes only; rivers have no standard
    ["w21001", 1.0, "lake", 3], ["w21001", 2.1, "lake", 6], ["w21001", 5, "river", null],
    // DO is "≥": 7.5 / 6 / 5 / 3 / 2, at the bound belongs to the class
    ["w01009", 7.5, "river", 1], ["w01009", 7.49, "river", 2], ["w01009", 6, "river", 2], ["w01009", 5.99, "river", 3],
    ["w01009", 5, "river", 3], ["w01009", 4.8, "river", 4], ["w01009", 3, "river", 4], ["w01009", 2, "river", 5],
    ["w01009", 1.99, "river", 6],
    // pH: 6–9 inclusive for every class, outside ⇒ 劣Ⅴ
    ["w01001", 6, "river", 1], ["w01001", 9, "lake", 1], ["w01001", 7.2, "river", 1], ["w01001", 5.99, "river", 6],
    ["w01001", 9.01, "river", 6],
    // shared limits: the best class wins (COD Ⅰ=Ⅱ=15, Cu Ⅱ–Ⅴ=1.0, CN Ⅲ–Ⅴ=0.2)
    ["w01018", 15, "river", 1], ["w01018", 15.1, "river", 3], ["w01018", 40, "river", 5], ["w01018", 40.5, "river", 6],
    ["w20122", 0.01, "river", 1], ["w20122", 1.0, "river", 2], ["w20122", 1.01, "river", 6],
    ["w21016", 0.2, "river", 3], ["w21016", 0.25, "river", 6],
    // Hg 0.00005/0.00005/0.0001/0.001/0.001 (mg/L)
    ["w20111", 0.00005, "river", 1], ["w20111", 0.0001, "river", 3], ["w20111", 0.0002, "river", 4],
    ["w02003", 10000, "river", 3], ["w02003", 40001, "river", 6],
    // water temperature has no class; non-Table-1 codes neither
    ["w01010", 25, "river", null], ["w21022", 100, "river", null],
  ];
  it.each(cases)("%s = %s (%s) → %s", (code, value, body, expected) => {
    expect(classOfValue(code, value, body)).toBe(expected);
  });

  it("rejects non-finite values", () => {
    expect(() => classOfValue("w21003", Number.NaN, "river")).toThrow(RangeError);
  });
});

describe("classIIILimit and classLabel", () => {
  const limits: [string, WaterBody, number | null][] = [
    ["w21003", "river", 1.0], ["w21011", "river", 0.2], ["w21011", "lake", 0.05], ["w21001", "lake", 1.0],
    ["w21001", "river", null], ["w01009", "river", null], ["w01001", "river", null], ["w01010", "river", null],
  ];
  it.each(limits)("%s (%s) → %s", (code, body, expected) => expect(classIIILimit(code, body)).toBe(expected));

  it.each([[1, "Ⅰ类"], [3, "Ⅲ类"], [5, "Ⅴ类"], [6, "劣Ⅴ类"]] as const)("%s → %s", (c, label) => {
    expect(classLabel(c)).toBe(label);
  });
});
