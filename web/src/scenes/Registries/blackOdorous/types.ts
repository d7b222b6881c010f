/**
 * @module Shapes of black-odorous bodies and rounds as the API presents them (server/routes/registries/blackOdorous).
 */
import type { Geometry } from "../../../../../domain/registries/geo";
import type { RemediationStatus } from "../../../../../domain/blackOdorous/relapse";
import type { BlackOdorGrade } from "../../../../../domain/blackOdorous/thresholds";
import type { WaterBodyGrade } from "../../../../../domain/blackOdorous/waterBody";
import type { RegistryTask } from "../../../api/registries";
import type { Label, Performer } from "../../../../../domain/registries/lifecycle";

/** A listed body. */
export interface BodyRecord {
  id: string;
  code: string;
  name: string;
  bodyKind: "river" | "lake" | "pond" | "ditch";
  riverId: string | null;
  riverName: string | null;
  unitId: string;
  unitName: string | null;
  chief: { id: string; name: string; position: string; level: string } | null;
  location: string | null;
  geometry: Geometry | null;
  lengthKm: number | null;
  areaKm2: number | null;
  deadline: string | null;
  status: RemediationStatus;
  statusSince: string;
  identifiedGrade: "light" | "severe" | null;
  measures: string | null;
  latestGrade: BlackOdorGrade | null;
  latestSampledTo: string | null;
  overdue: boolean;
  demo: boolean;
}

/** A graded round. */
export interface RoundRecord {
  id: string;
  sampledFrom: string;
  sampledTo: string;
  grade: BlackOdorGrade;
  relapse: boolean;
  fileName: string;
  importedBy: string | null;
  importedAt: string;
  result: WaterBodyGrade;
}

/** The detail page's data. */
export interface BodyDetail extends BodyRecord {
  rounds: RoundRecord[];
  actions: { action: "startTreatment" | "eliminate" | "confirmLongTerm"; to: RemediationStatus; by: Performer; label: Label; allowed: boolean; problem: string | null }[];
  tasks: RegistryTask[];
}

/** A round check. */
export interface RoundCheck {
  fileName: string;
  rows: number;
  samples: number;
  errors: { row: number; reasons: string[] }[];
  fileError: string | null;
  sampledFrom: string | null;
  sampledTo: string | null;
  clean: boolean;
  grade: WaterBodyGrade | null;
  relapse: { zh: string; en: string; grade: string } | null;
}
