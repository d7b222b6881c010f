/**
 * @module The second group of registries' own API beside the common registry routes (./registries.ts): shapes of
 * drinking-water sources, their problems, enterprises, enterprise-years and facilities as the server presents them;
 * source compliance from monitoring, the intake and outlet points the forms offer, the fluoride coverage report,
 * an outlet's permit limits, the district's 万元工业增加值用水量, the facilities overview, and registering an online
 * monitor for an outlet (the monitoring area's POST /api/monitoring/devices).
 */
import { request } from "./client";
import type { Envelope, Policies } from "./types";
import type { Geometry } from "../../../domain/registries/geo";
import type { ProblemCategory, ProblemOrigin, ProblemPlace, ProblemStatus, SourceKind, SourceLevel, Zone } from "../../../domain/registries/drinkingSource";
import type { FluorideCoverage, FluorideCoverageEntry, MonitorState, PermitClass } from "../../../domain/registries/enterprise";
import type { FacilityKind } from "../../../domain/registries/facility";
import type { Attachment, RegistryAction } from "./registries";
import type { Label, Performer } from "../../../domain/registries/lifecycle";

/** The dynamic-zero count of a source. */
export interface SourceBoard {
  open: number;
  overdue: number;
  closed: number;
  zero: boolean;
}

/** A drinking-water source. */
export interface SourceRecord {
  id: string;
  code: string;
  name: string;
  sourceKind: SourceKind;
  level: SourceLevel;
  riverId: string | null;
  riverName: string | null;
  unitId: string;
  unitName: string | null;
  waterWorks: string | null;
  populationWan: number | null;
  capacityWanM3d: number | null;
  approval: string | null;
  standardized: boolean;
  zone1: Geometry | null;
  zone2: Geometry | null;
  zone3: Geometry | null;
  zoneAreas: Record<Zone, number | null>;
  lon: number | null;
  lat: number | null;
  intakes: { pointId: string; code: string; name: string; lon: number | null; lat: number | null }[];
  problems: SourceBoard;
  note: string | null;
  demo: boolean;
}

/** A failing item of a month. */
export interface ComplianceFailure {
  item: string;
  table: 1 | 2 | 3;
  value: number;
  limit: number | null;
  multiple: number | null;
  intake: string;
}

/** A source's compliance over a period. */
export interface SourceCompliance {
  sourceId: string;
  months: { month: string; compliant: boolean | null; intakes: number; volume: number; failures: ComplianceFailure[] }[];
  evaluated: number;
  compliant: number;
  volume: number;
  compliantVolume: number;
  sourceRate: number | null;
  intakeRate: number | null;
}

/** A problem of a source. */
export interface ProblemRecord {
  id: string;
  code: string;
  sourceId: string;
  sourceName: string | null;
  place: ProblemPlace;
  category: ProblemCategory;
  origin: ProblemOrigin;
  description: string;
  foundOn: string;
  unitId: string;
  unitName: string | null;
  deadline: string | null;
  overdue: boolean;
  rectification: string | null;
  status: ProblemStatus;
  statusSince: string;
  lon: number | null;
  lat: number | null;
  demo: boolean;
}

/** A lifecycle step offered on a detail page. */
export interface StepOffer<S extends string, A extends string> {
  action: A;
  to: S;
  by: Performer;
  label: Label;
  allowed: boolean;
}

/** A source's detail page. */
export interface SourceDetail extends SourceRecord {
  problemList: ProblemRecord[];
  compliance: SourceCompliance & { from: string; to: string };
  attachments: Attachment[];
}

/** An online monitor of a factor. */
export interface FactorMonitor {
  factor: string;
  name: string;
  state: MonitorState;
  devices: string[];
}

/** An enterprise. */
export interface EnterpriseRecord {
  id: string;
  code: string;
  name: string;
  creditCode: string | null;
  permitNo: string | null;
  permitClass: PermitClass | null;
  permitValidTo: string | null;
  industry: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  riverId: string | null;
  riverName: string | null;
  unitId: string;
  unitName: string | null;
  pollutants: { code: string; name: string }[];
  fluoride: boolean;
  declaredMonitors: string[];
  outlets: { id: string; code: string; name: string }[];
  monitors: FactorMonitor[];
  fluorideState: MonitorState | null;
  note: string | null;
  demo: boolean;
}

/** A device on an outlet. */
export interface OutletDeviceView {
  id: string;
  mn: string;
  pointId: string;
  pointCode: string;
  enabled: boolean;
  expectedFactors: string[];
  lastSeenAt: string | null;
  protocolVersion: string;
}

/** A permit limit. */
export interface LimitView {
  factor: string;
  name?: string;
  upperLimit: number | null;
  lowerLimit: number | null;
  unit: string;
  basis: string;
}

/** An enterprise's detail page. */
export interface EnterpriseDetail extends EnterpriseRecord {
  outletDetails: { id: string; code: string; name: string; lon: number | null; lat: number | null; waterBody: string | null; active: boolean; limits: LimitView[]; devices: OutletDeviceView[] }[];
  years: YearRecord[];
  canRegisterDevice: boolean;
  attachments: Attachment[];
}

/** An enterprise-year. */
export interface YearRecord {
  id: string;
  enterpriseId: string;
  enterpriseCode: string | null;
  enterpriseName: string | null;
  year: number;
  waterM3: number | null;
  valueAddedWan: number | null;
  reusedM3: number | null;
  intensity: number | null;
  note: string | null;
  demo: boolean;
}

/** A facility of any kind: common fields, the kind's attributes by key, and what follows from them. */
export interface FacilityRecord {
  id: string;
  kind: FacilityKind;
  registry: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string | null;
  riverId: string | null;
  riverName: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  geometry: Geometry | null;
  status: string;
  deadline: string | null;
  completedOn: string | null;
  overdue: boolean;
  derived: { standard?: string | null; loadRate?: number | null; sludgeYear?: number | null; sludge?: { landfill: number; safe: number } | null };
  note: string | null;
  demo: boolean;
  [attribute: string]: unknown;
}

/** A WWTP's sludge in a year (registry wwtp-sludge-years), tonnes. */
export interface SludgeYearRecord {
  id: string;
  facilityId: string;
  facilityCode: string | null;
  facilityName: string | null;
  unitId: string;
  year: number;
  producedT: number | null;
  landfillT: number | null;
  incinerationT: number | null;
  coprocessT: number | null;
  reuseT: number | null;
  shares: { landfill: number; safe: number } | null;
  note: string | null;
  demo: boolean;
}

/** The compliance of every (matching) source over a period. */
export function getCompliance(query: { from?: string; to?: string } = {}) {
  return request<{ from: string; to: string; sources: (SourceCompliance & { code: string; name: string })[]; summary: Omit<SourceCompliance, "sourceId" | "months"> }>(
    "GET", "/api/registries/drinking-sources/compliance", { query },
  );
}

/** Intake points and the source each belongs to. */
export async function listIntakePoints() {
  return (await request<{ id: string; code: string; name: string; sourceId: string | null }[]>("GET", "/api/registries/drinking-sources/intake-points")).data;
}

/** Outlet points and the enterprise each belongs to. */
export async function listOutletPoints() {
  return (await request<{ id: string; code: string; name: string; enterpriseId: string | null }[]>("GET", "/api/registries/enterprises/outlet-points")).data;
}

/** One fluoride enterprise in the coverage report (the server's type). */
export type CoverageRow = FluorideCoverageEntry;

/** The task 18 coverage report. */
export async function getFluorideCoverage() {
  type Coverage = { summary: FluorideCoverage; enterprises: CoverageRow[] };
  const r = (await request<Coverage>("GET", "/api/registries/enterprises/fluoride-coverage")) as Envelope<Coverage> & { meta: { can: { registerDevice: boolean } } };
  return { ...r.data, can: r.meta.can };
}

/** Replaces an outlet's permit limits. */
export function putLimits(enterpriseId: string, pointId: string, limits: LimitView[]) {
  return request<LimitView[]>("PUT", `/api/registries/enterprises/${encodeURIComponent(enterpriseId)}/outlets/${encodeURIComponent(pointId)}/limits`, {
    body: { limits: limits.map((l) => ({ factor: l.factor, upperLimit: l.upperLimit, lowerLimit: l.lowerLimit, unit: l.unit, basis: l.basis })) },
  });
}

/** The district's 万元工业增加值用水量. */
export interface IntensityReport {
  year: number;
  baseYear: number;
  current: { counted: number; incomplete: number; waterM3: number; valueAddedWan: number; intensity: number | null };
  base: { counted: number; incomplete: number; waterM3: number; valueAddedWan: number; intensity: number | null };
  change: number | null;
  years: number[];
  trend: { year: number; intensity: number | null; change: number | null }[];
}

/** The intensity in a year (default: the newest with figures). */
export async function getIntensity(year?: number) {
  return (await request<IntensityReport>("GET", "/api/registries/enterprise-years/intensity", { query: { year } })).data;
}

/** Counts of one kind. */
export interface KindCount {
  kind: FacilityKind;
  key: string;
  total: number;
  byStatus: Record<string, number>;
}

/** The facilities overview. */
export async function getFacilities(query: { kind?: string; q?: string; page?: number; pageSize?: number } = {}) {
  const r = (await request<FacilityRecord[], RegistryAction>("GET", "/api/registries/facilities", { query })) as Envelope<FacilityRecord[], RegistryAction> & {
    meta: { total: number; kinds: KindCount[] };
  };
  return { data: r.data, policies: (r.policies ?? {}) as Policies<RegistryAction>, meta: r.meta };
}

/** A new online monitor (数采仪) on an outlet. */
export interface NewDevice {
  mn: string;
  pw: string;
  st: string;
  pointId: string;
  expectedFactors: string[];
}

/** Registers a device with the monitoring area (office and monitoring operators). */
export function registerDevice(d: NewDevice) {
  return request<{ id: string; mn: string }>("POST", "/api/monitoring/devices", { body: { ...d, enabled: true, protocolVersion: "2017" } });
}
