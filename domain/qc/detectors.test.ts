import { describe, expect, it } from "vitest";
import { DEFAULT_DETECTION_LIMIT, detectDetectionLimit } from "./detectionLimit";
import { DEFAULT_NARROW_VARIATION, detectNarrowVariation } from "./narrowVariation";
import { DEFAULT_JITTER, detectJitter, lag1Autocorrelation } from "./jitter";
import { DEFAULT_GAPS, detectGaps } from "./gaps";
import { detectLabDisagreement, labToleranceOf } from "./labComparison";
import { DEFAULT_MARKING, detectFalseMarking, markRuns } from "./falseMarking";
import { DEFAULT_CROSS_FACTOR, detectCrossFactor } from "./crossFactor";
import type { QcSample } from "./sample";

const H = 3_600_000;
const MIN = 60_000;
const T0 = Date.parse("2024-05-01T00:00:00Z");
/** Hourly values from T0. */
const hourly = (values: (number | null)[], flag: string | null = "N"): QcSample[] => values.map((value, i) => ({ t: T0 + i * H, value, flag }));
/** Values every `stepMin` minutes. */
const every = (stepMin: number, values: number[], flag: string | null = "N"): QcSample[] => values.map((value, i) => ({ t: T0 + i * stepMin * MIN, value, flag }));
/** A deterministic pseudo-random sequence in [0, 1). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("detection-limit hugging (DL 0.025, ≤ 0.03 counts)", () => {
  const o = { detectionLimit: 0.025, ...DEFAULT_DETECTION_LIMIT };
  it.each([
    ["20 of 24 at 0.025–0.03", [...Array(20).fill(0.027), ...Array(4).fill(0.3)], { hugging: 20, share: 20 / 24, severity: "warning" }],
    ["24 of 24 (one below the DL)", [...Array(23).fill(0.03), 0.01], { hugging: 24, share: 1, severity: "serious" }],
  ] as const)("%s → finding", (_, values, expected) => {
    const f = detectDetectionLimit("w21003", hourly([...values]), o);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "detection_limit", factors: ["w21003"], from: T0, to: T0 + 23 * H, ...{ severity: expected.severity } });
    expect(f[0].numbers).toMatchObject({ values: 24, hugging: expected.hugging, ceiling: 0.03 });
    expect(f[0].numbers.share).toBeCloseTo(expected.share, 10);
    expect(f[0].summary).toContain("氨氮");
  });
  it.each([
    ["19 of 24 (79%)", [...Array(19).fill(0.027), ...Array(5).fill(0.3)]],
    ["just above 1.2 × DL", Array(24).fill(0.0301)],
    ["11 values only", Array(11).fill(0.025)],
  ])("%s → none", (_, values) => expect(detectDetectionLimit("w21003", hourly(values as number[]), o)).toEqual([]));
  it("marked values do not count", () => {
    const s = [...hourly(Array(12).fill(0.025), "M"), ...hourly(Array(12).fill(0.5)).map((x) => ({ ...x, t: x.t + 12 * H }))];
    expect(detectDetectionLimit("w21003", s, o)).toEqual([]);
  });
});

describe("narrow variation (range 0–100: band 2)", () => {
  const o = { rangeMin: 0, rangeMax: 100, ...DEFAULT_NARROW_VARIATION };
  it("30 h within 1.9 then real variation → one stretch of 29 h", () => {
    const held = Array.from({ length: 30 }, (_, i) => 40 + (i % 2 ? 1.9 : 0));
    const moving = Array.from({ length: 10 }, (_, i) => 30 + 5 * i);
    const f = detectNarrowVariation("w01018", hourly([...held, ...moving]), o);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ from: T0, to: T0 + 29 * H, severity: "warning" });
    expect(f[0].numbers).toMatchObject({ min: 40, max: 41.9, values: 30, hours: 29, band: 2 });
  });
  it("a spread of 2.1 (2.1%) is not narrow", () => {
    expect(detectNarrowVariation("w01018", hourly(Array.from({ length: 40 }, (_, i) => 40 + (i % 2 ? 2.1 : 0))), o)).toEqual([]);
  });
  it("23 h is too short; 48 h is serious", () => {
    expect(detectNarrowVariation("w01018", hourly([...Array(24).fill(40), 90]), o)).toEqual([]);
    expect(detectNarrowVariation("w01018", hourly(Array(49).fill(40)), o)[0].severity).toBe("serious");
  });
  it("a gap longer than 2 h splits the stretch", () => {
    const s = hourly(Array(40).fill(40)).filter((_, i) => i < 20 || i > 22);
    expect(detectNarrowVariation("w01018", s, o)).toEqual([]);
  });
  it("drift: every 24 h window inside the band is found, stretches do not overlap", () => {
    // slope 0.05 per hour: 24 h spread 1.2 < 2; after 40 h the spread reaches 2 → a new stretch starts
    const s = hourly(Array.from({ length: 100 }, (_, i) => 10 + 0.05 * i));
    const f = detectNarrowVariation("w01018", s, o);
    expect(f.map((x) => [(x.from - T0) / H, (x.to - T0) / H])).toEqual([[0, 40], [41, 81]]);
  });
});

describe("fixed value with jitter (jitter 0.2, 6-h blocks of 10-min values)", () => {
  const o = { jitter: 0.2, ...DEFAULT_JITTER };
  const r = rng(7);
  // 12 h of 12.3 dithered by −0.1/0/+0.1 at random, the exact value half of the time
  const dithered = Array.from({ length: 72 }, () => {
    const u = r();
    return u < 0.5 ? 12.3 : u < 0.75 ? 12.4 : 12.2;
  });
  it("dithered constant → one finding over both blocks", () => {
    const f = detectJitter("w01018", every(10, dithered), o);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "fixed_jitter", from: T0, to: T0 + 71 * 10 * MIN, severity: "serious" });
    expect(f[0].numbers).toMatchObject({ mode: 12.3, values: 72, blocks: 2, distinct: 3 });
    expect(Number(f[0].numbers.autocorr)).toBeLessThanOrEqual(0.2);
  });
  it("a smooth real signal in the same band is not jitter (autocorrelation high)", () => {
    const smooth = Array.from({ length: 72 }, (_, i) => Math.round((12.3 + 0.2 * Math.sin((2 * Math.PI * i) / 72)) * 10) / 10);
    expect(lag1Autocorrelation(smooth)).toBeGreaterThan(0.5);
    expect(detectJitter("w01018", every(10, smooth), o)).toEqual([]);
  });
  it("a constant is the flat line's case; a wider excursion or a rare mode are not jitter", () => {
    expect(detectJitter("w01018", every(10, Array(72).fill(12.3)), o)).toEqual([]);
    expect(detectJitter("w01018", every(10, dithered.map((v, i) => (i === 5 ? 12.6 : v))).slice(0, 36), o)).toEqual([]);
    const spread = Array.from({ length: 36 }, (_, i) => 12.1 + 0.05 * ((i * 7) % 9));
    expect(detectJitter("w01018", every(10, spread), o)).toEqual([]);
  });
});

describe("unexplained gaps (≥ 6 h)", () => {
  it.each([
    ["a 7-h gap between normal values", [[0, "N"], [1, "N"], [8, "N"]], 1],
    ["a 5-h gap", [[0, "N"], [5, "N"]], 0],
    ["a 7-h gap after a maintenance mark", [[0, "M"], [7, "N"]], 0],
    ["a 7-h gap before a fault mark", [[0, "N"], [7, "D"]], 0],
    ["two 8-h gaps", [[0, "N"], [8, "N"], [16, "N"]], 2],
  ] as const)("%s → %i", (_, pts, n) => {
    const s = pts.map(([h, flag]) => ({ t: T0 + h * H, value: 1, flag }));
    expect(detectGaps("w21003", s, DEFAULT_GAPS)).toHaveLength(n);
  });
  it("numbers, severity and an open gap up to now", () => {
    const s = [{ t: T0, value: 1, flag: "N" }, { t: T0 + 30 * H, value: 1, flag: "N" }];
    const f = detectGaps("w21003", s, { ...DEFAULT_GAPS, windowEnd: T0 + 37 * H });
    expect(f.map((x) => [x.severity, x.numbers.hours, x.numbers.open])).toEqual([["serious", 30, 0], ["warning", 7, 1]]);
  });
  it("a recorded explanation covering half the gap explains it", () => {
    const s = [{ t: T0, value: 1, flag: "N" }, { t: T0 + 10 * H, value: 1, flag: "N" }];
    expect(detectGaps("w21003", s, { ...DEFAULT_GAPS, explained: [{ from: T0 + 2 * H, to: T0 + 7 * H }] })).toHaveLength(0);
    expect(detectGaps("w21003", s, { ...DEFAULT_GAPS, explained: [{ from: T0 + 2 * H, to: T0 + 6 * H }] })).toHaveLength(1);
  });
});

describe("lab disagreement (NH3-N: 0.3 or 20%)", () => {
  const online = every(10, Array(13).fill(0).map((_, i) => 2 + 0.01 * i)); // 2.00 … 2.12 over 2 h
  it.each([
    // lab at T0+60 min: online within ±60 min is all 13 values, mean 2.06
    [2.0, 0, 0.06, 0.3], // diff 0.06 within 0.3
    [1.6, 1, 0.46, 0.32], // diff 0.46, allowed max(0.3, 0.32) = 0.32 → finding
    [2.5, 0, -0.44, 0.5], // diff −0.44, allowed 0.5 → none
    [3.0, 1, -0.94, 0.6], // diff −0.94 > 0.6 → finding
  ])("lab %s → %i finding(s)", (lab, n, diff, allowed) => {
    const f = detectLabDisagreement("w21003", online, [{ t: T0 + 60 * MIN, value: lab }], { ...labToleranceOf("w21003"), toleranceMinutes: 60 });
    expect(f).toHaveLength(n);
    if (f.length) {
      expect(f[0].numbers.online).toBeCloseTo(2.06, 10);
      expect(f[0].numbers.difference).toBeCloseTo(diff, 10);
      expect(f[0].numbers.allowed).toBeCloseTo(allowed, 10);
      expect(f[0]).toMatchObject({ from: T0, to: T0 + 2 * H });
    }
  });
  it("a lab value without online values near it is not compared; marked online values do not count", () => {
    const marked = online.map((s) => ({ ...s, flag: "M" }));
    expect(detectLabDisagreement("w21003", online, [{ t: T0 + 5 * H, value: 9 }], { ...labToleranceOf("w21003"), toleranceMinutes: 60 })).toEqual([]);
    expect(detectLabDisagreement("w21003", marked, [{ t: T0 + 60 * MIN, value: 9 }], { ...labToleranceOf("w21003"), toleranceMinutes: 60 })).toEqual([]);
  });
  it("3 in 10 is serious (more than twice the allowance)", () => {
    const f = detectLabDisagreement("w21003", online, [{ t: T0 + 60 * MIN, value: 0.5 }], { ...labToleranceOf("w21003"), toleranceMinutes: 60 });
    expect(f[0].severity).toBe("serious"); // diff 1.56 > 2 × 0.3
  });
});

describe("false marking", () => {
  // COD every 10 min for 6 h: normal 1 h, F for 3 h, normal again
  const flags = (pattern: string) => pattern.split("").map((c) => (c === "." ? "N" : c));
  const cod = (pattern: string, values?: number[]) =>
    flags(pattern).map((flag, i) => ({ t: T0 + i * 10 * MIN, value: values?.[i] ?? 40, flag }));
  const F3H = "......" + "F".repeat(19) + "......"; // 19 marked values = 3 h
  const flowOf = (v: number) => every(10, Array(31).fill(v));
  it("finds the mark runs", () => {
    expect(markRuns(cod(F3H), 2 * H).map((r) => [(r.from - T0) / MIN, (r.to - T0) / MIN, r.flags])).toEqual([[60, 240, ["F"]]]);
  });
  it.each([
    ["F while flow is 12 L/s", F3H, flowOf(12), {}, [["false_marking", "serious"]]],
    ["F while flow is 0.2 L/s (stopped indeed)", F3H, flowOf(0.2), {}, []],
    ["F while NH3-N keeps changing", F3H, undefined, { w21003: every(10, Array.from({ length: 31 }, (_, i) => 2 + 0.1 * (i % 3))) }, [["false_marking", "warning"]]],
    ["F while NH3-N is constant", F3H, undefined, { w21003: every(10, Array(31).fill(2)) }, []],
    ["F for 20 min only", "......FFF......", flowOf(12), {}, []],
    ["M for 3 h while discharging", F3H.replace(/F/g, "M"), flowOf(12), {}, [["false_marking", "warning"]]],
    ["M for 1 h while discharging (routine)", "......MMMMMMM......", flowOf(12), {}, []],
  ] as const)("%s", (_, pattern, flow, others, expected) => {
    const f = detectFalseMarking({ factor: "w01018", series: cod(pattern), flow, others }, DEFAULT_MARKING);
    expect(f.map((x) => [x.rule, x.severity])).toEqual(expected);
  });
  it("marks on values over the limit, or right after one", () => {
    const limit = { upper: 100, lower: null };
    const values = Array(31).fill(40);
    values[10] = 130; // a marked value over the limit
    const over = detectFalseMarking({ factor: "w01018", series: cod(F3H, values), limit }, DEFAULT_MARKING);
    expect(over.map((x) => [x.rule, x.severity, x.numbers.markedOver, x.numbers.maxMarked])).toEqual([["mark_exceedance", "serious", 1, 130]]);
    const before = Array(31).fill(40);
    before[5] = 120; // the last normal value before the run (10 min before it)
    const after = detectFalseMarking({ factor: "w01018", series: cod(F3H, before), limit }, DEFAULT_MARKING);
    expect(after.map((x) => [x.rule, x.severity, x.numbers.before, x.from])).toEqual([["mark_exceedance", "warning", 120, T0 + 50 * MIN]]);
    expect(detectFalseMarking({ factor: "w01018", series: cod(F3H), limit }, DEFAULT_MARKING)).toEqual([]);
  });
});

describe("cross-factor consistency", () => {
  const at = (values: number[]) => hourly(values);
  it("NH3-N above TN (beyond 5% + 0.05) at 2 consecutive hours → one finding", () => {
    // TN 2.0: NH3-N 2.0 ok, 2.15 = 2·1.05+0.05 ok (not above), 2.2 bad, 2.5 bad, 1.0 ok
    const f = detectCrossFactor({ w21003: at([2.0, 2.15, 2.2, 2.5, 1.0]), w21001: at([2, 2, 2, 2, 2]) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ factors: ["w21003", "w21001"], from: T0 + 2 * H, to: T0 + 3 * H, severity: "serious" });
    expect(f[0].numbers).toMatchObject({ check: "nh3_le_tn", times: 2, paired: 5, nh3: 2.5, tn: 2 });
  });
  it("COD/CODMn and COD/TOC outside their bands", () => {
    const f = detectCrossFactor({
      w01018: at([20, 20, 20, 60]),
      w01019: at([5, 25, 4, 5]), // ratios 4, 0.8 (bad), 5, 12 (bad; 2 h later: separate? no, within 2 h → same run)
      w01020: at([6, 6, 3, 6]), // ratios 3.3, 3.3, 6.7 (bad), 10 (bad)
    });
    expect(f.map((x) => [x.numbers.check, x.numbers.times, (x.from - T0) / H, (x.to - T0) / H])).toEqual([
      ["cod_codmn", 2, 1, 3], ["cod_toc", 2, 2, 3],
    ]);
  });
  it("pairs only values at the same time and only normal values", () => {
    const nh3 = at([3, 3]);
    const tn = hourly([1, 1]).map((s) => ({ ...s, t: s.t + 30 * MIN }));
    expect(detectCrossFactor({ w21003: nh3, w21001: tn })).toEqual([]);
    expect(detectCrossFactor({ w21003: hourly([3, 3], "M"), w21001: at([1, 1]) })).toEqual([]);
    expect(DEFAULT_CROSS_FACTOR.codToc[1]).toBe(5.33);
  });
});
