/**
 * @module Campaign plans: the office previews a plan document (parsed against the unit directory, every field with
 * the span of text it came from), then imports it; staff read plans with their tasks.
 */
import type { FastifyInstance } from "fastify";
import { normalizePlanText } from "../../../domain/plan/normalize";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { Forbidden, NotFound, ValidationError } from "../../errors";
import { parseWithDirectory } from "../../plans/parseWithDirectory";
import { canManagePlans, canReadPlans } from "../../policies/plan.policy";
import { findPlan, findPlanByDocNumber, listPlans, listTasks } from "../../repositories/plan.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { ledgerRows, ledgerXlsx } from "../../plans/ledger";
import { PlanFileError, planTextOf } from "../../plans/planText";
import { planDashboardOf, latestProgress } from "../../plans/dashboard";
import { reviewedPlanImporter } from "../../commands/reviewedPlanImporter";
import { annualPlanDue } from "../../commands/planImporter";
import { indicatorsFromGoals } from "../../../domain/indicators/catalogue";
import * as S from "./schema";
import { contentDisposition } from "../../presenters/download";

/** Registers /api/plans*. */
export function planRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.post("/api/plans/preview", { bodyLimit: 12 * 1024 * 1024 }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const body = parse(S.PreviewSchema, req.body);
    let text = body.text ?? "";
    if (body.file) {
      try {
        text = await planTextOf(Buffer.from(body.file.contentBase64, "base64"), body.file.fileName);
      } catch (err) {
        if (err instanceof PlanFileError) throw ValidationError([{ path: "file", message: err.message }], err.message);
        throw err;
      }
      if (text.trim().length < 20) throw ValidationError([{ path: "file", message: "文件中没有足够的文字，不像一份实施方案" }]);
    }
    const parsed = await parseWithDirectory(db, text, body.year);
    const duplicate = parsed.docNumber ? await findPlanByDocNumber(db, parsed.docNumber) : undefined;
    // Spans point into the normalised text; the reviewer's page highlights them there. The source text goes back
    // with the import, so an uploaded file is read once.
    return {
      ok: true,
      data: {
        parsed, sourceText: text, normalizedText: normalizePlanText(text), annualPlanDueOn: annualPlanDue(parsed.sections),
        indicators: parsed.year ? indicatorsFromGoals(parsed.goals, parsed.year) : [],
        duplicate: duplicate ? { planId: duplicate.id, title: duplicate.title } : null,
      },
    };
  });

  app.post("/api/plans", { bodyLimit: 2 * 1024 * 1024 }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canManagePlans(actor)) throw Forbidden();
    const body = parse(S.ImportPlanSchema, req.body);
    const result = await inCommand(db, req, (ctx) =>
      reviewedPlanImporter(ctx, { text: body.text, year: body.year, decisions: body.decisions, corrections: body.corrections, importedBy: actor.id }),
    );
    return { ok: true, data: result };
  });

  app.get("/api/plans/:id/dashboard", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const { days } = parse(S.DashboardQuery, req.query);
    if (!(await findPlan(db, id))) throw NotFound("计划不存在");
    return { ok: true, data: await planDashboardOf(db, id, days) };
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
    const xlsx = await ledgerXlsx(`${plan.title}${plan.doc_number ? `（${plan.doc_number}）` : ""} 任务台账`, ledgerRows(await listTasks(db, { planId: id }), await latestProgress(db, id)));
    const name = `任务台账-${plan.year}.xlsx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition(`ledger-${plan.year}.xlsx`, name))
      .send(xlsx);
  });

  app.get("/api/plans/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadPlans(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const plan = await findPlan(db, id);
    if (!plan) throw NotFound("计划不存在");
    const [tasks, progress] = await Promise.all([listTasks(db, { planId: id }), latestProgress(db, id)]);
    return {
      ok: true,
      data: {
        id: plan.id,
        title: plan.title,
        docNumber: plan.doc_number,
        issuer: plan.issuer,
        issuedOn: plan.issued_on,
        year: plan.year,
        annualPlanDueOn: plan.annual_plan_due_on,
        goals: plan.goals.map((g) => ({ text: g.text, targets: g.targets })),
        sourceText: plan.source_text,
        // 进展情况 as in the ledger: each reporting unit's latest answer.
        tasks: tasks.map((t) => ({ ...t, progress: progress.get(t.id) ?? null })),
      },
    };
  });
}
