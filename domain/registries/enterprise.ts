/**
 * @module Enterprises and permits (排污许可) as a registry: the 统一社会信用代码 check (GB 32100-2015 check character),
 * 排污许可 management classes, the pollutants an enterprise discharges (HJ 212-2017 codes, written by name in
 * sheets) and the 涉氟企业 rule (an enterprise discharging 氟化物 is a fluoride enterprise), online monitors per
 * factor from its outlets' devices or declared, the seed plan's task 18 coverage of fluoride enterprises by
 * fluoride (w21017) online monitoring, and task 13's 万元工业增加值用水量 (m³ of new-water intake ÷ industrial
 * value added in 万元 at comparable prices, reference §9) with its change against a base year.
 */
import type { Label } from "./lifecycle";
import { FACTORS, isFactorCode } from "../standards/factors";

/** 排污许可 management classes. */
export const PERMIT_CLASSES = ["key", "simplified", "registration"] as const;
/** One class. */
export type PermitClass = (typeof PERMIT_CLASSES)[number];
/** Names of the classes. */
export const PERMIT_CLASS_LABELS: Readonly<Record<PermitClass, Label>> = {
  key: { zh: "重点管理", en: "key management" },
  simplified: { zh: "简化管理", en: "simplified management" },
  registration: { zh: "登记管理", en: "registration" },
};

/** The factor code of fluoride (HJ 212-2017 Table B.1). */
export const FLUORIDE = "w21017";

/** Pollutants an enterprise may discharge or monitor, HJ 212-2017 codes with their names (Table B.1). */
export const ENTERPRISE_POLLUTANTS: readonly { code: string; zh: string; en: string }[] = [
  { code: "w01018", zh: "化学需氧量", en: "COD" },
  { code: "w21003", zh: "氨氮", en: "ammonia nitrogen" },
  { code: "w21011", zh: "总磷", en: "total phosphorus" },
  { code: "w21001", zh: "总氮", en: "total nitrogen" },
  { code: "w21017", zh: "氟化物", en: "fluoride" },
  { code: "w01001", zh: "pH值", en: "pH" },
  { code: "w01012", zh: "悬浮物", en: "suspended solids" },
  { code: "w01017", zh: "五日生化需氧量", en: "BOD5" },
  { code: "w01002", zh: "色度", en: "colour" },
  { code: "w22001", zh: "石油类", en: "petroleum" },
  { code: "w19002", zh: "阴离子表面活性剂", en: "anionic surfactant" },
  { code: "w23002", zh: "挥发酚", en: "volatile phenol" },
  { code: "w21016", zh: "氰化物", en: "cyanide" },
  { code: "w21019", zh: "硫化物", en: "sulfide" },
  { code: "w02003", zh: "粪大肠菌群", en: "fecal coliform" },
  { code: "w20111", zh: "总汞", en: "mercury" },
  { code: "w20115", zh: "总镉", en: "cadmium" },
  { code: "w20116", zh: "总铬", en: "chromium" },
  { code: "w20117", zh: "六价铬", en: "hexavalent chromium" },
  { code: "w20119", zh: "总砷", en: "arsenic" },
  { code: "w20120", zh: "总铅", en: "lead" },
  { code: "w20121", zh: "总镍", en: "nickel" },
  { code: "w20122", zh: "总铜", en: "copper" },
  { code: "w20123", zh: "总锌", en: "zinc" },
  { code: "w00000", zh: "污水流量", en: "wastewater flow" },
];

const BY_CODE = new Map(ENTERPRISE_POLLUTANTS.map((p) => [p.code, p]));
const BY_NAME = new Map(ENTERPRISE_POLLUTANTS.flatMap((p) => [[p.zh, p.code], [p.code, p.code], [p.zh.replace(/值$/, ""), p.code]]));
const ORDER = new Map(ENTERPRISE_POLLUTANTS.map((p, i) => [p.code, i]));

/** The Chinese name of a pollutant code (from the GB 3838 factor catalogue when not an enterprise pollutant; the code itself when unknown). */
export const pollutantName = (code: string) => BY_CODE.get(code)?.zh ?? (isFactorCode(code) ? FACTORS[code].nameZh : code);

/** Codes in catalogue order, without repeats. */
export const sortPollutants = (codes: readonly string[]) =>
  [...new Set(codes)].sort((a, b) => (ORDER.get(a) ?? 999) - (ORDER.get(b) ?? 999) || a.localeCompare(b));

/**
 * Reads a list of pollutants as a sheet cell holds it — names or codes separated by 、，,;； or spaces.
 * @example readPollutants("化学需氧量、氨氮、氟化物") // { codes: ["w01018", "w21003", "w21017"], unknown: [] }
 */
export function readPollutants(text: string): { codes: string[]; unknown: string[] } {
  const parts = text.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const p of parts) {
    const code = BY_NAME.get(p) ?? BY_NAME.get(p.toLowerCase());
    if (code) codes.push(code);
    else unknown.push(p);
  }
  return { codes: sortPollutants(codes), unknown };
}

/** Writes pollutant codes as a sheet cell (names joined by 、, in catalogue order). */
export const writePollutants = (codes: readonly string[]) => sortPollutants(codes).map(pollutantName).join("、");

/**
 * The 涉氟企业 rule: an enterprise whose pollutants include 氟化物 is a fluoride enterprise (the flag may also be
 * set for one that handles fluoride without a permitted fluoride discharge). Returns the problem or null.
 * @example fluorideProblem(["w21017"], false) // "排放氟化物的企业须标为涉氟企业"
 */
export function fluorideProblem(pollutants: readonly string[], fluoride: boolean): string | null {
  return pollutants.includes(FLUORIDE) && !fluoride ? "排放氟化物的企业须标为涉氟企业" : null;
}

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character of the first 17 characters of a 统一社会信用代码 (GB 32100-2015).
 * @example creditCheckChar("9144030071526726X") // "G"
 */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * What is wrong with a 统一社会信用代码 (GB 32100-2015: 18 characters of 0–9 and capitals without I, O, S, V, Z; the
 * last a check character = 31 − (Σ value×weight mod 31)), or null when it is valid.
 * @example creditCodeProblem("9144030071526726XG") // null
 */
export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）";
  const check = creditCheckChar(code);
  return check === code[17] ? null : `统一社会信用代码校验位不符（应为 ${check}）`;
}

// ── Online monitors ───────────────────────────────────────────────────────────────────────────────────────────

/** A device on one of the enterprise's outlets. */
export interface OutletDevice {
  mn: string;
  pointCode: string;
  enabled: boolean;
  expectedFactors: readonly string[];
  lastSeenAt: string | null;
}

/** How a factor is monitored online. */
export type MonitorState = "connected" | "declared" | "none";

/** Monitoring of one factor. */
export interface FactorMonitor {
  factor: string;
  state: MonitorState;
  /** MNs of the enabled devices that send it. */
  devices: string[];
}

/**
 * Online monitoring per factor: "connected" when an enabled device on an outlet sends it, "declared" when the
 * enterprise declares a monitor the platform does not receive, else "none". Factors: the pollutants, the declared
 * ones and what the devices send.
 * @example monitorsByFactor(["w21017"], [], [{ mn: "A", pointCode: "O1", enabled: true, expectedFactors: ["w21017"], lastSeenAt: null }])[0].state // "connected"
 */
export function monitorsByFactor(pollutants: readonly string[], declared: readonly string[], devices: readonly OutletDevice[]): FactorMonitor[] {
  const live = devices.filter((d) => d.enabled);
  const factors = sortPollutants([...pollutants, ...declared, ...live.flatMap((d) => d.expectedFactors)]);
  return factors.map((factor) => {
    const mns = live.filter((d) => d.expectedFactors.includes(factor)).map((d) => d.mn);
    return { factor, state: mns.length ? "connected" : declared.includes(factor) ? "declared" : "none", devices: mns };
  });
}

/** One fluoride enterprise in the coverage report. */
export interface FluorideCoverageRow {
  id: string;
  state: MonitorState;
}

/** One 涉氟企业 as the coverage report shows it (API and web). */
export interface FluorideCoverageEntry extends FluorideCoverageRow {
  code: string;
  name: string;
  unitName: string | null;
  permitNo: string | null;
  outlets: { id: string; code: string; name: string }[];
  /** Enabled devices sending fluoride. */
  devices: { mn: string; pointCode: string; lastSeenAt: string | null }[];
  demo: boolean;
}

/** The task 18 coverage of fluoride enterprises. */
export interface FluorideCoverage {
  total: number;
  connected: number;
  declared: number;
  none: number;
  /** (connected + declared) ÷ total; null without fluoride enterprises. */
  installedRate: number | null;
  /** connected ÷ total; null without fluoride enterprises. */
  connectedRate: number | null;
}

/**
 * Counts fluoride enterprises by the state of their fluoride online monitoring.
 * @example fluorideCoverage([{ id: "a", state: "connected" }, { id: "b", state: "none" }]).installedRate // 0.5
 */
export function fluorideCoverage(rows: readonly FluorideCoverageRow[]): FluorideCoverage {
  const n = (s: MonitorState) => rows.filter((r) => r.state === s).length;
  const total = rows.length;
  const [connected, declared, none] = [n("connected"), n("declared"), n("none")];
  return {
    total, connected, declared, none,
    installedRate: total ? (connected + declared) / total : null,
    connectedRate: total ? connected / total : null,
  };
}

// ── 万元工业增加值用水量 ──────────────────────────────────────────────────────────────────────────────────────

/** One enterprise-year. */
export interface WaterUseYear {
  /** 工业用水量 (new-water intake), m³. */
  waterM3: number | null;
  /** 工业增加值, 万元 at comparable prices. */
  valueAddedWan: number | null;
}

/** The district's intensity in one year. */
export interface WaterUseIntensity {
  /** Enterprise-years with both figures. */
  counted: number;
  /** Enterprise-years missing one of them (left out). */
  incomplete: number;
  waterM3: number;
  valueAddedWan: number;
  /** m³ per 万元; null when no value added. */
  intensity: number | null;
}

/**
 * 万元工业增加值用水量 = Σ water ÷ Σ value added over the enterprise-years that report both (m³/万元).
 * @example waterUseIntensity([{ waterM3: 5000, valueAddedWan: 1000 }, { waterM3: 3000, valueAddedWan: 1000 }]).intensity // 4
 */
export function waterUseIntensity(rows: readonly WaterUseYear[]): WaterUseIntensity {
  const full = rows.filter((r) => r.waterM3 !== null && r.valueAddedWan !== null);
  const waterM3 = full.reduce((s, r) => s + r.waterM3!, 0);
  const valueAddedWan = full.reduce((s, r) => s + r.valueAddedWan!, 0);
  return { counted: full.length, incomplete: rows.length - full.length, waterM3, valueAddedWan, intensity: valueAddedWan > 0 ? waterM3 / valueAddedWan : null };
}

/**
 * Relative change of an intensity against the base year's: (I − I₀) ÷ I₀ (−0.02 is the seed plan's "较2020年下降2%").
 * @example intensityChange(9.8, 10) // -0.02 (to rounding)
 */
export function intensityChange(intensity: number | null, base: number | null): number | null {
  return intensity === null || base === null || base === 0 ? null : (intensity - base) / base;
}
