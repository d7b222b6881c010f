import { describe, expect, it } from "vitest";
import { aggregateFlag, type QcFlag } from "./flags";
import { gapTest } from "./gap";
import { syntaxTest } from "./syntax";
import { climatologyTest, grossRangeTest } from "./range";
import { spikeTest } from "./spike";
import { rateOfChangeTest } from "./rateOfChange";
import { flatLineTest } from "./flatLine";
import { runQc } from "./runQc";
import { defaultQcConfig, effectiveQcConfig, type QcConfig } from "./config";
import type { QcSample } from "./sample";

const MIN = 60_000;
const T0 = Date.parse("2024-05-01T00:00:00Z");
/** A series from [minutes after T0, value] pairs. */
const at = (pairs: [number, number | null][], extra: Partial<QcSample> = {}): QcSample[] =>
  pairs.map(([m, value]) => ({ t: T0 + m * MIN, value, ...extra }));

describe("aggregateFlag", () => {
  it.each([
    [[1, 1, 1], 1], [[1, 2, 2], 1], [[2, 2], 2], [[1, 3], 3], [[3, 4, 1], 4], [[4, 9], 9], [[2, 9, 1], 9], [[], 2],
  ] as [QcFlag[], QcFlag][])("%j → %i", (flags, expected) => expect(aggregateFlag(flags)).toBe(expected));
});

describe("timing/gap", () => {
  const c = { maxGapSeconds: 1800, maxLatencySeconds: null, futureToleranceSeconds: 600 };
  it("a value after a gap longer than 30 min is suspect; the first value is not evaluated", () => {
    // gaps: –, 10, 20, 30 (= limit, passes), 31 (suspect), 5
    expect(gapTest(at([[0, 1], [10, 1], [30, 1], [60, 1], [91, 1], [96, 1]]), c)).toEqual([2, 1, 1, 1, 3, 1]);
  });
  it("irregular sampling is judged on time, not on counts", () => {
    expect(gapTest(at([[0, 1], [1, 1], [2, 1], [40, 1], [41, 1]]), c)).toEqual([2, 1, 1, 3, 1]);
  });
  it("a data time more than 10 min after its arrival fails; late arrival is suspect when latency is set", () => {
    const s: QcSample[] = [
      { t: T0, value: 1, receivedAt: T0 + 5 * MIN },
      { t: T0 + 10 * MIN, value: 1, receivedAt: T0 + 11 * MIN },
      { t: T0 + 20 * MIN, value: 1, receivedAt: T0 + 9 * MIN }, // 11 min in the future
      { t: T0 + 30 * MIN, value: 1, receivedAt: T0 + 20 * MIN }, // exactly 10 min ahead: tolerated
    ];
    expect(gapTest(s, { ...c, maxLatencySeconds: 120 })).toEqual([3, 1, 4, 1]);
  });
  it("no settings: not evaluated", () => expect(gapTest(at([[0, 1], [90, 1]]), null)).toEqual([2, 2]));
});

describe("syntax", () => {
  it.each([
    [{ value: 7.1, flag: "N" }, 1], [{ value: 7.1, flag: null }, 1], [{ value: 7.1, flag: "T" }, 1], [{ value: 0, flag: "M" }, 1],
    [{ value: null, flag: "D" }, 9], [{ value: Number.NaN, flag: "N" }, 4], [{ value: Infinity, flag: "N" }, 4], [{ value: 1, flag: "X" }, 4],
    [{ value: 1, flag: "n" }, 4],
  ] as [Partial<QcSample>, QcFlag][])("%j → %i", (s, expected) => expect(syntaxTest({ t: T0, value: null, ...s })).toBe(expected));
});

describe("gross range", () => {
  const c = { failMin: 0, failMax: 14, suspectMin: 6, suspectMax: 9 };
  it.each([
    [7, 1], [6, 1], [9, 1], [5.99, 3], [9.01, 3], [0, 3], [14, 3], [-0.01, 4], [14.01, 4], [null, 2],
  ] as [number | null, QcFlag][])("pH %s → %i", (v, expected) => expect(grossRangeTest(v, c)).toBe(expected));
  it("without bounds: not evaluated", () => {
    expect(grossRangeTest(5, null)).toBe(2);
    expect(grossRangeTest(5, { failMin: null, failMax: null, suspectMin: null, suspectMax: null })).toBe(2);
  });
});

describe("climatology (Beijing months)", () => {
  const c = { months: [{ month: 1, min: 2, max: 12 }, { month: 7, min: 20, max: 32 }] };
  it.each([
    ["2024-01-15T04:00:00Z", 10, 1], ["2024-01-15T04:00:00Z", 13, 3], ["2024-01-15T04:00:00Z", 1, 3],
    ["2024-07-10T04:00:00Z", 10, 3], ["2024-07-10T04:00:00Z", 25, 1], ["2024-03-10T04:00:00Z", 99, 2],
    // 2024-06-30 16:30 UTC is 07-01 00:30 in Beijing: July's band applies
    ["2024-06-30T16:30:00Z", 10, 3],
    // 2024-01-31 15:59 UTC is still January in Beijing; 16:00 is February (no band)
    ["2024-01-31T15:59:00Z", 13, 3], ["2024-01-31T16:00:00Z", 13, 2],
  ] as [string, number, QcFlag][])("%s value %s → %i", (iso, v, expected) => expect(climatologyTest(v, Date.parse(iso), c)).toBe(expected));
});

describe("spike (|V − line(t)| − |V₊ − V₋| / 2)", () => {
  const c = { suspect: 1, fail: 3, maxNeighbourSeconds: 1800 };
  it("regular sampling: the Argo/GTSPP test; a spike's neighbours are not flagged", () => {
    // i=1: |7−5| − 0 = 2 → 3; i=2: |5−6| − |5−7|/2 = 0 → 1; i=3: |5−7| − |9−5|/2 = 0 → 1; i=4: |9−5| − 0 = 4 → 4;
    // the first and last values lack a neighbour → 2
    expect(spikeTest(at([[0, 5], [10, 7], [20, 5], [30, 5], [40, 9], [50, 5]]), c)).toEqual([2, 3, 1, 1, 4, 2]);
  });
  it("irregular sampling takes the line at the value's time", () => {
    // neighbours 0 (m=0) and 2 (m=40), value 3 at m=10: the line gives 0.5 there → |3 − 0.5| − 1 = 1.5 → suspect;
    // the plain mean (1) would give |3 − 1| − 1 = 1, not above the threshold
    expect(spikeTest(at([[0, 0], [10, 3], [40, 2]]), c)).toEqual([2, 3, 2]);
  });
  it("a neighbour beyond 30 min is not used; missing values are skipped", () => {
    expect(spikeTest(at([[0, 5], [10, 9], [50, 5]]), c)).toEqual([2, 2, 2]);
    expect(spikeTest(at([[0, 5], [5, null], [10, 9], [20, 5]]), c)).toEqual([2, 2, 4, 2]);
  });
  it("a steady ramp is no spike", () => expect(spikeTest(at([[0, 0], [10, 5], [20, 10], [30, 15]]), c)).toEqual([2, 1, 1, 2]));
  it("no settings: not evaluated", () => expect(spikeTest(at([[0, 5], [10, 9], [20, 5]]), null)).toEqual([2, 2, 2]));
});

describe("rate of change per hour", () => {
  const c = { maxPerHour: 6, maxIntervalSeconds: 7200 };
  it("the same step is fine slowly and suspect quickly", () => {
    // +1 in 10 min = 6/h (not above) → 1; +1 in 5 min = 12/h → 3; +1 in 60 min = 1/h → 1
    expect(rateOfChangeTest(at([[0, 1], [10, 2], [15, 3], [75, 4]]), c)).toEqual([2, 1, 3, 1]);
  });
  it("a previous value beyond the interval is not compared", () => {
    expect(rateOfChangeTest(at([[0, 1], [121, 9]]), c)).toEqual([2, 2]);
  });
  it("decreases count as much as increases", () => expect(rateOfChangeTest(at([[0, 5], [5, 4]]), c)).toEqual([2, 3]));
});

describe("flat line (duration within tolerance)", () => {
  const c = { tolerance: 0, suspectSeconds: 2 * 3600, failSeconds: 3 * 3600 };
  const hourly = (vs: number[]) => at(vs.map((v, i) => [i * 60, v] as [number, number]));
  it("identical hourly values: 0 h, 1 h pass, 2 h suspect, 3 h fail; a change restarts", () => {
    expect(flatLineTest(hourly([5, 5, 5, 5, 6, 6]), c)).toEqual([1, 1, 3, 4, 1, 1]);
  });
  it("tolerance: values within ±0.05 of the current one count as unchanged", () => {
    // 4.96 is 0.08 from 5.04 (run of 0 h); 5.01 is within 0.05 of 4.96, 5.04 and 5 (run of 3 h → fail)
    expect(flatLineTest(hourly([5, 5.04, 4.96, 5.01]), { ...c, tolerance: 0.05 })).toEqual([1, 1, 1, 4]);
    // 5.06 breaks every run that reaches it: the last 5.0 has been unchanged for 1 h only
    expect(flatLineTest(hourly([5, 5.06, 5.0, 5.0]), { ...c, tolerance: 0.05 })).toEqual([1, 1, 1, 1]);
    expect(flatLineTest(hourly([5, 5.06, 5.0, 5.0, 5.0]), { ...c, tolerance: 0.05 })).toEqual([1, 1, 1, 1, 3]);
  });
  it("counts time, not values: 30-s sampling for 2 h is suspect", () => {
    const s = at(Array.from({ length: 241 }, (_, i) => [i / 2, 3.3] as [number, number]));
    const flags = flatLineTest(s, c);
    expect(flags[239]).toBe(1); // 119.5 min
    expect(flags[240]).toBe(3); // 120 min
  });
  it("a gap longer than the series' gap setting breaks the run", () => {
    const s = at([[0, 5], [60, 5], [180, 5], [240, 5]]);
    expect(flatLineTest(s, c, 90 * MIN)).toEqual([1, 1, 1, 1]);
    expect(flatLineTest(s, c)).toEqual([1, 1, 4, 4]);
  });
});

describe("runQc", () => {
  const config: QcConfig = {
    ...defaultQcConfig("w21003", "hour"),
    grossRange: { failMin: 0, failMax: 50, suspectMin: null, suspectMax: 5 },
    spike: { suspect: 1, fail: 3, maxNeighbourSeconds: 7200 },
    rateOfChange: { maxPerHour: 2, maxIntervalSeconds: 7200 },
  };
  it("combines the tests; the raw values are untouched", () => {
    const series = at([[0, 0.8], [60, 0.9], [120, 6], [180, 0.9], [240, null], [300, -1], [600, 1]]);
    const copy = structuredClone(series);
    const r = runQc(series, config);
    expect(series).toEqual(copy);
    // 0.8: first value (gap not evaluated), no neighbours → pass by range, flat line 0 h
    expect(r[0].tests).toEqual({ gap: 2, syntax: 1, grossRange: 1, climatology: 2, spike: 2, rateOfChange: 2, flatLine: 1 });
    // 0.9 at 1 h: |0.9 − 3.4| − |6 − 0.8|/2 = −0.1 → pass. 0.9 at 3 h: the line from 6 (2 h) to −1 (5 h) gives 3.67
    // there, |0.9 − 3.67| − 3.5 < 0 → pass, but the rate 5.1/h is suspect
    expect(r.map((x) => x.flag)).toEqual([1, 1, 4, 3, 9, 4, 3]);
    // 6 mg/L: over the operator bound 5 (3), spike |6 − 0.9| − 0 = 5.1 > 3 (4), rate 5.1/h > 2 (3)
    expect(r[2].tests).toMatchObject({ grossRange: 3, spike: 4, rateOfChange: 3 });
    // −1: below the sensor bound 0; the next value 5 h later is after a 3-h gap (suspect)
    expect(r[5].tests.grossRange).toBe(4);
    expect(r[6].tests.gap).toBe(3);
  });
  it("refuses an unsorted series", () => expect(() => runQc(at([[10, 1], [0, 1]]), config)).toThrow(/sorted/));
});

describe("settings", () => {
  it("stored tests replace the defaults one by one; a stored null switches a test off", () => {
    const c = effectiveQcConfig("w01001", "rt", { flatLine: null, spike: { suspect: 0.5, fail: null, maxNeighbourSeconds: 300 }, instrument: { detectionLimit: 0.01, rangeMin: null, rangeMax: null, resolution: null } });
    expect(c.grossRange).toEqual({ failMin: 0, failMax: 14, suspectMin: null, suspectMax: null });
    expect(c.flatLine).toBeNull();
    expect(c.spike).toEqual({ suspect: 0.5, fail: null, maxNeighbourSeconds: 300 });
    expect(c.instrument.detectionLimit).toBe(0.01);
    expect(c.gap?.maxGapSeconds).toBe(1800);
  });
  it("lab samples have no gap or flat-line defaults", () => {
    const c = defaultQcConfig("w21003", "sample");
    expect(c.gap?.maxGapSeconds).toBeNull();
    expect(c.flatLine).toBeNull();
  });
});
