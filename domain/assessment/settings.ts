/**
 * @module The monitoring settings where the sources leave a gap (reference "Project decisions"): ecological-flow
 * evaluation — required guarantee rate (90%) and the warning bands as a share of the target (yellow below 100%, red
 * below 80%; decision 8, reference §8 found no official bands) — and the river-grade thresholds of the 办法 share
 * method (decision 1). Defaults, and the checks a saved value must pass (messages in Chinese, for the UI).
 */
import { DEFAULT_ECO_FLOW_SETTINGS, type EcoFlowSettings } from "./ecoFlow";
import { DEFAULT_GRADE_THRESHOLDS, type GradeThresholds } from "./riverGrade";

/** Every monitoring setting. */
export interface MonitoringSettings {
  ecoFlow: EcoFlowSettings;
  riverGrade: GradeThresholds;
}

/** The project defaults. */
export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = { ecoFlow: DEFAULT_ECO_FLOW_SETTINGS, riverGrade: DEFAULT_GRADE_THRESHOLDS };

/** One problem of a setting: the field and why. */
export interface SettingProblem {
  path: string;
  message: string;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Problems of eco-flow settings (none when valid): 0 < red ≤ yellow ≤ 2 (as a share of the target), guarantee
 * rate in (0, 1].
 * @example ecoFlowProblems({ guaranteeTarget: 0.9, yellowBelow: 0.8, redBelow: 1 })[0].path // "ecoFlow.redBelow"
 */
export function ecoFlowProblems(s: EcoFlowSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  if (!finite(s.guaranteeTarget) || s.guaranteeTarget <= 0 || s.guaranteeTarget > 1) out.push({ path: "ecoFlow.guaranteeTarget", message: "保证率要求应在 0–100% 之间（大于 0）" });
  if (!finite(s.yellowBelow) || s.yellowBelow <= 0 || s.yellowBelow > 2) out.push({ path: "ecoFlow.yellowBelow", message: "黄色预警线应在目标的 0–200% 之间" });
  if (!finite(s.redBelow) || s.redBelow <= 0 || s.redBelow > 2) out.push({ path: "ecoFlow.redBelow", message: "红色预警线应在目标的 0–200% 之间" });
  else if (finite(s.yellowBelow) && s.redBelow > s.yellowBelow) out.push({ path: "ecoFlow.redBelow", message: "红色预警线不能高于黄色预警线" });
  return out;
}

/**
 * Problems of river-grade thresholds: at least 1 section for the share method, 0 ≤ good ≤ excellent ≤ 100,
 * 0 ≤ moderate ≤ severe ≤ 100.
 * @example riverGradeProblems({ minSections: 5, excellent: 70, good: 75, moderate: 20, severe: 40 })[0].path // "riverGrade.good"
 */
export function riverGradeProblems(t: GradeThresholds): SettingProblem[] {
  const out: SettingProblem[] = [];
  const pct = (v: unknown) => finite(v) && v >= 0 && v <= 100;
  if (!Number.isInteger(t.minSections) || t.minSections < 1 || t.minSections > 1000) out.push({ path: "riverGrade.minSections", message: "采用比例法的断面数应为 1–1000 的整数" });
  for (const k of ["excellent", "good", "moderate", "severe"] as const) if (!pct(t[k])) out.push({ path: `riverGrade.${k}`, message: "比例应在 0–100% 之间" });
  if (pct(t.good) && pct(t.excellent) && t.good > t.excellent) out.push({ path: "riverGrade.good", message: "“良好”的Ⅰ–Ⅲ类比例不能高于“优”" });
  if (pct(t.moderate) && pct(t.severe) && t.moderate > t.severe) out.push({ path: "riverGrade.moderate", message: "“中度污染”的劣Ⅴ类比例不能高于“重度污染”" });
  return out;
}
