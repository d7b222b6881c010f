/**
 * @module What the enterprise register knows of its enterprises' online monitoring: their outlets, the devices on
 * those outlets (the monitoring area's devices, by point), the monitors per factor they amount to (connected,
 * declared, none — domain/registries/enterprise.ts) and, for 涉氟企业, the state of fluoride (w21017) monitoring
 * that the task 18 coverage report counts.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import type { EnterpriseRow } from "../../../db/tables/enterprises";
import { FLUORIDE, fluorideCoverage, monitorsByFactor, type FactorMonitor, type FluorideCoverage, type FluorideCoverageEntry, type MonitorState, type OutletDevice } from "../../../../domain/registries/enterprise";
import { allEnterprises, devicesOnPoints, outletsOf, type EnterpriseFilter, type OutletView } from "../../../repositories/enterprise.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";

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

/** One 涉氟企业 in the coverage report (domain/registries/enterprise.ts). */
export type CoverageEntry = FluorideCoverageEntry;

/**
 * The task 18 report: every 涉氟企业 (matching the filter) with the state of its fluoride online monitoring, and
 * the counts and rates (domain `fluorideCoverage`). The indicators may call it.
 * @example (await fluorideCoverageReport(db)).summary.installedRate // 0.67
 */
export async function fluorideCoverageReport(db: Kysely<DB>, filter: Omit<EnterpriseFilter, "page" | "pageSize" | "fluoride"> = {}): Promise<{ summary: FluorideCoverage; enterprises: CoverageEntry[] }> {
  const rows = await allEnterprises(db, { ...filter, fluoride: "1" });
  const [monitoring, names] = await Promise.all([monitoringOf(db, rows), namesOf(db, { unitIds: rows.map((r) => r.unit_id) })]);
  const enterprises = rows.map((r): CoverageEntry => {
    const m = monitoring.get(r.id)!;
    return {
      id: r.id, code: r.code, name: r.name, unitName: names.units.get(r.unit_id) ?? null, permitNo: r.permit_no, state: m.fluorideState ?? "none",
      outlets: m.outlets.map((o) => ({ id: o.id, code: o.code, name: o.name })),
      devices: m.devices.filter((d) => d.enabled && d.expectedFactors.includes(FLUORIDE)).map((d) => ({ mn: d.mn, pointCode: d.pointCode, lastSeenAt: d.lastSeenAt })),
      demo: r.demo,
    };
  });
  return { summary: fluorideCoverage(enterprises.map((x) => ({ id: x.id, state: x.state }))), enterprises };
}
