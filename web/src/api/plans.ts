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
  deadlines: { dueOn: string; text: string }[];
}

/** A plan with goals, source text and tasks. */
export interface PlanDetail {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  year: number;
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
