/**
 * @module The monthly reports (issue 7 §4): the archive of generated reports (every version, newest first, with
 * key figures and mailings), their .docx/.xlsx downloads, generating a month on demand, mailing a report to the
 * recipients, and the mailing list. The public reads and downloads the water-quality reports from the read
 * handle (the streaming replica when DATABASE_REPLICA_URL is set).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { reportGenerator, REPORT_CONTENT_TYPES } from "../../commands/reportGenerator";
import { reportRecipientRemover, reportRecipientSaver } from "../../commands/reportRecipientSaver";
import { Forbidden, MailNotConfigured, NotFound } from "../../errors";
import { defaultMailer, type Mailer } from "../../notify/mail";
import { can, presentPolicies, type Actor } from "../../policies/cancan";
import { canManageReports, isPublicReport, readableReportKinds, reportPolicy } from "../../policies/report.policy";
import { presentRecipient, presentReport } from "../../presenters/presentReport";
import type { FileStore } from "../../repositories/file.repository";
import { findReport, listRecipients, listReports, mailingsOf, type ReportRecord } from "../../repositories/report.repository";
import { mailReport, reportFileName } from "../../reports/mailing";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";
import { contentDisposition } from "../../presenters/download";

const PUBLIC = { config: { public: true } } as const;

/** The newest version of each (kind, period) among `rows` (which come newest version first). */
function latestIds(rows: readonly ReportRecord[]): Set<string> {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const r of rows) {
    const key = `${r.kind}|${r.period}`;
    if (!seen.has(key)) ids.add(r.id);
    seen.add(key);
  }
  return ids;
}

function sendFile(reply: FastifyReply, files: FileStore, r: ReportRecord, format: "docx" | "xlsx") {
  const bytes = files.get(format === "docx" ? r.docxSha256 : r.xlsxSha256);
  if (!bytes) throw NotFound("文件缺失，请从备份恢复");
  return reply
    .type(REPORT_CONTENT_TYPES[format])
    .header("content-disposition", contentDisposition(`report.${format}`, reportFileName(r, format)))
    .send(bytes);
}

/** Registers /api/reports* and /api/public/reports*. `mailer` defaults to the process's (SMTP_URL). */
export function reportRoutes(app: FastifyInstance, { db, readDb }: RouteDeps, files: FileStore, mailer: () => Mailer | null = defaultMailer) {
  const policiesOf = (actor: Actor, rows: ReportRecord[]) => presentPolicies(reportPolicy, actor, rows, (r) => r.id);

  app.get("/api/reports", async (req) => {
    const { actor } = requireAuth(req);
    const q = parse(S.ListReportsQuery, req.query);
    const kinds = readableReportKinds(actor).filter((k) => !q.kind || k === q.kind);
    if (q.kind && !kinds.length) throw Forbidden();
    const rows = (await listReports(db, { kinds })).filter((r) => !q.period || r.period === q.period);
    const latest = latestIds(rows);
    const mailings = await mailingsOf(db, rows.map((r) => r.id));
    return {
      ok: true,
      data: rows.map((r) => presentReport(r, { latest: latest.has(r.id), mailings })),
      policies: policiesOf(actor, rows),
      can: { generate: canManageReports(actor), mail: canManageReports(actor) && mailer() !== null },
    };
  });

  app.get("/api/reports/:id/:format", async (req, reply) => {
    const { actor } = requireAuth(req);
    const { id, format } = parse(S.FileParams, req.params);
    const r = await findReport(db, id);
    if (!r || !can(reportPolicy, actor, "read", r)) throw Forbidden();
    return sendFile(reply, files, r, format);
  });

  app.post("/api/reports", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageReports(actor)) throw Forbidden();
    const body = parse(S.GenerateReportSchema, req.body);
    const r = await inCommand(db, req, (ctx) => reportGenerator(ctx, { ...body, trigger: "manual", now: new Date(), files }));
    return { ok: true, data: presentReport(r, { latest: true, mailings: [] }), policies: policiesOf(actor, [r]) };
  });

  app.post("/api/reports/:id/mail", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const r = await findReport(db, id);
    if (!r || !can(reportPolicy, actor, "mail", r)) throw Forbidden();
    const m = mailer();
    if (!m) throw MailNotConfigured();
    const result = await mailReport(db, files, m, r, { actor: { id: actor.id, name: actor.displayName }, ip: req.ip, correlationId: req.id });
    return { ok: true, data: result };
  });

  app.get("/api/reports/recipients", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageReports(actor)) throw Forbidden();
    return { ok: true, data: (await listRecipients(db)).map(presentRecipient), mailConfigured: mailer() !== null };
  });

  app.post("/api/reports/recipients", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageReports(actor)) throw Forbidden();
    const body = parse(S.RecipientSchema, req.body);
    const row = await inCommand(db, req, (ctx) => reportRecipientSaver(ctx, body));
    return { ok: true, data: presentRecipient(row) };
  });

  app.delete("/api/reports/recipients/:id", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageReports(actor)) throw Forbidden();
    const { id } = parse(S.IdParams, req.params);
    await inCommand(db, req, (ctx) => reportRecipientRemover(ctx, { id }));
    return { ok: true, data: { id } };
  });

  // The public side: the month's newest water-quality report, from the read handle (a replica may lag a little).
  app.get("/api/public/reports", PUBLIC, async () => {
    const rows = (await listReports(readDb, { kinds: ["water_quality"] })).filter((r) => r.summary.interim !== true);
    const latest = latestIds(rows);
    return { ok: true, data: rows.filter((r) => latest.has(r.id)).map((r) => presentReport(r, { latest: true, base: "/api/public/reports" })) };
  });

  app.get("/api/public/reports/:id/:format", PUBLIC, async (req, reply) => {
    const { id, format } = parse(S.FileParams, req.params);
    const r = await findReport(readDb, id);
    if (!r || !isPublicReport(r) || r.summary.interim === true) throw NotFound("报告不存在");
    return sendFile(reply, files, r, format);
  });
}
