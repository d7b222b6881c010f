/**
 * @module Public complaint routes (no session: `config.public`), seed plan 保障措施(五)「畅通投诉举报渠道」: the categories,
 * a proof-of-work challenge, similar open complaints nearby, filing (JSON with base64 photos), tracking and
 * reopening by receipt code, the public complaint map and detail, and metadata-free photos. These routes never read
 * the session, so the CSRF check staff routes need does not apply: what stops a forged or automated post is the
 * one-time signed challenge, the JSON-only body (a cross-site form cannot send it) and the rate limits.
 */
import type { FastifyInstance } from "fastify";
import { publicCommand } from "./publicCommand";
import { complaintFiler, receiptHash } from "../../commands/complaintFiler";
import { complaintReopener } from "../../commands/complaintHandler";
import { ChallengeFailed, NotFound, ReceiptUnknown } from "../../errors";
import { checkChallenge, issueChallenge } from "../../crypto/challenge";
import { masterKey } from "../../crypto/secretKey";
import { presentCategory, presentPublicComplaint, presentReporterReward } from "../../presenters/presentComplaint";
import { complaintsNear, findComplaint, findComplaintByNumber, findComplaintByReceipt, listComplaints, listEvents, listPhotos, countByState } from "../../repositories/complaint.repository";
import { listCategories, portalSettings, useChallenge } from "../../repositories/complaintCatalog.repository";
import { listRewards } from "../../repositories/reward.repository";
import type { FileStore } from "../../repositories/file.repository";
import { normalizeReceipt } from "../../../domain/complaints/receipt";
import { metresBetween } from "../../../domain/complaints/geo";
import { similarity } from "../../../domain/complaints/text";
import { reopenRefusal, OPEN_STATES } from "../../../domain/complaints/states";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { SlidingLimiter } from "./limiter";
import * as S from "./schema";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";

/** Three photos of 5 MB are 20 MB of base64, plus the rest. */
const FILE_LIMIT = 21 * 1024 * 1024;
const PUBLIC = { config: { public: true } } as const;

/** Checks and spends a challenge answer (inside the filing transaction, so a failed filing does not spend it). */
async function spendChallenge(trx: Transaction<DB> | Kysely<DB>, answer: { token: string; counter: string }, now: Date) {
  const r = checkChallenge(answer.token, answer.counter, now);
  if (!r.ok) throw ChallengeFailed(r.reason);
  if (!(await useChallenge(trx, r.tokenHash, r.expiresAt))) throw ChallengeFailed("used");
}

/** Registers /api/public/complaints*. */
export function publicComplaintRoutes(app: FastifyInstance, { db, readDb }: RouteDeps, files: FileStore) {
  if (masterKey().demo) app.log.warn("QINGLIU_SECRET_KEY is not set: reporters' contacts are encrypted with the public DEMO key — set QINGLIU_SECRET_KEY (openssl rand -hex 32) before real use");
  const challenges = new SlidingLimiter(30, 60_000);
  const lookups = new SlidingLimiter(20, 60_000);

  app.get("/api/public/complaints/categories", PUBLIC, async () => {
    const categories = await listCategories(readDb);
    return { ok: true, data: categories.map((c) => presentCategory(c)) };
  });

  app.get("/api/public/complaints/challenge", PUBLIC, async (req, reply) => {
    challenges.hit(req.ip);
    const settings = await portalSettings(readDb);
    reply.header("cache-control", "no-store");
    return { ok: true, data: issueChallenge(new Date(), settings.limits.challengeDifficulty) };
  });

  app.get("/api/public/complaints/similar", PUBLIC, async (req) => {
    const q = parse(S.SimilarQuery, req.query);
    const near = await complaintsNear(readDb, { lat: q.lat, lon: q.lon }, 1000, { states: [...OPEN_STATES], categoryCode: q.categoryCode, since: new Date(Date.now() - 90 * 86_400_000) });
    const scored = near.map((c) => ({
      c, metres: Math.round(metresBetween({ lat: q.lat, lon: q.lon }, { lat: c.lat!, lon: c.lon! })),
      similarity: q.text.trim() ? Math.round(similarity(q.text, c.description) * 100) / 100 : null,
    })).filter((x) => x.metres <= 1000)
      .sort((a, b) => (b.similarity ?? 0) - (a.similarity ?? 0) || a.metres - b.metres).slice(0, 5);
    return { ok: true, data: scored.map((x) => ({ ...presentPublicComplaint(x.c), metres: x.metres, similarity: x.similarity })) };
  });

  app.post("/api/public/complaints", { ...PUBLIC, bodyLimit: FILE_LIMIT }, async (req) => {
    const body = parse(S.FileComplaintSchema, req.body);
    const now = new Date();
    const settings = await portalSettings(db);
    const r = await publicCommand(db, req, async (ctx) => {
      await spendChallenge(ctx.trx, body.challenge, now);
      return complaintFiler(ctx, {
        categoryCode: body.categoryCode, description: body.description, address: body.address, lat: body.lat, lon: body.lon, subject: body.subject,
        anonymous: body.anonymous, contact: body.contact ? { name: body.contact.name ?? null, phone: body.contact.phone || null, email: body.contact.email || null } : null,
        wantsReward: body.wantsReward, photos: body.photos.map((p) => Buffer.from(p.contentBase64, "base64")),
        source: "web", open311KeyId: null, ip: req.ip, at: now, files, settings,
      });
    });
    const view = await findComplaint(db, r.complaint.id);
    return { ok: true, data: { receipt: r.receipt, complaint: presentPublicComplaint(view!, await listPhotos(db, [view!.id])) } };
  });

  /** What the reporter sees with their code: the public record, every public note, the reward, whether they may reopen. */
  const tracked = async (receipt: string) => {
    const code = normalizeReceipt(receipt);
    const c = code ? await findComplaintByReceipt(db, receiptHash(code)) : undefined;
    if (!c) throw ReceiptUnknown();
    const [photos, events, rewards] = await Promise.all([listPhotos(db, [c.id]), listEvents(db, c.id), listRewards(db, { complaintId: c.id })]);
    const master = c.duplicate_of ? await findComplaint(db, c.duplicate_of) : undefined;
    const refusal = reopenRefusal({ state: c.state, closedAt: c.closed_at ? new Date(c.closed_at) : null, reopenCount: c.reopen_count }, new Date());
    return {
      ...presentPublicComplaint(c, photos, events),
      anonymous: c.anonymous, wantsReward: c.wants_reward, reopenCount: c.reopen_count,
      canReopen: refusal === null, reopenRefusal: refusal,
      mergedInto: master ? { number: master.number, state: master.state } : null,
      reward: presentReporterReward(rewards[0]),
    };
  };

  app.post("/api/public/complaints/track", PUBLIC, async (req) => {
    lookups.hit(req.ip);
    const { receipt } = parse(S.TrackSchema, req.body);
    return { ok: true, data: await tracked(receipt) };
  });

  app.post("/api/public/complaints/reopen", PUBLIC, async (req) => {
    lookups.hit(req.ip);
    const body = parse(S.ReopenSchema, req.body);
    const code = normalizeReceipt(body.receipt);
    const c = code ? await findComplaintByReceipt(db, receiptHash(code)) : undefined;
    if (!c) throw ReceiptUnknown();
    const now = new Date();
    await publicCommand(db, req, async (ctx) => {
      await spendChallenge(ctx.trx, body.challenge, now);
      return complaintReopener(ctx, { complaintId: c.id, reason: body.reason, at: now });
    });
    return { ok: true, data: await tracked(body.receipt) };
  });

  app.get("/api/public/complaints", PUBLIC, async (req) => {
    const q = parse(S.MapQuery, req.query);
    const rows = await listComplaints(readDb, { publicOnly: true, states: q.open === "1" ? [...OPEN_STATES] : undefined, categoryCode: q.categoryCode, from: new Date(Date.now() - 365 * 86_400_000), limit: 500 });
    const photos = await listPhotos(readDb, rows.map((r) => r.id));
    return {
      ok: true,
      data: rows.map((c) => presentPublicComplaint(c, photos.filter((p) => p.complaint_id === c.id))),
      counts: await countByState(readDb, new Date(Date.now() - 365 * 86_400_000)),
    };
  });

  app.get("/api/public/complaints/:number", PUBLIC, async (req) => {
    const { number } = parse(S.NumberParams, req.params);
    const c = await findComplaintByNumber(readDb, number);
    if (!c || c.hidden || c.state === "invalid") throw NotFound("投诉不存在或未公开");
    const [photos, events] = await Promise.all([listPhotos(readDb, [c.id]), listEvents(readDb, c.id)]);
    return { ok: true, data: presentPublicComplaint(c, photos, events) };
  });

  app.get("/api/public/complaints/:number/photos/:sort", PUBLIC, async (req, reply) => {
    const { number, sort } = parse(S.PhotoParams, req.params);
    const c = await findComplaintByNumber(readDb, number);
    if (!c || c.hidden || c.state === "invalid") throw NotFound("照片不存在或未公开");
    const photo = (await listPhotos(readDb, [c.id])).find((p) => p.sort === sort);
    const bytes = photo ? files.get(photo.public_sha256) : null;
    if (!photo || !bytes) throw NotFound("照片不存在");
    // Only the metadata-free copy is ever served here; content-type from our own sniffing, never the client's word.
    return reply.type(photo.content_type).header("cache-control", "public, max-age=3600").header("content-disposition", "inline").send(bytes);
  });
}
