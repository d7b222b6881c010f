/**
 * @module Lab-result import: the template to download, a check that reports every bad row without storing
 * anything, and the import itself (`labImporter`, one transaction, audited). Files travel as base64 in JSON —
 * the app accepts JSON bodies only, and @fastify/multipart is not a dependency.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { labImporter } from "../../commands/labImporter";
import { Forbidden, ValidationError } from "../../errors";
import { canImportLabResults } from "../../policies/monitoring.policy";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { checkLabFile, labReport, labTemplate } from "./labFile";
import * as S from "./schema";
import { contentDisposition } from "../../presenters/download";

/** Uploads are larger than ordinary JSON: 12 MB of file is 16 MB of base64. */
const UPLOAD_LIMIT = 17 * 1024 * 1024;

/** Registers /api/readings/lab-template and /api/readings/lab-imports*. */
export function labImportRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/readings/lab-template", async (req, reply) => {
    requireAuth(req);
    const { format } = parse(S.TemplateQuery, req.query);
    const file = await labTemplate(format);
    const name = `化验结果导入模板.${format}`;
    return reply
      .type(format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition(`lab-template.${format}`, name))
      .send(file);
  });

  app.post("/api/readings/lab-imports/check", { bodyLimit: UPLOAD_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canImportLabResults(actor)) throw Forbidden();
    const body = parse(S.LabUploadSchema, req.body);
    const checked = await checkLabFile(db, body.fileName, Buffer.from(body.contentBase64, "base64"));
    return { ok: true, data: labReport(checked) };
  });

  app.post("/api/readings/lab-imports", { bodyLimit: UPLOAD_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    if (!canImportLabResults(actor)) throw Forbidden();
    const body = parse(S.LabUploadSchema, req.body);
    const checked = await checkLabFile(db, body.fileName, Buffer.from(body.contentBase64, "base64"));
    const report = labReport(checked);
    const v = checked.validation;
    if (v.fileError) throw ValidationError([{ path: "file", message: v.fileError }], v.fileError);
    // With skipErrors a file of only bad rows would import nothing: say so rather than answer "0 imported".
    if (v.readings.length === 0 && v.errors.length && body.skipErrors) throw ValidationError([{ path: "file", message: "没有可导入的数据行" }], "没有可导入的数据行");
    // labImporter refuses (400, one issue per bad row, nothing stored) while bad rows remain and skipErrors is off.
    const result = await inCommand(db, req, (ctx) =>
      labImporter(ctx, { fileName: checked.fileName, sha256: checked.sha256, readings: v.readings, errors: v.errors, skipErrors: body.skipErrors }),
    );
    return { ok: true, data: { ...result, report } };
  });
}
