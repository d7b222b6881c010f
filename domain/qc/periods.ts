/**
 * @module The stored reading periods (HJ 212-2017 uploads: 2011 real-time, 2051 minute, 2061 hour, 2031 day; and
 * lab/manual grab samples), as the QC settings and defaults name them.
 */

/** One reading period. */
export type ReadingPeriodCode = "rt" | "min" | "hour" | "day" | "sample";

/** Every period. */
export const READING_PERIODS: readonly ReadingPeriodCode[] = ["rt", "min", "hour", "day", "sample"];
