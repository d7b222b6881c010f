/**
 * @module QARTOD gross range test (outside the sensor's bounds fails, outside the operator's bounds is suspect) and
 * climatology test (outside the calendar month's expected band is suspect; months are Beijing-time months since
 * the district's seasons follow local time).
 */
import type { ClimatologyConfig, RangeConfig } from "./config";
import type { QcFlag } from "./flags";

/**
 * Gross range flag of a value.
 * @example grossRangeTest(15, { failMin: 0, failMax: 14, suspectMin: null, suspectMax: null }) // 4
 * @example grossRangeTest(9.5, { failMin: 0, failMax: 14, suspectMin: 6, suspectMax: 9 }) // 3
 */
export function grossRangeTest(value: number | null, c: RangeConfig | null): QcFlag {
  if (value === null || !c) return 2;
  if (c.failMin === null && c.failMax === null && c.suspectMin === null && c.suspectMax === null) return 2;
  if ((c.failMin !== null && value < c.failMin) || (c.failMax !== null && value > c.failMax)) return 4;
  if ((c.suspectMin !== null && value < c.suspectMin) || (c.suspectMax !== null && value > c.suspectMax)) return 3;
  return 1;
}

const BEIJING_MS = 8 * 3_600_000;

/** Calendar month 1–12 of an instant in Beijing time. */
export function beijingMonth(t: number): number {
  return new Date(t + BEIJING_MS).getUTCMonth() + 1;
}

/**
 * Climatology flag of a value at time `t` (epoch ms).
 * @example climatologyTest(30, Date.parse("2024-01-15T00:00:00Z"), { months: [{ month: 1, min: 0, max: 12 }] }) // 3
 */
export function climatologyTest(value: number | null, t: number, c: ClimatologyConfig | null): QcFlag {
  if (value === null || !c) return 2;
  const band = c.months.find((m) => m.month === beijingMonth(t));
  if (!band || (band.min === null && band.max === null)) return 2;
  if ((band.min !== null && value < band.min) || (band.max !== null && value > band.max)) return 3;
  return 1;
}
