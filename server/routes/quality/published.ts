/**
 * @module Published figures: the series and monthly assessment of a point from reviewed data only — values that
 * passed the automatic QC, were accepted or corrected by an operator; rejected values and values still waiting for
 * review are left out, and the response says how many (`basis: "reviewed"`, `excluded`); values the QC tests have
 * not reached yet take part and are counted (`unchecked`). Same shapes as
 * /api/readings/series and /api/readings/assessment, so charts and tables can show either.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { NotFound } from "../../errors";
import { findPoint } from "../../repositories/point.repository";
import { publishedBuckets, publishedPointReadings, publishedSeries } from "../../repositories/review.repository";
import { reviewStateCounts } from "../../repositories/readingQc.repository";
import { presentBucket, presentRawPoint } from "../../presenters/presentMonitoring";
import { assessMonth, monthWindow } from "../readings/assessment";
import { lttb } from "../../../domain/timeseries/lttb";
import { SHANGHAI_OFFSET_MINUTES } from "../../../domain/labImport/time";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/quality/series and /api/quality/assessment. */
export function publishedRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/quality/series", async (req) => {
    requireAuth(req);
    const q = parse(S.PublishedSeriesQuery, req.query);
    if (!(await findPoint(db, q.pointId))) throw NotFound("站点不存在");
    const w = { pointId: q.pointId, factor: q.factor, period: q.period, from: q.from, to: q.to };
    const counts = await reviewStateCounts(db, w);
    const excluded = { pending: counts.pending, rejected: counts.rejected };
    const unchecked = counts.unchecked;
    if (q.bucket === "raw") {
      const rows = await publishedSeries(db, w);
      const kept = rows.length > q.maxPoints ? lttb(rows, q.maxPoints, (r) => new Date(r.t).getTime(), (r) => r.value) : rows;
      return { ok: true, data: { basis: "reviewed", excluded, unchecked, bucket: "raw", requested: "raw", total: rows.length, downsampled: kept.length < rows.length, points: kept.map(presentRawPoint) } };
    }
    const buckets = await publishedBuckets(db, { ...w, bucket: q.bucket, offsetMinutes: SHANGHAI_OFFSET_MINUTES });
    const kept = buckets.length > q.maxPoints ? lttb(buckets, q.maxPoints, (b) => b.t.getTime(), (b) => b.avg) : buckets;
    return { ok: true, data: { basis: "reviewed", excluded, unchecked, bucket: q.bucket, requested: q.bucket, total: buckets.length, downsampled: kept.length < buckets.length, points: kept.map(presentBucket) } };
  });

  app.get("/api/quality/assessment", async (req) => {
    requireAuth(req);
    const q = parse(S.PublishedAssessmentQuery, req.query);
    const point = await findPoint(db, q.pointId);
    if (!point) throw NotFound("站点不存在");
    const win = monthWindow(q.month);
    const [rows, counts] = await Promise.all([
      publishedPointReadings(db, { pointId: point.id, period: q.period, ...win }),
      reviewStateCounts(db, { pointId: point.id, period: q.period, ...win }),
    ]);
    return {
      ok: true,
      data: { ...assessMonth(point, q.month, rows), basis: "reviewed", excluded: { pending: counts.pending, rejected: counts.rejected }, unchecked: counts.unchecked },
    };
  });
}
