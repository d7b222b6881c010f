/**
 * @module The simulator's value generator: plausible readings per factor with a diurnal cycle (photosynthesis lifts
 * DO and pH in the afternoon, domestic sewage lifts NH3-N in the morning, factories discharge more by day), a slow
 * drift over hours and per-second noise. Values are a pure function of (device factor, instant), so a minute or hour
 * statistic can be computed at any time and two runs with the same seed send the same numbers.
 * Codes and units follow HJ 212-2017 Table B.1 (domain/hj212/factors.ts): w00000 flow is L/s, w01014 µS/cm.
 */
import { hashNormal, hashOf, type Rng } from "./random";

/** How one factor behaves at a typical site. */
export interface FactorProfile {
  /** HJ 212-2017 code. */
  code: string;
  /** Daily mean at a typical site (factor's Table B.1 unit). */
  base: number;
  /** How far sites differ: a site's mean is base × (1 ± spread). */
  spread: number;
  /** Half the day's swing (value at the peak hour minus the mean). */
  amplitude: number;
  /** Hour of the day (China time) of the diurnal maximum. */
  peakHour: number;
  /** Standard deviation of the per-second noise. */
  noise: number;
  /** Standard deviation of the slow (hourly) drift. */
  drift: number;
  /** Physical bounds the value is clamped to. */
  min: number;
  max: number;
  /** Decimals sent: Table B.1's data type (N4.2 → 2) or, for TP and DO, the finer resolution analysers report. */
  decimals: number;
}

const p = (code: string, base: number, spread: number, amplitude: number, peakHour: number, noise: number, drift: number, min: number, max: number, decimals: number): FactorProfile =>
  ({ code, base, spread, amplitude, peakHour, noise, drift, min, max, decimals });

/** Surface-water automatic station (ST=21), a GB 3838 class III river. */
export const STATION_PROFILES: readonly FactorProfile[] = [
  p("w01001", 7.6, 0.03, 0.25, 15, 0.03, 0.08, 0, 14, 2), // pH
  p("w01009", 7.0, 0.15, 1.5, 15, 0.1, 0.4, 0, 20, 2), // dissolved oxygen
  p("w01019", 4.5, 0.3, 0.4, 10, 0.1, 0.4, 0, 100, 1), // permanganate index (CODMn)
  p("w21003", 0.6, 0.4, 0.15, 8, 0.03, 0.08, 0, 50, 2), // ammonia nitrogen
  p("w21011", 0.12, 0.4, 0.02, 9, 0.005, 0.015, 0, 10, 3), // total phosphorus
  p("w21001", 1.2, 0.3, 0.2, 9, 0.04, 0.1, 0, 50, 2), // total nitrogen
  p("w21017", 0.5, 0.3, 0.03, 12, 0.01, 0.04, 0, 20, 2), // fluoride
  p("w01010", 18, 0.1, 2.5, 16, 0.05, 0.5, 0, 40, 1), // water temperature
  p("w01014", 450, 0.25, 20, 6, 3, 15, 0, 5000, 1), // conductivity µS/cm
  p("w01003", 15, 0.4, 3, 7, 1, 3, 0, 1000, 1), // turbidity NTU (not in B.1, used by stations)
];

/** Enterprise outlet (ST=32) after treatment, discharging under a GB 8978 / GB 18918-style permit. */
export const ENTERPRISE_PROFILES: readonly FactorProfile[] = [
  p("w01018", 35, 0.3, 8, 14, 2, 4, 0, 5000, 1), // COD
  p("w21003", 2.5, 0.4, 0.8, 14, 0.2, 0.4, 0, 500, 2), // ammonia nitrogen
  p("w21017", 1.2, 0.3, 0.3, 14, 0.08, 0.15, 0, 100, 2), // fluoride
  p("w00000", 25, 0.4, 12, 13, 1.5, 3, 0, 10000, 2), // sewage flow L/s
];

/** One factor of one device: the profile scaled to the site. */
export interface DeviceFactor {
  code: string;
  /** The site's daily mean. */
  level: number;
  amplitude: number;
  peakHour: number;
  noise: number;
  drift: number;
  min: number;
  max: number;
  decimals: number;
  /** Seed of this factor's noise and drift. */
  seed: number;
  /** `--exceed`: the value is held at or just above this. */
  exceed?: number;
}

/** Scales a profile to one site: mean base × (1 ± spread), swing, noise and drift ×0.7–1.3, peak ±1.5 h. */
export function siteFactor(profile: FactorProfile, rng: Rng, seed: number): DeviceFactor {
  const level = profile.base * (1 + profile.spread * (2 * rng.next() - 1));
  const scale = 0.7 + 0.6 * rng.next();
  return {
    code: profile.code,
    level,
    amplitude: profile.amplitude * scale,
    peakHour: profile.peakHour + (rng.next() - 0.5) * 3,
    noise: profile.noise * scale,
    drift: profile.drift * scale,
    min: profile.min,
    max: profile.max,
    decimals: profile.decimals,
    seed: hashOf(seed, profile.code),
  };
}

const HOUR = 3_600_000;
const DRIFT_KNOT = 3 * HOUR;

/**
 * The value of a factor at instant `t` (epoch ms), unrounded.
 * @example valueAt(factor, Date.parse("2024-06-01T07:00:00Z")) // DO near its afternoon peak (15:00 China time)
 */
export function valueAt(f: DeviceFactor, t: number): number {
  if (f.exceed !== undefined) return f.exceed * (1 + 0.01 * Math.abs(hashNormal(f.seed, Math.floor(t / 1000))));
  const hour = (((t / HOUR + 8) % 24) + 24) % 24; // China time, UTC+8
  const diurnal = f.amplitude * Math.cos((2 * Math.PI * (hour - f.peakHour)) / 24);
  // drift: smooth interpolation between normal deviates at 3-hour knots
  const k = Math.floor(t / DRIFT_KNOT);
  const x = (t - k * DRIFT_KNOT) / DRIFT_KNOT;
  const s = x * x * (3 - 2 * x);
  const drift = f.drift * ((1 - s) * hashNormal(f.seed ^ 0x2545f491, k) + s * hashNormal(f.seed ^ 0x2545f491, k + 1));
  const noise = f.noise * hashNormal(f.seed, Math.floor(t / 1000));
  return Math.min(f.max, Math.max(f.min, f.level + diurnal + drift + noise));
}

/** Statistics of a factor over a period. */
export interface PeriodStats {
  min: number;
  avg: number;
  max: number;
}

/**
 * Min, mean and max of `n` samples taken every `stepMs` from `start`.
 * @example periodStats(f, hourStart, 60_000, 60) // one sample a minute
 */
export function periodStats(f: DeviceFactor, start: number, stepMs: number, n: number): PeriodStats {
  let min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < n; i++) {
    const v = valueAt(f, start + i * stepMs);
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, avg: sum / n, max };
}

/**
 * A value as sent: fixed decimals, never "-0".
 * @example formatValue(7.125, 2) // "7.13"
 */
export function formatValue(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return Number(s) === 0 ? (0).toFixed(decimals) : s;
}
