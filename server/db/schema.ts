/**
 * @module Table types for Kysely, one interface per table, kept by hand beside the SQL migrations in ./migrations.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** The six roles of the platform. */
export type Role = "office_admin" | "unit_head" | "unit_staff" | "monitoring_operator" | "river_chief" | "auditor";
/** Every role, in display order. */
export const ROLES: readonly Role[] = [
  "office_admin",
  "unit_head",
  "unit_staff",
  "monitoring_operator",
  "river_chief",
  "auditor",
];

/** Kinds of unit: the campaign office, district departments, branches of city bureaus, sub-districts. */
export type UnitKind = "office" | "department" | "branch" | "subdistrict" | "other";
/** Every unit kind. */
export const UNIT_KINDS: readonly UnitKind[] = ["office", "department", "branch", "subdistrict", "other"];

export interface UnitsTable {
  id: Generated<string>;
  name: string;
  kind: UnitKind;
  sort: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface UnitAliasesTable {
  alias: string;
  unit_id: string;
}
export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface UserRolesTable {
  user_id: string;
  role: Role;
}
export interface MembershipsTable {
  user_id: string;
  unit_id: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}
export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  success: boolean;
  at: Generated<Date>;
}
export interface AuditEventsTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  ip: string | null;
  correlation_id: string | null;
  data: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface JobRunsTable {
  name: string;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_status: string | null;
  last_error: string | null;
  last_result: Json | null;
}
export interface SchemaMigrationsTable {
  version: string;
  checksum: string;
  applied_at: Generated<Date>;
}

/** The whole database as Kysely sees it. */
export interface DB {
  units: UnitsTable;
  unit_aliases: UnitAliasesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  job_runs: JobRunsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditEventsTable>;
