/**
 * @module Reward routes (有奖举报): tiers, proposals with their fraud flags, review, approval by a second person,
 * payout records; and the Open311 API keys the office issues to partner systems. Office only; auditors read.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { rewardDecider, rewardPayer, rewardProposer, rewardReviewer } from "../../commands/rewardDecider";
import { open311KeyIssuer, open311KeyRevoker, tierSaver } from "../../commands/complaintCatalogSaver";
import { Forbidden } from "../../errors";
import { can } from "../../policies/cancan";
import { canManageRewards, canReadRewards, complaintPolicy } from "../../policies/complaint.policy";
import { presentReward, presentTier } from "../../presenters/presentComplaint";
import { findComplaint } from "../../repositories/complaint.repository";
import { portalSettings } from "../../repositories/complaintCatalog.repository";
import { findReward, listKeys, listRewards, listTiers } from "../../repositories/reward.repository";
import type { RewardState } from "../../../domain/complaints/rewards";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/rewards* and /api/open311/keys*. */
export function rewardRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const manage = (req: Parameters<typeof requireAuth>[0]) => {
    const { actor } = requireAuth(req);
    if (!canManageRewards(actor)) throw Forbidden();
    return actor;
  };
  const one = async (id: string) => presentReward((await findReward(db, id))!);

  app.get("/api/rewards/tiers", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadRewards(actor)) throw Forbidden();
    return { ok: true, data: (await listTiers(db)).map(presentTier) };
  });

  app.post("/api/rewards/tiers", async (req) => {
    manage(req);
    const body = parse(S.TierSchema, req.body);
    return { ok: true, data: presentTier(await inCommand(db, req, (ctx) => tierSaver(ctx, null, body))) };
  });

  app.patch("/api/rewards/tiers/:id", async (req) => {
    manage(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.TierPatchSchema, req.body);
    return { ok: true, data: presentTier(await inCommand(db, req, (ctx) => tierSaver(ctx, id, body))) };
  });

  app.get("/api/rewards", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadRewards(actor)) throw Forbidden();
    const q = parse(S.RewardsQuery, req.query);
    return { ok: true, data: (await listRewards(db, { states: q.state as RewardState[] | undefined })).map(presentReward) };
  });

  app.post("/api/complaints/:id/reward", async (req) => {
    const actor = manage(req);
    const { id } = parse(S.IdParams, req.params);
    const { tierId } = parse(S.ProposeSchema, req.body);
    const c = await findComplaint(db, id);
    if (!c || !can(complaintPolicy, actor, "proposeReward", { unitId: c.unit_id, riverChiefUserId: c.river_chief_user_id, anonymous: c.anonymous })) throw Forbidden();
    const { fraud } = await portalSettings(db);
    const r = await inCommand(db, req, (ctx) => rewardProposer(ctx, { complaintId: id, tierId, at: new Date(), rules: fraud }));
    return { ok: true, data: await one(r.id) };
  });

  app.post("/api/rewards/:id/review", async (req) => {
    manage(req);
    const { id } = parse(S.IdParams, req.params);
    const { note } = parse(S.ReviewSchema, req.body);
    await inCommand(db, req, (ctx) => rewardReviewer(ctx, { rewardId: id, note, at: new Date() }));
    return { ok: true, data: await one(id) };
  });

  app.post("/api/rewards/:id/decision", async (req) => {
    manage(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.DecisionSchema, req.body);
    await inCommand(db, req, (ctx) => rewardDecider(ctx, { rewardId: id, approve: body.approve, reason: body.reason, at: new Date() }));
    return { ok: true, data: await one(id) };
  });

  app.post("/api/rewards/:id/payout", async (req) => {
    manage(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.PayoutSchema, req.body);
    await inCommand(db, req, (ctx) => rewardPayer(ctx, { rewardId: id, method: body.method, reference: body.reference, at: new Date() }));
    return { ok: true, data: await one(id) };
  });

  app.get("/api/open311/keys", async (req) => {
    manage(req);
    const keys = await listKeys(db);
    return { ok: true, data: keys.map((k) => ({ id: k.id, name: k.name, createdAt: new Date(k.created_at).toISOString(), revokedAt: k.revoked_at ? new Date(k.revoked_at).toISOString() : null, lastUsedAt: k.last_used_at ? new Date(k.last_used_at).toISOString() : null })) };
  });

  app.post("/api/open311/keys", async (req) => {
    manage(req);
    const { name } = parse(S.KeySchema, req.body);
    const r = await inCommand(db, req, (ctx) => open311KeyIssuer(ctx, { name }));
    return { ok: true, data: { id: r.row.id, name: r.row.name, key: r.key } };
  });

  app.post("/api/open311/keys/:id/revoke", async (req) => {
    manage(req);
    const { id } = parse(S.IdParams, req.params);
    const r = await inCommand(db, req, (ctx) => open311KeyRevoker(ctx, { id, at: new Date() }));
    return { ok: true, data: { id: r.id, revokedAt: new Date(r.revoked_at!).toISOString() } };
  });
}
