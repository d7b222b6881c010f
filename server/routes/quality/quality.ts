/**
 * @module Data quality: QC settings per point and factor (stored + defaults), the flags of a series with each value's
 * review state, anti-fabrication findings with the data of their window, decisions on findings, and the area's
 * counts. Published (reviewed) figures are in ./published.ts.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { qcSettingsSaver } from "../../commands/qcSettingsSaver";
import { findingDecider } from "../../commands/findingDecider";
import { Forbidden, NotFound, ValidationError } from "../../errors";
import { presentPolicies, type Actor } from "../../policies/cancan";
import { canConfigureQc, canDecideFindings, canReadQuality, canReviewReadings, findingPolicy } from "../../policies/quality.policy";
import type { FindingRow } from "../../db/tables/quality";
import { findPoint } from "../../repositories/point.repository";
import { listDevices } from "../../repositories/device.repository";
import { listQcSettings } from "../../repositories/qcSettings.repository";
import { countSeries } from "../../repositories/reading.repository";
import { flaggedSeries } from "../../repositories/readingQc.repository";
import { findFinding, listFindings, openFindingCounts } from "../../repositories/finding.repository";
import { pendingReviewCount } from "../../repositories/review.repository";
import { alarmCounts } from "../../repositories/alarm.repository";
import { defaultQcConfig } from "../../../domain/qc/config";
import type { ReadingPeriodCode } from "../../../domain/qc/periods";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { publishedRoutes } from "./published";
import { presentFinding, presentFlagged } from "./present";
import * as S from "./schema";

/** Most values the flags of one window return (the review chart; longer windows are asked for in parts). */
const FLAGS_MAX = 20_000;

const findingPolicies = (a: Actor, xs: FindingRow[]) => presentPolicies(findingPolicy, a, xs, (x) => x.id);

function requireQualityReader(actor: Actor) {
  if (!canReadQuality(actor)) throw Forbidden();
}

/** Registers /api/quality/*. */
export function qualityRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { db } = deps;
  app.get("/api/quality/summary", async (req) => {
    const { actor } = requireAuth(req);
    requireQualityReader(actor);
    const [pending, findings, alarms] = await Promise.all([pendingReviewCount(db), openFindingCounts(db), alarmCounts(db)]);
    return { ok: true, data: { pendingReview: pending, openFindings: findings, openAlarms: alarms } };
  });

  app.get("/api/quality/settings", async (req) => {
    const { actor } = requireAuth(req);
    requireQualityReader(actor);
    const q = parse(S.SettingsQuery, req.query);
    const point = await findPoint(db, q.pointId);
    if (!point) throw NotFound("站点不存在");
    const [stored, devices] = await Promise.all([listQcSettings(db, q.pointId), listDevices(db, { pointId: q.pointId })]);
    const factors = [...new Set([...devices.flatMap((d) => d.expected_factors), ...stored.map((s) => s.factor)])].sort();
    return {
      ok: true,
      data: {
        pointId: point.id,
        period: q.period,
        canEdit: canConfigureQc(actor),
        factors: factors.map((factor) => {
          const s = stored.find((x) => x.factor === factor);
          return { factor, stored: s?.config ?? null, updatedAt: s?.updatedAt.toISOString() ?? null, defaults: defaultQcConfig(factor, q.period as ReadingPeriodCode) };
        }),
      },
    };
  });

  app.put("/api/quality/settings/:pointId/:factor", async (req) => {
    const { actor } = requireAuth(req);
    if (!canConfigureQc(actor)) throw Forbidden();
    const { pointId, factor } = parse(S.SettingsParams, req.params);
    const body = parse(S.SaveSettingsSchema, req.body);
    const row = await inCommand(db, req, (ctx) => qcSettingsSaver(ctx, { pointId, factor, config: body.config }));
    return { ok: true, data: { factor, stored: row?.config ?? null, updatedAt: row?.updatedAt.toISOString() ?? null } };
  });

  app.delete("/api/quality/settings/:pointId/:factor", async (req) => {
    const { actor } = requireAuth(req);
    if (!canConfigureQc(actor)) throw Forbidden();
    const { pointId, factor } = parse(S.SettingsParams, req.params);
    await inCommand(db, req, (ctx) => qcSettingsSaver(ctx, { pointId, factor, config: null }));
    return { ok: true, data: { factor, stored: null } };
  });

  app.get("/api/quality/flags", async (req) => {
    const { actor } = requireAuth(req);
    requireQualityReader(actor);
    const q = parse(S.WindowQuery, req.query);
    if (!(await findPoint(db, q.pointId))) throw NotFound("站点不存在");
    const n = await countSeries(db, q);
    if (n > FLAGS_MAX) throw ValidationError([{ path: "to", message: `该时段有 ${n} 个数值，超过 ${FLAGS_MAX}，请缩短时间范围` }]);
    const rows = await flaggedSeries(db, q);
    return { ok: true, data: rows.map(presentFlagged) };
  });

  app.get("/api/quality/findings", async (req) => {
    const { actor } = requireAuth(req);
    requireQualityReader(actor);
    const q = parse(S.FindingsQuery, req.query);
    const rows = await listFindings(db, q);
    const last = rows[rows.length - 1];
    return {
      ok: true,
      data: rows.map(presentFinding),
      nextCursor: rows.length === q.limit && last ? new Date(last.detected_at).toISOString() : null,
      policies: findingPolicies(actor, rows),
    };
  });

  app.get("/api/quality/findings/:id", async (req) => {
    const { actor } = requireAuth(req);
    requireQualityReader(actor);
    const { id } = parse(S.IdParams, req.params);
    const f = await findFinding(db, id);
    if (!f) throw NotFound("线索不存在");
    // The evidence: each factor's values over the window with a margin of a quarter of it (at least 2 h) each side.
    const from = new Date(f.window_from).getTime(), to = new Date(f.window_to).getTime();
    const margin = Math.max(2 * 3_600_000, (to - from) / 4);
    const evidence = [];
    for (const factor of f.factors) {
      const w = { pointId: f.point_id, factor, period: f.period, from: new Date(from - margin), to: new Date(to + margin + 1) };
      const rows = (await countSeries(db, w)) <= FLAGS_MAX ? await flaggedSeries(db, w) : [];
      evidence.push({ factor, period: f.period, from: w.from.toISOString(), to: w.to.toISOString(), values: rows.map(presentFlagged) });
      if (f.rule === "lab_disagreement") {
        const lab = await flaggedSeries(db, { ...w, period: "sample" });
        evidence.push({ factor, period: "sample", from: w.from.toISOString(), to: w.to.toISOString(), values: lab.map(presentFlagged) });
      }
    }
    return { ok: true, data: { ...presentFinding(f), evidence }, policies: findingPolicies(actor, [f]) };
  });

  app.post("/api/quality/findings/:id/decision", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.FindingDecisionSchema, req.body);
    const r = await inCommand(db, req, async (ctx) => {
      const f = await findFinding(ctx.trx, id);
      if (!f) throw NotFound("线索不存在");
      // The role decides here; a finding already decided answers 409 from the command.
      if (!canDecideFindings(actor) || (body.rejectData && !canReviewReadings(actor))) throw Forbidden();
      return findingDecider(ctx, { findingId: id, ...body });
    });
    return { ok: true, data: { ...presentFinding(r.finding), rejected: r.rejected }, policies: findingPolicies(actor, [r.finding]) };
  });

  publishedRoutes(app, deps);
}
