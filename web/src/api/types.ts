/**
 * @module Shapes of the API's JSON (see server/presenters). Kept by hand beside the server's presenters; the web
 * client imports nothing from server/.
 */

/** Roles a user can hold. */
export type Role = "office_admin" | "unit_head" | "unit_staff" | "monitoring_operator" | "river_chief" | "auditor";

/** Every role, in the order the UI lists them. */
export const ROLES: readonly Role[] = ["office_admin", "unit_head", "unit_staff", "monitoring_operator", "river_chief", "auditor"];

/** Kinds of unit in the district directory. */
export type UnitKind = "office" | "department" | "branch" | "subdistrict" | "other";

/** Every unit kind, in the order the UI lists them. */
export const UNIT_KINDS: readonly UnitKind[] = ["office", "department", "branch", "subdistrict", "other"];

/** A unit as embedded in a user. */
export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
}

/** A user account. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  /** E-mail address for notifications and reports, or null. */
  email?: string | null;
  roles: Role[];
  units: UnitRef[];
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO time until which sign-in is locked, or null. */
  lockedUntil?: string | null;
  /** ISO creation time. */
  createdAt?: string;
}

/** A unit of the directory with the other names documents use for it. */
export interface Unit extends UnitRef {
  aliases: string[];
  sort?: number;
}

/** Global abilities sent with the session (server/policies/abilities.ts). */
export type { AbilityName } from "../../../domain/access/abilities";
import type { AbilityName } from "../../../domain/access/abilities";

/** Ability name → allowed. */
export type Abilities = Partial<Record<AbilityName, boolean>>;

/** Per-resource policies of a list response: id → action → allowed. */
export type Policies<A extends string = string> = Record<string, Partial<Record<A, boolean>>>;

/** Actions on a user account. */
export type UserAction = "update" | "resetPassword" | "disable";
/** Actions on a unit. */
export type UnitAction = "update";

/** The signed-in session. */
export interface Session {
  user: User;
  csrfToken: string;
  abilities: Abilities;
}

/** One entry of the hash-chained audit log. */
export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  correlationId?: string | null;
  data: unknown;
  hash: string;
  prevHash: string | null;
}

/** A successful API response. */
export interface Envelope<T, A extends string = string> {
  ok: true;
  data: T;
  policies?: Policies<A>;
  abilities?: Abilities;
  nextCursor?: string | null;
}

/** A failed API response. */
export interface ErrorBody {
  ok: false;
  error: string;
  status: number;
  message: string;
  data?: unknown;
  correlationId?: string;
}

/** One invalid field of a `validation` error. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The minimum password length (server/auth/password.ts). */
export const MIN_PASSWORD_LENGTH = 10;

// ——— Monitoring (server/presenters/presentMonitoring.ts, server/routes/readings) ———

/** Kinds of monitoring point: 断面, 自动站, 排口, 流量站, 饮用水取水口. */
export type PointKind = "section" | "auto_station" | "outlet" | "flow_station" | "drinking_intake";

/** Every point kind, in the order the UI lists them. */
export const POINT_KINDS: readonly PointKind[] = ["section", "auto_station", "outlet", "flow_station", "drinking_intake"];

/** Control level of a section: 国控, 省控, 市控, 县控. */
export type PointLevel = "national" | "provincial" | "city" | "county";

/** Every control level, highest first. */
export const POINT_LEVELS: readonly PointLevel[] = ["national", "provincial", "city", "county"];

/** Which stored series a reading belongs to: HJ 212 real-time, minute, hour, day uploads or lab samples. */
export type ReadingPeriod = "rt" | "min" | "hour" | "day" | "sample";

/** Actions on a monitoring point (server/policies/monitoring.policy.ts). */
export type PointAction = "read" | "update" | "manageLimits" | "correctReadings";

/** A monitoring point. */
export interface MonitoringPoint {
  id: string;
  code: string;
  name: string;
  kind: PointKind;
  level: PointLevel | null;
  waterBody: string | null;
  waterBodyType: "river" | "lake" | "reservoir" | null;
  /** Target class 1–5 (Ⅰ–Ⅴ), or null. */
  targetClass: number | null;
  lon: number | null;
  lat: number | null;
  unitId: string | null;
  ecoFlowTarget: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A permit limit of an outlet. */
export interface PointLimit {
  factor: string;
  upperLimit: number | null;
  lowerLimit: number | null;
  unit: string;
  basis: string;
}

/** An HJ 212 device (its password never leaves the server). */
export interface MonitoringDevice {
  id: string;
  mn: string;
  st: string;
  pointId: string | null;
  expectedFactors: string[];
  enabled: boolean;
  protocolVersion: "2017" | "2005";
  lastSeenAt: string | null;
  createdAt: string;
}

/** A point with its limits and devices (GET /api/monitoring/points/:id). */
export interface MonitoringPointDetail extends MonitoringPoint {
  limits: PointLimit[];
  devices: MonitoringDevice[];
}

/** One stored reading (GET /api/readings/latest). */
export interface Reading {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  t: string;
  version: number;
  /** Value in the storage unit (mg/L for concentrations); null when invalidated by a correction. */
  value: number | null;
  /** HJ 212 data flag (N normal, F stopped, M maintenance, S manual, D fault, C calibration, T over range, B comm). */
  flag: string | null;
  source: string;
  /** QARTOD flag: 1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing. */
  qcFlag: number | null;
  belowDl: boolean;
  detectionLimit: number | null;
  originalValue: number | null;
  originalUnit: string | null;
  min: number | null;
  max: number | null;
  deviceMn: string | null;
  authorId: string | null;
  reason: string | null;
  note: string | null;
  receivedAt: string;
}

/** Series aggregation: raw values or hour/day/month buckets in Beijing time. */
export type SeriesBucket = "raw" | "hour" | "day" | "month";

/** One raw point of a series. */
export interface RawSeriesPoint {
  t: string;
  value: number | null;
  flag: string | null;
  qcFlag: number | null;
  belowDl: boolean;
  version: number;
}

/** One aggregated bucket of a series. */
export interface BucketSeriesPoint {
  t: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  n: number;
  /** True when any value in the bucket carries a non-N flag. */
  abnormal: boolean;
}

/** A series (GET /api/readings/series): the server may fall back from raw to hour buckets for long windows. */
export type Series =
  | { bucket: "raw"; requested: SeriesBucket; total: number | null; downsampled: boolean; points: RawSeriesPoint[] }
  | { bucket: "hour" | "day" | "month"; requested: SeriesBucket; total: number | null; downsampled: boolean; points: BucketSeriesPoint[] };

/** A point's class results (GET /api/readings/assessment): the server presenter's own shapes (domain/monitoring/views.ts). */
export type { AssessmentClassView, MonthAssessment } from "../../../domain/monitoring/views";

/** One bad row of a lab file. */
export interface LabRowErrorView {
  /** Row number in the file (the header is row 1). */
  row: number;
  reasons: string[];
  cells: Record<string, string>;
}

/** The dry-run report of a lab file (POST /api/readings/lab-imports/check). */
export interface LabReport {
  fileName: string;
  sha256: string;
  /** A problem with the whole file; nothing can be imported. */
  fileError: string | null;
  rows: number;
  valid: number;
  errors: LabRowErrorView[];
  /** True when an import would store everything. */
  clean: boolean;
  preview: {
    row: number;
    pointId: string;
    factor: string;
    t: string;
    localTime: string;
    value: number;
    belowDl: boolean;
    detectionLimit: number | null;
    originalValue: number;
    originalUnit: string;
    note: string | null;
  }[];
}

/** The outcome of a lab import (POST /api/readings/lab-imports). */
export interface LabImportResult {
  inserted: number;
  duplicates: number;
  skippedRows: number;
  report: LabReport;
}
