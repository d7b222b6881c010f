/**
 * @module The input of QC tests and detectors: one stored value of a series with its time (epoch ms), its HJ 212
 * data flag (HJ 212-2017 table 8: N 正常, F 停运, M 维护, S 设定值, D 故障, C 校准, T 超测量上限, B 通讯异常;
 * null for lab values) and when the platform received it. Series are sorted by time; sampling may be irregular.
 */

/** One value of a series. */
export interface QcSample {
  /** Data time, epoch ms. */
  t: number;
  /** The value; null when the instrument sent no number or a correction invalidated it. */
  value: number | null;
  /** HJ 212 data flag, or null (lab and manual values). */
  flag?: string | null;
  /** When the platform received it, epoch ms (for the timing test). */
  receivedAt?: number;
}

/** The HJ 212-2017 data flags (table 8). */
export const HJ212_FLAGS = ["N", "F", "M", "S", "D", "C", "T", "B"] as const;

/** One HJ 212 data flag. */
export type Hj212Flag = (typeof HJ212_FLAGS)[number];

/** Flags that say the instrument was not measuring normally: stopped, maintenance, fault, calibration, comms. */
export const NOT_OPERATING_FLAGS: readonly string[] = ["F", "M", "D", "C", "B"];

/** Whether the value counts as a normal measurement: flag N (or T, a real value over the measuring range) or none. */
export function isNormalMeasurement(s: Pick<QcSample, "flag">): boolean {
  return s.flag === undefined || s.flag === null || s.flag === "N" || s.flag === "T";
}

/** Minutes, hours and days in ms. */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Sorts a copy of `samples` by time. */
export function byTime<T extends { t: number }>(samples: readonly T[]): T[] {
  return [...samples].sort((a, b) => a.t - b.t);
}

/** The samples that carry a number, in order. */
export function withValues<T extends QcSample>(samples: readonly T[]): (T & { value: number })[] {
  return samples.filter((s): s is T & { value: number } => s.value !== null && Number.isFinite(s.value));
}

/** Whether the sample carries a finite number. */
export function hasNumber(s: QcSample): s is QcSample & { value: number } {
  return s.value !== null && Number.isFinite(s.value);
}
