/**
 * @module The enterprise register's own routes: the coverage of 涉氟企业 by fluoride (w21017) online monitoring
 * (seed plan task 18: 引导涉氟企业安装氟化物在线监控设施), an outlet's permit limits (from the permit, or a GB
 * 8978 / GB 18918 / GB 18466 preset filled in by the page), the outlet points the form offers, and the district's
 * 万元工业增加值用水量 with its change against 2020 (task 13); and the public list
 * `GET /api/public/registries/enterprises` (what the national permit platform publishes: name, permit number and
 * class, industry, pollutants, the 涉氟 flag and whether fluoride is monitored online — no coordinates, no people).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { inCommand } from "../../../auth/command";
import { permitLimitSetter } from "../../../commands/permitLimitSetter";
import { NotFound } from "../../../errors";
import { authorize } from "../../../policies/cancan";
import { registryPolicy } from "../../../policies/registry.policy";
import { canManageMonitoring } from "../../../policies/monitoring.policy";
import { allEnterprises, findEnterprise, outletChoices, waterUseIntensity, yearsWithFigures } from "../../../repositories/enterprise.repository";
import { findPoint } from "../../../repositories/point.repository";
import { presentLimit } from "../../../presenters/presentMonitoring";
import { scopeOf } from "../../../registries/routes";
import { parse } from "../../../validate";
import { ReplaceLimitsSchema } from "../../monitoring/schema";
import type { RouteDeps } from "../../types";
import { enterpriseModule } from "./module";
import { fluorideCoverageReport, monitoringOf } from "./monitors";
import { PERMIT_CLASS_LABELS, pollutantName } from "../../../../domain/registries/enterprise";
import { EnterpriseListQuery, IntensityQuery, OutletParams } from "./schema";

const BASE = "/api/registries/enterprises";

/** Registers the enterprise register's own routes. */
export function enterpriseRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get(`${BASE}/fluoride-coverage`, async (req) => {
    const { actor } = requireAuth(req);
    const { page: _p, pageSize: _s, fluoride: _f, ...filter } = parse(EnterpriseListQuery, req.query);
    const report = await fluorideCoverageReport(db, filter);
    return {
      ok: true,
      data: report,
      // Devices are the monitoring area's: who may register one there.
      meta: { can: { registerDevice: canManageMonitoring(actor) } },
    };
  });

  app.get(`${BASE}/outlet-points`, async (req) => {
    requireAuth(req);
    const points = await outletChoices(db);
    return { ok: true, data: points.map((p) => ({ id: p.id, code: p.code, name: p.name, enterpriseId: p.enterprise_id })) };
  });

  app.put(`${BASE}/:id/outlets/:pointId/limits`, async (req) => {
    const { actor } = requireAuth(req);
    const { id, pointId } = parse(OutletParams, req.params);
    const body = parse(ReplaceLimitsSchema, req.body);
    const limits = await inCommand(db, req, async (ctx) => {
      const enterprise = await findEnterprise(ctx.trx, id);
      if (!enterprise) throw NotFound("企业不存在");
      authorize(registryPolicy, actor, "update", await scopeOf(ctx.trx, enterpriseModule, enterprise));
      const point = await findPoint(ctx.trx, pointId);
      if (!point) throw NotFound("排口不存在");
      return permitLimitSetter(ctx, { enterprise, point, limits: body.limits });
    });
    return { ok: true, data: limits.map(presentLimit) };
  });

  app.get("/api/public/registries/enterprises", { config: { public: true } }, async () => {
    const rows = await allEnterprises(db);
    const monitoring = await monitoringOf(db, rows);
    return {
      ok: true,
      data: rows.map((r) => ({
        code: r.code, name: r.name, permitNo: r.permit_no, permitClass: r.permit_class ? PERMIT_CLASS_LABELS[r.permit_class].zh : null, industry: r.industry,
        pollutants: r.pollutants.map(pollutantName), fluoride: r.fluoride, fluorideMonitoring: monitoring.get(r.id)!.fluorideState, demo: r.demo,
      })),
    };
  });

  app.get("/api/registries/enterprise-years/intensity", async (req) => {
    requireAuth(req);
    const q = parse(IntensityQuery, req.query);
    const years = await yearsWithFigures(db);
    const year = q.year ?? years[0] ?? new Date().getFullYear();
    const trend = await Promise.all(years.filter((y) => y >= q.baseYear).sort((a, b) => a - b).map((y) => waterUseIntensity(db, y, q.baseYear)));
    return { ok: true, data: { ...(await waterUseIntensity(db, year, q.baseYear)), years, trend: trend.map((t) => ({ year: t.year, intensity: t.current.intensity, change: t.change })) } };
  });
}
