/**
 * @module The routes every registry has, built from its module (./definition.ts), under /api/registries/<key>:
 * `GET` (filtered, paged list with each row's policies and what the actor may create), `GET /map` (GeoJSON of
 * every matching record), `GET /:id` (detail, attachments, policies), `POST` (create), `PATCH /:id` (edit),
 * `GET /:id/history` (audit entries and transitions), `POST /:id/attachments` and `GET /:id/attachments/:aid`,
 * `GET /template.xlsx`, `GET /export.xlsx` (same filters as the list), `POST /import/check` (report, nothing
 * stored) and `POST /import` (all rows in one transaction or none). Each route: authenticate, validate, load,
 * authorize, one command, present.
 */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { requireAuth } from "../auth/authenticate";
import { inCommand } from "../auth/command";
import type { DB } from "../db/schema";
import { Forbidden, NotFound } from "../errors";
import { authorize, presentPolicies, type Actor } from "../policies/cancan";
import { canCreateAny, canCreateRecord, registryPolicy, type RegistryScope } from "../policies/registry.policy";
import { registryAttacher } from "../commands/registryAttacher";
import { registryImporter } from "../commands/registryImporter";
import type { FileStore } from "../repositories/file.repository";
import { findAttachment, listAttachments } from "../repositories/registryAttachment.repository";
import { listRecordAudit, listTransitions } from "../repositories/registryHistory.repository";
import { parse } from "../validate";
import type { RouteDeps } from "../routes/types";
import type { AnyRegistryModule, RegistryRecord } from "./definition";
import { checkImport } from "./importCheck";
import { pageMeta } from "./listQuery";
import { presentAttachment, presentHistory } from "./present";
import { attachmentDisposition, exportXlsx, templateXlsx, XLSX_TYPE } from "./sheetFile";
import * as S from "./schema";
import { sendStoredFile } from "../presenters/download";

/** Each row's evaluated policy, by id. */
export async function registryPolicies(db: Kysely<DB>, m: AnyRegistryModule, actor: Actor, rows: RegistryRecord[]) {
  const scopes = await m.scope(db, rows);
  const resources = rows.map((r) => ({ id: r.id, ...(scopes.get(r.id) ?? { unitId: r.unit_id }) }));
  return presentPolicies(registryPolicy, actor, resources, (r) => r.id);
}

/** A record's scope (policy input). */
export async function scopeOf(db: Kysely<DB>, m: AnyRegistryModule, row: RegistryRecord): Promise<RegistryScope> {
  return (await m.scope(db, [row])).get(row.id) ?? { unitId: row.unit_id };
}

/** Whether `actor` may create the record `input` of registry `m`. */
export async function mayCreate(db: Kysely<DB>, m: AnyRegistryModule, actor: Actor, input: Record<string, unknown>): Promise<boolean> {
  return m.canCreate ? m.canCreate(db, actor, input) : canCreateRecord(actor, await m.unitOf(input, db));
}

/** Whether `actor` may create records of registry `m` one by one (imports stay with the office and units). */
export const mayCreateSome = (m: AnyRegistryModule, actor: Actor) => (m.canCreateSome ? m.canCreateSome(actor) : canCreateAny(actor));

/** Registers the common routes of registry `m`. */
export function registryRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore, m: AnyRegistryModule) {
  const base = `/api/registries/${m.key}`;
  const notFound = () => NotFound(`${m.title}记录不存在`);
  const load = async (database: Kysely<DB>, id: string) => {
    const row = await m.find(database, id);
    if (!row) throw notFound();
    return row as RegistryRecord;
  };
  const presentOne = async (actor: Actor, row: RegistryRecord) => {
    const [data] = await m.present(db, [row]);
    return { ok: true, data, policies: await registryPolicies(db, m, actor, [row]) };
  };

  app.get(base, async (req) => {
    const { actor } = requireAuth(req);
    const f = parse(m.filterSchema, req.query);
    const page = await m.list(db, f);
    return {
      ok: true,
      data: await m.present(db, page.rows),
      policies: await registryPolicies(db, m, actor, page.rows),
      meta: { ...pageMeta(f, page.total), can: { create: mayCreateSome(m, actor), import: canCreateAny(actor) } },
    };
  });

  if (m.feature) {
    const feature = m.feature.bind(m);
    app.get(`${base}/map`, async (req) => {
      requireAuth(req);
      const f = parse(m.filterSchema, req.query);
      const rows = await m.listAll(db, f);
      const features = rows.map((r: RegistryRecord) => feature(r)).filter((x: unknown) => x !== null);
      return { ok: true, data: { type: "FeatureCollection", features } };
    });
  }

  app.get(`${base}/template.xlsx`, async (req, reply) => {
    requireAuth(req);
    const file = await templateXlsx(m.sheet.spec, m.title);
    return reply.type(XLSX_TYPE).header("content-disposition", attachmentDisposition(`${m.key}-template.xlsx`, `${m.title}导入模板.xlsx`)).send(file);
  });

  app.get(`${base}/export.xlsx`, async (req, reply) => {
    requireAuth(req);
    const f = parse(m.filterSchema, req.query);
    const rows = await m.listAll(db, f);
    const file = await exportXlsx(m.sheet.spec, m.title, rows.map((r: RegistryRecord) => m.sheet.toValues(r)), await m.sheet.refs(db));
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    return reply.type(XLSX_TYPE).header("content-disposition", attachmentDisposition(`${m.key}-${day}.xlsx`, `${m.title}台账-${day}.xlsx`)).send(file);
  });

  app.post(`${base}/import/check`, { bodyLimit: S.UPLOAD_BODY_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canCreateAny(actor)) throw Forbidden();
    const body = parse(S.SheetUpload, req.body);
    const { report } = await checkImport(db, m, actor, body.fileName, Buffer.from(body.contentBase64, "base64"));
    return { ok: true, data: report };
  });

  app.post(`${base}/import`, { bodyLimit: S.UPLOAD_BODY_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canCreateAny(actor)) throw Forbidden();
    const body = parse(S.SheetUpload, req.body);
    // Checked again inside the transaction, so the plan matches what is stored when it runs.
    const result = await inCommand(db, req, async (ctx) => {
      const checked = await checkImport(ctx.trx, m, actor, body.fileName, Buffer.from(body.contentBase64, "base64"));
      return { ...(await registryImporter(ctx, { module: m, checked })), report: checked.report };
    });
    return { ok: true, data: result };
  });

  app.get(`${base}/:id`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const row = await load(db, id);
    const [[data], attachments, extra, policies] = await Promise.all([
      m.present(db, [row]),
      listAttachments(db, m.entityType, id),
      m.detail ? m.detail(db, row, actor) : Promise.resolve({}),
      registryPolicies(db, m, actor, [row]),
    ]);
    return { ok: true, data: { ...data, ...extra, attachments: attachments.map((a) => presentAttachment(a, `${base}/${id}/attachments`)) }, policies };
  });

  app.post(base, async (req) => {
    const { actor } = requireAuth(req);
    const body = parse(m.createSchema, req.body);
    if (!(await mayCreate(db, m, actor, body))) throw Forbidden("只能新增本单位的记录");
    const row = await inCommand(db, req, (ctx) => m.save(ctx, undefined, body));
    return presentOne(actor, row);
  });

  app.patch(`${base}/:id`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(m.updateSchema, req.body) as Record<string, unknown>;
    const row = await inCommand(db, req, async (ctx) => {
      const current = await load(ctx.trx, id);
      authorize(registryPolicy, actor, "update", await scopeOf(ctx.trx, m, current));
      const unit = await m.unitOf({ ...m.sheet.toValues(current), ...body }, ctx.trx);
      if (unit !== current.unit_id && !canCreateRecord(actor, unit)) throw Forbidden("不能把记录转给其他单位");
      return m.save(ctx, current, body);
    });
    return presentOne(actor, row);
  });

  app.get(`${base}/:id/history`, async (req) => {
    requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    await load(db, id);
    const [entries, transitions] = await Promise.all([listRecordAudit(db, m.entityType, id), listTransitions(db, m.entityType, id)]);
    return { ok: true, data: presentHistory(entries, transitions) };
  });

  app.post(`${base}/:id/attachments`, { bodyLimit: S.UPLOAD_BODY_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.AttachmentUpload, req.body);
    const saved = await inCommand(db, req, async (ctx) => {
      const row = await load(ctx.trx, id);
      authorize(registryPolicy, actor, "attach", await scopeOf(ctx.trx, m, row));
      return registryAttacher(ctx, {
        registry: m.entityType, recordId: id, unitId: row.unit_id, purpose: body.purpose, fileName: body.fileName,
        bytes: Buffer.from(body.contentBase64, "base64"), caption: body.caption, files,
      });
    });
    const [view] = (await listAttachments(db, m.entityType, id)).filter((a) => a.id === saved.id);
    return { ok: true, data: presentAttachment(view, `${base}/${id}/attachments`) };
  });

  app.get(`${base}/:id/attachments/:attachmentId`, async (req, reply) => {
    requireAuth(req);
    const { id, attachmentId } = parse(S.AttachmentParams, req.params);
    const a = await findAttachment(db, m.entityType, id, attachmentId);
    if (!a) throw NotFound("附件不存在");
    // Inline, so photos show in the page; the type is the sniffed one, and nosniff is set on every response.
    reply.header("cache-control", "private, max-age=86400");
    return sendStoredFile(reply, files, { sha256: a.sha256, fileName: a.file_name, contentType: a.content_type }, "inline");
  });
}
