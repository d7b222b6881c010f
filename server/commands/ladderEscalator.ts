/**
 * @module The 督办 ladder at work (domain/supervision/ladder.ts, seed plan 四(四)): `ladderEscalator` evaluates every
 * (task, unit) — opening a ladder when a unit falls behind, closing it when it caught up, applying automatic rungs
 * (提醒, with its 提醒函) and recording the stronger rungs as proposals for the office; `stepConfirmer` applies a
 * proposal an office user confirmed, issuing its document; `interviewMinutesRecorder` minutes a held 约谈.
 * Each runs in the caller's transaction with its audit entries.
 */
import type { Kysely } from "kysely";
import { audit, type CommandContext } from "../context";
import type { DB, DocumentKind } from "../db/schema";
import { Conflict, NotFound, ValidationError } from "../errors";
import { applyStep, evaluateLadder, recordInterviewMinutes, resolve, type LadderError, type LadderState } from "../../domain/supervision/ladder";
import { LADDER_STEPS, STEP_LABELS, type LadderConfig, type LadderStep } from "../../domain/supervision/ladderConfig";
import { ladderConfigInForce } from "../plans/settings";
import type { LadderFacts, LadderReason } from "../../domain/supervision/ladderTriggers";
import { roundLateness, type LatenessRecord } from "../../domain/supervision/lateness";
import { closesWhenCaughtUp } from "../../domain/supervision/judgement";
import { daysOverdue } from "../../domain/supervision/deadlines";
import { toIsoDate } from "../../domain/supervision/days";
import { listRequirements, unitDeadlines, type RequirementView, type UnitDeadline } from "../repositories/round.repository";
import {
  closeLadder, confirmProposal, findInterview, findProposal, insertInterview, insertLadder, insertProposal, insertStep, ladderStateOf,
  listLadders, lockLadder, recordMinutes, type LadderRecord,
} from "../repositories/ladder.repository";
import type { FileStore } from "../repositories/file.repository";
import { documentIssuer } from "./documentIssuer";
import type { SupervisionFacts } from "../documents/supervisionDocx";
import { notifyOffice, notifyUnits } from "../notify/notifier";
import type { OutboundMessage } from "../notify/channel";

/** The document each rung issues; 曝光 is a listing on the public portal, not a letter. */
export const DOCUMENT_OF_STEP: Readonly<Record<LadderStep, DocumentKind | null>> = {
  reminder: "reminder",
  notice: "notice",
  letter: "letter",
  exposure: null,
  interview: "interview",
  accountability: "accountability",
};

/** What is known about one (task, unit) today. */
export interface PairFacts {
  taskId: string;
  unitId: string;
  facts: LadderFacts;
  records: (LatenessRecord & { roundTitle: string })[];
  deadlines: UnitDeadline[];
}

const key = (taskId: string, unitId: string) => `${taskId}|${unitId}`;

/** Ladder facts of every (task, unit) with a progress requirement or a deadline — or only of `pair` — as of `today`. */
export async function supervisionFacts(db: Kysely<DB>, today: string, pair?: { taskId: string; unitId: string }): Promise<Map<string, PairFacts>> {
  const mine = <T extends { taskId: string | null; unitId: string }>(xs: T[]) => (pair ? xs.filter((x) => x.taskId === pair.taskId && x.unitId === pair.unitId) : xs);
  const [requirements, deadlines] = await Promise.all([
    listRequirements(db, { kind: "progress", unitIds: pair ? [pair.unitId] : undefined }).then(mine),
    unitDeadlines(db).then(mine),
  ]);
  const out = new Map<string, PairFacts>();
  const entry = (taskId: string, unitId: string) => {
    const k = key(taskId, unitId);
    let p = out.get(k);
    if (!p) out.set(k, (p = { taskId, unitId, facts: { daysOverdue: 0, missedRounds: 0, lateness: [] }, records: [], deadlines: [] }));
    return p;
  };
  for (const q of requirements as (RequirementView & { taskId: string })[]) {
    const p = entry(q.taskId, q.unitId);
    const [rec] = roundLateness(
      {
        id: q.roundId, taskId: q.taskId, dueDate: q.dueOn, required: [q.unitId],
        submissions: q.firstSubmittedAt ? [{ unitId: q.unitId, at: q.firstSubmittedAt.getTime() }] : [],
      },
      today,
    );
    if (rec) p.records.push({ ...rec, roundTitle: q.roundTitle });
  }
  for (const d of deadlines) {
    const p = entry(d.taskId, d.unitId);
    p.deadlines.push(d);
    p.facts.daysOverdue = Math.max(p.facts.daysOverdue, daysOverdue({ taskId: d.taskId, unitId: d.unitId, dueDate: d.dueOn, completedAt: d.completedOn ?? undefined }, today));
  }
  for (const p of out.values()) {
    p.facts = { daysOverdue: p.facts.daysOverdue, missedRounds: p.records.filter((r) => r.kind === "missing").length, lateness: p.records };
  }
  return out;
}

/** The facts a document states, from a pair's facts and the ladder's reasons. */
export function documentFacts(p: PairFacts | undefined, reasons: LadderReason[]): SupervisionFacts {
  return {
    daysOverdue: p?.facts.daysOverdue ?? 0,
    deadlines: (p?.deadlines ?? []).filter((d) => !d.completedOn).map((d) => ({ dueOn: d.dueOn, text: d.text })),
    missedRounds: (p?.records ?? []).filter((r) => r.kind === "missing").map((r) => ({ title: r.roundTitle, dueOn: r.dueDate })),
    lateRounds: (p?.records ?? []).filter((r) => r.kind === "late").map((r) => ({ title: r.roundTitle, dueOn: r.dueDate, days: r.daysLate })),
    reasons: reasons.map((r) => r.zh),
  };
}

/** What to evaluate with. */
export interface LadderEscalatorProps {
  now: Date;
  files: FileStore;
  config?: LadderConfig;
  /**
   * Only this (task, unit). The job evaluates pair by pair, one transaction each, so that on PGlite (one connection)
   * requests are not held up behind a whole district's documents, and one failing pair does not undo the others.
   */
  pair?: { taskId: string; unitId: string };
}

/** The (task, unit) pairs the ladder has to look at today: with facts, or with an open ladder. */
export async function escalationPairs(db: Kysely<DB>, today: string): Promise<{ taskId: string; unitId: string }[]> {
  const [facts, open] = await Promise.all([supervisionFacts(db, today), listLadders(db, { open: true })]);
  const pairs = new Map([...facts.values()].map((f) => [key(f.taskId, f.unitId), { taskId: f.taskId, unitId: f.unitId }]));
  for (const l of open) pairs.set(key(l.taskId, l.unitId), { taskId: l.taskId, unitId: l.unitId });
  return [...pairs.values()];
}

/** What a run did, and the messages to send after the commit. */
export interface EscalationResult {
  today: string;
  opened: number;
  closed: number;
  applied: { ladderId: string; step: LadderStep; documentId: string | null }[];
  proposed: { proposalId: string; ladderId: string; step: LadderStep }[];
  messages: OutboundMessage[];
}

/** Evaluates every (task, unit). Safe to run twice: a rung is applied once, a proposal kept once while pending. */
export async function ladderEscalator(ctx: CommandContext, p: LadderEscalatorProps): Promise<EscalationResult> {
  const config = p.config ?? (await ladderConfigInForce(ctx.trx));
  const today = toIsoDate(p.now.getTime());
  const facts = await supervisionFacts(ctx.trx, today, p.pair);
  const open = new Map(
    (await listLadders(ctx.trx, { open: true, ...(p.pair ? { taskIds: [p.pair.taskId], unitIds: [p.pair.unitId] } : {}) })).map((l) => [key(l.taskId, l.unitId), l]),
  );
  const result: EscalationResult = { today, opened: 0, closed: 0, applied: [], proposed: [], messages: [] };
  for (const k of new Set([...facts.keys(), ...open.keys()])) {
    const f = facts.get(k);
    const known = f?.facts ?? { daysOverdue: 0, missedRounds: 0, lateness: [] };
    let ladder = open.get(k);
    if (!ladder) {
      if (known.daysOverdue <= 0 && known.missedRounds <= 0) continue;
      const row = await insertLadder(ctx.trx, { taskId: f!.taskId, unitId: f!.unitId, openedAt: p.now });
      ladder = { id: row.id, taskId: f!.taskId, unitId: f!.unitId, openedAt: p.now, closedAt: null, steps: [], interview: null, proposals: [] };
      result.opened++;
      await audit(ctx, { action: "ladder.open", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId, data: { taskId: ladder.taskId, facts: summary(known) } });
    } else {
      await lockLadder(ctx.trx, ladder.id);
    }
    // An automatic rung changes the state: evaluate again, so that a rung now due behind it (e.g. a 督办通知 that may
    // follow a 提醒 the same day under the office's settings) is proposed in the same run. Each pass applies or
    // proposes at most one rung per step, so the loop ends within the ladder's length.
    for (let pass = 0; pass < LADDER_STEPS.length; pass++) {
      const state = ladderStateOf(ladder);
      const ev = evaluateLadder(state, known, config, p.now.getTime());
      if (ev.caughtUp) {
        // A ladder the office escalated on its own judgement waits for the office to close it (judgement.ts).
        if (!closesWhenCaughtUp([...ladder.steps, ...ladder.proposals.filter((x) => x.status === "pending")])) break;
        const r = resolve(state, p.now.getTime());
        if (!r.ok) break;
        await closeLadder(ctx.trx, ladder.id, p.now);
        result.closed++;
        await audit(ctx, { action: "ladder.close", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId, data: { taskId: ladder.taskId, steps: state.history.length } });
        break;
      }
      let again = false;
      for (const proposal of ev.proposals) {
        if (proposal.automatic) {
          const applied = await applyRung(ctx, ladder, state, proposal.step, proposal.reasons, f, { at: p.now, files: p.files, config });
          result.applied.push(applied.summary);
          result.messages.push(...applied.messages);
          [ladder] = await listLadders(ctx.trx, { ids: [ladder.id] });
          again = true;
          break;
        } else {
          const row = await insertProposal(ctx.trx, { ladderId: ladder.id, step: proposal.step, reasons: proposal.reasons, at: p.now });
          if (!row) continue; // already pending
          result.proposed.push({ proposalId: row.id, ladderId: ladder.id, step: proposal.step });
          await audit(ctx, {
            action: "ladder.propose", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId,
            data: { proposalId: row.id, step: proposal.step, taskId: ladder.taskId, reasons: proposal.reasons.map((r) => r.zh) },
          });
          result.messages.push(...(await notifyOffice(ctx.trx, {
            kind: "ladder.proposal",
            title: `建议${STEP_LABELS[proposal.step].zh}`,
            body: `建议对单位采取“${STEP_LABELS[proposal.step].zh}”：${proposal.reasons.map((r) => r.zh).join("；")}。请确认。`,
            data: { proposalId: row.id, ladderId: ladder.id, taskId: ladder.taskId, unitId: ladder.unitId, step: proposal.step, url: "/supervision/ladder" },
            dedupeKey: `proposal:${row.id}`,
          })));
        }
      }
      if (!again) break;
    }
  }
  return result;
}

/** Applies one rung to a locked ladder: document, step row, audit, notification to the unit. */
export async function applyRung(
  ctx: CommandContext, ladder: LadderRecord, state: LadderState, step: LadderStep, reasons: LadderReason[], facts: PairFacts | undefined,
  o: { at: Date; files: FileStore; config: LadderConfig; interview?: { scheduledFor: string; place: string | null } },
) {
  const confirmedBy = ctx.actor?.id ?? undefined;
  const check = applyStep(state, step, { at: o.at.getTime(), confirmedBy, scheduledFor: o.interview?.scheduledFor }, o.config);
  if (!check.ok) throw ladderRefusal(check.error);
  const kind = DOCUMENT_OF_STEP[step];
  const doc = kind
    ? await documentIssuer(ctx, {
        kind, unitId: ladder.unitId, taskId: ladder.taskId, ladderId: ladder.id, facts: documentFacts(facts, reasons), at: o.at, files: o.files,
        interview: o.interview,
      })
    : null;
  await insertStep(ctx.trx, {
    ladderId: ladder.id, seq: state.history.length, step, at: o.at, confirmedBy: confirmedBy ?? null, documentId: doc?.id ?? null, reasons,
  });
  if (step === "interview") await insertInterview(ctx.trx, { ladderId: ladder.id, scheduledFor: o.interview!.scheduledFor, place: o.interview!.place, documentId: doc?.id ?? null });
  await audit(ctx, {
    action: "ladder.step", entityType: "ladder", entityId: ladder.id, unitId: ladder.unitId,
    data: { step, taskId: ladder.taskId, automatic: !confirmedBy, documentId: doc?.id ?? null, docNumber: doc?.doc_number ?? null, reasons: reasons.map((r) => r.zh) },
  });
  const label = STEP_LABELS[step].zh;
  const messages = await notifyUnits(ctx.trx, [ladder.unitId], {
    kind: `ladder.${step}`,
    title: doc ? `${doc.title}${doc.doc_number ? `（${doc.doc_number}）` : ""}` : `区攻坚战办已采取“${label}”措施`,
    body: `区攻坚战办对你单位负责的任务采取“${label}”措施：${reasons.map((r) => r.zh).join("；") || "进度滞后"}。`,
    data: { ladderId: ladder.id, taskId: ladder.taskId, step, documentId: doc?.id ?? null, url: doc ? `/api/supervision/documents/${doc.id}/docx` : "/supervision/tasks" },
    dedupeKey: `ladder:${ladder.id}:${step}`,
  });
  return { summary: { ladderId: ladder.id, step, documentId: doc?.id ?? null }, document: doc, messages };
}

/** What the office confirms. */
export interface StepConfirmerProps {
  proposalId: string;
  at: Date;
  files: FileStore;
  /** 约谈 only: the day and place. */
  interview?: { scheduledFor: string; place: string | null };
  config?: LadderConfig;
}

/** Applies a pending proposal with the actor as the confirming office user. */
export async function stepConfirmer(ctx: CommandContext, p: StepConfirmerProps) {
  const config = p.config ?? (await ladderConfigInForce(ctx.trx));
  const proposal = await findProposal(ctx.trx, p.proposalId);
  if (!proposal) throw NotFound("督办建议不存在");
  await lockLadder(ctx.trx, proposal.ladderId);
  // Re-read under the lock: the job may have closed the ladder or the proposal may have been confirmed meanwhile.
  const again = await findProposal(ctx.trx, p.proposalId);
  if (again?.status !== "pending") throw Conflict("该督办建议已处理", { status: again?.status });
  const [ladder] = await listLadders(ctx.trx, { ids: [proposal.ladderId] });
  if (proposal.step === "interview" && !p.interview) throw ValidationError([{ path: "scheduledFor", message: "请指定约谈日期" }]);
  const facts = (await supervisionFacts(ctx.trx, toIsoDate(p.at.getTime()), ladder)).get(key(ladder.taskId, ladder.unitId));
  const applied = await applyRung(ctx, ladder, ladderStateOf(ladder), proposal.step, proposal.reasons as LadderReason[], facts, {
    at: p.at, files: p.files, config, interview: p.interview,
  });
  await confirmProposal(ctx.trx, proposal.id, { at: p.at, by: ctx.actor?.id ?? null });
  return { ladderId: ladder.id, step: proposal.step, document: applied.document, messages: applied.messages };
}

/** The minutes of a held interview. */
export interface InterviewMinutesRecorderProps {
  interviewId: string;
  heldOn: string;
  minutes: string;
  /** Reference of the signed minutes, e.g. a file number. */
  ref: string;
  at: Date;
}

/** Records the minutes; 提请问责 may follow only after this (ladderConfig.accountabilityNeedsInterviewMinutes). */
export async function interviewMinutesRecorder(ctx: CommandContext, p: InterviewMinutesRecorderProps) {
  const interview = await findInterview(ctx.trx, p.interviewId);
  if (!interview) throw NotFound("约谈不存在");
  await lockLadder(ctx.trx, interview.ladderId);
  const [ladder] = await listLadders(ctx.trx, { ids: [interview.ladderId] });
  const r = recordInterviewMinutes(ladderStateOf(ladder), { heldOn: p.heldOn, ref: p.ref, recordedBy: ctx.actor?.id ?? "system" });
  if (!r.ok) throw ladderRefusal(r.error);
  await recordMinutes(ctx.trx, interview.id, { heldOn: p.heldOn, minutes: p.minutes, ref: p.ref, by: ctx.actor?.id ?? null, at: p.at });
  await audit(ctx, {
    action: "interview.minutes", entityType: "interview", entityId: interview.id, unitId: ladder.unitId,
    data: { ladderId: ladder.id, heldOn: p.heldOn, ref: p.ref },
  });
  return { ...interview, heldOn: p.heldOn, minutes: p.minutes, minutesRef: p.ref };
}

/** The API error for a refused ladder change. */
export function ladderRefusal(e: LadderError) {
  switch (e.code) {
    case "closed": return Conflict("该督办已结束（单位已整改到位）", e);
    case "notForward": return Conflict(`只能采取比“${STEP_LABELS[e.current].zh}”更重的措施`, e);
    case "skipNotAllowed": return Conflict(`应先采取“${STEP_LABELS[e.expected].zh}”`, e);
    case "confirmationRequired": return Conflict(`“${STEP_LABELS[e.step].zh}”须由攻坚战办人员确认`, e);
    case "tooSoon": return Conflict(`距上一措施时间过短，${e.notBefore} 起方可采取`, e);
    case "interviewDateRequired": return ValidationError([{ path: "scheduledFor", message: "请指定约谈日期" }]);
    case "interviewMinutesRequired": return Conflict("须先记录约谈纪要，才能提请问责", e);
    case "noInterview": return Conflict("尚未安排约谈", e);
    case "minutesAlreadyRecorded": return Conflict("约谈纪要已记录", e);
  }
}

const summary = (f: LadderFacts) => ({ daysOverdue: f.daysOverdue, missedRounds: f.missedRounds, lateness: f.lateness.length });
