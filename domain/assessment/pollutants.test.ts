import { describe, expect, it } from "vitest";
import { exceedanceMultiple } from "./pollutants";
import { classifySample, type Sample } from "./sectionClass";
import type { WaterBody } from "../standards/gb3838";

describe("exceedanceMultiple = (C − C_Ⅲ) / C_Ⅲ", () => {
  const cases: [string, number, WaterBody, number | null][] = [
    ["w21003", 3.0, "river", 2.0], // (3.0 − 1.0) / 1.0
    ["w21003", 1.0, "river", 0], // at the Ⅲ limit: not exceeding
    ["w21003", 0.5, "river", 0],
    ["w01019", 13.2, "river", 1.2], // (13.2 − 6) / 6
    ["w21011", 0.15, "lake", 2.0], // (0.15 − 0.05) / 0.05 — lake Ⅲ limit
    ["w21011", 0.15, "river", 0], // river Ⅲ limit 0.2
    ["w01018", 50, "river", 1.5], // (50 − 20) / 20
    ["w21001", 2.5, "lake", 1.5], // (2.5 − 1.0) / 1.0
    ["w21001", 2.5, "river", null], // rivers: no TN standard
    ["w02003", 25000, "river", 1.5], // (25000 − 10000) / 10000
    ["w01009", 1, "river", null], // DO: no multiple
    ["w01001", 10, "river", null], // pH: no multiple
    ["w01010", 30, "river", null], // water temperature
  ];
  it.each(cases)("%s = %s (%s) → %s", (code, value, body, expected) => {
    const m = exceedanceMultiple(code, value, body);
    if (expected === null) expect(m).toBeNull();
    else expect(m).toBeCloseTo(expected, 12);
  });
});

describe("main pollutants", () => {
  // [what, sample, expected [code, class, multiple]]
  const cases: [string, Sample, [string, number, number | null][]][] = [
    [
      // NH3-N 2.5 劣Ⅴ (1.5); CODMn 14 Ⅴ ((14−6)/6 = 1.333); BOD5 7 Ⅴ ((7−4)/4 = 0.75); TP 0.32 Ⅴ ((0.32−0.2)/0.2 = 0.6)
      // dropped as 4th; COD 25 Ⅳ (0.25) lower class
      "worst class first, ties by multiple, at most three",
      { w21003: 2.5, w01019: 14, w01017: 7, w21011: 0.32, w01018: 25 },
      [["w21003", 6, 1.5], ["w01019", 5, 8 / 6], ["w01017", 5, 0.75]],
    ],
    [
      // Cd 0.006 is only Ⅴ ((0.006−0.005)/0.005 = 0.2) but heavy metals exceeding go first;
      // then CODMn 20 劣Ⅴ (2.333), NH3-N 3.0 劣Ⅴ (2.0); TP 0.5 劣Ⅴ (1.5) drops out
      "an exceeding heavy metal is listed first",
      { w20115: 0.006, w21003: 3.0, w01019: 20, w21011: 0.5 },
      [["w20115", 5, 0.2], ["w01019", 6, 14 / 6], ["w21003", 6, 2.0]],
    ],
    [
      // CN 0.25 劣Ⅴ ((0.25−0.2)/0.2 = 0.25), Pb 0.06 Ⅴ ((0.06−0.05)/0.05 = 0.2) first; then TP 0.5 劣Ⅴ (1.5) before
      // NH3-N 1.8 Ⅴ
      "cyanide and lead first, cyanide (worse class) before lead",
      { w21016: 0.25, w20120: 0.06, w21003: 1.8, w21011: 0.5 },
      [["w21016", 6, 0.25], ["w20120", 5, 0.2], ["w21011", 6, 1.5]],
    ],
    [
      // pH 9.5 and DO 1.5 are 劣Ⅴ without a multiple: after NH3-N (1.5) in the same class, in Table 1 order
      "pH and DO have null multiples and follow items of their class that have one",
      { w01001: 9.5, w01009: 1.5, w21003: 2.5, w01019: 12 },
      [["w21003", 6, 1.5], ["w01001", 6, null], ["w01009", 6, null]],
    ],
    ["a Ⅲ-class section has none", { w01019: 6, w21003: 1.0, w21011: 0.2 }, []],
    ["copper exactly 1.0 is Ⅱ and not a pollutant; the section is Ⅳ by NH3-N", { w20122: 1.0, w21003: 1.2 },
      [["w21003", 4, 0.2]]],
  ];
  it.each(cases)("%s", (_what, sample, expected) => {
    const got = classifySample(sample, { body: "river" }).mainPollutants;
    expect(got.map((p) => [p.code, p.class])).toEqual(expected.map(([c, k]) => [c, k]));
    got.forEach((p, i) => {
      const m = expected[i][2];
      if (m === null) expect(p.multiple).toBeNull();
      else expect(p.multiple).toBeCloseTo(m, 12);
    });
  });
});
