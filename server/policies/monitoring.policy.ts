/**
 * @module Who may see and manage monitoring points, devices and readings. Every signed-in role reads monitoring
 * data (the campaign is judged on it); the office and monitoring operators maintain points and devices and import
 * lab results; only monitoring operators correct readings — a correction is a professional judgement on the data
 * (maintenance periods, comparison tests), made by the people accountable for the instruments.
 */
import type { PointRow } from "../db/schema";
import type { DeviceRow } from "../repositories/device.repository";
import { definePolicy, has, type Actor } from "./cancan";

/** Whether the actor may create points and devices. */
export const canManageMonitoring = (a: Actor) => has(a, "office_admin", "monitoring_operator");
/** Whether the actor may import lab results. */
export const canImportLabResults = (a: Actor) => has(a, "office_admin", "monitoring_operator");
/**
 * Whether the actor may change the monitoring settings (eco-flow warning levels, river-grade thresholds): they
 * decide how the campaign's waters are judged, so they are the campaign office's.
 */
export const canChangeMonitoringSettings = (a: Actor) => has(a, "office_admin");
/** Whether the actor may correct readings (a new version with a reason). */
export const canCorrectReadings = (a: Actor) => has(a, "monitoring_operator");

/** Rules for one monitoring point. */
export const pointPolicy = definePolicy<PointRow>()({
  read: () => true,
  update: (a) => canManageMonitoring(a),
  // Permit limits belong to enterprise outlets; sections are judged against GB 3838 classes instead.
  manageLimits: (a, p) => canManageMonitoring(a) && p.kind === "outlet",
  correctReadings: (a) => canCorrectReadings(a),
});

/** Rules for one device. */
export const devicePolicy = definePolicy<DeviceRow>()({
  read: () => true,
  update: (a) => canManageMonitoring(a),
  // Requests to the field machine (set time, intervals, history 补发) change its behaviour or load its link.
  command: (a, d) => canManageMonitoring(a) && d.enabled,
});
