/**
 * @module /api/plans: the campaign plans imported by the office, with their tasks.
 */
import { request } from "./client";

/** A plan in the list. */
export interface PlanSummary {
  id: string;
  title: string;
  docNumber: string | null;
  year: number;
  issuedOn: string | null;
  importedAt: string;
  taskCount: number;
}

/** Responsibility roles of a unit in a task. */
export type TaskRole = "lead" | "co_lead" | "participant" | "implementer" | "responsible";

/** A task with its units and deadlines. */
export interface PlanTaskRow {
  id: string;
  number: string;
  section: string | null;
  title: string;
  text: string;
  status: string;
  units: { role: TaskRole; unitId: string | null; unitName: string | null; collective: string | null }[];
  deadlines: { id: string; dueOn: string; text: string }[];
  /** 进展情况: each unit's latest answer, one line per unit (plan detail only). */
  progress?: string | null;
}

/** A plan with goals, source text and tasks. */
export interface PlanDetail {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  year: number;
  /** The day the units' annual 实施方案 are due, read from the plan. */
  annualPlanDueOn: string | null;
  goals: { text: string; targets: unknown[] }[];
  sourceText: string;
  tasks: PlanTaskRow[];
}

/** Lists plans, newest first. */
export function listPlans() {
  return request<PlanSummary[]>("GET", "/api/plans");
}

/** One plan with its tasks. */
export function getPlan(id: string) {
  return request<PlanDetail>("GET", `/api/plans/${encodeURIComponent(id)}`);
}

// ——— Preview and import (server/routes/plans) ———

/** A range of the normalised text. */
export interface Span {
  start: number;
  end: number;
}

/** Names per role. */
export type RoleNames = Record<TaskRole, string[]>;

/** A responsibility clause the parser read. */
export interface ParsedClause {
  role: TaskRole;
  text: string;
  units: string[];
  collectives: string[];
  unknown: string[];
  span: Span;
  inherited?: boolean;
}

/** A task as parsed (domain/plan/types.ts PlanTask). */
export interface ParsedTask {
  number: string;
  section: string;
  title: string;
  text: string;
  span: Span;
  units: RoleNames;
  collectives: RoleNames;
  clauses: ParsedClause[];
  deadlines: { date: string; text: string; span: Span }[];
}

/** The parser's result. */
export interface ParsedPlan {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  year: number | null;
  goals: { text: string; targets: { indicator: string; value: number; unit: string; comparison: string; baselineYear?: number }[]; span: Span; taskNumber?: string; qualitative?: true }[];
  tasks: ParsedTask[];
  /** Names the directory lacks; `suggestion` is the closest unit (a part of it, its counterpart at another level, or a similar spelling). */
  unknownUnits: { name: string; taskNumbers: string[]; suggestion?: { unit: string; reason: "sub_unit" | "other_level" | "similar" } }[];
  warnings: { code: string; message: string; taskNumber?: string }[];
}

/** The preview of a plan document. */
export interface PlanPreview {
  parsed: ParsedPlan;
  /** The document's text (read from an uploaded file). */
  sourceText: string;
  /** The text every span points into. */
  normalizedText: string;
  annualPlanDueOn: string | null;
  indicators: { code: string; name: string; comparison: string; target: number; unit: string; baselineYear: number | null }[];
  /** A plan with the same document number already imported. */
  duplicate: { planId: string; title: string } | null;
}

/** Previews a plan from an uploaded file (base64) or from text. */
export function previewPlan(body: { file?: { fileName: string; contentBase64: string }; text?: string; year?: number }) {
  return request<PlanPreview>("POST", "/api/plans/preview", { body });
}

/** What the reviewer decided about an unknown name. */
export type UnitDecision =
  | { name: string; action: "alias"; unitId: string }
  | { name: string; action: "create"; kind: string; unitName?: string }
  | { name: string; action: "ignore" };

/** The reviewer's version of a task. */
export interface TaskCorrection {
  number: string;
  title?: string;
  units?: Partial<RoleNames>;
  collectives?: Partial<RoleNames>;
  deadlines?: { date: string; text: string }[];
}

/** Imports a reviewed plan. */
export function importPlan(body: { text: string; year?: number; confirm: true; decisions: UnitDecision[]; corrections: TaskCorrection[] }) {
  return request<{ planId: string; tasks: number; taskUnits: number; deadlines: number; indicators: number; annualPlanDueOn: string | null }>("POST", "/api/plans", { body });
}
