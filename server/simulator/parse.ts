/**
 * @module Parsing of the simulator's option values: durations (`60s`, `5m`, `1h`, `500ms`), rates (`0.05`, `5%`)
 * and exceedances (`[MN:]FACTOR=VALUE`, the factor an HJ 212-2017 Table B.1 code). Each returns null when invalid.
 */
import { waterFactor } from "../../domain/hj212";
import type { Exceedance } from "./devices";

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * Milliseconds of a duration; a bare number is seconds.
 * @example parseDuration("60s") // 60000
 */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]) * UNITS[m[2] ?? "s"];
  return Number.isFinite(v) ? Math.round(v) : null;
}

/**
 * A probability from `0.05` or `5%`.
 * @example parseRate("5%") // 0.05
 */
export function parseRate(s: string): number | null {
  const t = s.trim();
  const pct = t.endsWith("%");
  const v = Number(pct ? t.slice(0, -1) : t);
  if (!t || !Number.isFinite(v)) return null;
  const r = pct ? v / 100 : v;
  return r >= 0 && r <= 1 ? r : null;
}

/**
 * An exceedance `[MN:]FACTOR=VALUE`.
 * @example parseExceed("w21003=8") // { factor: "w21003", value: 8 }
 */
export function parseExceed(s: string): Exceedance | null {
  const m = /^(?:([0-9A-Za-z_-]{1,24}):)?(w\d{5})=(\d+(?:\.\d+)?)$/.exec(s.trim());
  if (!m || !waterFactor(m[2])) return null;
  return { ...(m[1] ? { mn: m[1] } : {}), factor: m[2], value: Number(m[3]) };
}
