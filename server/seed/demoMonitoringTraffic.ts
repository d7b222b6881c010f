/**
 * @module The demo district's devices on the air (issue 9 §3): when the process runs the gateway and the demo, the
 * demo devices (MN prefix ZZDEMO, seeded by demoMonitoring.ts) connect to it over loopback TCP like field data
 * loggers and send what the simulator makes for them — first the hour data the platform missed while it was down
 * (at most 7 days, 补发), then real-time data every 5 minutes and hour data every hour. In-process and cheap (a few
 * packets a minute, records not kept); `DEMO_SIMULATOR=false` turns it off.
 */
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import { listDevices } from "../repositories/device.repository";
import { newestHourUploads } from "../repositories/deviceStatus.repository";
import { DEFAULT_FLEET, DEFAULT_RUN, runSimulation, simulateRegistered, type SimSummary } from "../simulator";
import { DEMO_MN_PREFIX } from "./demoMonitoring";

/** Longest history the devices send after a pause. */
export const DEMO_BACKFILL_MS = 7 * 86_400_000;
/** Real-time upload interval of the demo devices. */
export const DEMO_INTERVAL_MS = 5 * 60_000;

/** The running demo traffic. */
export interface DemoTraffic {
  /** Number of simulated devices. */
  devices: number;
  /** Start of the history they send first. */
  historyFrom: Date;
  /** Stops sending; resolves with the run's summary. */
  stop(): Promise<SimSummary>;
}

/**
 * Starts the demo devices against the gateway at `target`; null when the database has no enabled demo devices.
 * A gateway listening on every address (0.0.0.0, ::) is reached on loopback.
 */
export async function startDemoTraffic(
  db: Kysely<DB>,
  target: { host: string; port: number },
  log: Pick<FastifyBaseLogger, "info" | "warn">,
  now = Date.now(),
): Promise<DemoTraffic | null> {
  const rows = (await listDevices(db)).filter((d) => d.enabled && d.mn.startsWith(DEMO_MN_PREFIX) && (d.st === "21" || d.st === "32"));
  if (rows.length === 0) return null;
  const devices = rows.map((d, i) => simulateRegistered({ mn: d.mn, pw: d.pw, st: d.st as "21" | "32", name: d.mn, factors: d.expected_factors }, i, DEFAULT_FLEET.seed));
  // Resend from the oldest gap: a device that is already current only gets duplicates, which the gateway
  // acknowledges and stores once.
  const newest = await newestHourUploads(db, rows.map((d) => d.mn));
  const floor = now - DEMO_BACKFILL_MS;
  const historyFrom = Math.max(floor, Math.min(...rows.map((d) => (newest.get(d.mn)?.getTime() ?? floor - 3_600_000) + 3_600_000)));
  const host = target.host === "0.0.0.0" || target.host === "::" ? "127.0.0.1" : target.host;
  const stop = new AbortController();
  const run = runSimulation({
    ...DEFAULT_RUN, host, port: target.port, fleet: DEFAULT_FLEET, fleetDevices: devices, start: now, speedup: 1,
    intervalMs: DEMO_INTERVAL_MS, minuteData: false, historyFrom, keepRecords: false, tickMs: 1000, drainMs: 2000,
    signal: stop.signal,
  });
  run.catch((err) => log.warn({ err: (err as Error).message }, "demo devices stopped"));
  log.info({ devices: devices.length, historyFrom: new Date(historyFrom).toISOString() }, "demo district: simulated devices sending to the HJ 212 gateway");
  return {
    devices: devices.length,
    historyFrom: new Date(historyFrom),
    async stop() {
      stop.abort();
      return (await run).summary;
    },
  };
}

/**
 * `DEMO_SIMULATOR` (default true): whether the demo devices send traffic. Read beside the other settings at start;
 * anything but true/false is a configuration error.
 * @example demoSimulatorSetting({ DEMO_SIMULATOR: "false" }) // false
 */
export function demoSimulatorSetting(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.DEMO_SIMULATOR?.trim();
  if (v === undefined || v === "" || v === "true") return true;
  if (v === "false") return false;
  throw new Error(`配置错误 / invalid configuration:\n  DEMO_SIMULATOR: expected "true" or "false", got "${v}"`);
}
