/**
 * @module The monitoring reports and device status (issues 8 §5–7, 9 §2): ecological flow, drinking-water compliance,
 * river grades, a point's year of monthly classes, the monitoring settings, device status with its daily
 * transmission rates, and platform-to-device commands. Every report also downloads as .xlsx (`exportUrl`).
 */
import { request, type Query } from "./client";
import type { AssessmentClassView, Envelope } from "./types";

/** The address of a report's .xlsx export (a same-origin link: the session cookie goes with it). */
export function exportUrl(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, format: "xlsx" })) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return `${path}?${params.toString()}`;
}

// ── Ecological flow ────────────────────────────────────────────────────────────────────────────────────────────

/** Eco-flow settings: required guarantee rate and the warning bands as a share of the target. */
export interface EcoFlowSettings {
  guaranteeTarget: number;
  yellowBelow: number;
  redBelow: number;
}

/** One evaluated day (flows in m³/s). */
export interface EcoFlowDay {
  date: string;
  mean: number;
  target: number;
  complies: boolean;
  warning: "none" | "yellow" | "red";
}

/** One month of a station. */
export interface EcoFlowMonth {
  month: string;
  evaluatedDays: number;
  complyingDays: number;
  guaranteeRate: number | null;
  meetsGuarantee: boolean | null;
  yellowDays: number;
  redDays: number;
  meanFlow: number | null;
  minFlow: number | null;
}

/** One flow station's report. */
export interface EcoFlowStation {
  point: { id: string; code: string; name: string; waterBody: string | null; target: number | null };
  result: { evaluatedDays: number; complyingDays: number; guaranteeRate: number | null; meetsGuarantee: boolean | null; days: EcoFlowDay[] } | null;
  months: EcoFlowMonth[];
}

/** Eco flow of every flow station over Beijing days [from, to]. */
export async function getEcoFlow(from: string, to: string) {
  const { data } = await request<{ from: string; to: string; settings: EcoFlowSettings; stations: EcoFlowStation[] }>("GET", "/api/monitoring/eco-flow", { query: { from, to } });
  return data;
}

// ── Drinking water ─────────────────────────────────────────────────────────────────────────────────────────────

/** An item over its limit at an intake. */
export interface SourceFailureView {
  item: string;
  table: 1 | 2 | 3;
  value: number;
  limit: number | null;
  multiple: number | null;
}

/** One intake in one month. */
export interface IntakeMonthView {
  month: string;
  compliant: boolean | null;
  evaluated: number;
  failures: SourceFailureView[];
  volume: number | null;
}

/** Rates of one month (or of the whole period, in `summary`). */
export interface DrinkingRates {
  evaluated: number;
  compliant: number;
  sourceRate: number | null;
  volume: number;
  compliantVolume: number;
  intakeRate: number | null;
}

/** The drinking-water report. */
export interface DrinkingWaterReport {
  from: string;
  to: string;
  intakes: { point: { id: string; code: string; name: string; waterBody: string | null }; months: IntakeMonthView[]; evaluatedMonths: number; compliantMonths: number; volume: number; compliantVolume: number }[];
  months: (DrinkingRates & { month: string })[];
  summary: DrinkingRates & { volumeMissing: number };
}

/** Drinking-water compliance over Beijing months [from, to]. */
export async function getDrinkingWater(from: string, to: string) {
  const { data } = await request<DrinkingWaterReport>("GET", "/api/monitoring/drinking-water", { query: { from, to } });
  return data;
}

// ── Rivers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Water-quality status words of the 办法. */
export type WaterStatus = "优" | "良好" | "轻度污染" | "中度污染" | "重度污染";

/** One section over a period. */
export interface SectionGradeView {
  id: string;
  code: string;
  name: string;
  level: string | null;
  targetClass: number | null;
  class: number | null;
  status: WaterStatus | null;
  attained: boolean | null;
  mainPollutants: { code: string; class: number; multiple: number | null }[];
  months: number;
}

/** A water body's grade. */
export interface WaterBodyGradeView {
  waterBody: string;
  body: "river" | "lake";
  sections: SectionGradeView[];
  grade: {
    method: "mean" | "share";
    status: WaterStatus;
    class: number | null;
    /** Sections evaluated, of class Ⅰ–Ⅲ, and 劣Ⅴ. */
    shares: { total: number; good: number; inferiorV: number };
    mainPollutants: { code: string; rate: number }[];
  } | null;
}

/** River-grade thresholds. */
export interface GradeThresholds {
  minSections: number;
  excellent: number;
  good: number;
  moderate: number;
  severe: number;
}

/** Grades of every water body over Beijing months [from, to]. */
export async function getRivers(from: string, to: string) {
  const { data } = await request<{ from: string; to: string; thresholds: GradeThresholds; waterBodies: WaterBodyGradeView[] }>("GET", "/api/monitoring/rivers", { query: { from, to } });
  return data;
}

/** One water body's year: the year's grade and each month's. */
export type RiverYear = WaterBodyGradeView & { year: number; months: (WaterBodyGradeView & { month: string })[]; thresholds: GradeThresholds };

/** One water body over a year. */
export async function getRiverYear(waterBody: string, year: number) {
  const { data } = await request<RiverYear>("GET", `/api/monitoring/rivers/${encodeURIComponent(waterBody)}`, { query: { year } });
  return data;
}

// ── A point's year ─────────────────────────────────────────────────────────────────────────────────────────────

/** One month of a point's year (no samples: those come from /api/readings/assessment). */
export interface MonthClassView {
  month: string;
  targetClass: number | null;
  monthly: (AssessmentClassView & { sampleCount: number; abnormal: boolean }) | null;
  sampleCount: number;
}

/** The monthly classes of a point over a Beijing year, in one request: from raw data, or from the published (reviewed) basis. */
export async function getAssessmentYear(pointId: string, year: number, period: "sample" | "day" | "hour", basis: "raw" | "reviewed" = "raw") {
  const { data } = await request<{
    pointId: string; year: number; basis: "raw" | "reviewed"; excluded: { pending: number; rejected: number } | null; unchecked: number | null; months: MonthClassView[];
  }>("GET", "/api/readings/assessment/year", { query: { pointId, year, period, basis } });
  return data;
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The monitoring settings in force, with when each was last changed. */
export interface MonitoringSettingsView {
  ecoFlow: EcoFlowSettings;
  riverGrade: GradeThresholds;
  changed: Record<"ecoFlow" | "riverGrade", { at: string; by: string | null } | null>;
}

/** Reads the settings; `canChange` says whether the session may save them. */
export async function getMonitoringSettings() {
  const r = (await request<MonitoringSettingsView>("GET", "/api/monitoring/settings")) as Envelope<MonitoringSettingsView> & { meta: { canChange: boolean } };
  return { settings: r.data, canChange: r.meta.canChange };
}

/** Saves settings (a key left out stays). */
export async function saveMonitoringSettings(body: { ecoFlow?: EcoFlowSettings; riverGrade?: GradeThresholds }) {
  const { data } = await request<MonitoringSettingsView>("PUT", "/api/monitoring/settings", { body });
  return data;
}

// ── Devices ────────────────────────────────────────────────────────────────────────────────────────────────────

/** One device's status on a day. */
export interface DeviceStatusView {
  id: string;
  mn: string;
  st: string;
  enabled: boolean;
  pointId: string | null;
  pointName: string | null;
  lastSeenAt: string | null;
  /** Connected to this process's gateway; null when this process runs no gateway. */
  connected: boolean | null;
  online: boolean;
  packets: number;
  duplicates: number;
  errors: number;
  readings: number;
  lastError: string | null;
  hoursReceived: number;
  hoursExpected: number;
  transmissionRate: number | null;
  days: { day: string; hoursReceived: number; hoursExpected: number; rate: number | null }[];
}

/** Actions on a device. */
export type DeviceAction = "read" | "update" | "command";

/** Device status for a Beijing day (today when absent). */
export async function getDeviceStatus(day?: string) {
  const r = (await request<DeviceStatusView[], DeviceAction>("GET", "/api/monitoring/devices/status", { query: { day } })) as Envelope<DeviceStatusView[], DeviceAction> & {
    meta: { day: string; days: string[]; gateway: boolean; onlineWindowMinutes: number };
  };
  return r;
}

/** A platform-to-device command. */
export type DeviceCommand =
  | { kind: "time_sync" }
  | { kind: "rtd_interval"; seconds: number }
  | { kind: "min_interval"; minutes: number }
  | { kind: "history"; cn: "2051" | "2061" | "2031"; begin: string; end: string };

/** How a command ended (request → 9011 → data → 9012, with timeout and retries). */
export interface CommandOutcome {
  status: "done" | "refused" | "timeout";
  qnRtn: number | null;
  exeRtn: number | null;
  dataPackets: number;
  attempts: number;
}

/** Sends a command to a connected device and waits for the exchange to end. */
export async function sendDeviceCommand(id: string, command: DeviceCommand) {
  const { data } = await request<CommandOutcome>("POST", `/api/monitoring/devices/${encodeURIComponent(id)}/commands`, { body: command });
  return data;
}
