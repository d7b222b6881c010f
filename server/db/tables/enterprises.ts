/**
 * @module Table types of the second group of campaign registries (issue 5 §4–6) — migrations
 * 0012_registries_drinking_sources, 0013_registries_enterprises, 0014_registries_facilities: drinking-water
 * sources with their zones, intakes and problems; enterprises, their outlets' link and yearly water use; facilities
 * of every kind. Declared by augmenting `DB` (see server/db/schema.ts).
 */
import type { ColumnType, Generated, Selectable } from "kysely";
import type { SourceKind, SourceLevel, ProblemCategory, ProblemOrigin, ProblemPlace, ProblemStatus } from "../../../domain/registries/drinkingSource";
import type { PermitClass } from "../../../domain/registries/enterprise";
import type { FacilityKind } from "../../../domain/registries/facility";

type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** A nullable column that inserts may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A nullable GeoJSON column (written as JSON text). */
type GeoJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface DrinkingSourcesTable {
  id: Generated<string>;
  code: string;
  name: string;
  source_kind: SourceKind;
  level: SourceLevel;
  river_id: Optional<string>;
  unit_id: string;
  water_works: Optional<string>;
  population_wan: Optional<number>;
  capacity_wan_m3_d: Optional<number>;
  approval: Optional<string>;
  standardized: Generated<boolean>;
  zone1: GeoJson;
  zone2: GeoJson;
  zone3: GeoJson;
  lon: Optional<number>;
  lat: Optional<number>;
  note: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface DrinkingSourceIntakesTable {
  point_id: string;
  source_id: string;
}
export interface DrinkingSourceProblemsTable {
  id: Generated<string>;
  code: string;
  source_id: string;
  place: ProblemPlace;
  category: ProblemCategory;
  origin: ProblemOrigin;
  description: string;
  found_on: string;
  unit_id: string;
  deadline: Optional<string>;
  rectification: Optional<string>;
  status: Generated<ProblemStatus>;
  status_since: string;
  lon: Optional<number>;
  lat: Optional<number>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface EnterprisesTable {
  id: Generated<string>;
  code: string;
  name: string;
  credit_code: Optional<string>;
  permit_no: Optional<string>;
  permit_class: Optional<PermitClass>;
  permit_valid_to: Optional<string>;
  industry: Optional<string>;
  address: Optional<string>;
  lon: Optional<number>;
  lat: Optional<number>;
  river_id: Optional<string>;
  unit_id: string;
  pollutants: Generated<string[]>;
  fluoride: Generated<boolean>;
  declared_monitors: Generated<string[]>;
  note: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface EnterpriseYearsTable {
  id: Generated<string>;
  enterprise_id: string;
  year: number;
  water_m3: Optional<number>;
  value_added_wan: Optional<number>;
  reused_m3: Optional<number>;
  note: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface FacilitiesTable {
  id: Generated<string>;
  kind: FacilityKind;
  code: string;
  name: string;
  unit_id: string;
  river_id: Optional<string>;
  address: Optional<string>;
  lon: Optional<number>;
  lat: Optional<number>;
  geometry: GeoJson;
  status: string;
  deadline: Optional<string>;
  completed_on: Optional<string>;
  attrs: Json<Record<string, unknown>>;
  note: Optional<string>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A drinking-water source row as stored. */
export type DrinkingSourceTableRow = Selectable<DrinkingSourcesTable>;
/** A drinking-water source as the repository reads it: with its intakes' point codes ("、"-separated, by code). */
export type DrinkingSourceRow = DrinkingSourceTableRow & { intake_codes: string | null };
/** A drinking-water source problem row. */
export type DrinkingProblemRow = Selectable<DrinkingSourceProblemsTable>;
/** An enterprise row as stored. */
export type EnterpriseTableRow = Selectable<EnterprisesTable>;
/** An enterprise as the repository reads it: with its outlets' point codes ("、"-separated, by code). */
export type EnterpriseRow = EnterpriseTableRow & { outlet_codes: string | null };
/** An enterprise-year row, with the enterprise's unit (the record's unit for permissions). */
export type EnterpriseYearRow = Selectable<EnterpriseYearsTable> & { unit_id: string };
/** A facility row. */
export type FacilityRow = Selectable<FacilitiesTable>;

/** Sludge of a WWTP in a year (0022_registries_wwtp_sludge), tonnes. */
export interface WwtpSludgeYearsTable {
  id: Generated<string>;
  facility_id: string;
  year: number;
  produced_t: number | null;
  landfill_t: number | null;
  incineration_t: number | null;
  coprocess_t: number | null;
  reuse_t: number | null;
  note: string | null;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** A sludge year with its plant's unit (the row belongs to the plant's unit). */
export type WwtpSludgeYearRow = Selectable<WwtpSludgeYearsTable> & { unit_id: string };

declare module "../schema" {
  interface DB {
    drinking_sources: DrinkingSourcesTable;
    drinking_source_intakes: DrinkingSourceIntakesTable;
    drinking_source_problems: DrinkingSourceProblemsTable;
    enterprises: EnterprisesTable;
    enterprise_years: EnterpriseYearsTable;
    facilities: FacilitiesTable;
    wwtp_sludge_years: WwtpSludgeYearsTable;
  }
  interface MonitoringPointsTable {
    /** The enterprise an outlet belongs to (0013_registries_enterprises). */
    enterprise_id: Optional<string>;
  }
}
