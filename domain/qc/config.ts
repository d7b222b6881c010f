/**
 * @module Settings of the QC tests and detectors for one point and factor (stored per point and factor, edited in
 * the UI), and the defaults used where nothing is stored. QARTOD leaves every threshold to the operator; the
 * defaults here are deliberately loose (physical bounds, generous gaps) so that an unconfigured series is flagged
 * only for what is certainly wrong, and tests without settings report 2 "not evaluated".
 */
import type { ReadingPeriodCode } from "./periods";

/** Timing/gap test: the data time against its neighbour and its arrival. */
export interface GapConfig {
  /** A value more than this after the previous one is suspect (data resumed after a gap); null: not tested. */
  maxGapSeconds: number | null;
  /** A value received more than this after its data time is suspect (late); null: not tested. */
  maxLatencySeconds: number | null;
  /** A data time more than this after its arrival fails (the device clock is wrong). */
  futureToleranceSeconds: number;
}

/** Gross range: sensor bounds fail, operator bounds are suspect (null: no bound). */
export interface RangeConfig {
  failMin: number | null;
  failMax: number | null;
  suspectMin: number | null;
  suspectMax: number | null;
}

/** Climatology: the expected band per calendar month (Beijing time); values outside are suspect. */
export interface ClimatologyConfig {
  /** Bands by month 1–12; a month without a band is not evaluated. */
  months: { month: number; min: number | null; max: number | null }[];
}

/** Spike: distance of a value from the line between its neighbours. */
export interface SpikeConfig {
  /** Suspect above this distance (factor units). */
  suspect: number;
  /** Fail above this distance; null: never fails. */
  fail: number | null;
  /** Neighbours farther than this in time are not used (not evaluated). */
  maxNeighbourSeconds: number;
}

/** Rate of change per unit time. */
export interface RateOfChangeConfig {
  /** Suspect when |Δvalue| / Δt exceeds this many units per hour. */
  maxPerHour: number;
  /** A previous value farther than this is not compared (not evaluated). */
  maxIntervalSeconds: number;
}

/** Flat line: the value stays within ±tolerance of the current one for a long time. */
export interface FlatLineConfig {
  /** Values within ±tolerance count as unchanged (0: identical values). */
  tolerance: number;
  /** Suspect when unchanged this long. */
  suspectSeconds: number;
  /** Fail when unchanged this long; null: never fails. */
  failSeconds: number | null;
}

/** What the anti-fabrication detectors need to know about the instrument. */
export interface InstrumentConfig {
  /** Method detection limit (检出限), factor units. */
  detectionLimit: number | null;
  /** Measuring range (量程) of the analyser. */
  rangeMin: number | null;
  rangeMax: number | null;
  /** Smallest step the analyser reports (e.g. 0.01). */
  resolution: number | null;
}

/** Every setting of one point and factor; a null test is not run (its flag is 2). */
export interface QcConfig {
  gap: GapConfig | null;
  grossRange: RangeConfig | null;
  climatology: ClimatologyConfig | null;
  spike: SpikeConfig | null;
  rateOfChange: RateOfChangeConfig | null;
  flatLine: FlatLineConfig | null;
  instrument: InstrumentConfig;
}

/** Largest gap before a value is suspect, by period: rt/min 30 min, hour 3 h, day 2 days; lab samples none. */
export const DEFAULT_MAX_GAP_SECONDS: Readonly<Record<ReadingPeriodCode, number | null>> = {
  rt: 1800, min: 1800, hour: 3 * 3600, day: 2 * 86_400, sample: null,
};

/** Physical bounds of factors whose default bounds are not simply "≥ 0" (HJ 212 codes). */
const PHYSICAL: Readonly<Record<string, [number | null, number | null]>> = {
  w01001: [0, 14], // pH
  w01010: [-5, 50], // water temperature ℃
  w01009: [0, 25], // dissolved oxygen: supersaturation rarely passes 20 mg/L
};

/** Gross-range bounds for a factor: pH 0–14, water temperature −5–50 ℃, DO 0–25 mg/L, anything else ≥ 0. */
export function physicalRange(factor: string): RangeConfig {
  const [lo, hi] = PHYSICAL[factor] ?? [0, null];
  return { failMin: lo, failMax: hi, suspectMin: null, suspectMax: null };
}

/**
 * The defaults of a point and factor for a period: timing/gap with the period's gap, syntax, physical gross range,
 * and for instrument series (rt, min, hour) a flat line of identical values for 3 h (suspect) / 6 h (fail). Spike,
 * rate of change and climatology need site knowledge and stay off until configured.
 */
export function defaultQcConfig(factor: string, period: ReadingPeriodCode): QcConfig {
  const instrumentSeries = period === "rt" || period === "min" || period === "hour";
  return {
    gap: { maxGapSeconds: DEFAULT_MAX_GAP_SECONDS[period], maxLatencySeconds: null, futureToleranceSeconds: 600 },
    grossRange: physicalRange(factor),
    climatology: null,
    spike: null,
    rateOfChange: null,
    flatLine: instrumentSeries ? { tolerance: 0, suspectSeconds: 3 * 3600, failSeconds: 6 * 3600 } : null,
    instrument: { detectionLimit: null, rangeMin: null, rangeMax: null, resolution: null },
  };
}

/** Stored settings are partial: what is stored replaces the default test by test. */
export type StoredQcConfig = Partial<QcConfig>;

/** The effective settings: stored tests over the defaults (a stored null switches a test off). */
export function effectiveQcConfig(factor: string, period: ReadingPeriodCode, stored: StoredQcConfig | null | undefined): QcConfig {
  const d = defaultQcConfig(factor, period);
  if (!stored) return d;
  const pick = <K extends keyof QcConfig>(k: K): QcConfig[K] => (k in stored ? (stored[k] as QcConfig[K]) : d[k]);
  return {
    gap: pick("gap"),
    grossRange: pick("grossRange"),
    climatology: pick("climatology"),
    spike: pick("spike"),
    rateOfChange: pick("rateOfChange"),
    flatLine: pick("flatLine"),
    instrument: { ...d.instrument, ...(stored.instrument ?? {}) },
  };
}

/** How far back the tests look from a value (ms): the flat line's longest duration or the gap, at least an hour. */
export function lookbackMs(c: QcConfig): number {
  const s = Math.max(
    3600,
    c.flatLine ? (c.flatLine.failSeconds ?? c.flatLine.suspectSeconds) : 0,
    c.gap?.maxGapSeconds ?? 0,
    c.rateOfChange?.maxIntervalSeconds ?? 0,
    c.spike?.maxNeighbourSeconds ?? 0,
  );
  return s * 1000 + 1000;
}
