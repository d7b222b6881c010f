/**
 * @module Staff complaint routes: the list (scoped: the office and auditors see all, a unit its own, a river chief
 * those on their rivers), one complaint with its events and photos, steps (dispatch → investigate → resolve …),
 * merging duplicates, the audited contact reveal, response templates, categories and the portal's settings (rate
 * limits, challenge, photo limits, fraud-check thresholds). Policies travel with responses.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { complaintMerger, complaintTransitioner, contactRevealer } from "../../commands/complaintHandler";
import { categorySaver, templateSaver } from "../../commands/complaintCatalogSaver";
import { portalSettingsSaver } from "../../commands/portalSettingsSaver";
import { Forbidden, NotFound, ValidationError } from "../../errors";
import { can, presentPolicies, type Actor } from "../../policies/cancan";
import { canReadComplaints, canTriageComplaints, complaintPolicy, handlerSide, seesAllComplaints, type ComplaintScope } from "../../policies/complaint.policy";
import { presentCategory, presentStaffComplaint, presentTemplate } from "../../presenters/presentComplaint";
import { findComplaint, findComplaintByNumber, listComplaints, listDuplicates, listEvents, listPhotos, type ComplaintView } from "../../repositories/complaint.repository";
import { listCategories, listTemplates, portalSettings } from "../../repositories/complaintCatalog.repository";
import type { FileStore } from "../../repositories/file.repository";
import { TRANSITIONS } from "../../../domain/complaints/states";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

const scopeOf = (c: ComplaintView): ComplaintScope => ({ unitId: c.unit_id, riverChiefUserId: c.river_chief_user_id, anonymous: c.anonymous });

/** Registers /api/complaints*. */
export function complaintRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  const policies = (actor: Actor, rows: ComplaintView[]) => presentPolicies(complaintPolicy, actor, rows.map((r) => ({ ...scopeOf(r), id: r.id })), (r) => r.id);
  /** The complaint if the actor may read it; 403 otherwise (also when it does not exist). */
  const readable = async (actor: Actor, id: string) => {
    const c = await findComplaint(db, id);
    if (!c || !can(complaintPolicy, actor, "read", scopeOf(c))) throw Forbidden();
    return c;
  };
  const detail = async (actor: Actor, c: ComplaintView) => {
    const [photos, events, duplicates] = await Promise.all([listPhotos(db, [c.id]), listEvents(db, c.id), listDuplicates(db, c.id)]);
    return {
      ok: true,
      data: { ...presentStaffComplaint(c, photos, events), duplicates: duplicates.map((d) => ({ id: d.id, number: d.number })) },
      policies: policies(actor, [c]),
    };
  };

  app.get("/api/complaints", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadComplaints(actor)) throw Forbidden();
    const q = parse(S.ListQuery, req.query);
    const rows = await listComplaints(db, {
      states: q.state as ComplaintView["state"][] | undefined, categoryCode: q.categoryCode, q: q.q,
      overdueAt: q.overdue === "1" ? new Date() : undefined,
      scope: seesAllComplaints(actor) ? undefined : { unitIds: actor.roles.some((r) => r === "unit_head" || r === "unit_staff" || r === "river_chief") ? actor.unitIds : [], chiefUserId: actor.roles.includes("river_chief") ? actor.id : null },
    });
    const visible = rows.filter((c) => can(complaintPolicy, actor, "read", scopeOf(c)));
    return { ok: true, data: visible.map((c) => presentStaffComplaint(c)), policies: policies(actor, visible) };
  });

  app.get("/api/complaints/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    return detail(actor, await readable(actor, id));
  });

  app.post("/api/complaints/:id/transitions", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.TransitionSchema, req.body);
    const c = await readable(actor, id);
    const t = body.transition as keyof typeof TRANSITIONS;
    const officeOnly = !(TRANSITIONS[t].by as readonly string[]).includes("unit");
    if (!can(complaintPolicy, actor, officeOnly ? "triage" : "handle", scopeOf(c))) throw Forbidden();
    await inCommand(db, req, (ctx) => complaintTransitioner(ctx, {
      complaintId: id, transition: t as "dispatch", as: handlerSide(actor), unitId: body.unitId, note: body.note, internalNote: body.internalNote, confirmed: body.confirmed, at: new Date(),
    }));
    return detail(actor, (await findComplaint(db, id))!);
  });

  app.post("/api/complaints/:id/merge", async (req) => {
    const { actor } = requireAuth(req);
    if (!canTriageComplaints(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.MergeSchema, req.body);
    await readable(actor, id);
    const into = /^\d{4}-\d{6}$/.test(body.into) ? await findComplaintByNumber(db, body.into) : /^[0-9a-f-]{36}$/i.test(body.into) ? await findComplaint(db, body.into) : undefined;
    if (!into) throw ValidationError([{ path: "into", message: "找不到该编号的投诉" }]);
    await inCommand(db, req, (ctx) => complaintMerger(ctx, { complaintId: id, intoId: into.id, note: body.note, at: new Date() }));
    return detail(actor, (await findComplaint(db, id))!);
  });

  app.post("/api/complaints/:id/contact", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const { reason } = parse(S.RevealSchema, req.body);
    await readable(actor, id);
    const contact = await inCommand(db, req, (ctx) => contactRevealer(ctx, { complaintId: id, reason, allowed: (c) => can(complaintPolicy, actor, "viewContact", { ...c, riverChiefUserId: null }) }));
    return { ok: true, data: contact };
  });

  app.get("/api/complaints/:id/photos/:sort", async (req, reply) => {
    const { actor } = requireAuth(req);
    const { id, sort } = parse(S.PhotoParams, req.params);
    const { copy } = parse(S.PhotoQuery, req.query);
    const c = await readable(actor, id);
    if (copy === "original" && !can(complaintPolicy, actor, "viewOriginalPhotos", scopeOf(c))) throw Forbidden("原始照片（含拍摄位置等信息）仅承办人员可查看");
    const photo = (await listPhotos(db, [id])).find((p) => p.sort === sort);
    const bytes = photo ? files.get(copy === "original" ? photo.original_sha256 : photo.public_sha256) : null;
    if (!photo || !bytes) throw NotFound("照片不存在");
    return reply.type(photo.content_type).header("cache-control", "private, no-store").header("content-disposition", "inline").send(bytes);
  });

  app.get("/api/complaints/templates", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadComplaints(actor)) throw Forbidden();
    return { ok: true, data: (await listTemplates(db)).map(presentTemplate) };
  });

  app.post("/api/complaints/templates", async (req) => {
    const { actor } = requireAuth(req);
    if (!canTriageComplaints(actor)) throw Forbidden();
    const body = parse(S.TemplateSchema, req.body);
    const t = await inCommand(db, req, (ctx) => templateSaver(ctx, null, body));
    return { ok: true, data: presentTemplate(t) };
  });

  app.patch("/api/complaints/templates/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canTriageComplaints(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.TemplateSchema, req.body);
    const t = await inCommand(db, req, (ctx) => templateSaver(ctx, id, body));
    return { ok: true, data: presentTemplate(t) };
  });

  app.get("/api/complaints/categories", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadComplaints(actor)) throw Forbidden();
    return { ok: true, data: (await listCategories(db, true)).map((c) => presentCategory(c, true)) };
  });

  app.patch("/api/complaints/categories/:code", async (req) => {
    const { actor } = requireAuth(req);
    if (!canTriageComplaints(actor)) throw Forbidden();
    const { code } = parse(S.CodeParams, req.params);
    const body = parse(S.CategorySchema, req.body);
    await inCommand(db, req, (ctx) => categorySaver(ctx, code, body));
    return { ok: true, data: (await listCategories(db, true)).filter((c) => c.code === code).map((c) => presentCategory(c, true))[0] };
  });

  app.get("/api/complaints/settings", async (req) => {
    const { actor } = requireAuth(req);
    if (!seesAllComplaints(actor)) throw Forbidden();
    return { ok: true, data: await portalSettings(db), meta: { can: { update: canTriageComplaints(actor) } } };
  });

  app.put("/api/complaints/settings", async (req) => {
    const { actor } = requireAuth(req);
    if (!canTriageComplaints(actor)) throw Forbidden();
    const body = parse(S.PortalSettingsSchema, req.body);
    const r = await inCommand(db, req, (ctx) => portalSettingsSaver(ctx, body));
    return { ok: true, data: r.settings, meta: { changed: r.changed, can: { update: true } } };
  });
}
