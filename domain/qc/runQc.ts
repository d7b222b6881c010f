/**
 * @module Runs the QARTOD set on a series: timing/gap, syntax, gross range, climatology, spike, rate of change per
 * unit time and flat line, each giving 1/2/3/4/9, combined into the value's flag (flags.ts). The raw value is only
 * read. A value without a number is 9 (missing) whatever the other tests say.
 */
import type { QcConfig } from "./config";
import { aggregateFlag, type QcFlag } from "./flags";
import { gapTest } from "./gap";
import { flatLineTest } from "./flatLine";
import { climatologyTest, grossRangeTest } from "./range";
import { rateOfChangeTest } from "./rateOfChange";
import { spikeTest } from "./spike";
import { syntaxTest } from "./syntax";
import type { QcSample } from "./sample";

/** The tests, in the order they are shown. */
export const QC_TESTS = ["gap", "syntax", "grossRange", "climatology", "spike", "rateOfChange", "flatLine"] as const;

/** One test's name. */
export type QcTestName = (typeof QC_TESTS)[number];

/** The result for one value. */
export interface QcResult {
  /** The combined flag. */
  flag: QcFlag;
  /** Each test's flag. */
  tests: Record<QcTestName, QcFlag>;
}

/**
 * Flags every value of a time-sorted series.
 * @example runQc(series, defaultQcConfig("w21003", "hour"))[0].flag // 1, 2, 3, 4 or 9
 */
export function runQc(series: readonly QcSample[], c: QcConfig): QcResult[] {
  for (let i = 1; i < series.length; i++) if (series[i].t < series[i - 1].t) throw new RangeError("runQc: series must be sorted by time");
  const maxGapMs = c.gap?.maxGapSeconds ? c.gap.maxGapSeconds * 1000 : Infinity;
  const gap = gapTest(series, c.gap);
  const spike = spikeTest(series, c.spike);
  const rate = rateOfChangeTest(series, c.rateOfChange);
  const flat = flatLineTest(series, c.flatLine, maxGapMs);
  return series.map((s, i) => {
    const syntax = syntaxTest(s);
    const usable = syntax === 1;
    const tests: Record<QcTestName, QcFlag> = {
      gap: gap[i],
      syntax,
      grossRange: usable ? grossRangeTest(s.value, c.grossRange) : 2,
      climatology: usable ? climatologyTest(s.value, s.t, c.climatology) : 2,
      spike: usable ? spike[i] : 2,
      rateOfChange: usable ? rate[i] : 2,
      flatLine: usable ? flat[i] : 2,
    };
    return { flag: aggregateFlag(Object.values(tests)), tests };
  });
}
