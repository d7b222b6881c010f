/**
 * @module The JSON shapes of the monitoring reports (issue 8 §5–7): ecological flow of the flow stations,
 * drinking-water compliance of the intakes, river grades by water body (over a period or one year month by month),
 * the monitoring settings, and a point's class table (a month's samples and means, a year of months). Pure types,
 * built by the server's presenters (server/monitoring/ecoFlow.ts, drinkingWater.ts, rivers.ts, settings.ts,
 * server/routes/readings/assessment.ts) and read by the web (web/src/api/monitoringReports.ts, types.ts): a change
 * here breaks both sides at compile time.
 */
import type { PeriodValue, ReadingSample } from "../assessment/aggregate";
import type { EcoFlowResult, EcoFlowSettings } from "../assessment/ecoFlow";
import type { SourceFailure } from "../assessment/drinkingSource";
import type { MainPollutant } from "../assessment/pollutants";
import type { GradeThresholds, RiverGrade, WaterStatus } from "../assessment/riverGrade";
import type { SectionResult } from "../assessment/sectionClass";
import type { MonitoringSettings } from "../assessment/settings";
import type { Attainment } from "../assessment/targets";
import type { FactorCode } from "../standards/factors";
import type { WaterBody, WaterClass } from "../standards/gb3838";

// ── Ecological flow ────────────────────────────────────────────────────────────────────────────────────────────

/** One month of a flow station. */
export interface EcoFlowMonth {
  month: string;
  evaluatedDays: number;
  complyingDays: number;
  guaranteeRate: number | null;
  meetsGuarantee: boolean | null;
  yellowDays: number;
  redDays: number;
  /** Mean and lowest daily mean of the month, m³/s. */
  meanFlow: number | null;
  minFlow: number | null;
}

/** One flow station's report. */
export interface EcoFlowStation {
  point: { id: string; code: string; name: string; waterBody: string | null; target: number | null };
  /** Null when the station has no target (nothing to evaluate). */
  result: EcoFlowResult | null;
  months: EcoFlowMonth[];
}

/** GET /api/monitoring/eco-flow: every flow station over Beijing days [from, to]. */
export interface EcoFlowReport {
  from: string;
  to: string;
  settings: EcoFlowSettings;
  stations: EcoFlowStation[];
}

// ── Drinking water ─────────────────────────────────────────────────────────────────────────────────────────────

/** One intake in one month. */
export interface IntakeMonth {
  month: string;
  /** Null when nothing of GB 3838 Tables 1–3 was measured that month (not evaluated). */
  compliant: boolean | null;
  /** Items evaluated. */
  evaluated: number;
  failures: SourceFailure[];
  /** 取水量 of the month, m³; null when unknown. */
  volume: number | null;
}

/** One intake over the period. */
export interface IntakeReport {
  point: { id: string; code: string; name: string; waterBody: string | null };
  months: IntakeMonth[];
  evaluatedMonths: number;
  compliantMonths: number;
  /** m³ over the evaluated months (unknown volumes count 0). */
  volume: number;
  compliantVolume: number;
}

/** Rates of all intakes in one month, or over the whole period. */
export interface DrinkingRates {
  evaluated: number;
  compliant: number;
  /** 水源达标率 0–1; null when none evaluated. */
  sourceRate: number | null;
  volume: number;
  compliantVolume: number;
  /** 取水水质达标率 0–1; null when no volume. */
  intakeRate: number | null;
}

/** All intakes in one month. */
export interface DrinkingMonth extends DrinkingRates {
  month: string;
}

/** GET /api/monitoring/drinking-water: every intake over Beijing months [from, to]. */
export interface DrinkingWaterReport {
  from: string;
  to: string;
  intakes: IntakeReport[];
  months: DrinkingMonth[];
  summary: DrinkingRates & {
    /** Evaluated intake-months without a known volume (they weigh nothing in the intake rate). */
    volumeMissing: number;
  };
}

// ── Rivers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** One section over a period. */
export interface SectionGrade {
  id: string;
  code: string;
  name: string;
  level: string | null;
  targetClass: number | null;
  /** Null when the section has no data in the period. */
  class: WaterClass | null;
  status: WaterStatus | null;
  attained: boolean | null;
  mainPollutants: MainPollutant[];
  /** Months with data. */
  months: number;
}

/** One water body over a period. */
export interface WaterBodyGrade {
  waterBody: string;
  body: WaterBody;
  sections: SectionGrade[];
  /** Null when no section has data. */
  grade: Omit<RiverGrade, "sectionClasses"> | null;
}

/** GET /api/monitoring/rivers: every water body over Beijing months [from, to]. */
export interface RiversReport {
  from: string;
  to: string;
  thresholds: GradeThresholds;
  waterBodies: WaterBodyGrade[];
}

/** One water body over a year: the year's grade and each month's (without the thresholds the route adds). */
export type WaterBodyYear = WaterBodyGrade & { year: number; months: (WaterBodyGrade & { month: string })[] };

/** GET /api/monitoring/rivers/:waterBody: one water body's year with the thresholds in force. */
export type RiverYear = WaterBodyYear & { thresholds: GradeThresholds };

// ── Settings ───────────────────────────────────────────────────────────────────────────────────────────────────

/** GET/PUT /api/monitoring/settings: the settings in force, with when and by whom each was last changed (null: the default). */
export interface MonitoringSettingsView extends MonitoringSettings {
  changed: Record<"ecoFlow" | "riverGrade", { at: string; by: string | null } | null>;
}

// ── A point's classes ──────────────────────────────────────────────────────────────────────────────────────────

/** The class of one sample or one period, with attainment of the point's target class. */
export interface AssessmentClassView extends SectionResult {
  /** Null when there is no class or no target. */
  attainment: Attainment | null;
  /** Items worse than the target (none without a target). */
  factorsOverTarget: FactorCode[];
}

/** GET /api/readings/assessment: one point's month, each sample classed on its own and the month from its means. */
export interface MonthAssessment {
  pointId: string;
  month: string;
  body: WaterBody;
  targetClass: WaterClass | null;
  samples: (AssessmentClassView & { t: string; localTime: string; values: ReadingSample })[];
  /** Null when the month has no sample. */
  monthly: (AssessmentClassView & { means: Record<string, PeriodValue>; abnormal: boolean; sampleCount: number }) | null;
}

/** One month of a point's year: the month without its samples, and how many there were. */
export type MonthClassView = Omit<MonthAssessment, "samples"> & { sampleCount: number };

/** GET /api/readings/assessment/year: a point's monthly classes over a Beijing year, from raw data or the published (reviewed) basis. */
export interface AssessmentYear {
  pointId: string;
  year: number;
  basis: "raw" | "reviewed";
  /** Values the reviewed basis left out (null on raw data). */
  excluded: { pending: number; rejected: number } | null;
  unchecked: number | null;
  months: MonthClassView[];
}
