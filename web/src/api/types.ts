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
