/**
 * @module Campaign plans: the office previews a plan document (parsed against the unit directory, every field with
 * the span of text it came from), then imports it; staff read plans with their tasks.
 */
import type { FastifyInstance } from "fastify";
import { normalizePlanText } from "../../../domain/plan/normalize";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { planImporter } from "../../commands/planImporter";
import { Forbidden, NotFound, ValidationError } from "../../errors";
import { parseWithDirectory } from "../../plans/parseWithDirectory";
import { canManagePlans, canReadPlans } from "../../policies/plan.policy";
import { findPlan, listPlans, listTasks } from "../../repositories/plan.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { ledgerRows, ledgerXlsx } from "../../plans/ledger";
import * as S from "./schema";

/** Registers /api/plans*. */
export function planRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.post("/api/plans/preview", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const body = parse(S.PlanTextSchema, req.body);
    const parsed = await parseWithDirectory(db, body.text, body.year);
    // Spans point into the normalised text; the reviewer's page highlights them there.
    return { ok: true, data: { parsed, normalizedText: normalizePlanText(body.text) } };
  });

  app.post("/api/plans", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const body = parse(S.ImportPlanSchema, req.body);
    const parsed = await parseWithDirectory(db, body.text, body.year);
    if (parsed.year === null) throw ValidationError([{ path: "year", message: "无法从文件确定计划年份，请填写年份" }]);
    if (parsed.tasks.length === 0) throw ValidationError([{ path: "text", message: "没有解析出任何任务" }]);
    const result = await inCommand(db, req, (ctx) =>
      planImporter(ctx, {
        plan: { ...parsed, year: parsed.year!, title: parsed.title ?? "未命名实施方案" },
        sourceText: body.text,
        importedBy: actor.id,
      }),
    );
    return { ok: true, data: result };
  });

  app.get("/api/plans", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const plans = await listPlans(db);
    return {
      ok: true,
      data: plans.map((p) => ({ id: p.id, title: p.title, docNumber: p.doc_number, year: p.year, issuedOn: p.issued_on, importedAt: new Date(p.imported_at).toISOString(), taskCount: Number(p.task_count) })),
    };
  });

  app.get("/api/plans/:id/ledger.xlsx", async (req, reply) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const plan = await findPlan(db, id);
    if (!plan) throw NotFound("计划不存在");
    const xlsx = await ledgerXlsx(`${plan.title}${plan.doc_number ? `（${plan.doc_number}）` : ""} 任务台账`, ledgerRows(await listTasks(db, { planId: id })));
    const name = `任务台账-${plan.year}.xlsx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="ledger-${plan.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(xlsx);
  });

  app.get("/api/plans/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const plan = await findPlan(db, id);
    if (!plan) throw NotFound("计划不存在");
    const tasks = await listTasks(db, { planId: id });
    return {
      ok: true,
      data: {
        id: plan.id,
        title: plan.title,
        docNumber: plan.doc_number,
        issuer: plan.issuer,
        issuedOn: plan.issued_on,
        year: plan.year,
        goals: plan.goals.map((g) => ({ text: g.text, targets: g.targets })),
        sourceText: plan.source_text,
        tasks,
      },
    };
  });
}
