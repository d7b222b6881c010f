/**
 * @module What an anti-fabrication detector reports: a finding with its evidence — the rule, the time window, the
 * factors and the numbers that support it, and a Chinese one-line summary. Findings are suspicions for a person to
 * review (task 17 of the seed plan: 伪造或篡改监测数据, 不正常运行污染防治设施), never verdicts.
 */
import { FACTORS, canonicalCode } from "../standards/factors";

/** The detectors' rules. */
export const DETECTOR_RULES = [
  "detection_limit",
  "narrow_variation",
  "fixed_jitter",
  "unexplained_gap",
  "lab_disagreement",
  "false_marking",
  "mark_exceedance",
  "cross_factor",
] as const;

/** One detector rule. */
export type DetectorRule = (typeof DETECTOR_RULES)[number];

/** How strong the evidence is. */
export type FindingSeverity = "warning" | "serious";

/** One finding. */
export interface Finding {
  rule: DetectorRule;
  /** Factors concerned; the first is the main one. */
  factors: string[];
  /** Window of the evidence, epoch ms (inclusive). */
  from: number;
  to: number;
  severity: FindingSeverity;
  /** The numbers behind it (shown in the UI next to the chart of the window). */
  numbers: Record<string, number | string | null>;
  /** Chinese one-line summary with the numbers. */
  summary: string;
}

/** Names of codes outside the GB 3838 catalogue that online monitors send (HJ 212-2017 Table B.1 and common use). */
const EXTRA_NAMES: Readonly<Record<string, string>> = { w00000: "流量", w01020: "总有机碳", w01014: "电导率", w01003: "浊度", w01012: "悬浮物" };

/** The Chinese name of a factor (the code for codes nobody named). */
export function factorZh(code: string): string {
  if (EXTRA_NAMES[code]) return EXTRA_NAMES[code];
  const c = canonicalCode(code);
  return c ? FACTORS[c].nameZh : code;
}

/** A number for summaries: at most 4 significant digits. */
export function num(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** A share 0–1 as a percentage text, e.g. "92%". */
export function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Hours between two instants, one decimal. */
export function hours(from: number, to: number): number {
  return Math.round(((to - from) / 3_600_000) * 10) / 10;
}
