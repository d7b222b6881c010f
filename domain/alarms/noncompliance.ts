/**
 * @module Noncompliance status of an outlet (and of an enterprise, the worst of its outlets), after the way EPA ECHO
 * rolls effluent violations up to significant noncompliance (SNC). The criteria used are those of 40 CFR
 * 403.8(f)(2)(viii)(A)–(B), applied to daily means over the last six months, per factor:
 * - chronic: ≥ 66% of the evaluated days exceed the limit (by any amount);
 * - technical review criteria (TRC): ≥ 33% of the evaluated days are ≥ limit × TRC, with TRC 1.4 for BOD, suspended
 *   solids, oils and grease and 1.2 for all other factors; pH is not judged by TRC.
 * Any violation in the window without meeting either makes the status "violation"; none, "compliant"; no evaluated
 * day, "no_data". The mapping of Chinese factor codes to the TRC groups is the project's.
 */
import type { DischargeDay } from "./discharge";

/** The status of an outlet or enterprise, best to worst. */
export type NoncomplianceStatus = "no_data" | "compliant" | "violation" | "significant";

/** Factors judged with TRC 1.4: BOD5 (w01017), suspended solids (w01012), petroleum oils (w22001), animal/vegetable oils (w22002). */
export const TRC_14_FACTORS: readonly string[] = ["w01017", "w01012", "w22001", "w22002"];

/** The TRC factor of a factor (null for pH). */
export function trcOf(factor: string): number | null {
  if (factor === "w01001") return null;
  return TRC_14_FACTORS.includes(factor) ? 1.4 : 1.2;
}

/** The days of one factor with its limit. */
export interface FactorDays {
  factor: string;
  /** The upper limit the days were judged against (null: a lower bound only). */
  upper: number | null;
  days: readonly DischargeDay[];
}

/** Why a status was given, per factor. */
export interface FactorStatus {
  factor: string;
  evaluated: number;
  exceeded: number;
  /** Days at or over limit × TRC. */
  overTrc: number;
  chronic: boolean;
  trc: boolean;
  status: NoncomplianceStatus;
}

const RANK: Record<NoncomplianceStatus, number> = { no_data: 0, compliant: 1, violation: 2, significant: 3 };

/** The worse of two statuses. */
export function worse(a: NoncomplianceStatus, b: NoncomplianceStatus): NoncomplianceStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The status of one factor from its days in the window.
 * @example factorStatus({ factor: "w01018", upper: 100, days }) // { status: "significant", chronic: true, … }
 */
export function factorStatus(f: FactorDays): FactorStatus {
  const evaluated = f.days.length;
  const exceeded = f.days.filter((d) => d.exceeded).length;
  const trcFactor = trcOf(f.factor);
  const overTrc = trcFactor !== null && f.upper !== null ? f.days.filter((d) => d.mean >= f.upper! * trcFactor - 1e-9).length : 0;
  const chronic = evaluated > 0 && exceeded / evaluated >= 0.66;
  const trc = evaluated > 0 && overTrc / evaluated >= 0.33;
  const status: NoncomplianceStatus = evaluated === 0 ? "no_data" : chronic || trc ? "significant" : exceeded > 0 ? "violation" : "compliant";
  return { factor: f.factor, evaluated, exceeded, overTrc, chronic, trc, status };
}

/** The status of an outlet (its worst factor) with each factor's reasons. */
export function outletStatus(factors: readonly FactorDays[]): { status: NoncomplianceStatus; factors: FactorStatus[] } {
  const fs = factors.map(factorStatus);
  return { status: fs.reduce<NoncomplianceStatus>((s, f) => worse(s, f.status), "no_data"), factors: fs };
}
