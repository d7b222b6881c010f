/**
 * @module The gateway's view of the device registry: MN → password, system code, monitoring point, enabled. Kept
 * in memory and refreshed from the database, so authenticating a packet costs no query; an unknown MN is looked up
 * at most once per interval, so a flood of made-up MNs cannot turn into a flood of queries.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** What the gateway needs to know of a device. */
export interface GatewayDevice {
  mn: string;
  pw: string;
  st: string;
  pointId: string | null;
  enabled: boolean;
}

/** Cached registry. */
export class DeviceRegistry {
  private devices = new Map<string, GatewayDevice>();
  private missLookups = new Map<string, number>();
  /** Lookups in flight, so the packets of a burst from a just-registered device share one (and all find it). */
  private lookups = new Map<string, Promise<GatewayDevice | undefined>>();
  private lastRefresh = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private db: Kysely<DB>,
    private refreshMs = 10_000,
  ) {}

  /** Loads every device. */
  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom("devices").select(["mn", "pw", "st", "point_id", "enabled"]).execute();
    this.devices = new Map(rows.map((r) => [r.mn, { mn: r.mn, pw: r.pw, st: r.st, pointId: r.point_id, enabled: r.enabled }]));
    this.lastRefresh = Date.now();
    this.missLookups.clear();
  }

  /**
   * Refreshes in the background when the cache is older than the interval: one refresh at a time, and packets go on
   * with the cached entries meanwhile (thousands of packets in flight must not each reload every device — that herd
   * stalled a gateway of 400 devices for tens of seconds).
   */
  private refreshIfStale(now: number) {
    if (now - this.lastRefresh <= this.refreshMs || this.refreshing) return;
    this.refreshing = this.refresh()
      .catch(() => {}) // the database is away: keep serving from the cache, try again next interval
      .finally(() => (this.refreshing = null));
  }

  /** The device with this MN, if registered. */
  async get(mn: string): Promise<GatewayDevice | undefined> {
    const now = Date.now();
    this.refreshIfStale(now);
    const d = this.devices.get(mn);
    if (d) return d;
    // A device registered since the last refresh: look it up, but not more than once per interval per MN.
    const inFlight = this.lookups.get(mn);
    if (inFlight) return inFlight;
    if (this.missLookups.size > 10_000) this.missLookups.clear();
    if ((this.missLookups.get(mn) ?? 0) > now - this.refreshMs) return undefined;
    this.missLookups.set(mn, now);
    const lookup = this.lookup(mn).finally(() => this.lookups.delete(mn));
    this.lookups.set(mn, lookup);
    return lookup;
  }

  private async lookup(mn: string): Promise<GatewayDevice | undefined> {
    const r = await this.db.selectFrom("devices").select(["mn", "pw", "st", "point_id", "enabled"]).where("mn", "=", mn).executeTakeFirst();
    if (!r) return undefined;
    const dev = { mn: r.mn, pw: r.pw, st: r.st, pointId: r.point_id, enabled: r.enabled };
    this.devices.set(mn, dev);
    return dev;
  }
}
