/**
 * @module The facilities overview `GET /api/registries/facilities`: every kind in one paged list (kind, status,
 * overdue, responsible unit) with the counts per kind and status — the registries overview counts it like a
 * registry; each kind's own list, map, sheets and records are the kind's module (./module.ts).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { FACILITY_KINDS, FACILITY_SPECS, facilitySpecByKey } from "../../../../domain/registries/facility";
import { toIsoDate } from "../../../../domain/supervision/days";
import { ValidationError } from "../../../errors";
import { canCreateAny } from "../../../policies/registry.policy";
import { facilityCounts, listFacilities } from "../../../repositories/facility.repository";
import { pageMeta } from "../../../registries/listQuery";
import { registryPolicies } from "../../../registries/routes";
import { parse } from "../../../validate";
import type { RouteDeps } from "../../types";
import { FACILITY_MODULES, presentFacilities } from "./module";
import { FacilityOverviewQuery } from "./schema";

/** Registers the facilities overview. */
export function facilityRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/registries/facilities", async (req) => {
    const { actor } = requireAuth(req);
    const f = parse(FacilityOverviewQuery, req.query);
    const spec = f.kind ? facilitySpecByKey(f.kind) : undefined;
    if (f.kind && !spec) throw ValidationError([{ path: "kind", message: "不是可选的设施类型" }]);
    const [page, counts] = await Promise.all([listFacilities(db, { ...f, kind: spec?.kind, today: toIsoDate(Date.now()) }), facilityCounts(db)]);
    const kinds = FACILITY_KINDS.map((k) => ({
      kind: k, key: FACILITY_SPECS[k].key,
      total: counts.filter((c) => c.kind === k).reduce((s, c) => s + c.n, 0),
      byStatus: Object.fromEntries(FACILITY_SPECS[k].statuses.map((s) => [s.value, counts.find((c) => c.kind === k && c.status === s.value)?.n ?? 0])),
    }));
    // Each row's policy is the same for every kind: its unit's.
    return {
      ok: true,
      data: await presentFacilities(db, page.rows),
      policies: await registryPolicies(db, FACILITY_MODULES[0], actor, page.rows),
      meta: { ...pageMeta(f, page.total), can: { create: false, import: false }, canCreateKinds: canCreateAny(actor), kinds },
    };
  });
}
