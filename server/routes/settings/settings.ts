/**
 * @module Supervision settings: everyone who reads supervision sees the thresholds in force (a unit may know when it
 * would be escalated); the office changes them.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { supervisionSettingsSaver } from "../../commands/supervisionSettingsSaver";
import { Forbidden } from "../../errors";
import { canDecideLadder, canReadSupervision } from "../../policies/supervision.policy";
import { settingsInForce } from "../../plans/settings";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/settings/supervision. */
export function settingsRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const present = async (canEdit: boolean) => ({ ...(await settingsInForce(db)), canEdit });

  app.get("/api/settings/supervision", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    return { ok: true, data: await present(canDecideLadder(actor)) };
  });

  app.put("/api/settings/supervision", async (req) => {
    const { actor } = requireAuth(req);
    if (!canDecideLadder(actor)) throw Forbidden();
    const body = parse(S.SaveSettingsSchema, req.body);
    const r = await inCommand(db, req, (ctx) => supervisionSettingsSaver(ctx, { ...body, at: new Date() }));
    return { ok: true, data: { ...(await present(true)), changed: r.changed } };
  });
}
