/**
 * @module /api/registries: every registry's common routes by key (list with paging and policies, map, detail,
 * create, edit, history, attachments, .xlsx template / export / import), the follow-up tasks, and the registries'
 * own actions (see the scenes). Files travel as base64 in JSON; uploads use XMLHttpRequest for progress.
 */
import { postWithProgress, request, type OnProgress, type Query } from "./client";
import type { Envelope, Policies } from "./types";
import type { FeatureCollection } from "../../../domain/registries/geo";

/** Actions a registry record's policy answers. */
export type RegistryAction = "read" | "update" | "attach" | "review" | "verify";

/** Page meta of a list. */
export interface PageMeta {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  can: { create: boolean; import: boolean };
}

/** A list response. */
export interface RegistryPage<T> {
  data: T[];
  policies: Policies<RegistryAction>;
  meta: PageMeta;
}

/** An attachment of a record. */
export interface Attachment {
  id: string;
  purpose: "photo" | "evidence" | "rectification" | "document";
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  caption: string | null;
  /** EXIF GPS position of a photo (staff only). */
  location: { lon: number; lat: number } | null;
  /** EXIF time of a photo. */
  takenAt: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
  /** Download / display address. */
  url: string;
}

/** One history entry. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  data: Record<string, unknown>;
  transition: { action: string; from: string | null; to: string; note: string | null } | null;
}

/** A row of an import report. */
export interface ImportRowError {
  row: number;
  reasons: string[];
  cells: Record<string, string>;
}

/** The check of an import file. */
export interface ImportReport {
  fileName: string;
  sha256: string;
  fileError: string | null;
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  errors: ImportRowError[];
  clean: boolean;
}

/** The result of an import. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
  report: ImportReport;
}

/** A follow-up task. */
export interface RegistryTask {
  id: string;
  registry: string;
  recordId: string;
  kind: string;
  title: string;
  body: string;
  unitId: string | null;
  unitName: string | null;
  chief: { id: string; name: string; position: string } | null;
  dueOn: string | null;
  status: "open" | "done" | "cancelled";
  data: Record<string, unknown>;
  createdAt: string;
  closedAt: string | null;
  closingNote: string | null;
}

const base = (key: string) => `/api/registries/${key}`;

/** One page of a registry's records. */
export async function listRecords<T>(key: string, query: Query = {}): Promise<RegistryPage<T>> {
  const r = (await request<T[], RegistryAction>("GET", base(key), { query })) as Envelope<T[], RegistryAction> & { meta: PageMeta };
  return { data: r.data, policies: r.policies ?? {}, meta: r.meta };
}

/** Every matching record as GeoJSON features. */
export async function getRecordMap(key: string, query: Query = {}): Promise<FeatureCollection> {
  return (await request<FeatureCollection>("GET", `${base(key)}/map`, { query })).data;
}

/** One record with its attachments and policy. */
export function getRecord<T>(key: string, id: string) {
  return request<T & { attachments: Attachment[] }, RegistryAction>("GET", `${base(key)}/${encodeURIComponent(id)}`);
}

/** Creates a record. */
export function createRecord<T>(key: string, body: Record<string, unknown>) {
  return request<T, RegistryAction>("POST", base(key), { body });
}

/** Changes a record. */
export function updateRecord<T>(key: string, id: string, body: Record<string, unknown>) {
  return request<T, RegistryAction>("PATCH", `${base(key)}/${encodeURIComponent(id)}`, { body });
}

/** A record's history, newest first. */
export async function getHistory(key: string, id: string): Promise<HistoryEntry[]> {
  return (await request<HistoryEntry[]>("GET", `${base(key)}/${encodeURIComponent(id)}/history`)).data;
}

/** Address of the import template. */
export const templateUrl = (key: string) => `${base(key)}/template.xlsx`;

/** Address of the export with the list's filters. */
export function exportUrl(key: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "" && k !== "page" && k !== "pageSize") params.set(k, String(v));
  const s = params.toString();
  return `${base(key)}/export.xlsx${s ? `?${s}` : ""}`;
}

/** Upload progress, 0–1. */
export type { OnProgress };
export { postWithProgress };

/** A file ready to send. */
export interface FileUpload {
  fileName: string;
  contentBase64: string;
}

/** Checks an import file (nothing stored). */
export function checkImport(key: string, file: FileUpload, csrf: string | undefined, onProgress?: OnProgress) {
  return postWithProgress<ImportReport>(`${base(key)}/import/check`, file, csrf, onProgress);
}

/** Imports a file: every row or none. */
export function runImport(key: string, file: FileUpload, csrf: string | undefined, onProgress?: OnProgress) {
  return postWithProgress<ImportResult>(`${base(key)}/import`, file, csrf, onProgress);
}

/** Attaches a file to a record. */
export function uploadAttachment(key: string, id: string, body: FileUpload & { purpose: Attachment["purpose"]; caption?: string | null }, csrf: string | undefined, onProgress?: OnProgress) {
  return postWithProgress<Attachment>(`${base(key)}/${encodeURIComponent(id)}/attachments`, body, csrf, onProgress);
}

/** Reads a browser File as base64 (without the data-URL prefix). */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Follow-up tasks. */
export function listRegistryTasks(query: { status?: string; registry?: string; recordId?: string } = {}) {
  return request<RegistryTask[], "close">("GET", "/api/registries/tasks", { query });
}

/** Closes a follow-up task (office). */
export function closeRegistryTask(id: string, body: { status: "done" | "cancelled"; note: string }) {
  return request<RegistryTask>("POST", `/api/registries/tasks/${encodeURIComponent(id)}/close`, { body });
}

/** A registry's own action (lifecycle step etc.): POST to /api/registries/<key>/<id>/<path>. */
export function recordAction<T>(key: string, id: string, path: string, body: Record<string, unknown> = {}) {
  return request<T, RegistryAction>("POST", `${base(key)}/${encodeURIComponent(id)}/${path}`, { body });
}

/** A registry's own write with PUT (replacing a part of a record, e.g. an outfall's trace or plan). */
export function recordPut<T>(key: string, id: string, path: string, body: Record<string, unknown>) {
  return request<T, RegistryAction>("PUT", `${base(key)}/${encodeURIComponent(id)}/${path}`, { body });
}
