/**
 * @module The supervision API (server/routes/{rounds,tasks,supervision,inbox,settings,indicators}, plan dashboard):
 * rounds and submissions, my tasks with milestones, lateness, the 督办 ladder with its documents, interviews, the
 * ranking, the plan dashboard, indicators, settings, checks and the inbox.
 */
import type { DashboardCounts, PlanDashboard } from "../../../domain/supervision/dashboard";
import { request } from "./client";
import type { Envelope } from "./types";

/** A response envelope with extra top-level fields the route adds. */
type With<T, X> = Promise<Envelope<T> & Partial<X>>;
import type { TaskRole } from "./plans";

/** A file sent as base64. */
export interface Upload {
  fileName: string;
  contentBase64: string;
}

/** A stored attachment with its download address. */
export interface Attachment {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  url: string;
}

// ——— Tasks and milestones ———

/** A unit's report that a milestone was met. */
export interface MilestoneReport {
  id: string;
  deadlineId: string;
  unitId: string;
  unitName: string;
  completedOn: string;
  note: string;
  reportedBy: string | null;
  reportedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  attachments: Attachment[];
}

/** A task with milestones, as "my tasks" lists it. */
export interface TaskView {
  id: string;
  planId: string;
  number: string;
  section: string | null;
  title: string;
  text: string;
  status: string;
  units: { role: TaskRole; unitId: string | null; unitName: string | null; collective: string | null }[];
  deadlines: { id: string; dueOn: string; text: string; reports: MilestoneReport[] }[];
  reportingUnitIds: string[];
  myRoles: TaskRole[];
  myReportingUnitIds: string[];
  openRequirements: { id: string; roundId: string; roundTitle: string; dueOn: string; unitId: string; status: RequirementStatus }[];
}

/** Tasks (of a plan; only the caller's with `mine`). */
export function listTasks(q: { planId?: string; mine?: boolean }) {
  return request<TaskView[], "read" | "report" | "revoke">("GET", "/api/tasks", { query: { planId: q.planId, mine: q.mine ? "1" : undefined } });
}

/** Reports a milestone met. */
export function reportMilestone(taskId: string, body: { deadlineId: string; unitId?: string; completedOn: string; note: string; attachments: Upload[] }) {
  return request<MilestoneReport>("POST", `/api/tasks/${encodeURIComponent(taskId)}/milestones`, { body });
}

/** Revokes a milestone report (office). */
export function revokeMilestone(id: string, reason: string) {
  return request<{ id: string }>("POST", `/api/milestones/${encodeURIComponent(id)}/revoke`, { body: { reason } });
}

// ——— Rounds ———

/** Where a unit's answer stands. */
export type RequirementStatus = "pending" | "onTime" | "late" | "missing";

/** Counts of a round or of one unit in it. */
export interface RoundCounts {
  required: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

/** A round in the list. */
export interface RoundView {
  id: string;
  planId: string;
  kind: "progress" | "annual_plan";
  title: string;
  openedAt: string;
  issuedOn: string | null;
  dueOn: string;
  status: "open" | "closed";
  counts: RoundCounts;
  units: (RoundCounts & { unitId: string; unitName: string })[];
}

/** A submission. */
export interface SubmissionView {
  id: string;
  submittedAt: string;
  submittedBy: string | null;
  text: string;
  figures: { name: string; value: number; unit?: string }[];
  attachments: Attachment[];
}

/** One unit's obligation in a round. */
export interface RequirementView {
  id: string;
  roundId: string;
  roundTitle: string;
  kind: "progress" | "annual_plan";
  dueOn: string;
  taskId: string | null;
  taskNumber: string | null;
  taskTitle: string | null;
  unitId: string;
  unitName: string;
  roles: string[];
  firstSubmittedAt: string | null;
  submissionCount: number;
  status: RequirementStatus;
  /** Present when the caller may read the unit's answers. */
  submissions?: SubmissionView[];
}

/** Lists rounds. */
export function listRounds(planId?: string) {
  return request<RoundView[]>("GET", "/api/rounds", { query: { planId } });
}

/** One round with every requirement. */
export function getRound(id: string) {
  const r = request<RoundView & { requirements: RequirementView[] }, "read" | "submit">("GET", `/api/rounds/${encodeURIComponent(id)}`);
  // canClose: the caller is the office and the round is still open.
  return r as Promise<Awaited<typeof r> & { canClose?: boolean }>;
}

/** Closes a round (office): later submissions are refused with `round.closed`. */
export function closeRound(id: string, note?: string) {
  return request<RoundView>("POST", `/api/rounds/${encodeURIComponent(id)}/close`, { body: { note: note?.trim() || undefined } });
}

/** Opens a round (office). `issuedOn` records a round dispatched earlier by a paper notice. */
export function openRound(body: { planId: string; kind: "progress" | "annual_plan"; title: string; dueOn: string; issuedOn?: string; taskIds?: string[] }) {
  return request<RoundView>("POST", "/api/rounds", { body });
}

/** Answers a round for one task (or, with taskId null, the annual plan). */
export function submitRound(roundId: string, body: { taskId: string | null; unitId?: string; text: string; figures: { name: string; value: number; unit?: string }[]; attachments: Upload[] }) {
  return request<RequirementView>("POST", `/api/rounds/${encodeURIComponent(roundId)}/submissions`, { body });
}

// ——— Lateness, ladder, documents, interviews, ranking ———

/** A lateness record. */
export interface LatenessView {
  id: string;
  roundId: string;
  roundTitle: string;
  roundKind: string;
  taskId: string | null;
  taskNumber: string | null;
  taskTitle: string | null;
  unitId: string;
  unitName: string;
  dueOn: string;
  kind: "missing" | "late";
  days: number;
  submittedOn: string | null;
}

/** Lateness records. */
export function listLateness(q: { planId?: string; roundId?: string; unitId?: string }) {
  return request<LatenessView[]>("GET", "/api/supervision/lateness", { query: q });
}

/** A rung of the ladder. */
export type LadderStep = "reminder" | "notice" | "letter" | "exposure" | "interview" | "accountability";

/** Why a rung is due. */
export interface LadderReason {
  kind: string;
  value: number;
  threshold: number;
  zh: string;
  en: string;
}

/** An interview. */
export interface InterviewView {
  id: string;
  ladderId: string;
  scheduledFor: string;
  place: string | null;
  documentId: string | null;
  heldOn: string | null;
  minutes: string | null;
  minutesRef: string | null;
}

/** A ladder of one (task, unit). */
export interface LadderView {
  id: string;
  taskId: string;
  taskNumber: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
  openedAt: string;
  closedAt: string | null;
  currentStep: LadderStep | null;
  currentStepLabel: string | null;
  steps: { step: LadderStep; label: string; at: string; confirmedBy: string | null; documentId: string | null; docNumber: string | null; reasons: LadderReason[] }[];
  proposals: { id: string; step: LadderStep; label: string; reasons: LadderReason[]; proposedAt: string }[];
  interview: InterviewView | null;
}

/** Ladders (open only with `open`). */
export function listLadders(q: { open?: boolean; unitId?: string } = {}) {
  return request<LadderView[], "read" | "confirm" | "recordMinutes">("GET", "/api/supervision/ladders", { query: { open: q.open ? "1" : undefined, unitId: q.unitId } });
}

/** An issued document. */
export interface DocumentView {
  id: string;
  kind: "reminder" | "notice" | "letter" | "interview" | "accountability";
  kindLabel: string;
  docNumber: string | null;
  title: string;
  unitId: string;
  unitName: string;
  taskId: string | null;
  taskNumber: string | null;
  ladderId: string | null;
  facts: Record<string, unknown>;
  issuedAt: string;
  url: string;
}

/** Confirms a proposed rung (office); an interview needs its day. */
export function confirmProposal(id: string, body: { scheduledFor?: string; place?: string } = {}) {
  return request<{ ladder: LadderView; document: DocumentView | null }>("POST", `/api/supervision/proposals/${encodeURIComponent(id)}/confirm`, { body });
}

/** The office escalates a (task, unit) on its own judgement: issues the rung now or proposes it for confirmation. */
export function escalate(body: { taskId: string; unitId: string; step?: LadderStep; reason: string; mode: "issue" | "propose"; scheduledFor?: string; place?: string }) {
  return request<{ ladder: LadderView; step: LadderStep; proposalId: string | null; document: DocumentView | null }>("POST", "/api/supervision/escalations", { body });
}

/** The office closes a ladder, with the reason. */
export function resolveLadder(id: string, reason: string) {
  return request<LadderView>("POST", `/api/supervision/ladders/${encodeURIComponent(id)}/resolve`, { body: { reason } });
}

/** Issued documents. */
export function listDocuments(q: { unitId?: string; kind?: string } = {}) {
  return request<DocumentView[]>("GET", "/api/supervision/documents", { query: q });
}

/** Interviews with task and unit. */
export function listInterviews() {
  return request<(InterviewView & { taskId: string; taskNumber: string; taskTitle: string; unitId: string; unitName: string })[]>("GET", "/api/supervision/interviews");
}

/** Records the minutes of a held interview (office). */
export function recordMinutes(id: string, body: { heldOn: string; minutes: string; ref: string }) {
  return request<InterviewView>("POST", `/api/supervision/interviews/${encodeURIComponent(id)}/minutes`, { body });
}

/** A unit's place in the ranking. */
export interface RankedUnit {
  unitId: string;
  unitName: string;
  rank: number;
  onTimeRate: number | null;
  totalOverdueDays: number;
  averageOverdueDays: number;
  stepPenalty: number;
  due: number;
  onTime: number;
  steps: number;
  score: number;
  /** Another unit has the same rank. */
  tied: boolean;
  /** What placed it below the unit before it (domain/supervision/scoring.ts RANKING_CRITERIA). */
  decidedBy: "score" | "overdueDays" | "steps" | "onTime" | null;
}

/** The unit ranking. */
export function getRanking(planId?: string) {
  return request<RankedUnit[]>("GET", "/api/supervision/ranking", { query: { planId } }) as With<RankedUnit[], { asOf: string }>;
}

// ——— Dashboard ———

/** Counts of a section or unit, and the plan dashboard: domain/supervision/dashboard.ts's own types. */
export type { DashboardCounts, PlanDashboard };

/** The dashboard of a plan. */
export function getDashboard(planId: string, days = 14) {
  return request<PlanDashboard>("GET", `/api/plans/${encodeURIComponent(planId)}/dashboard`, { query: { days } });
}

// ——— Indicators ———

/** A traffic light. */
export type Light = "green" | "amber" | "red" | "none";

/** An entered or computed value. */
export interface IndicatorValue {
  id: string;
  period: string;
  value: number;
  source: "entered" | "computed";
  sourceDocument: string | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** An indicator with its value and light for a year. */
export interface IndicatorView {
  id: string;
  code: string;
  name: string;
  unit: string;
  comparison: "at_least" | "at_most" | "decrease" | "increase";
  target: number;
  targetYear: number;
  baselineYear: number | null;
  formula: string;
  method: "entered" | "surface_water" | "drinking_intake" | "industrial_water";
  amberMargin: number;
  goalText: string | null;
  year: number;
  value: number | null;
  valueSource: "entered" | "computed" | null;
  entered: IndicatorValue | null;
  computed: { value: number | null; detail: Record<string, unknown> } | null;
  baseline: IndicatorValue | null;
  /** The baseline computed from data (registries' enterprise-years) when none was entered. */
  computedBaseline: number | null;
  status: { light: Light; achieved: number | null; shortfall: number | null };
  history: IndicatorValue[];
}

/** The indicators of a plan for a year. */
export function listIndicators(planId: string, year?: number) {
  return request<IndicatorView[]>("GET", "/api/indicators", { query: { planId, year } }) as With<IndicatorView[], { canEdit: boolean }>;
}

/** Enters a value with its source document (office). */
export function recordIndicatorValue(id: string, body: { period: string; value: number; sourceDocument: string; note?: string }) {
  return request<{ id: string; indicator: IndicatorView }>("POST", `/api/indicators/${encodeURIComponent(id)}/values`, { body });
}

/** Changes a definition (office). */
export function updateIndicator(id: string, body: Partial<Pick<IndicatorView, "name" | "unit" | "comparison" | "target" | "targetYear" | "baselineYear" | "formula" | "amberMargin">>) {
  return request<IndicatorView>("PATCH", `/api/indicators/${encodeURIComponent(id)}`, { body });
}

// ——— Settings, checks, inbox ———

/** Conditions of one rung. */
export interface StepTriggers {
  daysOverdue?: number;
  missedRounds?: number;
  lateness?: { count: number; withinDays: number };
}

/** The ladder setting. */
export interface LadderSettings {
  steps: Record<LadderStep, { triggers: StepTriggers; automatic: boolean; minDaysSincePrevious: number }>;
  allowSkip: boolean;
  accountabilityNeedsInterviewMinutes: boolean;
}

/** All supervision settings. */
export interface SupervisionSettings {
  ladder: LadderSettings;
  reminders: { offsets: number[]; rounds: boolean };
}

/** The settings in force. */
export interface SettingsView {
  settings: SupervisionSettings;
  updated: Partial<Record<"ladder" | "reminders", { at: string; by: string | null }>>;
  problems: { path: string; message: string }[];
  canEdit: boolean;
}

/** Reads the settings. */
export function getSettings() {
  return request<SettingsView>("GET", "/api/settings/supervision");
}

/** Saves settings (office). */
export function saveSettings(body: Partial<SupervisionSettings>) {
  return request<SettingsView & { changed: string[] }>("PUT", "/api/settings/supervision", { body });
}

/** A supervision check's last run. */
export interface CheckRun {
  name: "round-lateness" | "supervision-ladder" | "deadline-reminders";
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  lastResult: unknown;
}

/** Last runs of the checks. */
export function getChecks() {
  return request<CheckRun[]>("GET", "/api/supervision/checks");
}

/** Runs the checks now (office). */
export function runChecks() {
  return request<{ results: Record<string, Record<string, number>>; runs: CheckRun[] }>("POST", "/api/supervision/checks", { body: {} });
}

/** A notification. */
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  unitId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The inbox. */
export function getInbox(unreadOnly = false) {
  return request<NotificationView[]>("GET", "/api/inbox", { query: { unread: unreadOnly ? "1" : undefined, limit: 100 } }) as With<NotificationView[], { unread: number }>;
}

/** Marks notifications read (all when `ids` is absent). */
export function markRead(ids?: string[]) {
  return request<{ marked: number; unread: number }>("POST", "/api/inbox/read", { body: ids ? { ids } : {} });
}
