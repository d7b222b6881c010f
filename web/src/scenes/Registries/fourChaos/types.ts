/**
 * @module Shapes of 清四乱 problems as the API presents them (server/routes/registries/fourChaos).
 */
import type { Label, Performer } from "../../../../../domain/registries/lifecycle";
import type { BoardLine, ChaosAction, ChaosCategory, ChaosSource, ChaosStatus } from "../../../../../domain/registries/fourChaos";

/** A problem. */
export interface ProblemRecord {
  id: string;
  code: string;
  category: ChaosCategory;
  subtype: string;
  riverId: string;
  riverName: string | null;
  location: string | null;
  lon: number | null;
  lat: number | null;
  source: ChaosSource;
  foundOn: string;
  description: string;
  severity: "general" | "serious" | "major" | null;
  unitId: string;
  unitName: string | null;
  chief: { id: string; name: string; position: string; level: string } | null;
  deadline: string | null;
  status: ChaosStatus;
  statusSince: string;
  rectification: string | null;
  rectifiedOn: string | null;
  verifiedOn: string | null;
  closedOn: string | null;
  overdue: boolean;
  demo: boolean;
}

/** The detail page's data. */
export interface ProblemDetail extends ProblemRecord {
  actions: { action: ChaosAction; to: ChaosStatus; by: Performer; label: Label; allowed: boolean; problems: string[] }[];
}

/** The dynamic-zero board. */
export interface Board {
  rivers: (BoardLine & { riverName: string })[];
  totals: { total: number; open: number; overdue: number; clearedRivers: number; rivers: number };
}
