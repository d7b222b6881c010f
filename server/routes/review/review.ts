/**
 * @module Human review of flagged values: the queue (suspect and failed values without a decision, newest first)
 * and decisions (accept, reject, correct — a correction is a new version through the corrector).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { readingReviewer } from "../../commands/readingReviewer";
import { Forbidden } from "../../errors";
import { canReadQuality, canReviewReadings } from "../../policies/quality.policy";
import { reviewQueue } from "../../repositories/review.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/review/*. */
export function reviewRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/review/queue", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadQuality(actor)) throw Forbidden();
    const q = parse(S.QueueQuery, req.query);
    const rows = await reviewQueue(db, q);
    const last = rows[rows.length - 1];
    return {
      ok: true,
      data: rows.map((r) => ({
        pointId: r.pointId, pointCode: r.pointCode, pointName: r.pointName, factor: r.factor, period: r.period, t: r.t.toISOString(),
        version: r.version, value: r.value, flag: r.flag, qcFlag: r.qcFlag, tests: r.tests, source: r.source,
      })),
      nextCursor: rows.length === q.limit && last ? last.t.toISOString() : null,
      canDecide: canReviewReadings(actor),
    };
  });

  app.post("/api/review/decisions", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReviewReadings(actor)) throw Forbidden();
    const body = parse(S.DecisionSchema, req.body);
    const r = await inCommand(db, req, (ctx) => readingReviewer(ctx, body));
    return { ok: true, data: r };
  });
}
