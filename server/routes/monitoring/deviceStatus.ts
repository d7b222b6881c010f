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
  app.get("/api/monitoring/devices/status", async (req) => {
    const { actor } = requireAuth(req);
    const now = new Date();
    const { day = chinaDay(now) } = parse(DeviceStatusQuery, req.query);
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
    return {
      ok: true,
      data,
      policies: presentPolicies(devicePolicy, actor, devices, (x) => x.id),
      meta: { day, days, gateway: gateway !== undefined, onlineWindowMinutes: ONLINE_WINDOW_MS / 60_000 },
    };
  });
}
