/**
 * @module Shapes of outfalls as the API presents them (server/routes/registries/outfalls).
 */
import type { Label, Performer } from "../../../../../domain/registries/lifecycle";
import type { OutfallStage, RemediationKind, OutfallAction } from "../../../../../domain/registries/outfallLifecycle";
import type { TraceNodeKind } from "../../../../../domain/registries/traceGraph";

/** An outfall. */
export interface OutfallRecord {
  id: string;
  code: string;
  name: string;
  typeCode: string;
  typeLabel: string;
  typeNote: string | null;
  riverId: string | null;
  riverName: string | null;
  receivingWater: string | null;
  unitId: string;
  unitName: string | null;
  responsibleParty: string | null;
  location: string | null;
  lon: number | null;
  lat: number | null;
  foundOn: string;
  stage: OutfallStage;
  stageSince: string;
  remediationKind: RemediationKind | null;
  closedOn: string | null;
  demo: boolean;
}

/** A sampling record. */
export interface OutfallTest {
  id: string;
  sampledOn: string;
  flowing: boolean;
  cod: number | null;
  ammonia: number | null;
  totalPhosphorus: number | null;
  flowM3d: number | null;
  conclusion: "compliant" | "exceeds" | "dry";
  note: string | null;
}

/** A trace node. */
export interface TraceNodeView {
  id: string;
  kind: TraceNodeKind;
  label: string;
  downstreamId: string | null;
  note: string | null;
}

/** A measure of the plan. */
export interface MeasureView {
  id: string;
  seq: number;
  text: string;
  unitId: string | null;
  unitName: string | null;
  deadline: string | null;
  doneOn: string | null;
  note: string | null;
}

/** The detail page's data. */
export interface OutfallDetail extends OutfallRecord {
  tests: OutfallTest[];
  trace: { nodes: TraceNodeView[]; complete: boolean; open: string[]; depth: Record<string, number> };
  plan: { remediationKind: RemediationKind | null; goal: string | null; updatedAt: string; measures: MeasureView[] } | null;
  actions: { action: OutfallAction; to: OutfallStage; by: Performer; label: Label; allowed: boolean; problems: string[] }[];
  editable: boolean;
}
