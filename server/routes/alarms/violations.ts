/**
 * @module Violation records of outlets (exceeding China days of the permit) and the outlets' noncompliance status
 * over the last six months (domain/alarms/noncompliance.ts, after EPA ECHO's roll-up to significant noncompliance).
 * Keyed by outlet point and linked to the outlet's enterprise (monitoring_points.enterprise_id); an enterprise's
 * status is the worst of its outlets'.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { dischargeDaysSince, listViolations, permittedOutlets } from "../../repositories/violation.repository";
import { outletStatus, worse, type FactorDays, type NoncomplianceStatus } from "../../../domain/alarms/noncompliance";
import { chinaDay } from "../../../domain/alarms/discharge";
import { presentViolation } from "./present";
import * as S from "./schema";

/** Six months back from today (China day). */
export function sixMonthsBefore(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 10);
}

/** Registers /api/alarms/violations and /api/alarms/noncompliance. */
export function violationRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/alarms/violations", async (req) => {
    requireAuth(req);
    const q = parse(S.ViolationsQuery, req.query);
    const rows = await listViolations(db, q);
    return { ok: true, data: rows.map(presentViolation) };
  });

  app.get("/api/alarms/noncompliance", async (req) => {
    requireAuth(req);
    const now = new Date();
    const from = sixMonthsBefore(now);
    const [outlets, days] = await Promise.all([permittedOutlets(db), dischargeDaysSince(db, from)]);
    const byPoint = new Map<string, { name: string; enterpriseId: string | null; enterpriseName: string | null; factors: FactorDays[] }>();
    for (const o of outlets) {
      let p = byPoint.get(o.point_id);
      if (!p) byPoint.set(o.point_id, (p = { name: o.name, enterpriseId: o.enterprise_id, enterpriseName: o.enterprise_name, factors: [] }));
      p.factors.push({
        factor: o.factor,
        upper: o.upper_limit,
        days: days.filter((d) => d.point_id === o.point_id && d.factor === o.factor).map((d) => ({
          day: String(d.day).slice(0, 10), mean: d.mean_value, max: d.max_value, hours: d.hours, exceeded: d.exceeded, exceedMultiple: d.exceed_multiple,
        })),
      });
    }
    const outletRows = [...byPoint].map(([pointId, p]) => ({ pointId, pointName: p.name, enterpriseId: p.enterpriseId, enterpriseName: p.enterpriseName, ...outletStatus(p.factors) }));
    // An enterprise takes the worst status of its outlets (as ECHO reports a facility).
    const byEnterprise = new Map<string, { enterpriseId: string; enterpriseName: string; status: NoncomplianceStatus; outlets: string[] }>();
    for (const o of outletRows) {
      if (!o.enterpriseId) continue;
      const e = byEnterprise.get(o.enterpriseId) ?? { enterpriseId: o.enterpriseId, enterpriseName: o.enterpriseName ?? "", status: "no_data" as NoncomplianceStatus, outlets: [] };
      e.status = worse(e.status, o.status);
      e.outlets.push(o.pointId);
      byEnterprise.set(o.enterpriseId, e);
    }
    return { ok: true, data: { from, to: chinaDay(now.getTime()), outlets: outletRows, enterprises: [...byEnterprise.values()] } };
  });
}
