/**
 * @module Demo monitoring network of the demo district: sections, automatic stations and an enterprise outlet on
 * the waters the seed plan names (大沙河, 白马门河, 新河, 南水北调总干渠中站段), with approximate coordinates near
 * Zhongzhan, Jiaozuo, plus a flow station with an ecological-flow target and two drinking-water intakes. Every name
 * carries （演示） — this is demo data, not an official monitoring network. The past year of lab samples and flows, and
 * those of the seed plan's year 2022 (its indicators' year), are written with it (demoMonitoringHistory.ts); the
 * devices' own data comes over HJ 212 (demoMonitoringTraffic.ts).
 */
import { randomBytes } from "node:crypto";
import { audit, type CommandContext } from "../context";
import type { PointKind, PointLevel } from "../db/schema";
import { pointSaver, type LimitInput } from "../commands/pointSaver";
import { deviceSaver } from "../commands/deviceSaver";
import { insertReadings } from "../repositories/reading.repository";
import { DEMO_NOTE, demoHistory, demoPlanYear, type HistoryPoint } from "./demoMonitoringHistory";

/** MNs of the demo devices start with this (the simulated district sends as these devices). */
export const DEMO_MN_PREFIX = "ZZDEMO";

/** Factors of surface-water automatic stations (HJ 212-2017 codes). */
export const STATION_FACTORS = ["w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w21017", "w01010", "w01014", "w01003"];
/** Factors of an enterprise outlet's online monitors. */
export const OUTLET_FACTORS = ["w01018", "w21003", "w21017", "w00000"];

interface DemoPoint {
  code: string;
  name: string;
  kind: PointKind;
  level: PointLevel | null;
  waterBody: string;
  waterBodyType: "river" | "lake" | "reservoir" | null;
  targetClass: number | null;
  /** Ecological-flow target, m³/s (flow stations). */
  ecoFlowTarget?: number;
  lon: number;
  lat: number;
  unit: string;
  limits?: LimitInput[];
  /** ST of its HJ 212 device, when it has one. */
  deviceSt?: "21" | "32";
}

/** The demo points. */
export const DEMO_POINTS: DemoPoint[] = [
  { code: "ZZ-DSH-01", name: "大沙河 府城断面（演示）", kind: "section", level: "city", waterBody: "大沙河", waterBodyType: "river", targetClass: 4, lon: 113.171, lat: 35.196, unit: "中站生态环境分局" },
  { code: "ZZ-DSH-02", name: "大沙河 出境断面（演示）", kind: "section", level: "provincial", waterBody: "大沙河", waterBodyType: "river", targetClass: 4, lon: 113.236, lat: 35.187, unit: "中站生态环境分局" },
  { code: "ZZ-BMM-01", name: "白马门河 入大沙河口（演示）", kind: "section", level: "county", waterBody: "白马门河", waterBodyType: "river", targetClass: 5, lon: 113.152, lat: 35.205, unit: "中站生态环境分局" },
  { code: "ZZ-XH-01", name: "新河 中站段（演示）", kind: "section", level: "county", waterBody: "新河", waterBodyType: "river", targetClass: 4, lon: 113.205, lat: 35.232, unit: "中站生态环境分局" },
  { code: "ZZ-NSBD-01", name: "南水北调总干渠 中站段（演示）", kind: "section", level: "national", waterBody: "南水北调总干渠", waterBodyType: "river", targetClass: 2, lon: 113.187, lat: 35.251, unit: "中站生态环境分局" },
  { code: "ZZ-AS-BMM", name: "白马门河自动站（演示）", kind: "auto_station", level: null, waterBody: "白马门河", waterBodyType: "river", targetClass: 5, lon: 113.149, lat: 35.214, unit: "中站生态环境分局", deviceSt: "21" },
  { code: "ZZ-AS-DSH", name: "大沙河府城自动站（演示）", kind: "auto_station", level: null, waterBody: "大沙河", waterBodyType: "river", targetClass: 4, lon: 113.175, lat: 35.193, unit: "中站生态环境分局", deviceSt: "21" },
  {
    code: "ZZ-OUT-01", name: "某涉氟企业废水总排口（演示）", kind: "outlet", level: null, waterBody: "白马门河", waterBodyType: null, targetClass: null,
    lon: 113.141, lat: 35.222, unit: "中站生态环境分局", deviceSt: "32",
    limits: [
      { factor: "w01018", upperLimit: 100, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（演示）" },
      { factor: "w21003", upperLimit: 15, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（演示）" },
      { factor: "w21017", upperLimit: 10, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（演示）" },
    ],
  },
  { code: "ZZ-FL-DSH", name: "大沙河 府城水文站（演示）", kind: "flow_station", level: null, waterBody: "大沙河", waterBodyType: null, targetClass: null, lon: 113.18, lat: 35.199, unit: "区农业农村局", ecoFlowTarget: 0.5 },
  { code: "ZZ-DW-01", name: "南水北调 府城水厂取水口（演示）", kind: "drinking_intake", level: null, waterBody: "南水北调总干渠", waterBodyType: "river", targetClass: 2, lon: 113.196, lat: 35.248, unit: "中站生态环境分局" },
  { code: "ZZ-DW-02", name: "新河 备用水源取水口（演示）", kind: "drinking_intake", level: null, waterBody: "新河", waterBodyType: "river", targetClass: 3, lon: 113.214, lat: 35.236, unit: "中站生态环境分局" },
];

/** A demo device as the simulator needs it. */
export interface DemoDevice {
  mn: string;
  pw: string;
  st: string;
  pointCode: string;
  factors: string[];
}

/**
 * Creates the demo points, their devices and the past year of lab samples and flows (one audit entry for the
 * history); returns the devices (MN, PW) for the simulated district.
 */
export async function seedDemoMonitoring(ctx: CommandContext, unitIds: Map<string, string>, now = new Date()): Promise<DemoDevice[]> {
  const devices: DemoDevice[] = [];
  const history: HistoryPoint[] = [];
  for (const [i, p] of DEMO_POINTS.entries()) {
    const { point } = await pointSaver(ctx, {
      code: p.code,
      name: p.name,
      kind: p.kind,
      level: p.level,
      waterBody: p.waterBody,
      waterBodyType: p.waterBodyType,
      targetClass: p.targetClass,
      lon: p.lon,
      lat: p.lat,
      unitId: unitIds.get(p.unit) ?? null,
      ecoFlowTarget: p.ecoFlowTarget ?? null,
      limits: p.limits,
    });
    history.push({ id: point.id, code: p.code, kind: p.kind, ecoFlowTarget: p.ecoFlowTarget ?? null });
    if (!p.deviceSt) continue;
    const factors = p.deviceSt === "21" ? STATION_FACTORS : OUTLET_FACTORS;
    const d: DemoDevice = { mn: `${DEMO_MN_PREFIX}${String(i + 1).padStart(8, "0")}`, pw: randomBytes(6).toString("hex"), st: p.deviceSt, pointCode: p.code, factors };
    await deviceSaver(ctx, { mn: d.mn, pw: d.pw, st: d.st, pointId: point.id, expectedFactors: factors, enabled: true });
    devices.push(d);
  }
  // The past year, and the seed plan's year (2022) for its indicators: one bulk insert.
  const rows = [...demoPlanYear(history, now), ...demoHistory(history, now)];
  const inserted = await insertReadings(ctx.trx, rows);
  await audit(ctx, {
    action: "reading.demo_seed",
    entityType: "reading",
    data: { note: DEMO_NOTE, readings: inserted, points: [...new Set(rows.map((r) => r.point_id))] },
  });
  return devices;
}
