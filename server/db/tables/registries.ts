/**
 * @module Table types of the campaign registries (issue 5) — migrations 0010_registries_* and 0011_registries_*:
 * rivers and river chiefs, attachments, transitions and follow-up tasks of any registry record, and the
 * registries' own tables. Declared by augmenting `DB` (see server/db/schema.ts).
 */
import type { ColumnType, Generated, Selectable } from "kysely";

type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** A nullable column that inserts may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface RiversTable {
  id: Generated<string>;
  name: string;
  kind: "river" | "lake" | "reservoir" | "canal";
  geometry: ColumnType<unknown, string | null | undefined, string | null>;
  length_km: Optional<number>;
  basin: Optional<string>;
  unit_id: Optional<string>;
  note: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RiverChiefsTable {
  id: Generated<string>;
  river_id: string;
  level: "district" | "subdistrict" | "village";
  name: string;
  position: string;
  reach: Optional<string>;
  phone: Optional<string>;
  user_id: Optional<string>;
  unit_id: Optional<string>;
  active: Generated<boolean>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** Purposes of an attachment. */
export type AttachmentPurpose = "photo" | "evidence" | "rectification" | "document";
export interface RegistryAttachmentsTable {
  id: Generated<string>;
  registry: string;
  record_id: string;
  purpose: Generated<AttachmentPurpose>;
  sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  gps_lon: Optional<number>;
  gps_lat: Optional<number>;
  taken_at: Optional<Date>;
  caption: Optional<string>;
  uploaded_by: Optional<string>;
  uploaded_at: Generated<Date>;
}
export interface RegistryTransitionsTable {
  id: Generated<number>;
  registry: string;
  record_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: Optional<string>;
  at: Generated<Date>;
  actor_id: Optional<string>;
  actor_name: Optional<string>;
  audit_seq: Optional<number>;
}
export interface RegistryTasksTable {
  id: Generated<string>;
  registry: string;
  record_id: string;
  kind: string;
  title: string;
  body: string;
  unit_id: Optional<string>;
  chief_id: Optional<string>;
  due_on: Optional<string>;
  status: Generated<"open" | "done" | "cancelled">;
  data: Json<Record<string, unknown>>;
  dedupe_key: string;
  created_at: Generated<Date>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_by: Optional<string>;
  closing_note: Optional<string>;
}

/** A river row. */
export type RiverRow = Selectable<RiversTable>;
/** A river chief row. */
export type RiverChiefRow = Selectable<RiverChiefsTable>;
/** An attachment row. */
export type RegistryAttachmentRow = Selectable<RegistryAttachmentsTable>;
/** A transition row. */
export type RegistryTransitionRow = Selectable<RegistryTransitionsTable>;
/** A follow-up task row. */
export type RegistryTaskRow = Selectable<RegistryTasksTable>;

declare module "../schema" {
  interface DB {
    rivers: RiversTable;
    river_chiefs: RiverChiefsTable;
    registry_attachments: RegistryAttachmentsTable;
    registry_transitions: RegistryTransitionsTable;
    registry_tasks: RegistryTasksTable;
  }
  interface MonitoringPointsTable {
    /** The river the point is on (0010_registries_framework). */
    river_id: Optional<string>;
  }
}

/** Kinds of black-odorous water body. */
export type BodyKind = "river" | "lake" | "pond" | "ditch";
export interface BlackOdorousBodiesTable {
  id: Generated<string>;
  code: string;
  name: string;
  body_kind: Generated<BodyKind>;
  river_id: Optional<string>;
  unit_id: string;
  chief_id: Optional<string>;
  location: Optional<string>;
  geometry: ColumnType<unknown, string | null | undefined, string | null>;
  length_km: Optional<number>;
  area_km2: Optional<number>;
  deadline: Optional<string>;
  status: Generated<"identified" | "underTreatment" | "eliminated" | "longTermEffective">;
  status_since: string;
  identified_grade: Optional<"light" | "severe">;
  measures: Optional<string>;
  latest_grade: Optional<"none" | "light" | "severe">;
  latest_sampled_to: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface BlackOdorousRoundsTable {
  id: Generated<string>;
  body_id: string;
  sampled_from: string;
  sampled_to: string;
  grade: "none" | "light" | "severe";
  result: Json<Record<string, unknown>>;
  file_name: string;
  file_sha256: Optional<string>;
  relapse: Generated<boolean>;
  imported_by: Optional<string>;
  imported_at: Generated<Date>;
}
export interface BlackOdorousSamplesTable {
  round_id: string;
  point: string;
  point_order: number;
  sampled_on: string;
  depth_cm: Optional<number>;
  transparency: Optional<number>;
  dissolved_oxygen: Optional<number>;
  orp: Optional<number>;
  ammonia: Optional<number>;
  note: Optional<string>;
  sheet_row: number;
}
/** A black-odorous body row. */
export type BlackOdorousBodyRow = Selectable<BlackOdorousBodiesTable>;
/** A sampling round row. */
export type BlackOdorousRoundRow = Selectable<BlackOdorousRoundsTable>;

declare module "../schema" {
  interface DB {
    black_odorous_bodies: BlackOdorousBodiesTable;
    black_odorous_rounds: BlackOdorousRoundsTable;
    black_odorous_samples: BlackOdorousSamplesTable;
  }
}

/** Stages of an outfall. */
export type OutfallStageValue = "investigation" | "monitoring" | "tracing" | "remediation" | "review" | "closed";
/** Ways of 整治. */
export type RemediationKindValue = "ban" | "merge" | "standardize";
export interface OutfallsTable {
  id: Generated<string>;
  code: string;
  name: string;
  type_code: string;
  type_note: Optional<string>;
  river_id: Optional<string>;
  receiving_water: Optional<string>;
  unit_id: string;
  responsible_party: Optional<string>;
  location: Optional<string>;
  lon: Optional<number>;
  lat: Optional<number>;
  found_on: string;
  stage: Generated<OutfallStageValue>;
  stage_since: string;
  remediation_kind: Optional<RemediationKindValue>;
  closed_on: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface OutfallTestsTable {
  id: Generated<string>;
  outfall_id: string;
  sampled_on: string;
  flowing: Generated<boolean>;
  cod: Optional<number>;
  ammonia: Optional<number>;
  total_phosphorus: Optional<number>;
  flow_m3d: Optional<number>;
  conclusion: "compliant" | "exceeds" | "dry";
  note: Optional<string>;
  recorded_by: Optional<string>;
  recorded_at: Generated<Date>;
}
export interface OutfallTraceNodesTable {
  id: Generated<string>;
  outfall_id: string;
  kind: "drain" | "pipe" | "enterprise" | "source";
  label: string;
  downstream_id: Optional<string>;
  note: Optional<string>;
  sort: Generated<number>;
}
export interface OutfallPlansTable {
  outfall_id: string;
  remediation_kind: Optional<RemediationKindValue>;
  goal: Optional<string>;
  updated_at: Generated<Date>;
  updated_by: Optional<string>;
}
export interface OutfallMeasuresTable {
  id: Generated<string>;
  outfall_id: string;
  seq: number;
  text: string;
  unit_id: Optional<string>;
  deadline: Optional<string>;
  done_on: Optional<string>;
  note: Optional<string>;
}
/** An outfall row. */
export type OutfallRow = Selectable<OutfallsTable>;
/** A sampling record of an outfall. */
export type OutfallTestRow = Selectable<OutfallTestsTable>;
/** A trace node. */
export type OutfallTraceNodeRow = Selectable<OutfallTraceNodesTable>;
/** A plan measure. */
export type OutfallMeasureRow = Selectable<OutfallMeasuresTable>;

declare module "../schema" {
  interface DB {
    outfalls: OutfallsTable;
    outfall_tests: OutfallTestsTable;
    outfall_trace_nodes: OutfallTraceNodesTable;
    outfall_plans: OutfallPlansTable;
    outfall_measures: OutfallMeasuresTable;
  }
}

/** Statuses of a 清四乱 problem. */
export type ChaosStatusValue = "open" | "rectifying" | "rectified" | "verified" | "closed";
export interface FourChaosProblemsTable {
  id: Generated<string>;
  code: string;
  category: "occupation" | "mining" | "dumping" | "construction";
  subtype: string;
  river_id: string;
  location: Optional<string>;
  lon: Optional<number>;
  lat: Optional<number>;
  source: "patrol" | "complaint" | "inspection";
  found_on: string;
  description: string;
  severity: Optional<"general" | "serious" | "major">;
  unit_id: string;
  chief_id: Optional<string>;
  deadline: Optional<string>;
  status: Generated<ChaosStatusValue>;
  status_since: string;
  rectification: Optional<string>;
  rectified_on: Optional<string>;
  verified_on: Optional<string>;
  verified_by: Optional<string>;
  closed_on: Optional<string>;
  reported_by: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** A 清四乱 problem row. */
export type FourChaosProblemRow = Selectable<FourChaosProblemsTable>;

declare module "../schema" {
  interface DB {
    four_chaos_problems: FourChaosProblemsTable;
  }
}
