/**
 * @module The unit directory: everyone signed in lists it; the office creates and edits units and aliases.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { unitSaver } from "../../commands/unitSaver";
import { Forbidden, NotFound } from "../../errors";
import { authorize, presentPolicies } from "../../policies/cancan";
import { canManageUnits, unitPolicy } from "../../policies/unit.policy";
import { presentUnit } from "../../presenters/presentUser";
import { findUnit, listUnits } from "../../repositories/unit.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/units*. */
export function unitRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/units", async (req) => {
    const { actor } = requireAuth(req);
    const units = await listUnits(db);
    return { ok: true, data: units.map(presentUnit), policies: presentPolicies(unitPolicy, actor, units, (u) => u.id) };
  });

  app.post("/api/units", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageUnits(actor)) throw Forbidden();
    const body = parse(S.CreateUnitSchema, req.body);
    const unit = await inCommand(db, req, (ctx) => unitSaver(ctx, body));
    return { ok: true, data: presentUnit(unit), policies: presentPolicies(unitPolicy, actor, [unit], (u) => u.id) };
  });

  app.patch("/api/units/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.UpdateUnitSchema, req.body);
    const unit = await inCommand(db, req, async (ctx) => {
      const current = await findUnit(ctx.trx, id);
      if (!current) throw NotFound("单位不存在");
      authorize(unitPolicy, actor, "update", current);
      return unitSaver(ctx, { unit: current, ...body });
    });
    return { ok: true, data: presentUnit(unit), policies: presentPolicies(unitPolicy, actor, [unit], (u) => u.id) };
  });
}
