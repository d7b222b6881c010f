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
