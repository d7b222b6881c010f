/**
 * @module Rounds (调度) and submissions: the office opens a round; everyone in the campaign sees each round's
 * status per unit; a unit's head or staff answer for their own unit; attachments are downloaded through the
 * submission they belong to. Files travel as base64 in JSON (the app accepts JSON bodies only). The office closes
 * a round; a closed round takes no more submissions (`round.closed`) and its requirements' `submit` policy is false.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { roundCloser } from "../../commands/roundCloser";
import { roundOpener } from "../../commands/roundOpener";
import { submissionReporter } from "../../commands/submissionReporter";
import { Forbidden, ValidationError } from "../../errors";
import { authorize, can, presentPolicies, type Actor } from "../../policies/cancan";
import { canOpenRounds, canReadSupervision, requirementPolicy } from "../../policies/supervision.policy";
import { presentRequirement, presentRound } from "../../presenters/presentSupervision";
import { findRound, listRequirements, listRounds, type RequirementView } from "../../repositories/round.repository";
import { findAttachment, listSubmissions } from "../../repositories/submission.repository";
import type { FileStore } from "../../repositories/file.repository";
import { toIsoDate } from "../../../domain/supervision/days";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";
import { sendStoredFile } from "../../presenters/download";

/** Three attachments of 10 MB are 40 MB of base64, plus the rest of the JSON. */
const SUBMIT_LIMIT = 43 * 1024 * 1024;

const today = () => toIsoDate(Date.now());

/** Registers /api/rounds* and /api/submissions/:id/attachments/:sha256. */
export function roundRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  const policiesOf = (actor: Actor, qs: RequirementView[], closed = false) => {
    const out = presentPolicies(requirementPolicy, actor, qs, (q) => q.id);
    if (closed) for (const p of Object.values(out)) p.submit = false;
    return out;
  };

  app.post("/api/rounds", async (req) => {
    const { actor } = requireAuth(req);
    if (!canOpenRounds(actor)) throw Forbidden();
    const body = parse(S.OpenRoundSchema, req.body);
    const r = await inCommand(db, req, (ctx) => roundOpener(ctx, { ...body, at: new Date() }));
    const requirements = await listRequirements(db, { roundIds: [r.round.id] });
    return { ok: true, data: presentRound(r.round, requirements, today()) };
  });

  app.get("/api/rounds", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const { planId } = parse(S.ListRoundsQuery, req.query);
    const rounds = await listRounds(db, { planId });
    const requirements = await listRequirements(db, { roundIds: rounds.map((r) => r.id) });
    const day = today();
    return { ok: true, data: rounds.map((r) => presentRound(r, requirements.filter((q) => q.roundId === r.id), day)) };
  });

  app.get("/api/rounds/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const round = await findRound(db, id);
    if (!round) throw Forbidden();
    const requirements = await listRequirements(db, { roundIds: [id] });
    // Everyone sees who answered; only the unit itself (and the office, chiefs, auditors) sees what it wrote.
    const readable = requirements.filter((q) => can(requirementPolicy, actor, "read", q));
    const submissions = await listSubmissions(db, readable.map((q) => q.id));
    const day = today();
    return {
      ok: true,
      data: {
        ...presentRound(round, requirements, day),
        requirements: requirements.map((q) =>
          presentRequirement(q, day, can(requirementPolicy, actor, "read", q) ? submissions.filter((s) => s.requirementId === q.id) : undefined)),
      },
      policies: policiesOf(actor, requirements, round.status === "closed"),
      canClose: canOpenRounds(actor) && round.status === "open",
    };
  });

  app.post("/api/rounds/:id/close", async (req) => {
    const { actor } = requireAuth(req);
    if (!canOpenRounds(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.CloseRoundSchema, req.body ?? {});
    const r = await inCommand(db, req, (ctx) => roundCloser(ctx, { roundId: id, note: body.note, at: new Date() }));
    const requirements = await listRequirements(db, { roundIds: [id] });
    return { ok: true, data: presentRound(r.round, requirements, today()) };
  });

  app.post("/api/rounds/:id/submissions", { bodyLimit: SUBMIT_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.SubmitSchema, req.body);
    const r = await inCommand(db, req, async (ctx) => {
      const round = await findRound(ctx.trx, id);
      if (!round) throw Forbidden();
      const candidates = (await listRequirements(ctx.trx, { roundIds: [id], unitIds: body.unitId ? [body.unitId] : [...actor.unitIds] }))
        .filter((q) => q.taskId === body.taskId);
      const mine = candidates.filter((q) => can(requirementPolicy, actor, "submit", q));
      if (mine.length === 0) throw Forbidden("你的单位无需就该任务报送本轮调度");
      if (mine.length > 1) throw ValidationError([{ path: "unitId", message: "你属于多个需报送的单位，请选择以哪个单位报送" }]);
      const q = mine[0];
      authorize(requirementPolicy, actor, "submit", q);
      return submissionReporter(ctx, {
        requirement: { id: q.id, round_id: q.roundId, task_id: q.taskId, unit_id: q.unitId },
        roundStatus: round.status,
        roundTitle: round.title,
        text: body.text,
        figures: body.figures,
        attachments: body.attachments.map((a) => ({ fileName: a.fileName, bytes: Buffer.from(a.contentBase64, "base64") })),
        at: new Date(),
        files,
      });
    });
    const [view] = await listSubmissions(db, [r.submission.requirement_id]).then((xs) => xs.filter((s) => s.id === r.submission.id));
    const [q] = await listRequirements(db, { requirementId: r.submission.requirement_id });
    return { ok: true, data: presentRequirement(q, today(), [view]) };
  });

  app.get("/api/submissions/:id/attachments/:sha256", async (req, reply) => {
    const { actor } = requireAuth(req);
    const { id, sha256 } = parse(S.AttachmentParams, req.params);
    const a = await findAttachment(db, id, sha256);
    if (!a || !can(requirementPolicy, actor, "read", { unitId: a.unit_id })) throw Forbidden();
    return sendStoredFile(reply, files, { sha256: a.sha256, fileName: a.file_name, contentType: a.content_type });
  });
}
