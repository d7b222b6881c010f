/**
 * @module QARTOD timing/gap test, time-aware: a data time more than the tolerance after the value's arrival fails
 * (the device clock is wrong); a value that resumes a series after a gap longer than the setting, or that arrived
 * later than the allowed latency, is suspect. The first value of a series has no previous one: with no latency
 * setting either, it is not evaluated.
 */
import type { GapConfig } from "./config";
import type { QcFlag } from "./flags";
import type { QcSample } from "./sample";

/**
 * Flags of a time-sorted series.
 * @example gapTest([{ t: 0, value: 1 }, { t: 7_200_000, value: 1 }], { maxGapSeconds: 3600, maxLatencySeconds: null, futureToleranceSeconds: 600 }) // [2, 3]
 */
export function gapTest(series: readonly QcSample[], c: GapConfig | null): QcFlag[] {
  return series.map((s, i) => {
    if (!c) return 2;
    if (s.receivedAt !== undefined && s.t - s.receivedAt > c.futureToleranceSeconds * 1000) return 4;
    let evaluated = false;
    let flag: QcFlag = 1;
    if (c.maxLatencySeconds !== null && s.receivedAt !== undefined) {
      evaluated = true;
      if (s.receivedAt - s.t > c.maxLatencySeconds * 1000) flag = 3;
    }
    if (c.maxGapSeconds !== null && i > 0) {
      evaluated = true;
      if (s.t - series[i - 1].t > c.maxGapSeconds * 1000) flag = 3;
    }
    return evaluated ? flag : 2;
  });
}
