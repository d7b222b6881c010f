/**
 * @module Reading series (raw with LTTB downsampling, or hour/day/month buckets in Beijing time), latest values,
 * corrections (a new version with a reason; the raw value stays) and the monthly assessment of a point.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { dischargeReviser } from "../../commands/dischargeReviser";
import { readingCorrector } from "../../commands/readingCorrector";
import type { ReadingPeriod } from "../../db/schema";
import { Forbidden, NotFound } from "../../errors";
import { canCorrectReadings } from "../../policies/monitoring.policy";
import { presentBucket, presentRawPoint, presentReading } from "../../presenters/presentMonitoring";
import { findPoint } from "../../repositories/point.repository";
import { aggregateSeries, latestReadings, pointReadings, readingVersions, seriesValues } from "../../repositories/reading.repository";
import { lttb } from "../../../domain/timeseries/lttb";
import { SHANGHAI_OFFSET_MINUTES } from "../../../domain/labImport/time";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { assessMonth, monthWindow } from "./assessment";
import * as S from "./schema";
import { AssessmentYearQuery } from "../monitoring/reportSchema";
import { monthlyClassSheets, sendXlsx, workbook } from "../../monitoring/exports";
import { publishedPointReadings } from "../../repositories/review.repository";
import { reviewStateCounts } from "../../repositories/readingQc.repository";
import type { AssessmentYear } from "../../../domain/monitoring/views";

/**
 * Raw windows above this many values are bucketed by hour in SQL before downsampling: fetching half a million
 * rows into the app to keep 2,000 of them would cost seconds and memory on every chart.
 */
const RAW_FETCH_MAX = 100_000;
const PERIODS: ReadingPeriod[] = ["rt", "min", "hour", "day", "sample"];

/** Registers /api/readings/series, latest, corrections and assessment. */
export function readingRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/readings/series", async (req) => {
    requireAuth(req);
    const q = parse(S.SeriesQuery, req.query);
    if (!(await findPoint(db, q.pointId))) throw NotFound("站点不存在");
    const w = { pointId: q.pointId, factor: q.factor, period: q.period, from: q.from, to: q.to };
    if (q.bucket === "raw") {
      // One more than the cap tells a window is too long without counting it first.
      const rows = await seriesValues(db, w, RAW_FETCH_MAX + 1);
      if (rows.length <= RAW_FETCH_MAX) {
        const kept = rows.length > q.maxPoints ? lttb(rows, q.maxPoints, (r) => r.t.getTime(), (r) => r.value) : rows;
        return { ok: true, data: { bucket: "raw", requested: q.bucket, total: rows.length, downsampled: kept.length < rows.length, points: kept.map(presentRawPoint) } };
      }
    }
    const bucket = q.bucket === "raw" ? "hour" : q.bucket;
    const buckets = await aggregateSeries(db, { ...w, bucket, offsetMinutes: SHANGHAI_OFFSET_MINUTES });
    const kept = buckets.length > q.maxPoints ? lttb(buckets, q.maxPoints, (b) => b.t.getTime(), (b) => b.avg) : buckets;
    // A raw window too long to fetch reports the values it holds (the buckets' counts), not the buckets.
    const total = q.bucket === "raw" ? buckets.reduce((n, b) => n + b.n, 0) : buckets.length;
    return {
      ok: true,
      data: { bucket, requested: q.bucket, total, downsampled: kept.length < buckets.length, points: kept.map(presentBucket) },
    };
  });

  app.get("/api/readings/latest", async (req) => {
    requireAuth(req);
    const q = parse(S.LatestQuery, req.query);
    if (!(await findPoint(db, q.pointId))) throw NotFound("站点不存在");
    const rows = [];
    for (const period of q.period ? [q.period] : PERIODS) rows.push(...(await latestReadings(db, q.pointId, period)));
    return { ok: true, data: rows.map(presentReading) };
  });

  app.post("/api/readings/corrections", async (req) => {
    const { actor } = requireAuth(req);
    if (!canCorrectReadings(actor)) throw Forbidden();
    const body = parse(S.CorrectionSchema, req.body);
    const { versions, violations } = await inCommand(db, req, async (ctx) => {
      await readingCorrector(ctx, body);
      // An outlet's hourly value feeds its daily permit evaluation: the day is re-evaluated in this transaction,
      // as a review decision does (a violation the corrected day no longer supports is withdrawn with this reason).
      const violations = await dischargeReviser(ctx, [body], { cause: "correct", reason: body.reason, byId: ctx.actor!.id });
      return { versions: await readingVersions(ctx.trx, { pointId: body.pointId, factor: body.factor, period: body.period, t: body.t }), violations };
    });
    return {
      ok: true,
      data: {
        current: presentReading(versions[versions.length - 1]),
        versions: versions.map(presentReading),
        violations: { opened: violations.opened, withdrawn: violations.withdrawn, revised: violations.revised },
      },
    };
  });

  app.get("/api/readings/assessment/year", async (req, reply) => {
    requireAuth(req);
    const q = parse(AssessmentYearQuery, req.query);
    const point = await findPoint(db, q.pointId);
    if (!point) throw NotFound("站点不存在");
    const from = monthWindow(`${q.year}-01`).from, to = monthWindow(`${q.year}-12`).to;
    const w = { pointId: point.id, period: q.period, from, to };
    // Raw (every current value) or the published basis, which says how many values it left out.
    const [rows, counts] = q.basis === "reviewed"
      ? await Promise.all([publishedPointReadings(db, w), reviewStateCounts(db, w)])
      : [await pointReadings(db, w), null];
    const months = Array.from({ length: 12 }, (_, i) => `${q.year}-${String(i + 1).padStart(2, "0")}`);
    const assessed = months.map((month) => {
      const w = monthWindow(month);
      return assessMonth(point, month, rows.filter((r) => r.t >= w.from && r.t < w.to));
    });
    if (q.format === "xlsx") {
      const table = assessed.map((a) => ({
        month: a.month, class: a.monthly?.class ?? null, attained: a.monthly?.attainment?.attained ?? null,
        mainPollutants: a.monthly?.mainPollutants ?? [], sampleCount: a.monthly?.sampleCount ?? 0,
      }));
      const suffix = q.basis === "reviewed" ? "（经审核数据）" : "";
      return sendXlsx(reply, await workbook(monthlyClassSheets(point.name, table)), `monthly-classes-${point.code}-${q.year}${q.basis === "reviewed" ? "-reviewed" : ""}.xlsx`, `${point.name}_${q.year}年逐月水质类别${suffix}.xlsx`);
    }
    // Months only, without their samples: the point page's table (a month's samples come from /assessment).
    return {
      ok: true,
      data: {
        pointId: point.id, year: q.year, basis: q.basis, excluded: counts ? { pending: counts.pending, rejected: counts.rejected } : null, unchecked: counts?.unchecked ?? null,
        months: assessed.map(({ samples, ...m }) => ({ ...m, sampleCount: samples.length })),
      } satisfies AssessmentYear,
    };
  });

  app.get("/api/readings/assessment", async (req) => {
    requireAuth(req);
    const q = parse(S.AssessmentQuery, req.query);
    const point = await findPoint(db, q.pointId);
    if (!point) throw NotFound("站点不存在");
    const rows = await pointReadings(db, { pointId: point.id, period: q.period, ...monthWindow(q.month) });
    return { ok: true, data: assessMonth(point, q.month, rows) };
  });
}
