/**
 * @module The drinking-water source register's own routes: compliance of every source from monitoring over a
 * period (`GET …/drinking-sources/compliance`, as JSON), a problem's lifecycle steps, the free intake points the
 * form offers, and the public list `GET /api/public/registries/drinking-sources` (name, kind, level, water, the
 * protection zones as published in the 划定方案, how many problems are being rectified — no personal data).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { inCommand } from "../../../auth/command";
import { drinkingProblemTransitioner } from "../../../commands/drinkingProblemTransitioner";
import { Forbidden, NotFound, ValidationError } from "../../../errors";
import { PROBLEM_LIFECYCLE, problemBoard, SOURCE_KIND_LABELS, SOURCE_LEVEL_LABELS } from "../../../../domain/registries/drinkingSource";
import { toIsoDate } from "../../../../domain/supervision/days";
import { canPerform } from "../../../policies/registry.policy";
import { allSources, freeIntakePoints, lockProblem, problemsOfSources } from "../../../repositories/drinkingSource.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import { IdParams } from "../../../registries/schema";
import { parse } from "../../../validate";
import type { RouteDeps } from "../../types";
import { defaultPeriod, MAX_MONTHS, sourcesCompliance } from "./compliance";
import { presentProblems } from "./problemModule";
import { ComplianceQuery, ProblemTransition, SourceListQuery } from "./schema";
import { monthsBetween } from "../../../monitoring/window";

const today = () => toIsoDate(Date.now());

/** Registers the drinking-water registers' own routes and the public list. */
export function drinkingSourceRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/registries/drinking-sources/compliance", async (req) => {
    requireAuth(req);
    const q = parse(ComplianceQuery, req.query);
    const d = defaultPeriod();
    const period = { from: q.from ?? (q.to ? `${q.to.slice(0, 4)}-01` : d.from), to: q.to ?? d.to };
    if (period.from > period.to) throw ValidationError([{ path: "from", message: "起始月份不能晚于结束月份" }]);
    if (monthsBetween(period.from, period.to).length > MAX_MONTHS) throw ValidationError([{ path: "to", message: `一次最多统计 ${MAX_MONTHS} 个月` }]);
    const filter = parse(SourceListQuery, req.query);
    const sources = await allSources(db, filter);
    const report = await sourcesCompliance(db, sources.map((s) => s.id), period);
    return {
      ok: true,
      data: { ...report, sources: report.sources.map((r, i) => ({ ...r, code: sources[i].code, name: sources[i].name })) },
    };
  });

  app.get("/api/registries/drinking-sources/intake-points", async (req) => {
    requireAuth(req);
    const points = await freeIntakePoints(db);
    return { ok: true, data: points.map((p) => ({ id: p.id, code: p.code, name: p.name, sourceId: p.source_id })) };
  });

  app.post("/api/registries/drinking-problems/:id/transitions", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const b = parse(ProblemTransition, req.body);
    const row = await inCommand(db, req, async (ctx) => {
      const problem = await lockProblem(ctx.trx, id);
      if (!problem) throw NotFound("水源地环境问题不存在");
      // Who performs an action does not depend on the state: refuse the actor first, then check the lifecycle.
      const by = PROBLEM_LIFECYCLE.transitions.find((t) => t.action === b.action)!.by;
      if (!canPerform(actor, by, { unitId: problem.unit_id })) throw Forbidden();
      return drinkingProblemTransitioner(ctx, { problem, action: b.action, note: b.note, rectification: b.rectification, today: today() });
    });
    const [data] = await presentProblems(db, [row]);
    return { ok: true, data };
  });

  app.get("/api/public/registries/drinking-sources", { config: { public: true } }, async () => {
    const rows = await allSources(db);
    const [names, problems] = await Promise.all([
      namesOf(db, { riverIds: rows.map((r) => r.river_id) }),
      problemsOfSources(db, rows.map((r) => r.id)),
    ]);
    const board = problemBoard(rows.map((r) => r.id), problems.map((p) => ({ sourceId: p.source_id, status: p.status, deadline: p.deadline })), today());
    return {
      ok: true,
      data: rows.map((r) => {
        const b = board.get(r.id)!;
        return {
          code: r.code, name: r.name, kind: SOURCE_KIND_LABELS[r.source_kind].zh, level: SOURCE_LEVEL_LABELS[r.level].zh,
          river: r.river_id ? names.rivers.get(r.river_id) ?? null : null, standardized: r.standardized,
          zones: { zone1: r.zone1, zone2: r.zone2, zone3: r.zone3 },
          problemsOpen: b.open, problemsClosed: b.closed, statusLabel: b.zero ? "问题动态清零" : `${b.open} 个问题整改中`, demo: r.demo,
        };
      }),
    };
  });
}
