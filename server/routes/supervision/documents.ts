/**
 * @module Issued documents (提醒函, 督办通知, 致函, 约谈通知, 提请问责告知函): the list and the .docx download. Unit
 * roles see their own units' documents; the office, river chiefs and auditors see all.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { Forbidden, NotFound } from "../../errors";
import { can } from "../../policies/cancan";
import { canReadSupervision, ladderPolicy, seesAllUnits } from "../../policies/supervision.policy";
import { presentDocument } from "../../presenters/presentSupervision";
import { findDocument, listDocuments } from "../../repositories/document.repository";
import type { FileStore } from "../../repositories/file.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";
import { contentDisposition } from "../../presenters/download";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Registers /api/supervision/documents*. */
export function documentRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  app.get("/api/supervision/documents", async (req) => {
    const { actor } = requireAuth(req);
    if (!canReadSupervision(actor)) throw Forbidden();
    const q = parse(S.DocumentsQuery, req.query);
    const unitIds = seesAllUnits(actor) ? (q.unitId ? [q.unitId] : undefined) : actor.unitIds.filter((u) => !q.unitId || u === q.unitId);
    const docs = await listDocuments(db, { unitIds, kind: q.kind });
    return { ok: true, data: docs.map(presentDocument) };
  });

  app.get("/api/supervision/documents/:id/docx", async (req, reply) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const doc = await findDocument(db, id);
    if (!doc || !canReadSupervision(actor) || !can(ladderPolicy, actor, "read", { unitId: doc.unit_id })) throw Forbidden();
    const bytes = files.get(doc.file_sha256);
    if (!bytes) throw NotFound("文件缺失，请从备份恢复");
    const name = `${doc.doc_number ?? doc.title}.docx`;
    return reply
      .type(DOCX)
      .header("content-disposition", contentDisposition("document.docx", name))
      .send(bytes);
  });
}
