/**
 * @module The monitoring reports (issue 8 §5–7): ecological flow of the flow stations, drinking-water compliance of
 * the intakes, river grades by water body (over a period, or one water body month by month), each as JSON or an
 * .xlsx export (`format=xlsx`); and the monitoring settings (eco-flow warning levels and guarantee rate, river-grade
 * thresholds) that the office changes. Everyone signed in reads.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { monitoringSettingsSaver } from "../../commands/monitoringSettingsSaver";
import { Forbidden, NotFound } from "../../errors";
import { canChangeMonitoringSettings } from "../../policies/monitoring.policy";
import { drinkingWaterCompliance } from "../../monitoring/drinkingWater";
import { ecoFlowReports } from "../../monitoring/ecoFlow";
import { drinkingWaterSheets, ecoFlowSheets, riverSheets, sendXlsx, workbook } from "../../monitoring/exports";
import { riverGrades, riverYear } from "../../monitoring/rivers";
import { readMonitoringSettings } from "../../monitoring/settings";
import { parse } from "../../validate";
import type { DrinkingWaterReport, EcoFlowReport, RiverYear, RiversReport } from "../../../domain/monitoring/views";
import type { RouteDeps } from "../types";
import * as S from "./reportSchema";

/** Registers /api/monitoring/eco-flow, drinking-water, rivers and settings. */
export function monitoringReportRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get("/api/monitoring/eco-flow", async (req, reply) => {
    requireAuth(req);
    const q = parse(S.EcoFlowQuery, req.query);
    const settings = await readMonitoringSettings(db);
    const stations = await ecoFlowReports(db, q, settings.ecoFlow);
    if (q.pointId && stations.length === 0) throw NotFound("流量站不存在");
    if (q.format === "xlsx") return sendXlsx(reply, await workbook(ecoFlowSheets(stations, settings.ecoFlow.guaranteeTarget)), `eco-flow-${q.from}-${q.to}.xlsx`, `生态流量_${q.from}至${q.to}.xlsx`);
    return { ok: true, data: { from: q.from, to: q.to, settings: settings.ecoFlow, stations } satisfies EcoFlowReport };
  });

  app.get("/api/monitoring/drinking-water", async (req, reply) => {
    requireAuth(req);
    const q = parse(S.DrinkingWaterQuery, req.query);
    const report = await drinkingWaterCompliance(db, q);
    if (q.format === "xlsx") return sendXlsx(reply, await workbook(drinkingWaterSheets(report)), `drinking-water-${q.from}-${q.to}.xlsx`, `饮用水水源地_${q.from}至${q.to}.xlsx`);
    return { ok: true, data: report satisfies DrinkingWaterReport };
  });

  app.get("/api/monitoring/rivers", async (req, reply) => {
    requireAuth(req);
    const q = parse(S.RiversQuery, req.query);
    const settings = await readMonitoringSettings(db);
    const grades = await riverGrades(db, q, settings.riverGrade);
    const period = q.from === q.to ? q.from : `${q.from}至${q.to}`;
    if (q.format === "xlsx") return sendXlsx(reply, await workbook(riverSheets(grades, period)), `rivers-${q.from}-${q.to}.xlsx`, `河流水质_${period}.xlsx`);
    return { ok: true, data: { from: q.from, to: q.to, thresholds: settings.riverGrade, waterBodies: grades } satisfies RiversReport };
  });

  app.get("/api/monitoring/rivers/:waterBody", async (req, reply) => {
    requireAuth(req);
    const { waterBody } = parse(S.WaterBodyParams, req.params);
    const q = parse(S.RiverYearQuery, req.query);
    const settings = await readMonitoringSettings(db);
    const river = await riverYear(db, waterBody, q.year, settings.riverGrade);
    if (!river) throw NotFound("该水体没有考核断面");
    if (q.format === "xlsx") {
      const sheets = [...riverSheets([river], String(q.year)), ...river.months.flatMap((m) => riverSheets([m], m.month))];
      return sendXlsx(reply, await workbook(sheets), `river-${q.year}.xlsx`, `${waterBody}_${q.year}年水质.xlsx`);
    }
    return { ok: true, data: { ...river, thresholds: settings.riverGrade } satisfies RiverYear };
  });

  app.get("/api/monitoring/settings", async (req) => {
    const { actor } = requireAuth(req);
    return { ok: true, data: await readMonitoringSettings(db), meta: { canChange: canChangeMonitoringSettings(actor) } };
  });

  app.put("/api/monitoring/settings", async (req) => {
    const { actor } = requireAuth(req);
    if (!canChangeMonitoringSettings(actor)) throw Forbidden();
    const body = parse(S.MonitoringSettingsSchema, req.body);
    const { changed } = await inCommand(db, req, (ctx) => monitoringSettingsSaver(ctx, { ...body, at: new Date() }));
    return { ok: true, data: await readMonitoringSettings(db), meta: { changed } };
  });
}
