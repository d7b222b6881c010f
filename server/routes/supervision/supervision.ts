/**
 * @module Supervision routes: lateness, the ladders with their proposals, the office's confirmation of a rung,
 * 约谈 and their minutes, the office's escalation on its own judgement and its closing of a ladder
 * (commands/officeEscalator.ts), the unit ranking (domain/supervision/scoring.ts, with its tie-break) and the
 * public exposure list.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { interviewMinutesRecorder, stepConfirmer } from "../../commands/ladderEscalator";
import { ladderResolver, officeEscalator } from "../../commands/officeEscalator";
import { Forbidden } from "../../errors";
import { can, presentPolicies, type Actor } from "../../policies/cancan";
import { canDecideLadder, canReadSupervision, ladderPolicy, seesAllUnits } from "../../policies/supervision.policy";
import { presentDocument, presentInterview, presentLadder, presentLateness } from "../../presenters/presentSupervision";
import { listLadders, listInterviews, ladderStateOf, type LadderRecord } from "../../repositories/ladder.repository";
import { listLateness } from "../../repositories/submission.repository";
import { findDocument } from "../../repositories/document.repository";
import { listRequirements, namesOf, unitDeadlines } from "../../repositories/round.repository";
import type { FileStore } from "../../repositories/file.repository";
import { exposureListing } from "../../../domain/supervision/ladder";
import { performanceOf, rankUnits, scoreUnit } from "../../../domain/supervision/scoring";
import { toIsoDate } from "../../../domain/supervision/days";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/supervision/* (except documents) and /api/public/exposures. */
export function supervisionRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  /** Units whose ladders the actor sees: undefined for all. */
  const scope = (a: Actor, unitId?: string) => (seesAllUnits(a) ? (unitId ? [unitId] : undefined) : a.unitIds.filter((u) => !unitId || u === unitId));
  const present = async (ladders: LadderRecord[]) => {
    const { tasks, units } = await namesOf(db, { taskIds: [...new Set(ladders.map((l) => l.taskId))], unitIds: [...new Set(ladders.map((l) => l.unitId))] });
    return ladders.map((l) => presentLadder(l, { unitName: units.get(l.unitId) ?? "", taskNumber: tasks.get(l.taskId)?.number ?? "", taskTitle: tasks.get(l.taskId)?.title ?? "" }));
  };

  app.get("/api/supervision/lateness", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const q = parse(S.LatenessQuery, req.query);
    const rows = await listLateness(db, { roundId: q.roundId, planId: q.planId, unitIds: q.unitId ? [q.unitId] : undefined });
    return { ok: true, data: rows.map(presentLateness) };
  });

  app.get("/api/supervision/ladders", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const q = parse(S.LaddersQuery, req.query);
    const ladders = (await listLadders(db, { open: q.open === "1", unitIds: scope(actor, q.unitId) })).filter((l) => can(ladderPolicy, actor, "read", l));
    return { ok: true, data: await present(ladders), policies: presentPolicies(ladderPolicy, actor, ladders, (l) => l.id) };
  });

  app.post("/api/supervision/proposals/:id/confirm", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.ConfirmSchema, req.body ?? {});
    const r = await inCommand(db, req, (ctx) =>
      stepConfirmer(ctx, { proposalId: id, at: new Date(), files, interview: body.scheduledFor ? { scheduledFor: body.scheduledFor, place: body.place ?? null } : undefined }),
    );
    const [ladder] = await present(await listLadders(db, { ids: [r.ladderId] }));
    const doc = r.document ? await findDocument(db, r.document.id) : undefined;
    return { ok: true, data: { ladder, document: doc ? presentDocument(doc) : null } };
  });

  app.post("/api/supervision/escalations", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const body = parse(S.EscalateSchema, req.body ?? {});
    const r = await inCommand(db, req, (ctx) => officeEscalator(ctx, {
      taskId: body.taskId, unitId: body.unitId, step: body.step, reason: body.reason, mode: body.mode, at: new Date(), files,
      interview: body.scheduledFor ? { scheduledFor: body.scheduledFor, place: body.place ?? null } : undefined,
    }));
    const [ladder] = await present(await listLadders(db, { ids: [r.ladderId] }));
    const doc = r.documentId ? await findDocument(db, r.documentId) : undefined;
    return { ok: true, data: { ladder, step: r.step, proposalId: r.proposalId, document: doc ? presentDocument(doc) : null } };
  });

  app.post("/api/supervision/ladders/:id/resolve", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.ResolveSchema, req.body ?? {});
    const r = await inCommand(db, req, (ctx) => ladderResolver(ctx, { ladderId: id, reason: body.reason, at: new Date() }));
    const [ladder] = await present(await listLadders(db, { ids: [r.ladderId] }));
    return { ok: true, data: ladder };
  });

  app.get("/api/supervision/interviews", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const rows = await listInterviews(db, { unitIds: scope(actor) });
    return { ok: true, data: rows.map((r) => ({ ...presentInterview(r), taskId: r.taskId, taskNumber: r.taskNumber, taskTitle: r.taskTitle, unitId: r.unitId, unitName: r.unitName })) };
  });

  app.post("/api/supervision/interviews/:id/minutes", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.MinutesSchema, req.body);
    const r = await inCommand(db, req, (ctx) => interviewMinutesRecorder(ctx, { interviewId: id, ...body, at: new Date() }));
    return { ok: true, data: presentInterview(r) };
  });

  app.get("/api/supervision/ranking", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const { planId } = parse(S.RankingQuery, req.query);
    const today = toIsoDate(Date.now());
    const [requirements, deadlines, ladders] = await Promise.all([listRequirements(db, { planId }), unitDeadlines(db, { planId }), listLadders(db)]);
    const planTasks = new Set(deadlines.map((d) => d.taskId).concat(requirements.flatMap((q) => (q.taskId ? [q.taskId] : []))));
    const input = {
      deadlines: deadlines.map((d) => ({ taskId: d.taskId, unitId: d.unitId, dueDate: d.dueOn, completedAt: d.completedOn ?? undefined })),
      rounds: requirements.map((q) => ({
        id: q.id, taskId: q.taskId ?? "", dueDate: q.dueOn, required: [q.unitId],
        submissions: q.firstSubmittedAt ? [{ unitId: q.unitId, at: q.firstSubmittedAt.getTime() }] : [],
      })),
      ladders: ladders.filter((l) => !planId || planTasks.has(l.taskId)).map(ladderStateOf),
    };
    const unitIds = [...new Set([...input.deadlines.map((d) => d.unitId), ...input.rounds.map((r) => r.required[0])])];
    const { units } = await namesOf(db, { taskIds: [], unitIds });
    const ranked = rankUnits(unitIds.map((u) => scoreUnit(performanceOf(u, input, today))), (id) => units.get(id) ?? id);
    return { ok: true, data: ranked.map((r) => ({ ...r, unitName: units.get(r.unitId) ?? "" })), asOf: today };
  });

  app.get("/api/public/exposures", { config: { public: true } }, async () => {
    const ladders = await listLadders(db, { withStep: "exposure" });
    const { tasks, units } = await namesOf(db, { taskIds: [...new Set(ladders.map((l) => l.taskId))], unitIds: [...new Set(ladders.map((l) => l.unitId))] });
    const data = ladders.flatMap((l) => {
      const listing = exposureListing(ladderStateOf(l));
      if (!listing) return [];
      const t = tasks.get(l.taskId);
      // Only what the exposure itself made public: unit, task, since when, resolved or not. No people, no ids of users.
      return [{ id: l.id, unitName: units.get(l.unitId) ?? "", taskNumber: t?.number ?? "", taskTitle: t?.title ?? "", since: listing.since, resolvedOn: listing.resolvedOn }];
    });
    data.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0));
    return { ok: true, data };
  });
}
