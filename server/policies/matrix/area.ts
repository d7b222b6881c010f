/**
 * @module One area's part of the authorization matrix: its rows (same format as the core table in
 * ../authorizationMatrix.ts), the fixtures it needs, and one request per route that succeeds when authorized.
 * Each campaign area (supervision, registries, quality and alarms, public portal, production, monitoring) keeps its
 * own file here, so areas built side by side never edit the same lines. The matrix test merges them all.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** What every area's fixtures and requests can use: the core fixtures built by the matrix test. */
export interface MatrixBase {
  db: Kysely<DB>;
  /** The unit every signed-in test user belongs to (中站生态环境分局). */
  unitId: string;
  /** Another unit nobody of the test users belongs to (区农业农村局). */
  otherUnitId: string;
  /** A unit_staff user in `unitId`. */
  targetUserId: string;
  /** A unit_staff user in `otherUnitId`. */
  otherUserId: string;
  /** A river section S01 (class III target) with one hourly NH3-N reading on 2024-05-06. */
  sectionId: string;
  /** An enterprise outlet O01. */
  outletId: string;
  /** A device MN0001 bound to the outlet. */
  deviceId: string;
  /** A one-task plan imported into the test directory. */
  planId: string;
}

/** One request: succeeds (status < 400, or `allowStatus`) when the role is authorized. */
export interface Sample {
  url: string;
  body?: unknown;
  /** A request that puts back what this one changed (e.g. a password), sent when this one succeeded. */
  undo?: { url: string; body: unknown };
  /** The status an authorized call gets when it cannot succeed in this harness (no gateway: 503). */
  allowStatus?: number;
  /** Raw body instead of JSON (e.g. form-encoded Open311 posts), with its content type. */
  raw?: { contentType: string; payload: string | Buffer };
}

/** One area of the matrix. `F` is what its fixture returns. */
export interface MatrixArea<F = unknown> {
  /** Short name, for messages. */
  name: string;
  /**
   * Rows, one per route: `METHOD /api/path  anonymous office_admin unit_head unit_staff monitoring_operator
   * river_chief auditor` with cells A (allow), D (deny: 401 anonymous, else 403), S (scoped: allowed, own units only).
   * No header line.
   */
  table: string;
  /** Builds the area's fixtures once per engine (after the core fixtures). */
  fixture?: (base: MatrixBase) => Promise<F>;
  /** One request per route of `table`; `n` is unique per call (for unique names). */
  requests: Record<string, (fx: F, base: MatrixBase, n: number) => Sample>;
}

/** Declares an area with its fixture type inferred. */
export function defineMatrixArea<F>(area: MatrixArea<F>): MatrixArea<F> {
  return area;
}
