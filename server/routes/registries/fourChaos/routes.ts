/**
 * @module The 清四乱 register's own routes — workflow steps, the per-river "dynamic zero" board — and the public
 * progress `GET /api/public/registries/four-chaos/progress`: the board per river and each problem's code,
 * category, sub-type, river, day found, status and deadline; never the description, place, reporter or photos
 * (a complaint's text may name people).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { inCommand } from "../../../auth/command";
import { fourChaosTransitioner } from "../../../commands/fourChaosTransitioner";
import { Forbidden, NotFound } from "../../../errors";
import { CHAOS_CATALOGUE, CHAOS_LIFECYCLE, CHAOS_SOURCE_LABELS, dynamicZeroBoard } from "../../../../domain/registries/fourChaos";
import { toIsoDate } from "../../../../domain/supervision/days";
import type { Actor } from "../../../policies/cancan";
import { canPerform } from "../../../policies/registry.policy";
import { allProblems, boardRows, lockProblem } from "../../../repositories/fourChaos.repository";
import { allRivers } from "../../../repositories/river.repository";
import { scopeOf } from "../../../registries/routes";
import { IdParams } from "../../../registries/schema";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import { parse } from "../../../validate";
import type { RouteDeps } from "../../types";
import { fourChaosModule } from "./module";
import { ProblemTransition } from "./schema";

const BASE = "/api/registries/four-chaos";
const today = () => toIsoDate(Date.now());

/** The board: every river of the register with its counts (rivers without problems are 清零). */
async function board(db: Kysely<DB>) {
  const [rivers, rows] = await Promise.all([allRivers(db), boardRows(db)]);
  const lines = dynamicZeroBoard(rivers.map((r) => r.id), rows.map((r) => ({ riverId: r.river_id, category: r.category, status: r.status, deadline: r.deadline, foundOn: r.found_on })), today());
  const name = new Map(rivers.map((r) => [r.id, r.name]));
  return {
    rivers: lines.map((l) => ({ ...l, riverName: name.get(l.riverId) ?? "" })),
    totals: { total: rows.length, open: lines.reduce((s, l) => s + l.open, 0), overdue: lines.reduce((s, l) => s + l.overdue, 0), clearedRivers: lines.filter((l) => l.cleared).length, rivers: lines.length },
  };
}

/** Registers the 清四乱 register's own routes and its public progress. */
export function fourChaosRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const detailOf = async (actor: Actor, id: string) => {
    const row = (await fourChaosModule.find(db, id))!;
    const [data] = await fourChaosModule.present(db, [row]);
    return { ...data, ...(await fourChaosModule.detail!(db, row, actor)) };
  };

  app.get(`${BASE}/board`, async (req) => {
    requireAuth(req);
    return { ok: true, data: await board(db) };
  });

  app.post(`${BASE}/:id/transitions`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const b = parse(ProblemTransition, req.body);
    await inCommand(db, req, async (ctx) => {
      const problem = await lockProblem(ctx.trx, id);
      if (!problem) throw NotFound("问题不存在");
      // Who performs an action does not depend on the status: refuse the actor first, then check the workflow.
      const by = CHAOS_LIFECYCLE.transitions.find((t) => t.action === b.action)!.by;
      if (!canPerform(actor, by, await scopeOf(ctx.trx, fourChaosModule, problem))) throw Forbidden();
      return fourChaosTransitioner(ctx, { problem, action: b.action, note: b.note, rectification: b.rectification, today: today() });
    });
    return { ok: true, data: await detailOf(actor, id) };
  });

  app.get("/api/public/registries/four-chaos/progress", { config: { public: true } }, async () => {
    const [b, rows] = await Promise.all([board(db), allProblems(db)]);
    const rivers = new Map(b.rivers.map((r) => [r.riverId, r.riverName]));
    return {
      ok: true,
      data: {
        totals: b.totals,
        rivers: b.rivers.map((r) => ({ river: r.riverName, total: r.total, closed: r.closed, open: r.open, overdue: r.overdue, cleared: r.cleared })),
        items: rows.map((r) => ({
          code: r.code, category: CHAOS_CATALOGUE[r.category].zh, subtype: r.subtype, river: rivers.get(r.river_id) ?? null, source: CHAOS_SOURCE_LABELS[r.source].zh,
          foundOn: r.found_on, deadline: r.deadline, status: r.status, statusLabel: CHAOS_LIFECYCLE.labels[r.status].zh, closedOn: r.closed_on, demo: r.demo,
        })),
      },
    };
  });
}
