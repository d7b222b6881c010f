/**
 * @module Authorization matrix rows of one area — Public portal, complaints with rewards, Open311 (issue 6).
 * See ./area.ts for the format. Public routes answer everyone; staff routes follow server/policies/complaint.policy.ts.
 */
import { defineMatrixArea } from "./area";
import { buildComplaint, moveComplaint, relaxPortalLimits, TINY_PNG } from "../../routes/complaints/testFixtures";
import { issueChallenge, solveChallenge } from "../../crypto/challenge";
import { open311KeyIssuer, templateSaver, tierSaver } from "../../commands/complaintCatalogSaver";
import { rewardDecider, rewardProposer, rewardReviewer } from "../../commands/rewardDecider";
import { DEFAULT_FRAUD_RULES } from "../../../domain/complaints/fraud";
import type { CommandContext } from "../../context";

const POOL = 7;
const pick = <T>(xs: T[], n: number) => xs[n % xs.length];
const solved = () => {
  const c = issueChallenge(new Date(), 4);
  return { token: c.token, counter: solveChallenge(c) };
};

/** The area's rows, fixtures and requests. */
export const publicMatrix = defineMatrixArea({
  name: "public",
  table: `
GET /api/public/complaints/categories          A A A A A A A
GET /api/public/complaints/challenge           A A A A A A A
GET /api/public/complaints/similar             A A A A A A A
POST /api/public/complaints                    A A A A A A A
POST /api/public/complaints/track              A A A A A A A
POST /api/public/complaints/reopen             A A A A A A A
GET /api/public/complaints                     A A A A A A A
GET /api/public/complaints/:number             A A A A A A A
GET /api/public/complaints/:number/photos/:sort A A A A A A A
GET /api/public/overview                       A A A A A A A
GET /api/public/water-quality                  A A A A A A A
GET /api/public/water-quality/:code            A A A A A A A
GET /api/complaints                            D A S S D S A
GET /api/complaints/:id                        D A S S D S A
POST /api/complaints/:id/transitions           D A S S D D D
POST /api/complaints/:id/merge                 D A D D D D D
POST /api/complaints/:id/contact               D A S D D D D
GET /api/complaints/:id/photos/:sort           D A S S D S A
GET /api/complaints/templates                  D A A A D A A
POST /api/complaints/templates                 D A D D D D D
PATCH /api/complaints/templates/:id            D A D D D D D
GET /api/complaints/categories                 D A A A D A A
PATCH /api/complaints/categories/:code         D A D D D D D
GET /api/complaints/settings                   D A D D D D A
PUT /api/complaints/settings                   D A D D D D D
GET /api/rewards/tiers                         D A D D D D A
POST /api/rewards/tiers                        D A D D D D D
PATCH /api/rewards/tiers/:id                   D A D D D D D
GET /api/rewards                               D A D D D D A
POST /api/complaints/:id/reward                D A D D D D D
POST /api/rewards/:id/review                   D A D D D D D
POST /api/rewards/:id/decision                 D A D D D D D
POST /api/rewards/:id/payout                   D A D D D D D
GET /api/open311/keys                          D A D D D D D
POST /api/open311/keys                         D A D D D D D
POST /api/open311/keys/:id/revoke              D A D D D D D
GET /api/open311/v2/discovery.:format          A A A A A A A
GET /api/open311/v2/services.:format           A A A A A A A
GET /api/open311/v2/services/:code.:format     A A A A A A A
POST /api/open311/v2/requests.:format          A A A A A A A
GET /api/open311/v2/requests.:format           A A A A A A A
GET /api/open311/v2/requests/:id.:format       A A A A A A A
GET /api/open311/v2/tokens/:token.:format      A A A A A A A
`,
  fixture: async (base) => {
    const db = base.db;
    const sys = <T>(fn: (ctx: CommandContext) => Promise<T>) => db.transaction().execute((trx) => fn({ trx, actor: { id: null, name: "test" }, ip: null, correlationId: "matrix" }));
    await relaxPortalLimits(db);
    await db.updateTable("monitoring_points").set({ lat: 35.196, lon: 113.171 }).where("id", "=", base.sectionId).execute();
    const contact = { name: "张三", phone: "13912345678", email: null };
    const shown = await buildComplaint(db, { anonymous: false, contact, photos: [TINY_PNG] });
    await moveComplaint(db, shown.complaint.id, [{ t: "dispatch", unitId: base.unitId }]);
    const many = async (count: number, steps: Parameters<typeof moveComplaint>[2], v: Parameters<typeof buildComplaint>[1] = {}) => {
      const out = [];
      for (let i = 0; i < count; i++) {
        const r = await buildComplaint(db, v);
        await moveComplaint(db, r.complaint.id, steps);
        out.push(r);
      }
      return out;
    };
    const resolvedSteps = [{ t: "dispatch" as const, unitId: base.unitId }, { t: "investigate" as const }, { t: "resolve" as const, note: "已整改" }];
    const reopenable = await many(POOL, resolvedSteps);
    const dispatched = await many(POOL, [{ t: "dispatch", unitId: base.unitId }]);
    const received = await many(POOL, []);
    const rewardable = await many(POOL + 2, resolvedSteps, { wantsReward: true, contact: { name: "李四", phone: "13800000001", email: null } });
    const tier = await sys((ctx) => tierSaver(ctx, null, { name: "一般线索", amount: 200, criteria: "查证属实", categoryCode: null, active: true, sort: 0 }));
    const rules = { ...DEFAULT_FRAUD_RULES, burstCount: 1e6, nearSimilarity: 2 };
    const proposed = await sys((ctx) => rewardProposer(ctx, { complaintId: rewardable[POOL].complaint.id, tierId: tier.id, at: new Date(), rules }));
    const approved = await sys((ctx) => rewardProposer(ctx, { complaintId: rewardable[POOL + 1].complaint.id, tierId: tier.id, at: new Date(), rules }));
    await sys((ctx) => rewardReviewer(ctx, { rewardId: approved.id, note: "已核实", at: new Date() }));
    await sys((ctx) => rewardDecider(ctx, { rewardId: approved.id, approve: true, reason: null, at: new Date() }));
    const template = await sys((ctx) => templateSaver(ctx, null, { step: "resolve", categoryCode: null, title: "已整改", body: "经现场核查，问题已整改。", sort: 0 }));
    const key = await sys((ctx) => open311KeyIssuer(ctx, { name: "市民热线" }));
    const toRevoke = await sys((ctx) => open311KeyIssuer(ctx, { name: "旧系统" }));
    const batch = await buildComplaint(db, { categoryCode: "other", source: "open311", open311KeyId: key.row.id });
    return {
      shown, reopenable, dispatched, received, rewardable: rewardable.slice(0, POOL), tierId: tier.id, proposedId: proposed.id, approvedId: approved.id,
      templateId: template.id, apiKey: key.key, revokeId: toRevoke.row.id, token: batch.complaint.open311_token!,
    };
  },
  requests: {
    "GET /api/public/complaints/categories": () => ({ url: "/api/public/complaints/categories" }),
    "GET /api/public/complaints/challenge": () => ({ url: "/api/public/complaints/challenge" }),
    "GET /api/public/complaints/similar": () => ({ url: "/api/public/complaints/similar?lat=35.196&lon=113.171&categoryCode=sewage&text=%E9%BB%91%E6%B0%B4" }),
    "POST /api/public/complaints": (_f, _b, n) => ({
      url: "/api/public/complaints",
      body: { categoryCode: "waste_dumping", description: `河边有人倾倒建筑垃圾${n}`, lat: 35.2, lon: 113.18, photos: [{ fileName: "a.png", contentBase64: TINY_PNG.toString("base64") }], challenge: solved() },
    }),
    "POST /api/public/complaints/track": (f) => ({ url: "/api/public/complaints/track", body: { receipt: f.shown.receipt } }),
    "POST /api/public/complaints/reopen": (f, _b, n) => ({ url: "/api/public/complaints/reopen", body: { receipt: pick(f.reopenable, n).receipt, reason: "排口仍在排黑水，没有整改", challenge: solved() } }),
    "GET /api/public/complaints": () => ({ url: "/api/public/complaints" }),
    "GET /api/public/complaints/:number": (f) => ({ url: `/api/public/complaints/${f.shown.complaint.number}` }),
    "GET /api/public/complaints/:number/photos/:sort": (f) => ({ url: `/api/public/complaints/${f.shown.complaint.number}/photos/0` }),
    "GET /api/public/overview": () => ({ url: "/api/public/overview" }),
    "GET /api/public/water-quality": () => ({ url: "/api/public/water-quality?month=2024-05" }),
    "GET /api/public/water-quality/:code": () => ({ url: "/api/public/water-quality/S01?month=2024-05" }),
    "GET /api/complaints": () => ({ url: "/api/complaints" }),
    "GET /api/complaints/:id": (f) => ({ url: `/api/complaints/${f.shown.complaint.id}` }),
    "POST /api/complaints/:id/transitions": (f, _b, n) => ({ url: `/api/complaints/${pick(f.dispatched, n).complaint.id}/transitions`, body: { transition: "investigate", note: "已到现场核查" } }),
    "POST /api/complaints/:id/merge": (f, _b, n) => ({ url: `/api/complaints/${pick(f.received, n).complaint.id}/merge`, body: { into: f.shown.complaint.number } }),
    "POST /api/complaints/:id/contact": (f) => ({ url: `/api/complaints/${f.shown.complaint.id}/contact`, body: { reason: "回访核实" } }),
    "GET /api/complaints/:id/photos/:sort": (f) => ({ url: `/api/complaints/${f.shown.complaint.id}/photos/0` }),
    "GET /api/complaints/templates": () => ({ url: "/api/complaints/templates" }),
    "POST /api/complaints/templates": (_f, _b, n) => ({ url: "/api/complaints/templates", body: { step: "dispatch", title: `转办${n}`, body: "已转承办单位办理。" } }),
    "PATCH /api/complaints/templates/:id": (f, _b, n) => ({ url: `/api/complaints/templates/${f.templateId}`, body: { step: "resolve", title: `已整改${n}`, body: "经现场核查，问题已整改。" } }),
    "GET /api/complaints/categories": () => ({ url: "/api/complaints/categories" }),
    "PATCH /api/complaints/categories/:code": (_f, b) => ({ url: "/api/complaints/categories/sewage", body: { unitId: b.unitId, deadlineDays: 15 } }),
    "GET /api/complaints/settings": () => ({ url: "/api/complaints/settings" }),
    "PUT /api/complaints/settings": () => ({ url: "/api/complaints/settings", body: { limits: { perAddressPerHour: 10_000, perContactPerDay: 10_000, perKeyPerHour: 10_000, challengeDifficulty: 8 } } }),
    "GET /api/rewards/tiers": () => ({ url: "/api/rewards/tiers" }),
    "POST /api/rewards/tiers": (_f, _b, n) => ({ url: "/api/rewards/tiers", body: { name: `档次${n}`, amount: 500 } }),
    "PATCH /api/rewards/tiers/:id": (f) => ({ url: `/api/rewards/tiers/${f.tierId}`, body: { criteria: "查证属实并完成整改" } }),
    "GET /api/rewards": () => ({ url: "/api/rewards" }),
    "POST /api/complaints/:id/reward": (f, _b, n) => ({ url: `/api/complaints/${pick(f.rewardable, n).complaint.id}/reward`, body: { tierId: f.tierId } }),
    "POST /api/rewards/:id/review": (f) => ({ url: `/api/rewards/${f.proposedId}/review`, body: { note: "电话核实，非企业员工" } }),
    "POST /api/rewards/:id/decision": (f) => ({ url: `/api/rewards/${f.proposedId}/decision`, body: { approve: true } }),
    "POST /api/rewards/:id/payout": (f) => ({ url: `/api/rewards/${f.approvedId}/payout`, body: { method: "bank_transfer", reference: "ZZ-2024-001" } }),
    "GET /api/open311/keys": () => ({ url: "/api/open311/keys" }),
    "POST /api/open311/keys": (_f, _b, n) => ({ url: "/api/open311/keys", body: { name: `伙伴${n}` } }),
    "POST /api/open311/keys/:id/revoke": (f) => ({ url: `/api/open311/keys/${f.revokeId}/revoke`, body: {} }),
    "GET /api/open311/v2/discovery.:format": () => ({ url: "/api/open311/v2/discovery.json" }),
    "GET /api/open311/v2/services.:format": () => ({ url: "/api/open311/v2/services.xml" }),
    "GET /api/open311/v2/services/:code.:format": () => ({ url: "/api/open311/v2/services/sewage.json" }),
    "POST /api/open311/v2/requests.:format": (f, _b, n) => ({
      url: "/api/open311/v2/requests.json",
      raw: { contentType: "application/x-www-form-urlencoded; charset=utf-8", payload: `api_key=${f.apiKey}&service_code=sewage&lat=35.19&long=113.17&description=${encodeURIComponent(`渠道内有污水直排${n}`)}` },
    }),
    "GET /api/open311/v2/requests.:format": () => ({ url: "/api/open311/v2/requests.xml?status=open" }),
    "GET /api/open311/v2/requests/:id.:format": (f) => ({ url: `/api/open311/v2/requests/${f.shown.complaint.number}.json` }),
    "GET /api/open311/v2/tokens/:token.:format": (f) => ({ url: `/api/open311/v2/tokens/${f.token}.json` }),
  },
});
