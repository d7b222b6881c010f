/**
 * @module /api/quality and /api/review: QC settings per point and factor, the flags of a series with review states,
 * anti-fabrication findings with their evidence and decisions, the review queue and decisions, and the published
 * (reviewed) series. Types mirror server/routes/quality/present.ts.
 */
import { request } from "./client";
import type { ReadingPeriod, Series } from "./types";

/** QARTOD flag. */
export type QcFlag = 1 | 2 | 3 | 4 | 9;
/** Review state of a current value. */
export type ReviewState = "unchecked" | "passed" | "pending" | "accepted" | "rejected" | "corrected";

/** A current reading with its flags. */
export interface FlaggedReading {
  t: string;
  version: number;
  value: number | null;
  flag: string | null;
  source: string;
  belowDl: boolean;
  qcFlag: QcFlag | null;
  tests: Record<string, QcFlag> | null;
  reviewState: ReviewState;
  decision: string | null;
  reviewReason: string | null;
}

/** Settings of each test (null: off); see domain/qc/config.ts. */
export interface QcConfig {
  gap: { maxGapSeconds: number | null; maxLatencySeconds: number | null; futureToleranceSeconds: number } | null;
  grossRange: { failMin: number | null; failMax: number | null; suspectMin: number | null; suspectMax: number | null } | null;
  climatology: { months: { month: number; min: number | null; max: number | null }[] } | null;
  spike: { suspect: number; fail: number | null; maxNeighbourSeconds: number } | null;
  rateOfChange: { maxPerHour: number; maxIntervalSeconds: number } | null;
  flatLine: { tolerance: number; suspectSeconds: number; failSeconds: number | null } | null;
  instrument: { detectionLimit: number | null; rangeMin: number | null; rangeMax: number | null; resolution: number | null };
}
/** What is stored: tests left out keep their defaults. */
export type StoredQcConfig = Partial<QcConfig>;

/** The settings of a point. */
export interface PointQcSettings {
  pointId: string;
  period: ReadingPeriod;
  canEdit: boolean;
  factors: { factor: string; stored: StoredQcConfig | null; updatedAt: string | null; defaults: QcConfig }[];
}

/** The settings of a point with the defaults of `period`. */
export async function getQcSettings(pointId: string, period: ReadingPeriod = "hour"): Promise<PointQcSettings> {
  return (await request<PointQcSettings>("GET", "/api/quality/settings", { query: { pointId, period } })).data;
}

/** Saves a point and factor's settings. */
export function saveQcSettings(pointId: string, factor: string, config: StoredQcConfig) {
  return request<{ factor: string; stored: StoredQcConfig | null }>("PUT", `/api/quality/settings/${pointId}/${factor}`, { body: { config } });
}

/** Resets a point and factor to the defaults. */
export function resetQcSettings(pointId: string, factor: string) {
  return request<{ factor: string; stored: null }>("DELETE", `/api/quality/settings/${pointId}/${factor}`);
}

/** A series window. */
export interface WindowRequest {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  from: string;
  to: string;
}

/** Current values of a window with flags and review states. */
export async function getFlags(w: WindowRequest): Promise<FlaggedReading[]> {
  return (await request<FlaggedReading[]>("GET", "/api/quality/flags", { query: { ...w } })).data;
}

/** Published (reviewed) series: the monitoring series shape plus what was left out. */
export type PublishedSeries = Series & { basis: "reviewed"; excluded: { pending: number; rejected: number }; unchecked: number };

/** The published series of a window. */
export async function getPublishedSeries(w: WindowRequest & { bucket: "raw" | "hour" | "day" | "month"; maxPoints?: number }): Promise<PublishedSeries> {
  return (await request<PublishedSeries>("GET", "/api/quality/series", { query: { ...w } })).data;
}

/** One entry of the review queue. */
export interface QueueEntry {
  pointId: string;
  pointCode: string;
  pointName: string;
  factor: string;
  period: ReadingPeriod;
  t: string;
  version: number;
  value: number | null;
  flag: string | null;
  qcFlag: QcFlag;
  tests: Record<string, QcFlag>;
  source: string;
}

/** The review queue. */
export async function getReviewQueue(f: { pointId?: string; factor?: string; qcFlag?: 3 | 4 } = {}) {
  const r = await request<QueueEntry[]>("GET", "/api/review/queue", { query: { ...f } });
  return r as typeof r & { canDecide: boolean; nextCursor: string | null };
}

/** One value in a decision. */
export type ReviewItem = Pick<QueueEntry, "pointId" | "factor" | "period" | "t" | "version">;

/** Decides on values. */
export function decideReview(body: { items: ReviewItem[]; decision: "accept" | "reject" | "correct"; reason: string; value?: number | null }) {
  return request<{ decided: number; correctedVersion: number | null; violations: { opened: number; withdrawn: number; revised: number } }>("POST", "/api/review/decisions", { body });
}

/** Detector rules. */
export type DetectorRule = "detection_limit" | "narrow_variation" | "fixed_jitter" | "unexplained_gap" | "lab_disagreement" | "false_marking" | "mark_exceedance" | "cross_factor";

/** A finding. */
export interface Finding {
  id: string;
  rule: DetectorRule;
  pointId: string;
  pointCode: string | null;
  pointName: string | null;
  pointKind: string | null;
  factors: string[];
  period: ReadingPeriod;
  from: string;
  to: string;
  severity: "warning" | "serious";
  numbers: Record<string, number | string | null>;
  summary: string;
  status: "open" | "confirmed" | "dismissed";
  detectedAt: string;
  updatedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}
/** Actions on a finding. */
export type FindingAction = "read" | "decide" | "rejectData";

/** Findings, newest first. */
export function listFindings(f: { status?: Finding["status"]; rule?: DetectorRule; pointId?: string } = {}) {
  return request<Finding[], FindingAction>("GET", "/api/quality/findings", { query: { ...f } });
}

/** A finding with the data of its window. */
export function getFinding(id: string) {
  return request<Finding & { evidence: { factor: string; period: ReadingPeriod; from: string; to: string; values: FlaggedReading[] }[] }, FindingAction>(
    "GET", `/api/quality/findings/${encodeURIComponent(id)}`,
  );
}

/** Confirms or dismisses a finding. */
export function decideFinding(id: string, body: { decision: "confirm" | "dismiss"; reason: string; rejectData: boolean }) {
  return request<Finding & { rejected: number }, FindingAction>("POST", `/api/quality/findings/${encodeURIComponent(id)}/decision`, { body });
}

/** Counts for the area's overview. */
export async function getQualitySummary(): Promise<{ pendingReview: number; openFindings: Record<string, number>; openAlarms: { active: boolean; acknowledged: boolean; severity: string; n: number }[] }> {
  return (await request<{ pendingReview: number; openFindings: Record<string, number>; openAlarms: { active: boolean; acknowledged: boolean; severity: string; n: number }[] }>("GET", "/api/quality/summary")).data;
}
