/**
 * @module What the enterprise register knows of its enterprises' online monitoring: their outlets, the devices on
 * those outlets (the monitoring area's devices, by point), the monitors per factor they amount to (connected,
 * declared, none — domain/registries/enterprise.ts) and, for 涉氟企业, the state of fluoride (w21017) monitoring
 * that the task 18 coverage report counts.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import type { EnterpriseRow } from "../../../db/tables/enterprises";
import { FLUORIDE, monitorsByFactor, type FactorMonitor, type MonitorState, type OutletDevice } from "../../../../domain/registries/enterprise";
import { devicesOnPoints, outletsOf, type OutletView } from "../../../repositories/enterprise.repository";

/** One enterprise's monitoring. */
export interface EnterpriseMonitoring {
  outlets: OutletView[];
  devices: (OutletDevice & { id: string; pointId: string; protocolVersion: string })[];
  monitors: FactorMonitor[];
  /** Fluoride monitoring; null for enterprises not flagged 涉氟. */
  fluorideState: MonitorState | null;
}

/** Monitoring of each enterprise, by id (one query for outlets, one for devices). */
export async function monitoringOf(db: Kysely<DB>, rows: readonly EnterpriseRow[]): Promise<Map<string, EnterpriseMonitoring>> {
  const outlets = await outletsOf(db, rows.map((r) => r.id));
  const devices = await devicesOnPoints(db, outlets.map((o) => o.id));
  const codeOf = new Map(outlets.map((o) => [o.id, o.code]));
  return new Map(rows.map((r) => {
    const mine = outlets.filter((o) => o.enterprise_id === r.id);
    const ids = new Set(mine.map((o) => o.id));
    const devs = devices.filter((d) => d.point_id && ids.has(d.point_id)).map((d) => ({
      id: d.id, mn: d.mn, pointId: d.point_id!, pointCode: codeOf.get(d.point_id!) ?? "", enabled: d.enabled, expectedFactors: d.expected_factors,
      lastSeenAt: d.last_seen_at ? new Date(d.last_seen_at).toISOString() : null, protocolVersion: d.protocol_version,
    }));
    const monitors = monitorsByFactor(r.pollutants, r.declared_monitors, devs);
    const fluoride = monitors.find((m) => m.factor === FLUORIDE);
    return [r.id, { outlets: mine, devices: devs, monitors, fluorideState: r.fluoride ? fluoride?.state ?? "none" : null }];
  }));
}
