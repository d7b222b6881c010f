/**
 * @module Device status for operators (issue 9 §2): per device online/offline, last packet, the day's packet,
 * duplicate and error counts with the last error, and the data-transmission rate (hours with an hour upload ÷ hours
 * expected) for the day and the six days before it. Online means connected to this process's gateway, or heard from
 * within the last 10 minutes (another gateway process may hold the connection). Policies say who may send commands.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import type { Gateway } from "../../gateway/gateway";
import { presentPolicies } from "../../policies/cancan";
import { devicePolicy } from "../../policies/monitoring.policy";
import { listDevices } from "../../repositories/device.repository";
import { expectedHours, hoursReceivedByDay, listDeviceStatus } from "../../repositories/deviceStatus.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import { DeviceStatusQuery } from "./schema";
import { sendXlsx, workbook, type Sheet } from "../../monitoring/exports";

/** The status table as a sheet. */
function deviceStatusSheets(rows: { mn: string; st: string; pointName: string | null; enabled: boolean; online: boolean; lastSeenAt: string | null; packets: number; duplicates: number; errors: number; lastError: string | null; hoursReceived: number; hoursExpected: number; transmissionRate: number | null }[], day: string): Sheet[] {
  const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ") : "—");
  return [{
    name: `设备状态 ${day}`,
    columns: [
      { header: "MN", width: 18 }, { header: "ST", width: 6 }, { header: "站点", width: 30 }, { header: "状态", width: 8 },
      { header: "最后上报（北京时间）", width: 20 }, { header: "数据包", width: 8 }, { header: "重复", width: 8 }, { header: "错误", width: 8 },
      { header: "最近错误", width: 24 }, { header: "已收小时数", width: 10 }, { header: "应收小时数", width: 10 }, { header: "数据传输率", width: 12, format: "percent" },
    ],
    rows: rows.map((r) => [r.mn, r.st, r.pointName ?? "", !r.enabled ? "停用" : r.online ? "在线" : "离线", local(r.lastSeenAt), r.packets, r.duplicates, r.errors,
      r.lastError ?? "", r.hoursReceived, r.hoursExpected, r.transmissionRate]),
  }];
}

/** A device is online when heard from within this long (real-time data comes every few minutes). */
export const ONLINE_WINDOW_MS = 10 * 60_000;
/** Days of transmission rates shown per device (the day asked for and the ones before it). */
export const RATE_DAYS = 7;

const DAY = 86_400_000;
/** Today in China time, YYYY-MM-DD. */
export const chinaDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Registers GET /api/monitoring/devices/status. */
export function deviceStatusRoutes(app: FastifyInstance, { db }: RouteDeps, gateway: Gateway | undefined) {
  app.get("/api/monitoring/devices/status", async (req, reply) => {
    const { actor } = requireAuth(req);
    const now = new Date();
    const { day = chinaDay(now), format } = parse(DeviceStatusQuery, req.query);
    const first = addDays(day, -(RATE_DAYS - 1));
    const [rows, history, devices] = await Promise.all([listDeviceStatus(db, day), hoursReceivedByDay(db, first, day), listDevices(db)]);
    const hours = new Map(history.map((h) => [`${h.mn}/${h.day}`, h.hours]));
    const rate = (received: number, expected: number) => (expected > 0 ? Math.min(1, received / expected) : null);
    const days = Array.from({ length: RATE_DAYS }, (_, i) => addDays(first, i));
    const expected = expectedHours(day, now);
    const data = rows.map((r) => {
      const lastSeen = r.last_seen_at ? new Date(r.last_seen_at) : null;
      const connected = gateway ? gateway.isConnected(r.mn) : null;
      return {
        id: r.id,
        mn: r.mn,
        st: r.st,
        enabled: r.enabled,
        pointId: r.point_id,
        pointName: r.point_name,
        lastSeenAt: lastSeen ? lastSeen.toISOString() : null,
        connected,
        online: r.enabled && (connected === true || (lastSeen !== null && now.getTime() - lastSeen.getTime() < ONLINE_WINDOW_MS)),
        packets: r.packets,
        duplicates: r.duplicates,
        errors: r.errors,
        readings: r.readings,
        lastError: r.last_error,
        hoursReceived: r.hours_received,
        hoursExpected: expected,
        transmissionRate: rate(r.hours_received, expected),
        days: days.map((d) => {
          const received = hours.get(`${r.mn}/${d}`) ?? 0;
          const exp = expectedHours(d, now);
          return { day: d, hoursReceived: received, hoursExpected: exp, rate: rate(received, exp) };
        }),
      };
    });
    if (format === "xlsx") return sendXlsx(reply, await workbook(deviceStatusSheets(data, day)), `device-status-${day}.xlsx`, `设备运行状态_${day}.xlsx`);
    return {
      ok: true,
      data,
      policies: presentPolicies(devicePolicy, actor, devices, (x) => x.id),
      meta: { day, days, gateway: gateway !== undefined, onlineWindowMinutes: ONLINE_WINDOW_MS / 60_000 },
    };
  });
}
