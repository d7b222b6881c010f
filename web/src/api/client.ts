/**
 * @module The typed fetch client: same-origin cookies, the CSRF header on every write, one error type.
 * A write refused with `auth.csrf` (e.g. the token rotated in another tab) refreshes the token once and retries.
 */
import type { Envelope, ErrorBody, FieldIssue } from "./types";

/** An API failure with the server's stable error id (or `network`). */
export class ApiError extends Error {
  constructor(
    /** Stable id from server/errors.ts, or `network` when the server could not be reached. */
    readonly id: string,
    /** HTTP status (0 for network failures). */
    readonly status: number,
    message: string,
    /** Machine-readable detail, e.g. `{ issues }` or `{ retryAfterSeconds }`. */
    readonly data?: unknown,
    /** The server's request id, for support. */
    readonly correlationId?: string,
  ) {
    super(message);
  }

  /** Field issues of a `validation` error (empty otherwise). */
  get issues(): FieldIssue[] {
    const issues = (this.data as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from login or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Query parameters; empty values are left out. */
export type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function send<T, A extends string>(method: Method, url: string, body: unknown): Promise<Envelope<T, A>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError("network", 0, e instanceof Error ? e.message : "network error");
  }
  let json: Envelope<T, A> | ErrorBody | null = null;
  try {
    json = (await res.json()) as Envelope<T, A> | ErrorBody;
  } catch {
    // A proxy's HTML error page or an empty body: report by status below.
  }
  if (json && json.ok === true) return json;
  if (json && json.ok === false) throw new ApiError(json.error, json.status ?? res.status, json.message, json.data, json.correlationId);
  throw new ApiError(res.status >= 500 ? "internal" : "unknown", res.status, res.statusText);
}

/** Fetches a fresh CSRF token from the session (used after an `auth.csrf` refusal). */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await send<{ csrfToken: string }, string>("GET", "/api/auth/me", undefined);
    setCsrfToken(me.data.csrfToken);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls the API and returns the whole success envelope (data, policies, nextCursor…); throws `ApiError` otherwise.
 * @example const { data, policies } = await request<User[], UserAction>("GET", "/api/users", { query: { q } });
 */
export async function request<T, A extends string = string>(
  method: Method,
  path: string,
  opts: { query?: Query; body?: unknown } = {},
): Promise<Envelope<T, A>> {
  const url = withQuery(path, opts.query);
  try {
    return await send<T, A>(method, url, opts.body);
  } catch (e) {
    if (method !== "GET" && e instanceof ApiError && e.id === "auth.csrf" && (await refreshCsrfToken())) {
      return send<T, A>(method, url, opts.body);
    }
    throw e;
  }
}

/** Upload progress, 0–1. */
export type OnProgress = (fraction: number) => void;

/**
 * POSTs JSON with XMLHttpRequest (fetch reports no upload progress). Same envelope and errors as `request`; the
 * CSRF token is the caller's (the session's copy).
 */
export function postWithProgress<T>(path: string, body: unknown, csrfToken: string | undefined, onProgress?: OnProgress): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError("network", 0, "network error"));
    xhr.onload = () => {
      let json: Envelope<T> | ErrorBody | null = null;
      try {
        json = JSON.parse(xhr.responseText) as Envelope<T> | ErrorBody;
      } catch {
        // Not JSON (a proxy's error page): reported by status below.
      }
      if (json && json.ok === true) resolve(json.data);
      else if (json && json.ok === false) reject(new ApiError(json.error, json.status ?? xhr.status, json.message, json.data, json.correlationId));
      else reject(new ApiError(xhr.status >= 500 ? "internal" : "unknown", xhr.status, xhr.statusText));
    };
    xhr.send(JSON.stringify(body));
  });
}
