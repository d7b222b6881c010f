/**
 * @module How rounds, requirements, submissions, lateness, ladders, documents, interviews and notifications appear
 * in API responses. Stored file paths never leave; files are reached through their download routes.
 */
import type { NotificationsTable, RoundsTable } from "../db/schema";
import "../db/tables/supervision";
import type { Selectable } from "kysely";
import { roundLateness } from "../../domain/supervision/lateness";
import { dayNumber } from "../../domain/supervision/days";
import { currentStep } from "../../domain/supervision/ladder";
import { STEP_LABELS } from "../../domain/supervision/ladderConfig";
import type { RequirementView } from "../repositories/round.repository";
import type { SubmissionView } from "../repositories/submission.repository";
import { ladderStateOf, type LadderRecord } from "../repositories/ladder.repository";
import type { DocumentView } from "../repositories/document.repository";
import { DOCUMENT_KIND_LABELS } from "../documents/supervisionDocx";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Where a requirement stands today. */
export type RequirementStatus = "pending" | "onTime" | "late" | "missing";

/** The status of a requirement as of `today` (domain/supervision/lateness.ts). */
export function requirementStatus(q: RequirementView, today: string): RequirementStatus {
  const [rec] = roundLateness(
    { id: q.id, taskId: q.taskId ?? "", dueDate: q.dueOn, required: [q.unitId], submissions: q.firstSubmittedAt ? [{ unitId: q.unitId, at: q.firstSubmittedAt.getTime() }] : [] },
    today,
  );
  if (rec) return rec.kind;
  return q.firstSubmittedAt && dayNumber(q.firstSubmittedAt.getTime()) <= dayNumber(today) ? "onTime" : "pending";
}

/** A requirement as the API shows it; `submissions` only when the caller may read them. */
export function presentRequirement(q: RequirementView, today: string, submissions?: SubmissionView[]) {
  return {
    id: q.id,
    roundId: q.roundId,
    roundTitle: q.roundTitle,
    kind: q.roundKind,
    dueOn: q.dueOn,
    taskId: q.taskId,
    taskNumber: q.taskNumber,
    taskTitle: q.taskTitle,
    unitId: q.unitId,
    unitName: q.unitName,
    roles: q.roles,
    firstSubmittedAt: iso(q.firstSubmittedAt),
    submissionCount: q.submissions,
    status: requirementStatus(q, today),
    ...(submissions ? { submissions: submissions.map(presentSubmission) } : {}),
  };
}

/** A submission. */
export function presentSubmission(s: SubmissionView) {
  return {
    id: s.id,
    submittedAt: iso(s.submittedAt),
    submittedBy: s.submittedByName,
    text: s.text,
    figures: s.figures,
    attachments: s.attachments.map((a) => ({ ...a, url: `/api/submissions/${s.id}/attachments/${a.sha256}` })),
  };
}

/** A round with counts overall and per unit. */
export function presentRound(r: Selectable<RoundsTable>, requirements: RequirementView[], today: string) {
  const statuses = requirements.map((q) => ({ q, status: requirementStatus(q, today) }));
  const count = (xs: typeof statuses) => ({
    required: xs.length,
    submitted: xs.filter((x) => x.status === "onTime" || x.status === "late").length,
    onTime: xs.filter((x) => x.status === "onTime").length,
    late: xs.filter((x) => x.status === "late").length,
    missing: xs.filter((x) => x.status === "missing").length,
    pending: xs.filter((x) => x.status === "pending").length,
  });
  const units = new Map<string, { unitId: string; unitName: string; xs: typeof statuses }>();
  for (const s of statuses) {
    const u = units.get(s.q.unitId) ?? { unitId: s.q.unitId, unitName: s.q.unitName, xs: [] };
    u.xs.push(s);
    units.set(s.q.unitId, u);
  }
  return {
    id: r.id,
    planId: r.plan_id,
    kind: r.kind,
    title: r.title,
    openedAt: iso(r.opened_at),
    issuedOn: r.issued_on ?? null,
    dueOn: r.due_on,
    status: r.status,
    counts: count(statuses),
    units: [...units.values()].map((u) => ({ unitId: u.unitId, unitName: u.unitName, ...count(u.xs) })),
  };
}

/** A lateness record. */
export function presentLateness(l: {
  requirement_id: string; round_id: string; round_title: string; round_kind: string; task_id: string | null; task_number: string | null;
  task_title: string | null; unit_id: string; unit_name: string; due_on: string; kind: string; days: number; submitted_on: string | null; updated_at: Date | string;
}) {
  return {
    id: l.requirement_id,
    roundId: l.round_id,
    roundTitle: l.round_title,
    roundKind: l.round_kind,
    taskId: l.task_id,
    taskNumber: l.task_number,
    taskTitle: l.task_title,
    unitId: l.unit_id,
    unitName: l.unit_name,
    dueOn: l.due_on,
    kind: l.kind,
    days: l.days,
    submittedOn: l.submitted_on,
    updatedAt: iso(l.updated_at),
  };
}

/** A ladder with its rungs, pending proposals and interview. */
export function presentLadder(l: LadderRecord, names: { unitName: string; taskNumber: string; taskTitle: string }) {
  const step = currentStep(ladderStateOf(l));
  return {
    id: l.id,
    taskId: l.taskId,
    taskNumber: names.taskNumber,
    taskTitle: names.taskTitle,
    unitId: l.unitId,
    unitName: names.unitName,
    openedAt: iso(l.openedAt),
    closedAt: iso(l.closedAt),
    currentStep: step,
    currentStepLabel: step ? STEP_LABELS[step].zh : null,
    steps: l.steps.map((s) => ({
      step: s.step, label: STEP_LABELS[s.step].zh, at: iso(s.at), confirmedBy: s.confirmedByName, documentId: s.documentId, docNumber: s.docNumber,
      reasons: s.reasons,
    })),
    proposals: l.proposals.map((p) => ({ id: p.id, step: p.step, label: STEP_LABELS[p.step].zh, reasons: p.reasons, proposedAt: iso(p.proposedAt) })),
    interview: l.interview ? presentInterview(l.interview) : null,
  };
}

/** An interview. */
export function presentInterview(i: {
  id: string; ladderId: string; scheduledFor: string; place: string | null; documentId: string | null; heldOn: string | null; minutes: string | null; minutesRef: string | null;
}) {
  return { id: i.id, ladderId: i.ladderId, scheduledFor: i.scheduledFor, place: i.place, documentId: i.documentId, heldOn: i.heldOn, minutes: i.minutes, minutesRef: i.minutesRef };
}

/** An issued document (the .docx at `url`). */
export function presentDocument(d: DocumentView) {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind],
    docNumber: d.doc_number,
    title: d.title,
    unitId: d.unit_id,
    unitName: d.unit_name,
    taskId: d.task_id,
    taskNumber: d.task_number,
    ladderId: d.ladder_id,
    facts: d.facts,
    issuedAt: iso(d.issued_at),
    url: `/api/supervision/documents/${d.id}/docx`,
  };
}

/** A notification in the inbox. */
export function presentNotification(n: Selectable<NotificationsTable>) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, data: n.data, unitId: n.unit_id, createdAt: iso(n.created_at), readAt: iso(n.read_at) };
}
