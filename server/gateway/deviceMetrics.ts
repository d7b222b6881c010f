/**
 * @module Per-device gauges on /metrics (issue 9 §2), read from the database at scrape time: online (connected to
 * this gateway or heard from within 10 minutes), seconds since the last packet, today's packets, duplicates and
 * errors, and today's data-transmission rate (hours with an hour upload ÷ hours elapsed, China time). One series per
 * device and gauge, labelled by MN — a district has hundreds of devices, not millions.
 */
import { Gauge, type Registry } from "prom-client";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Gateway } from "./gateway";
import { expectedHours, listDeviceStatus, type DeviceStatusRow } from "../repositories/deviceStatus.repository";

/** Online means heard from within this long. */
const ONLINE_WINDOW_MS = 10 * 60_000;

/** Registers the device gauges on `registry`; one status query per scrape serves all of them. */
export function registerDeviceMetrics(registry: Registry, db: Kysely<DB>, gateway: Gateway, now: () => Date = () => new Date()): void {
  let pending: Promise<{ rows: DeviceStatusRow[]; at: Date; expected: number }> | null = null;
  // Every gauge's collect() runs in the same scrape: the first starts the query, the others share it.
  const snapshot = () =>
    (pending ??= (async () => {
      const at = now();
      const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const rows = await listDeviceStatus(db, day);
      setTimeout(() => (pending = null), 1000).unref();
      return { rows, at, expected: expectedHours(day, at) };
    })());
  const gauge = (name: string, help: string, read: (r: DeviceStatusRow, at: Date, expected: number) => number | null) =>
    new Gauge({
      name, help, labelNames: ["mn"] as const, registers: [registry],
      async collect() {
        const { rows, at, expected } = await snapshot();
        this.reset();
        for (const r of rows) {
          const v = read(r, at, expected);
          if (v !== null) this.set({ mn: r.mn }, v);
        }
      },
    });
  const lastSeen = (r: DeviceStatusRow) => (r.last_seen_at ? new Date(r.last_seen_at).getTime() : null);
  gauge("qingliu_device_online", "1 when the device is connected or was heard from within 10 minutes", (r, at) => {
    const seen = lastSeen(r);
    return r.enabled && (gateway.isConnected(r.mn) || (seen !== null && at.getTime() - seen < ONLINE_WINDOW_MS)) ? 1 : 0;
  });
  gauge("qingliu_device_last_packet_age_seconds", "Seconds since the device's last packet", (r, at) => {
    const seen = lastSeen(r);
    return seen === null ? null : Math.max(0, (at.getTime() - seen) / 1000);
  });
  gauge("qingliu_device_packets_today", "Packets received from the device today (China time)", (r) => r.packets);
  gauge("qingliu_device_duplicates_today", "Retransmissions from the device today", (r) => r.duplicates);
  gauge("qingliu_device_errors_today", "Refused or broken packets from the device today", (r) => r.errors);
  gauge("qingliu_device_transmission_rate", "Today's data-transmission rate: hours with an hour upload ÷ hours elapsed", (r, _at, expected) =>
    expected > 0 ? Math.min(1, r.hours_received / expected) : null);
}
