/**
 * @module Pieces shared by the supervision pages: the plan in view (chosen once for the whole area, kept in
 * localStorage), tags for rungs, answer states and traffic lights, and reading picked files as base64.
 */
import { createContext, useContext, type ReactNode } from "react";
import { Tag } from "antd";
import type { LadderStep, Light, RequirementStatus, Upload } from "../../api/supervision";
import type { PlanSummary, TaskRole } from "../../api/plans";
import { readFileBase64 } from "../../api/monitoring";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n";

/** The plan the area shows. */
export interface PlanContextValue {
  planId: string | undefined;
  plan: PlanSummary | undefined;
  plans: PlanSummary[];
  setPlanId: (id: string) => void;
}

/** Provided by the area layout. */
export const PlanContext = createContext<PlanContextValue>({ planId: undefined, plan: undefined, plans: [], setPlanId: () => {} });

/** The plan in view. */
export function usePlanContext(): PlanContextValue {
  return useContext(PlanContext);
}

/** localStorage key of the chosen plan. */
export const PLAN_STORAGE_KEY = "qingliu.plan";

/** Message keys of the task roles. */
export const ROLE_KEYS: Record<TaskRole, MessageKey> = {
  lead: "plan.role.lead",
  co_lead: "plan.role.co_lead",
  participant: "plan.role.participant",
  implementer: "plan.role.implementer",
  responsible: "plan.role.responsible",
};

/** Roles in the order "my tasks" lists them (those who report first). */
export const ROLE_ORDER: readonly TaskRole[] = ["lead", "co_lead", "responsible", "implementer", "participant"];

const STEP_COLOURS: Record<LadderStep, string> = {
  reminder: "blue", notice: "gold", letter: "orange", exposure: "volcano", interview: "red", accountability: "magenta",
};

/** The label of a rung in the current language. */
export function useStepLabel() {
  const t = useT();
  return (step: LadderStep) => t(`supervision.step.${step}` as MessageKey);
}

/** A rung as a coloured tag. */
export function StepTag({ step }: { step: LadderStep | null }) {
  const label = useStepLabel();
  const t = useT();
  if (!step) return <Tag>{t("supervision.step.none")}</Tag>;
  return <Tag color={STEP_COLOURS[step]} data-testid={`step-${step}`}>{label(step)}</Tag>;
}

const STATUS_COLOURS: Record<RequirementStatus, string> = { pending: "default", onTime: "green", late: "orange", missing: "red" };

/** An answer's state as a tag; `days` adds how late. */
export function StatusTag({ status, days }: { status: RequirementStatus; days?: number }) {
  const t = useT();
  const text = t(`supervision.status.${status}` as MessageKey);
  return <Tag color={STATUS_COLOURS[status]} data-testid={`status-${status}`}>{days && status !== "pending" && status !== "onTime" ? t("supervision.status.days", { status: text, days }) : text}</Tag>;
}

const LIGHT_COLOURS: Record<Light, string> = { green: "#16a34a", amber: "#f59e0b", red: "#dc2626", none: "#9ca3af" };

/** A traffic light. */
export function LightDot({ light, size = 14 }: { light: Light; size?: number }) {
  const t = useT();
  return (
    <span
      role="img"
      aria-label={t(`supervision.light.${light}` as MessageKey)}
      title={t(`supervision.light.${light}` as MessageKey)}
      data-testid={`light-${light}`}
      style={{ display: "inline-block", width: size, height: size, borderRadius: "50%", background: LIGHT_COLOURS[light], verticalAlign: "middle" }}
    />
  );
}

/** Reads picked files as uploads (base64). */
export async function uploadsOf(files: readonly File[]): Promise<Upload[]> {
  return Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await readFileBase64(f) })));
}

/** A local date "YYYY-MM-DD" of an ISO instant, in Beijing time. */
export function localDay(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A local date and time "YYYY-MM-DD HH:mm" of an ISO instant, in Beijing time. */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** Today in Beijing. */
export function today(): string {
  return localDay(new Date().toISOString());
}

/** Children only when the plan is chosen. */
export function WithPlan({ children, empty }: { children: (planId: string) => ReactNode; empty: ReactNode }) {
  const { planId } = usePlanContext();
  return <>{planId ? children(planId) : empty}</>;
}
