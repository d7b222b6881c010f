/**
 * @module What the monitoring scenes share: class tags in the project colours, factor names and units from the
 * domain catalogue, the "latest class" of a point (the single-factor class of its latest sample, by
 * domain/assessment — the monthly class on the point page is the official one), and who may import lab results.
 */
import { Tag } from "antd";
import { DEFAULT_PALETTE } from "../../../../domain/assessment/colours";
import { classifyPeriod } from "../../../../domain/assessment/sectionClass";
import type { Reading as DomainReading, ReadingSample } from "../../../../domain/assessment/aggregate";
import { FACTORS, canonicalCode } from "../../../../domain/standards/factors";
import { storageUnit } from "../../../../domain/labImport/units";
import type { WaterBody, WaterClass } from "../../../../domain/standards/gb3838";
import type { MonitoringPoint, PointKind, PointLevel, Policies, PointAction, Reading, ReadingPeriod } from "../../api/types";
import { useSession } from "../../hooks/useSession";
import type { MessageKey, Translate } from "../../i18n";

/** Grey of points without a class (no data, outlets). */
export const NO_CLASS_COLOUR = "#bfbfbf";

/** The display colour of a class 1–6. */
export function classHex(cls: number | null | undefined): string {
  return cls && cls >= 1 && cls <= 6 ? DEFAULT_PALETTE[cls as WaterClass].hex : NO_CLASS_COLOUR;
}

/** "Ⅲ类" / "Class III" for 1–6. */
export function classText(cls: number, t: Translate): string {
  return t(`monitoring.class.${cls}` as MessageKey);
}

/** A tag in the class colour; "—" without a class. */
export function ClassTag({ cls, t }: { cls: number | null | undefined; t: Translate }) {
  if (!cls) return <span style={{ color: "#8c8c8c" }}>—</span>;
  // Solid class colour (a Tag's `color` would tint it); yellow (Ⅳ) needs dark text to stay readable.
  const hex = classHex(cls);
  return (
    <Tag style={{ background: hex, borderColor: hex, color: cls === 4 ? "#3d3d00" : "#fff", marginInlineEnd: 0 }} data-class={cls}>
      {classText(cls, t)}
    </Tag>
  );
}

/** Codes outside the GB 3838 catalogue that the demo devices send, with their units. */
const EXTRA_FACTORS: Record<string, { key: MessageKey; unit: string }> = {
  w00000: { key: "monitoring.factor.w00000", unit: "L/s" },
  w01014: { key: "monitoring.factor.w01014", unit: "µS/cm" },
  w01003: { key: "monitoring.factor.w01003", unit: "NTU" },
};

/** The factor's name in the UI language ("氨氮" / "ammonia nitrogen"); the code for unknown codes. */
export function factorName(code: string, t: Translate): string {
  const c = canonicalCode(code);
  if (c) return t.lang === "zh" ? FACTORS[c].nameZh : FACTORS[c].nameEn;
  const extra = EXTRA_FACTORS[code];
  return extra ? t(extra.key) : code;
}

/** The unit values of `code` are stored and charted in (mg/L for concentrations). */
export function factorUnit(code: string): string {
  const c = canonicalCode(code);
  if (c) return storageUnit(c);
  return EXTRA_FACTORS[code]?.unit ?? "";
}

/** "氨氮 (mg/L)". */
export function factorLabel(code: string, t: Translate): string {
  const u = factorUnit(code);
  return u ? `${factorName(code, t)} (${u})` : factorName(code, t);
}

/** Label keys of point kinds and levels. */
export const kindText = (k: PointKind, t: Translate) => t(`monitoring.kind.${k}` as MessageKey);
export const levelText = (l: PointLevel, t: Translate) => t(`monitoring.level.${l}` as MessageKey);

/** The assessment body of a point, as the server decides it (reservoirs and lakes use lake limits). */
export function bodyOf(p: Pick<MonitoringPoint, "waterBodyType">): WaterBody {
  return p.waterBodyType === "lake" || p.waterBodyType === "reservoir" ? "lake" : "river";
}

/** Whether a point's water quality is classed (sections, automatic stations, drinking-water intakes). */
export function isAssessed(kind: PointKind): boolean {
  return kind === "section" || kind === "auto_station" || kind === "drinking_intake";
}

/** Which series best describes a point: lab samples for sections and intakes, hourly values for online monitors. */
export function preferredPeriods(kind: PointKind): ReadingPeriod[] {
  return kind === "section" || kind === "drinking_intake" ? ["sample", "day", "hour", "min", "rt"] : ["hour", "day", "min", "rt", "sample"];
}

/** The latest class of a point. */
export interface LatestClass {
  cls: WaterClass | null;
  /** Time of the sample classed. */
  t: string;
  period: ReadingPeriod;
  mainPollutants: string[];
}

const BEIJING_MS = 8 * 3_600_000;
const beijingDay = (iso: string) => new Date(new Date(iso).getTime() + BEIJING_MS).toISOString().slice(0, 10);

/**
 * Classes the latest sample of a point: from the first preferred period that has values, every factor's latest
 * value on the Beijing day of the newest one, classed by the single-factor method (below-DL values as ½·DL,
 * non-N flags abnormal — as the server's assessment does). Null when there is nothing to class.
 */
export function latestClass(point: MonitoringPoint, readings: Reading[]): LatestClass | null {
  for (const period of preferredPeriods(point.kind)) {
    const rows = readings.filter((r) => r.period === period && r.value !== null);
    if (rows.length === 0) continue;
    const newest = rows.reduce((a, b) => (a.t > b.t ? a : b));
    const day = beijingDay(newest.t);
    const sample: Record<string, DomainReading> = {};
    for (const r of rows) {
      if (beijingDay(r.t) !== day) continue;
      sample[r.factor] = { value: r.value!, belowDetectionLimit: r.belowDl, abnormal: r.flag !== null && r.flag !== "N" };
    }
    const result = classifyPeriod([sample as ReadingSample], { body: bodyOf(point) });
    return { cls: result.class, t: newest.t, period, mainPollutants: result.mainPollutants.map((m) => m.code) };
  }
  return null;
}

/**
 * Whether the user may import lab results: the server allows office administrators and monitoring operators
 * (canImportLabResults), the same people the point policies allow to `update`. Read from the points' policies
 * the API returned; the user's roles decide while no point exists yet.
 */
export function useCanImportLab(policies: Policies<PointAction> | undefined): boolean {
  const session = useSession();
  const fromPolicies = Object.values(policies ?? {}).some((p) => p.update === true);
  if (fromPolicies) return true;
  if (policies && Object.keys(policies).length > 0) return false;
  const roles = session.data?.user.roles ?? [];
  return roles.includes("office_admin") || roles.includes("monitoring_operator");
}

/** Local Beijing-time text of an ISO instant, "YYYY-MM-DD HH:mm". */
export function beijingText(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(new Date(iso).getTime() + BEIJING_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** A number for tables: up to 4 significant digits, no exponent for ordinary values. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  // Trace metals are written as the lab does (0.00004), not in exponent form; below 10⁻⁶ JS would use exponents.
  if (v !== 0 && Math.abs(v) < 1e-6) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}
