/**
 * @module The black-odorous list's own routes: the sampling-round template, checking and importing a round (graded
 * by the 2015 guide; a relapse of an eliminated body raises 返黑返臭), one round's results, lifecycle steps, and the
 * public list `GET /api/public/registries/black-odorous` (seed plan 三(一)1: 清单、主责部门、河湖长、达标期限 — no
 * personal data: the chief's name and position as the 河长公示牌 shows them, never phones or accounts).
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../../auth/authenticate";
import { inCommand } from "../../../auth/command";
import { blackOdorousTransitioner } from "../../../commands/blackOdorousTransitioner";
import { samplingRoundImporter } from "../../../commands/samplingRoundImporter";
import { Forbidden, NotFound } from "../../../errors";
import { BODY_LIFECYCLE } from "../../../../domain/blackOdorous/lifecycle";
import { checkSamplingSheet, pointsOf, SAMPLING_SHEET, type SamplingCheck } from "../../../../domain/blackOdorous/samplingSheet";
import { gradeWaterBody } from "../../../../domain/blackOdorous/waterBody";
import { detectRelapse } from "../../../../domain/blackOdorous/relapse";
import { toIsoDate } from "../../../../domain/supervision/days";
import { canPerform, registryPolicy } from "../../../policies/registry.policy";
import { authorize } from "../../../policies/cancan";
import type { FileStore } from "../../../repositories/file.repository";
import { allBodies, findBody, listRounds, listSamples, lockBody } from "../../../repositories/blackOdorous.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import { scopeOf } from "../../../registries/routes";
import { sniffType } from "../../../documents/sniff";
import { attachmentDisposition, readSheetXlsx, templateXlsx, XLSX_TYPE } from "../../../registries/sheetFile";
import { IdParams, SheetUpload, UPLOAD_BODY_LIMIT } from "../../../registries/schema";
import { parse } from "../../../validate";
import type { RouteDeps } from "../../types";
import { blackOdorousModule } from "./module";
import { BodyTransition, RoundParams } from "./schema";

const BASE = "/api/registries/black-odorous";
const today = () => toIsoDate(Date.now());

/** Reads and checks a sampling file (never throws on a bad file: the check says what is wrong). */
async function checkFile(fileName: string, bytes: Buffer): Promise<SamplingCheck> {
  const fail = (fileError: string): SamplingCheck => ({ rows: 0, samples: [], errors: [], fileError, sampledFrom: null, sampledTo: null });
  if (!/\.xlsx$/i.test(fileName) || sniffType(bytes) !== "xlsx") return fail("只支持 .xlsx 文件（请使用下载的监测结果模板）");
  try {
    return checkSamplingSheet(await readSheetXlsx(bytes, SAMPLING_SHEET.sheetName));
  } catch {
    return fail("无法读取 Excel 文件");
  }
}

/** Registers the black-odorous list's own routes and its public list. */
export function blackOdorousRoutes(app: FastifyInstance, { db }: RouteDeps, files: FileStore) {
  app.get(`${BASE}/sampling-template.xlsx`, async (req, reply) => {
    requireAuth(req);
    const file = await templateXlsx(SAMPLING_SHEET, "黑臭水体监测结果");
    return reply.type(XLSX_TYPE).header("content-disposition", attachmentDisposition("black-odorous-sampling.xlsx", "黑臭水体监测结果模板.xlsx")).send(file);
  });

  app.post(`${BASE}/:id/rounds/check`, { bodyLimit: UPLOAD_BODY_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const body = await findBody(db, id);
    if (!body) throw NotFound("黑臭水体不存在");
    authorize(registryPolicy, actor, "update", await scopeOf(db, blackOdorousModule, body));
    const upload = parse(SheetUpload, req.body);
    const check = await checkFile(upload.fileName, Buffer.from(upload.contentBase64, "base64"));
    const clean = !check.fileError && check.errors.length === 0 && check.samples.length > 0;
    const grade = clean ? gradeWaterBody(pointsOf(check.samples)) : null;
    const relapse = grade && check.sampledTo ? detectRelapse({ id: body.id, name: body.name, status: body.status, statusSince: body.status_since }, check.sampledTo, grade) : null;
    return {
      ok: true,
      data: { fileName: upload.fileName, rows: check.rows, samples: check.samples.length, errors: check.errors, fileError: check.fileError, sampledFrom: check.sampledFrom, sampledTo: check.sampledTo, clean, grade, relapse },
    };
  });

  app.post(`${BASE}/:id/rounds`, { bodyLimit: UPLOAD_BODY_LIMIT }, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const upload = parse(SheetUpload, req.body);
    const bytes = Buffer.from(upload.contentBase64, "base64");
    const check = await checkFile(upload.fileName, bytes);
    const r = await inCommand(db, req, async (ctx) => {
      // Locked: a round and a status change of the same body are applied one after the other.
      const body = await lockBody(ctx.trx, id);
      if (!body) throw NotFound("黑臭水体不存在");
      authorize(registryPolicy, actor, "update", await scopeOf(ctx.trx, blackOdorousModule, body));
      return samplingRoundImporter(ctx, { body, check, fileName: upload.fileName, bytes, files, today: today() });
    });
    return {
      ok: true,
      data: { roundId: r.round.id, grade: r.grade, status: r.body.status, relapse: r.relapse ? { taskId: r.relapse.task?.id ?? null, notified: r.relapse.notified } : null },
    };
  });

  app.get(`${BASE}/:id/rounds/:roundId`, async (req) => {
    requireAuth(req);
    const { id, roundId } = parse(RoundParams, req.params);
    const round = (await listRounds(db, id)).find((r) => r.id === roundId);
    if (!round) throw NotFound("监测批次不存在");
    const samples = await listSamples(db, roundId);
    return {
      ok: true,
      data: {
        id: round.id, sampledFrom: round.sampled_from, sampledTo: round.sampled_to, grade: round.grade, relapse: round.relapse, result: round.result, fileName: round.file_name,
        samples: samples.map((s) => ({ point: s.point, order: s.point_order, date: s.sampled_on, depthCm: s.depth_cm, transparency: s.transparency, dissolvedOxygen: s.dissolved_oxygen, orp: s.orp, ammonia: s.ammonia, note: s.note, row: s.sheet_row })),
      },
    };
  });

  app.post(`${BASE}/:id/transitions`, async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(IdParams, req.params);
    const b = parse(BodyTransition, req.body);
    const row = await inCommand(db, req, async (ctx) => {
      const body = await lockBody(ctx.trx, id);
      if (!body) throw NotFound("黑臭水体不存在");
      // Who performs an action does not depend on the state: refuse the actor first, then check the lifecycle.
      const by = BODY_LIFECYCLE.transitions.find((t) => t.action === b.action)!.by;
      if (!canPerform(actor, by, await scopeOf(ctx.trx, blackOdorousModule, body))) throw Forbidden();
      return blackOdorousTransitioner(ctx, { body, action: b.action, note: b.note, today: today() });
    });
    const [data] = await blackOdorousModule.present(db, [row]);
    return { ok: true, data };
  });

  app.get("/api/public/registries/black-odorous", { config: { public: true } }, async () => {
    const rows = await allBodies(db);
    const names = await namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id), chiefIds: rows.map((r) => r.chief_id) });
    return {
      ok: true,
      data: rows.map((r) => {
        const chief = r.chief_id ? names.chiefs.get(r.chief_id) : undefined;
        return {
          code: r.code, name: r.name, river: r.river_id ? names.rivers.get(r.river_id) ?? null : null, location: r.location,
          responsibleDepartment: names.units.get(r.unit_id) ?? null,
          riverChief: chief ? { name: chief.name, position: chief.position } : null,
          deadline: r.deadline, status: r.status, statusLabel: BODY_LIFECYCLE.labels[r.status].zh, statusSince: r.status_since, demo: r.demo,
        };
      }),
    };
  });
}
