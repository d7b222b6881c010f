/**
 * @module Monitoring points (with outlet limits) and HJ 212 devices: everyone signed in reads; the office and
 * monitoring operators create and change them through `pointSaver` / `deviceSaver`.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { deviceSaver } from "../../commands/deviceSaver";
import { pointSaver } from "../../commands/pointSaver";
import { Forbidden, NotFound } from "../../errors";
import { authorize, presentPolicies, type Actor } from "../../policies/cancan";
import { canManageMonitoring, devicePolicy, pointPolicy } from "../../policies/monitoring.policy";
import { presentDevice, presentLimit, presentPoint } from "../../presenters/presentMonitoring";
import { findDevice, listDevices, type DeviceRow } from "../../repositories/device.repository";
import { findPoint, listLimits, listPoints } from "../../repositories/point.repository";
import type { PointRow } from "../../db/schema";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";
import { monitoringReportRoutes } from "./reports";

const pointPolicies = (a: Actor, ps: PointRow[]) => presentPolicies(pointPolicy, a, ps, (p) => p.id);
const devicePolicies = (a: Actor, ds: DeviceRow[]) => presentPolicies(devicePolicy, a, ds, (d) => d.id);

/** Registers /api/monitoring/* (the reports with them: ./reports.ts). */
export function monitoringRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { db } = deps;
  monitoringReportRoutes(app, deps);
  app.get("/api/monitoring/points", async (req) => {
    const { actor } = requireAuth(req);
    const points = await listPoints(db, parse(S.ListPointsQuery, req.query));
    return { ok: true, data: points.map(presentPoint), policies: pointPolicies(actor, points) };
  });

  app.get("/api/monitoring/points/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const point = await findPoint(db, id);
    if (!point) throw NotFound("站点不存在");
    const [limits, devices] = await Promise.all([listLimits(db, id), listDevices(db, { pointId: id })]);
    return {
      ok: true,
      data: { ...presentPoint(point), limits: limits.map(presentLimit), devices: devices.map(presentDevice) },
      policies: pointPolicies(actor, [point]),
    };
  });

  app.post("/api/monitoring/points", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageMonitoring(actor)) throw Forbidden();
    const body = parse(S.CreatePointSchema, req.body);
    const saved = await inCommand(db, req, (ctx) => pointSaver(ctx, body));
    return { ok: true, data: { ...presentPoint(saved.point), limits: saved.limits.map(presentLimit) }, policies: pointPolicies(actor, [saved.point]) };
  });

  app.patch("/api/monitoring/points/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.UpdatePointSchema, req.body);
    const saved = await inCommand(db, req, async (ctx) => {
      const point = await findPoint(ctx.trx, id);
      if (!point) throw NotFound("站点不存在");
      authorize(pointPolicy, actor, "update", point);
      return pointSaver(ctx, { point, ...body });
    });
    return { ok: true, data: { ...presentPoint(saved.point), limits: saved.limits.map(presentLimit) }, policies: pointPolicies(actor, [saved.point]) };
  });

  app.put("/api/monitoring/points/:id/limits", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.ReplaceLimitsSchema, req.body);
    const saved = await inCommand(db, req, async (ctx) => {
      const point = await findPoint(ctx.trx, id);
      if (!point) throw NotFound("站点不存在");
      authorize(pointPolicy, actor, "update", point);
      return pointSaver(ctx, { point, limits: body.limits });
    });
    return { ok: true, data: saved.limits.map(presentLimit) };
  });

  app.get("/api/monitoring/devices", async (req) => {
    const { actor } = requireAuth(req);
    const devices = await listDevices(db, parse(S.ListDevicesQuery, req.query));
    return { ok: true, data: devices.map(presentDevice), policies: devicePolicies(actor, devices) };
  });

  app.post("/api/monitoring/devices", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageMonitoring(actor)) throw Forbidden();
    const body = parse(S.CreateDeviceSchema, req.body);
    const device = await inCommand(db, req, (ctx) => deviceSaver(ctx, body));
    return { ok: true, data: presentDevice(device), policies: devicePolicies(actor, [device]) };
  });

  app.patch("/api/monitoring/devices/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.UpdateDeviceSchema, req.body);
    const device = await inCommand(db, req, async (ctx) => {
      const current = await findDevice(ctx.trx, id);
      if (!current) throw NotFound("设备不存在");
      authorize(devicePolicy, actor, "update", current);
      return deviceSaver(ctx, { device: current, ...body });
    });
    return { ok: true, data: presentDevice(device), policies: devicePolicies(actor, [device]) };
  });
}
