/**
 * @module The monitoring reports and device status (issues 8 §5–7, 9 §2): ecological flow, drinking-water compliance,
 * river grades, a point's year of monthly classes, the monitoring settings, device status with its daily
 * transmission rates, and platform-to-device commands. Every report also downloads as .xlsx (`exportUrl`).
 */
import { request, type Query } from "./client";
import type { Envelope } from "./types";
import type { EcoFlowSettings } from "../../../domain/assessment/ecoFlow";
import type { GradeThresholds } from "../../../domain/assessment/riverGrade";
import type { AssessmentYear, DrinkingWaterReport, EcoFlowReport, MonitoringSettingsView, RiverYear, RiversReport } from "../../../domain/monitoring/views";
import type { CommandOutcome } from "../../../domain/hj212/exchange";

/** The report shapes are the server presenters' own (domain/monitoring/views.ts). */
export type {
  AssessmentYear, DrinkingMonth, DrinkingRates, DrinkingWaterReport, EcoFlowMonth, EcoFlowReport, EcoFlowStation, IntakeMonth, IntakeReport,
  MonitoringSettingsView, MonthClassView, RiverYear, RiversReport, SectionGrade, WaterBodyGrade,
} from "../../../domain/monitoring/views";
export type { EcoFlowDay, EcoFlowSettings } from "../../../domain/assessment/ecoFlow";
export type { SourceFailure } from "../../../domain/assessment/drinkingSource";
export type { GradeThresholds, WaterStatus } from "../../../domain/assessment/riverGrade";

/** The address of a report's .xlsx export (a same-origin link: the session cookie goes with it). */
export function exportUrl(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, format: "xlsx" })) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return `${path}?${params.toString()}`;
}

// ── Ecological flow ────────────────────────────────────────────────────────────────────────────────────────────

/** Eco flow of every flow station over Beijing days [from, to]. */
export async function getEcoFlow(from: string, to: string) {
  const { data } = await request<EcoFlowReport>("GET", "/api/monitoring/eco-flow", { query: { from, to } });
  return data;
}

// ── Drinking water ─────────────────────────────────────────────────────────────────────────────────────────────

/** Drinking-water compliance over Beijing months [from, to]. */
export async function getDrinkingWater(from: string, to: string) {
  const { data } = await request<DrinkingWaterReport>("GET", "/api/monitoring/drinking-water", { query: { from, to } });
  return data;
}

// ── Rivers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Grades of every water body over Beijing months [from, to]. */
export async function getRivers(from: string, to: string) {
  const { data } = await request<RiversReport>("GET", "/api/monitoring/rivers", { query: { from, to } });
  return data;
}

/** One water body over a year. */
export async function getRiverYear(waterBody: string, year: number) {
  const { data } = await request<RiverYear>("GET", `/api/monitoring/rivers/${encodeURIComponent(waterBody)}`, { query: { year } });
  return data;
}

// ── A point's year ─────────────────────────────────────────────────────────────────────────────────────────────

/** The monthly classes of a point over a Beijing year, in one request: from raw data, or from the published (reviewed) basis. */
export async function getAssessmentYear(pointId: string, year: number, period: "sample" | "day" | "hour", basis: "raw" | "reviewed" = "raw") {
  const { data } = await request<AssessmentYear>("GET", "/api/readings/assessment/year", { query: { pointId, year, period, basis } });
  return data;
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────────────────────────

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

/** How a command ended (request → 9011 → data → 9012, with timeout and retries): the gateway's own type. */
export type { CommandOutcome };

/** Sends a command to a connected device and waits for the exchange to end. */
export async function sendDeviceCommand(id: string, command: DeviceCommand) {
  const { data } = await request<CommandOutcome>("POST", `/api/monitoring/devices/${encodeURIComponent(id)}/commands`, { body: command });
  return data;
}
