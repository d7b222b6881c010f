/**
 * @module /api/emergency: rivers' emergency plans (一河一策一图) with their contact chains, records up- and downstream,
 * steps and map data; activation; incidents with their log. Types mirror server/routes/emergency/emergency.ts.
 */
import { request } from "./client";
import type { Geometry } from "../../../domain/registries/geo";
import type { PlanContact, PlanStep } from "../../../domain/alarms/emergencyPlan";

/** Where a record lies relative to the chosen point. */
export type Side = "upstream" | "downstream" | "unknown";
/** A record placed along the river. */
export interface Placed {
  id: string;
  code: string;
  name: string;
  lon: number | null;
  lat: number | null;
  side: Side;
  distanceKm: number | null;
}
/** A plan's contacts and steps: the domain's types. */
export type { PlanContact, PlanStep };
/** A plan as shown (stored, or the template). */
export interface PlanView {
  river: { id: string; name: string; kind: string; geometry: Geometry | null; demo: boolean };
  plan: { id: string | null; stored: boolean; title: string; contacts: PlanContact[]; steps: PlanStep[]; courseReversed: boolean; note: string | null; updatedAt: string | null };
  reference: { id: string; code: string; name: string; lon: number | null; lat: number | null } | null;
  hasCourse: boolean;
  chiefs: { id: string; level: "district" | "subdistrict" | "village"; name: string; position: string; reach: string | null; phone: string | null; hasAccount: boolean }[];
  outfalls: (Placed & { type_code: string; stage: string; responsible_party: string | null })[];
  enterprises: (Placed & { industry: string | null; fluoride: boolean; permit_no: string | null })[];
  sources: (Placed & { level: string; population_wan: number | null; water_works: string | null })[];
  points: (Placed & { kind: string })[];
}
/** An incident. */
export interface Incident {
  id: string;
  planId: string;
  riverId: string;
  riverName: string | null;
  alarmId: string | null;
  pointId: string | null;
  title: string;
  status: "open" | "closed";
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  summary: string | null;
}
/** One entry of an incident's log. */
export interface IncidentLogEntry {
  id: number;
  at: string;
  kind: "opened" | "notified" | "step" | "note" | "closed";
  text: string;
  data: Record<string, unknown>;
  actorName: string | null;
}

/** Rivers with their plans. */
export async function listPlans() {
  const r = await request<{ riverId: string; riverName: string; kind: string; demo: boolean; planId: string | null; planTitle: string | null; updatedAt: string | null; openIncidents: number }[]>("GET", "/api/emergency/plans");
  return r as typeof r & { canEdit: boolean };
}

/** One river's plan, relative to a point when given. */
export async function getPlan(riverId: string, pointId?: string) {
  const r = await request<PlanView & { openIncidents: Incident[] }>("GET", `/api/emergency/plans/${riverId}`, { query: { pointId } });
  return r as typeof r & { canEdit: boolean; canActivate: boolean };
}

/** Saves a river's plan. */
export function savePlan(riverId: string, body: { title: string; contacts: PlanContact[]; steps: PlanStep[]; courseReversed: boolean; note: string | null }) {
  return request<{ id: string }>("PUT", `/api/emergency/plans/${riverId}`, { body });
}

/** Activates a river's plan. */
export function activatePlan(riverId: string, body: { alarmId?: string | null; pointId?: string | null; note?: string | null }) {
  return request<Incident & { created: boolean; notified: number }>("POST", `/api/emergency/plans/${riverId}/activate`, { body });
}

/** Incidents. */
export function listIncidents(f: { status?: "open" | "closed" } = {}) {
  return request<Incident[], "read" | "log" | "close">("GET", "/api/emergency/incidents", { query: { ...f } });
}

/** One incident with its plan view and log. */
export function getIncident(id: string) {
  return request<Incident & { view: PlanView; log: IncidentLogEntry[] }, "read" | "log" | "close">("GET", `/api/emergency/incidents/${id}`);
}

/** Writes to an incident's log. */
export function logIncident(id: string, body: { kind: "step" | "note"; text: string; stepIndex?: number }) {
  return request<Incident>("POST", `/api/emergency/incidents/${id}/log`, { body });
}

/** Closes an incident. */
export function closeIncident(id: string, summary: string) {
  return request<Incident>("POST", `/api/emergency/incidents/${id}/close`, { body: { summary } });
}
