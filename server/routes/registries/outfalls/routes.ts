/**
 * @module The outfall register's own routes — sampling records (测), the trace graph (溯), the plan (一口一策, 治),
 * lifecycle steps (查 → 测 → 溯 → 治 → 销号 with the office's review) — and the public progress
 * `GET /api/public/registries/outfalls/progress`: counts by stage and way of 整治 and each outfall's code, name,
 * receiving water, type and stage; never the 责任主体 (it may be a person), coordinates or photos.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { inCommand } from "../../../auth/command";
import { outfallPlanSaver, outfallTestRecorder, outfallTraceSaver } from "../../../commands/outfallRecorder";
import { outfallTransitioner } from "../../../commands/outfallTransitioner";
import { Forbidden, NotFound } from "../../../errors";
import { OUTFALL_LIFECYCLE, OUTFALL_STAGES, REMEDIATION_KINDS, REMEDIATION_LABELS } from "../../../../domain/registries/outfallLifecycle";
import { outfallTypeLabel } from "../../../../domain/registries/outfallTypes";
import { toIsoDate } from "../../../../domain/supervision/days";
import { authorize, type Actor } from "../../../policies/cancan";
import { canPerform, registryPolicy } from "../../../policies/registry.policy";
import { allOutfalls, lockOutfall, outfallCounts } from "../../../repositories/outfall.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import type { CommandContext } from "../../../context";
import { scopeOf } from "../../../registries/routes";
import { IdParams } from "../../../registries/schema";
import { parse } from "../../../validate";
import type { RouteDeps } from "../../types";
import { outfallModule } from "./module";
import { OutfallTransition, PlanBody, TestBody, TraceBody } from "./schema";

const BASE = "/api/registries/outfalls";

/** Registers the outfall register's own routes and its public progress. */
export function outfallRoutes(app: FastifyInstance, { db }: RouteDeps) {
  /** Loads and locks the outfall, checks the actor may edit it, runs `fn`. */
  const editing = <T>(req: Parameters<typeof inCommand>[1], actor: Actor, id: string, fn: (ctx: CommandContext, o: NonNullable<Awaited<ReturnType<typeof lockOutfall>>>) => Promise<T>) =>
    inCommand(db, req, async (ctx) => {
      const o = await lockOutfall(ctx.trx, id);
      if (!o) throw NotFound("排污口不存在");
      authorize(registryPolicy, actor, "update", await scopeOf(ctx.trx, outfallModule, o));
      return fn(ctx, o);
    });
  const detailOf = async (actor: Actor, id: string) => {
    const row = (await outfallModule.find(db, id))!;
    const [data] = await outfallModule.present(db, [row]);
    return { ...data, ...(await outfallModule.detail!(db, row, actor)) };
  };

  app.post(`${BASE}/:id/tests`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const body = parse(TestBody, req.body);
    await editing(req, actor, id, (ctx, o) => outfallTestRecorder(ctx, o, body));
    return { ok: true, data: await detailOf(actor, id) };
  });

  app.put(`${BASE}/:id/trace`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const body = parse(TraceBody, req.body);
    await editing(req, actor, id, (ctx, o) => outfallTraceSaver(ctx, o, body.nodes));
    return { ok: true, data: await detailOf(actor, id) };
  });

  app.put(`${BASE}/:id/plan`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const body = parse(PlanBody, req.body);
    await editing(req, actor, id, (ctx, o) => outfallPlanSaver(ctx, o, body));
    return { ok: true, data: await detailOf(actor, id) };
  });

  app.post(`${BASE}/:id/transitions`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const b = parse(OutfallTransition, req.body);
    await inCommand(db, req, async (ctx) => {
      const o = await lockOutfall(ctx.trx, id);
      if (!o) throw NotFound("排污口不存在");
      // Who performs an action does not depend on the stage: refuse the actor first, then check the lifecycle.
      const by = OUTFALL_LIFECYCLE.transitions.find((t) => t.action === b.action)!.by;
      if (!canPerform(actor, by, await scopeOf(ctx.trx, outfallModule, o))) throw Forbidden();
      return outfallTransitioner(ctx, { outfall: o, action: b.action, note: b.note, today: toIsoDate(Date.now()) });
    });
    return { ok: true, data: await detailOf(actor, id) };
  });

  app.get("/api/public/registries/outfalls/progress", { config: { public: true } }, async () => {
    const [rows, counts] = await Promise.all([allOutfalls(db), outfallCounts(db)]);
    const names = await namesOf(db, { riverIds: rows.map((r) => r.river_id) });
    return {
      ok: true,
      data: {
        total: rows.length,
        byStage: Object.fromEntries(OUTFALL_STAGES.map((s) => [s, counts.stages.find((x) => x.stage === s)?.n ?? 0])),
        byRemediationKind: Object.fromEntries(REMEDIATION_KINDS.map((k) => [k, counts.kinds.find((x) => x.kind === k)?.n ?? 0])),
        items: rows.map((r) => ({
          code: r.code, name: r.name, river: r.river_id ? names.rivers.get(r.river_id) ?? null : r.receiving_water, type: outfallTypeLabel(r.type_code),
          stage: r.stage, stageLabel: OUTFALL_LIFECYCLE.labels[r.stage].zh, remediationKind: r.remediation_kind,
          remediationLabel: r.remediation_kind ? REMEDIATION_LABELS[r.remediation_kind].zh : null, closedOn: r.closed_on, demo: r.demo,
        })),
      },
    };
  });
}
