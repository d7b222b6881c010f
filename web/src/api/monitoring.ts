/**
 * @module /api/monitoring and /api/readings: monitoring points with their limits and devices, reading series
 * (server-side hour/day/month buckets and LTTB), latest values, monthly assessments and the lab-result import.
 * Lab files travel as base64 in JSON; the upload uses XMLHttpRequest so the page can show upload progress.
 */
import { postWithProgress, request } from "./client";
import type {
  LabImportResult,
  LabReport,
  MonitoringPoint,
  MonitoringPointDetail,
  MonthAssessment,
  PointAction,
  PointKind,
  PointLevel,
  Reading,
  ReadingPeriod,
  Series,
  SeriesBucket,
} from "./types";

/** Filters of the point list. */
export interface PointFilter {
  kind?: PointKind;
  level?: PointLevel;
  /** Exact water-body name, e.g. 大沙河. */
  waterBody?: string;
  /** Part of the code or name. */
  q?: string;
}

/** Lists monitoring points with per-point policies. */
export function listPoints(filter: PointFilter = {}) {
  return request<MonitoringPoint[], PointAction>("GET", "/api/monitoring/points", { query: { ...filter } });
}

/** One point with its permit limits and devices. */
export function getPoint(id: string) {
  return request<MonitoringPointDetail, PointAction>("GET", `/api/monitoring/points/${encodeURIComponent(id)}`);
}

/** A series request. */
export interface SeriesRequest {
  pointId: string;
  factor: string;
  period: ReadingPeriod;
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
  bucket: SeriesBucket;
  /** Most points returned (LTTB beyond). */
  maxPoints?: number;
}

/** A factor's series at a point, raw (LTTB-downsampled) or bucketed in Beijing time. */
export async function getSeries(q: SeriesRequest): Promise<Series> {
  const { data } = await request<Series>("GET", "/api/readings/series", { query: { ...q } });
  return data;
}

/** The latest value of every factor of a point, per period (all periods when `period` is absent). */
export async function getLatest(pointId: string, period?: ReadingPeriod): Promise<Reading[]> {
  const { data } = await request<Reading[]>("GET", "/api/readings/latest", { query: { pointId, period } });
  return data;
}

/** The assessment of one Beijing-time month ("YYYY-MM") of a point. */
export async function getAssessment(pointId: string, month: string, period: "sample" | "day" | "hour" = "sample"): Promise<MonthAssessment> {
  const { data } = await request<MonthAssessment>("GET", "/api/readings/assessment", { query: { pointId, month, period } });
  return data;
}

/** Address of the downloadable lab template (.xlsx or .csv). */
export function labTemplateUrl(format: "xlsx" | "csv"): string {
  return `/api/readings/lab-template?format=${format}`;
}

/** A lab file ready to send. */
export interface LabUpload {
  fileName: string;
  contentBase64: string;
  skipErrors?: boolean;
}

/** Upload progress, 0–1, while the request body is sent. */
export type OnUploadProgress = (fraction: number) => void;


/** Checks a lab file without storing anything: every bad row with its reasons, and a preview. */
export function checkLabFile(file: LabUpload, csrfToken: string | undefined, onProgress?: OnUploadProgress) {
  return postWithProgress<LabReport>("/api/readings/lab-imports/check", file, csrfToken, onProgress);
}

/** Imports a lab file (one transaction); refused while bad rows remain unless `skipErrors`. */
export function importLabFile(file: LabUpload, csrfToken: string | undefined, onProgress?: OnUploadProgress) {
  return postWithProgress<LabImportResult>("/api/readings/lab-imports", file, csrfToken, onProgress);
}

/**
 * Reads a browser File as base64 (without the data-URL prefix), reporting read progress.
 * @example const b64 = await readFileBase64(file, (f) => setPercent(f * 100));
 */
export function readFileBase64(file: Blob, onProgress?: OnUploadProgress): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}
