/**
 * @module Platform-to-device requests from the UI: set the clock (1012), the real-time and minute intervals
 * (1062/1064), or ask for history (2051/2061/2031 补发). The request goes out through the gateway of this process;
 * the outcome (9011 QnRtn, data packets, 9012 ExeRtn, or timeout after retries) is returned and audited.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { historyRequest, minIntervalRequest, rtdIntervalRequest, timeSyncRequest, type RequestHeader } from "../../../domain/hj212";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { audit } from "../../context";
import { DeviceOffline, Forbidden, NotFound, Unavailable, ValidationError } from "../../errors";
import type { Gateway } from "../../gateway/gateway";
import { authorize } from "../../policies/cancan";
import { canManageMonitoring, devicePolicy } from "../../policies/monitoring.policy";
import { findDevice } from "../../repositories/device.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { IdParams } from "./schema";
import { deviceStatusRoutes } from "./deviceStatus";

/** One request to a device. */
export const DeviceCommandSchema = z.discriminatedUnion("kind", [
  /** 1012: set the device clock to the platform's time. */
  z.object({ kind: z.literal("time_sync") }),
  /** 1062: real-time data interval, 30–3600 s. */
  z.object({ kind: z.literal("rtd_interval"), seconds: z.number().int().min(30).max(3600) }),
  /** 1064: minute-data interval (1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 min). */
  z.object({ kind: z.literal("min_interval"), minutes: z.union([1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].map((n) => z.literal(n)) as [z.ZodLiteral<number>, z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]) }),
  /** History backfill: CN 2051 minute / 2061 hour / 2031 day data between two instants. */
  z.object({ kind: z.literal("history"), cn: z.enum(["2051", "2061", "2031"]), begin: z.coerce.date(), end: z.coerce.date() }),
]);

type DeviceCommand = z.infer<typeof DeviceCommandSchema>;

function builder(c: DeviceCommand) {
  return (h: RequestHeader) => {
    switch (c.kind) {
      case "time_sync":
        return timeSyncRequest(h, new Date());
      case "rtd_interval":
        return rtdIntervalRequest(h, c.seconds);
      case "min_interval":
        return minIntervalRequest(h, c.minutes);
      case "history":
        return historyRequest(h, c.cn, c.begin, c.end);
    }
  };
}

/**
 * Registers POST /api/monitoring/devices/:id/commands and the device status (which reads the gateway's sessions).
 * `gateway` is absent when this process runs no gateway.
 */
export function deviceCommandRoutes(app: FastifyInstance, deps: RouteDeps, gateway: Gateway | undefined) {
  const { db } = deps;
  deviceStatusRoutes(app, deps, gateway);
  app.post("/api/monitoring/devices/:id/commands", async (req) => {
    const { actor } = requireAuth(req);
    if (!canManageMonitoring(actor)) throw Forbidden();
    const { id } = parse(IdParams, req.params);
    const command = parse(DeviceCommandSchema, req.body);
    if (command.kind === "history" && command.end < command.begin) {
      throw ValidationError([{ path: "end", message: "结束时间早于开始时间" }]);
    }
    const device = await findDevice(db, id);
    if (!device) throw NotFound("设备不存在");
    authorize(devicePolicy, actor, "command", device);
    if (!gateway) throw Unavailable("本进程未运行数据采集网关，无法下发指令");
    if (!gateway.isConnected(device.mn)) throw DeviceOffline(device.mn);
    const outcome = await gateway.request(device, builder(command));
    await inCommand(db, req, (ctx) =>
      audit(ctx, { action: "device.command", entityType: "device", entityId: device.id, data: { mn: device.mn, command, outcome } }),
    );
    return { ok: true, data: outcome };
  });
}
