import { describe, expect, it } from "vitest";
import { ROUTINE_CODES, classifyPeriod, classifySample, type Sample } from "./sectionClass";
import type { WaterBody } from "../standards/gb3838";

describe("routine item set", () => {
  it("is the 21 items of Table 1 minus 水温, 总氮, 粪大肠菌群", () => {
    expect(ROUTINE_CODES).toHaveLength(21);
    for (const c of ["w01010", "w21001", "w02003"]) expect(ROUTINE_CODES).not.toContain(c);
  });
});

describe("classifySample", () => {
  // [what, sample, body, class, perFactor, separate]
  const cases: [string, Sample, WaterBody, number | null, Record<string, number>, Record<string, number>][] = [
    ["DO 4.8 (Ⅳ: <5, ≥3) and NH3-N 1.2 (Ⅳ: >1.0, ≤1.5)", { w01009: 4.8, w21003: 1.2 }, "river", 4,
      { w01009: 4, w21003: 4 }, {}],
    ["worst item decides: TP 0.41 ⇒ 劣Ⅴ", { w01009: 8, w21003: 0.1, w21011: 0.41 }, "river", 6,
      { w01009: 1, w21003: 1, w21011: 6 }, {}],
    ["TP 0.06 in a river is Ⅱ", { w21011: 0.06 }, "river", 2, { w21011: 2 }, {}],
    ["TP 0.06 in a lake is Ⅳ", { w21011: 0.06 }, "lake", 4, { w21011: 4 }, {}],
    ["river TN has no standard: neither classed nor reported", { w21003: 0.4, w21001: 5 }, "river", 2, { w21003: 2 }, {}],
    ["lake TN 1.6 (Ⅴ) is reported separately, not in the class", { w21003: 0.4, w21001: 1.6 }, "lake", 2,
      { w21003: 2 }, { w21001: 5 }],
    ["fecal coliform 30000 (Ⅴ) separate; water temperature ignored", { w21003: 0.1, w02003: 30000, w01010: 31 }, "river", 1,
      { w21003: 1 }, { w02003: 5 }],
    ["dissolved-Hg alias w20142 counts as 汞", { w20142: 0.0002 }, "river", 4, { w20111: 4 }, {}],
    ["pH 9.2 ⇒ 劣Ⅴ", { w01001: 9.2, w21003: 0.1 }, "river", 6, { w01001: 6, w21003: 1 }, {}],
    ["no routine item ⇒ null", { w01010: 20, w21022: 40 }, "river", null, {}, {}],
  ];
  it.each(cases)("%s", (_what, sample, body, cls, perFactor, separate) => {
    const r = classifySample(sample, { body });
    expect(r.class).toBe(cls);
    expect(r.perFactor).toEqual(perFactor);
    expect(r.separate).toEqual(separate);
  });

  it("lake TN can be put into the class by setting", () => {
    const r = classifySample({ w21003: 0.4, w21001: 1.6 }, { body: "lake", lakeTotalNitrogenInClass: true });
    expect(r.class).toBe(5);
    expect(r.perFactor).toEqual({ w21003: 2, w21001: 5 });
  });

  it("main pollutants only when worse than Ⅲ", () => {
    expect(classifySample({ w01019: 6, w21003: 1.0 }, { body: "river" }).mainPollutants).toEqual([]);
    expect(classifySample({ w01019: 6.1 }, { body: "river" }).mainPollutants.map((p) => p.code)).toEqual(["w01019"]);
  });

  it("rejects an item given under both codes", () => {
    expect(() => classifySample({ w20111: 0.0001, w20142: 0.0001 }, { body: "river" })).toThrow(/twice/);
  });
});

describe("classifyPeriod", () => {
  it("classes the mean, not the worst sample: NH3-N 0.5, 0.5, 2.0 → mean 1.0 → Ⅲ", () => {
    const r = classifyPeriod([{ w21003: 0.5 }, { w21003: 0.5 }, { w21003: 2.0 }], { body: "river" });
    expect(r.class).toBe(3);
    expect(r.means.w21003).toEqual({ mean: 1, count: 3, abnormal: false, belowDetectionLimit: false });
  });

  it("below-DL counts as ½·DL: TP <0.01 and 0.2 → (0.005 + 0.2) / 2 = 0.1025 → Ⅲ (river)", () => {
    const r = classifyPeriod([{ w21011: { value: 0.01, belowDetectionLimit: true } }, { w21011: 0.2 }], { body: "river" });
    expect(r.means.w21011.mean).toBeCloseTo(0.1025, 12);
    expect(r.class).toBe(3);
  });

  it("is abnormal when a classed factor had an abnormal value, not when only a separate one did", () => {
    const body = { body: "river" as const };
    expect(classifyPeriod([{ w21003: { value: 0.4, abnormal: true } }, { w21003: 0.5 }], body).abnormal).toBe(true);
    expect(classifyPeriod([{ w21003: 0.4, w01010: { value: 20, abnormal: true } }], body).abnormal).toBe(false);
  });
});
