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

/** Kinds of monitoring point. */
export type PointKind = "section" | "auto_station" | "outlet" | "flow_station" | "drinking_intake";
/** Control level of a section: 国控 / 省控 / 市控 / 县控. */
export type PointLevel = "national" | "provincial" | "city" | "county";
/** Reading periods: real-time, minute, hour, day uploads and grab samples. */
export type ReadingPeriod = "rt" | "min" | "hour" | "day" | "sample";
/** Where a reading came from. */
export type ReadingSource = "gateway" | "lab" | "manual";

export interface MonitoringPointsTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: PointKind;
  level: PointLevel | null;
  water_body: string | null;
  water_body_type: "river" | "lake" | "reservoir" | null;
  target_class: number | null;
  lon: number | null;
  lat: number | null;
  unit_id: string | null;
  eco_flow_target: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PointLimitsTable {
  point_id: string;
  factor: string;
  upper_limit: number | null;
  lower_limit: number | null;
  unit: Generated<string>;
  basis: string;
}
export interface DevicesTable {
  id: Generated<string>;
  mn: string;
  pw: string;
  st: string;
  point_id: string | null;
  expected_factors: Generated<string[]>;
  enabled: Generated<boolean>;
  protocol_version: Generated<string>;
  last_seen_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ReadingsTable {
  point_id: string;
  factor: string;
  period: ReadingPeriod;
  t: Timestamp;
  version: Generated<number>;
  value: number | null;
  flag: string | null;
  source: ReadingSource;
  qc_flag: Generated<number>;
  detection_limit: number | null;
  below_dl: Generated<boolean>;
  original_value: number | null;
  original_unit: string | null;
  min_value: number | null;
  max_value: number | null;
  cou_value: number | null;
  device_mn: string | null;
  packet_qn: string | null;
  author_id: string | null;
  reason: string | null;
  received_at: Generated<Date>;
  /** Remark of a lab result (0004_reading_notes.sql); null for gateway readings. */
  note?: string | null;
}

/** Responsibility roles of a unit in a task (牵头 / 按职责分工负责 / 参与 / 负责落实 / 负责). */
export type TaskRole = "lead" | "co_lead" | "participant" | "implementer" | "responsible";
/** Every task role, in document order. */
export const TASK_ROLES: readonly TaskRole[] = ["lead", "co_lead", "participant", "implementer", "responsible"];

export interface PlansTable {
  id: Generated<string>;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  year: number;
  source_text: string;
  source_sha256: string;
  imported_by: string | null;
  imported_at: Generated<Date>;
}
export interface PlanGoalsTable {
  id: Generated<string>;
  plan_id: string;
  sort: number;
  text: string;
  targets: Json<unknown[]>;
}
export interface TasksTable {
  id: Generated<string>;
  plan_id: string;
  number: string;
  section: string | null;
  title: string;
  text: string;
  sort: number;
  status: Generated<"open" | "done" | "cancelled">;
  clauses: Json<unknown[]>;
}
export interface TaskUnitsTable {
  task_id: string;
  role: TaskRole;
  unit_id: string | null;
  collective: string | null;
}
export interface TaskDeadlinesTable {
  id: Generated<string>;
  task_id: string;
  due_on: string;
  text: string;
}

export interface GatewayPacketsTable {
  id: Generated<number>;
  mn: string;
  cn: string;
  qn: string;
  data_time: Timestamp | null;
  readings: number;
  received_at: Generated<Date>;
}
export interface DeviceDailyTable {
  mn: string;
  day: string;
  packets: Generated<number>;
  duplicates: Generated<number>;
  errors: Generated<number>;
  readings: Generated<number>;
  last_packet_at: Date | null;
  last_error: string | null;
}

/** The whole database as Kysely sees it. */
export interface DB {
  gateway_packets: GatewayPacketsTable;
  device_daily: DeviceDailyTable;
  plans: PlansTable;
  plan_goals: PlanGoalsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_deadlines: TaskDeadlinesTable;
  monitoring_points: MonitoringPointsTable;
  point_limits: PointLimitsTable;
  devices: DevicesTable;
  readings: ReadingsTable;
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
export type PointRow = Selectable<MonitoringPointsTable>;
export type ReadingRow = Selectable<ReadingsTable>;
export type NewReading = Insertable<ReadingsTable>;

// ── Supervision (0006_supervision.sql): rounds, submissions, lateness, the 督办 ladder, documents, notifications.
// Declared as a second `interface DB` block (declaration merging) so that concurrent additions do not collide.

/** Kinds of round: progress per task (调度), or the units' annual 实施方案 (no task). */
export type RoundKind = "progress" | "annual_plan";
/** Kinds of issued document: 提醒函, 督办通知, 致函, 约谈通知, 提请问责函. */
export type DocumentKind = "reminder" | "notice" | "letter" | "interview" | "accountability";
/** One rung of the ladder as stored (domain/supervision/ladderConfig.ts LADDER_STEPS). */
export type StoredLadderStep = "reminder" | "notice" | "letter" | "exposure" | "interview" | "accountability";

export interface FilesTable {
  sha256: string;
  size: number;
  content_type: string;
  created_at: Generated<Date>;
}
export interface RoundsTable {
  id: Generated<string>;
  plan_id: string;
  kind: Generated<RoundKind>;
  title: string;
  opened_at: Generated<Date>;
  due_on: string;
  opened_by: string | null;
  status: Generated<"open" | "closed">;
}
export interface RoundRequirementsTable {
  id: Generated<string>;
  round_id: string;
  task_id: string | null;
  unit_id: string;
  roles: Generated<string[]>;
}
export interface SubmissionsTable {
  id: Generated<string>;
  requirement_id: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
  text: string;
  figures: Json<unknown[]>;
}
export interface SubmissionAttachmentsTable {
  submission_id: string;
  sort: number;
  sha256: string;
  file_name: string;
}
export interface LatenessRecordsTable {
  requirement_id: string;
  round_id: string;
  task_id: string | null;
  unit_id: string;
  due_on: string;
  kind: "missing" | "late";
  days: number;
  submitted_on: string | null;
  recorded_at: Timestamp;
  updated_at: Timestamp;
}
export interface LaddersTable {
  id: Generated<string>;
  task_id: string;
  unit_id: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
}
export interface LadderStepsTable {
  ladder_id: string;
  seq: number;
  step: StoredLadderStep;
  at: Timestamp;
  confirmed_by: string | null;
  document_id: string | null;
  reasons: Json<unknown[]>;
}
export interface LadderProposalsTable {
  id: Generated<string>;
  ladder_id: string;
  step: StoredLadderStep;
  reasons: Json<unknown[]>;
  proposed_at: Timestamp;
  status: Generated<"pending" | "confirmed" | "lapsed">;
  decided_at: Timestamp | null;
  decided_by: string | null;
}
export interface IssuedDocumentsTable {
  id: Generated<string>;
  kind: DocumentKind;
  series: string | null;
  year: number | null;
  number: number | null;
  doc_number: string | null;
  unit_id: string;
  task_id: string | null;
  ladder_id: string | null;
  title: string;
  facts: Json<Record<string, unknown>>;
  file_sha256: string;
  issued_at: Timestamp;
  issued_by: string | null;
}
export interface InterviewsTable {
  id: Generated<string>;
  ladder_id: string;
  scheduled_for: string;
  place: string | null;
  document_id: string | null;
  held_on: string | null;
  minutes: string | null;
  minutes_ref: string | null;
  minutes_by: string | null;
  minutes_at: Timestamp | null;
}
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  unit_id: string | null;
  kind: string;
  title: string;
  body: string;
  data: Json<Record<string, unknown>>;
  dedupe_key: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

/** The supervision tables (merged into {@link DB} above). */
export interface DB {
  files: FilesTable;
  rounds: RoundsTable;
  round_requirements: RoundRequirementsTable;
  submissions: SubmissionsTable;
  submission_attachments: SubmissionAttachmentsTable;
  lateness_records: LatenessRecordsTable;
  ladders: LaddersTable;
  ladder_steps: LadderStepsTable;
  ladder_proposals: LadderProposalsTable;
  issued_documents: IssuedDocumentsTable;
  interviews: InterviewsTable;
  notifications: NotificationsTable;
}
