/**
 * @module The demo district's recent history (演示数据), so the monitoring pages are not empty on first start:
 * monthly lab samples of the sections and drinking-water intakes over the past year (GB 3838 Table 1 items, Table 2
 * for intakes, below-DL results written as the lab would), daily intake flows, and a year of daily mean flows at the
 * flow station. Values are drawn class by class from GB 3838 limits with a seeded generator, so every start of an
 * empty database tells the same story: 南水北调 class Ⅱ, 大沙河 Ⅲ–Ⅳ with one month of NH3-N at Ⅴ, 白马门河 Ⅳ–Ⅴ with
 * fluoride at Ⅳ (the 涉氟企业 upstream) and one month 劣Ⅴ, a backup intake failing manganese once, and a dry
 * spring below the ecological-flow target. The seed plan's year 2022 gets its own samples and intake flows
 * (demoPlanYear), so the plan's indicators are computed from data. Automatic stations get theirs from the simulated
 * devices (补发 on start).
 */
import { classLimits, type WaterClass } from "../../domain/standards/gb3838";
import type { NewReading } from "../db/schema";
import { hashOf, seededRng, type Rng } from "../simulator/random";

/** Every demo reading carries this note. */
export const DEMO_NOTE = "演示数据";

const DAY = 86_400_000;
/** Beijing time is UTC+8 all year. */
const BEIJING = 8 * 3_600_000;

/** Factors of a routine section sample whose class drives the section's class (organic load and nutrients). */
const ORGANIC = ["w01019", "w01018", "w01017", "w21003", "w21011"] as const;

/** A section's story: usual class of the organic factors and DO, its fluoride class, and months that go wrong. */
interface SectionStory {
  base: WaterClass;
  fluoride: WaterClass;
  /** Months back from the newest (0 = newest) → factor → class that month. */
  events?: Record<number, Record<string, WaterClass>>;
}

/** Stories of the demo sections and intakes, by point code. */
const STORIES: Record<string, SectionStory> = {
  "ZZ-NSBD-01": { base: 2, fluoride: 1 },
  "ZZ-DSH-01": { base: 3, fluoride: 1, events: { 2: { w21003: 5 } } },
  "ZZ-DSH-02": { base: 4, fluoride: 1 },
  "ZZ-BMM-01": { base: 4, fluoride: 4, events: { 1: { w21003: 5 }, 4: { w21003: 6 } } },
  "ZZ-XH-01": { base: 3, fluoride: 1, events: { 0: { w21011: 4 } } },
  "ZZ-DW-01": { base: 2, fluoride: 1 },
  "ZZ-DW-02": { base: 3, fluoride: 1 },
};

/** Table 2 extras of the intakes: usual values (mg/L), and a month with manganese over 0.1 at the backup intake. */
const TABLE2_BASE: Record<string, number> = { w21038: 45, w21022: 22, w21007: 1.1, w20125: 0.06, w20124: 0.025 };
const TABLE2_EVENTS: Record<string, Record<number, Record<string, number>>> = { "ZZ-DW-02": { 2: { w20124: 0.14 } } };

/** Mean daily intake of each intake (L/s). */
const INTAKE_FLOW: Record<string, number> = { "ZZ-DW-01": 350, "ZZ-DW-02": 60 };

const round = (v: number, sig = 3) => (v === 0 ? 0 : Number(v.toPrecision(sig)));

/**
 * A value of `code` that GB 3838 puts in class `c` (river limits): between the next better class's limit and this
 * class's, or above Ⅴ for 劣Ⅴ. Where classes share a limit (COD Ⅰ–Ⅱ) the range below the shared limit is used.
 */
export function valueInClass(code: string, c: WaterClass, u: number): number {
  if (code === "w01009") {
    const lim = [7.5, 6, 5, 3, 2];
    if (c === 1) return round(7.6 + 1.6 * u);
    if (c === 6) return round(1.2 + 0.7 * u);
    return round(lim[c - 1] + (lim[c - 2] - lim[c - 1]) * (0.15 + 0.75 * u));
  }
  const limits = classLimits(code, "river");
  if (!limits) throw new RangeError(`${code} has no class limits`);
  if (c === 6) return round(limits[4] * (1.15 + 0.4 * u));
  const hi = limits[c - 1];
  let lo = 0;
  for (let k = c - 2; k >= 0; k--) if (limits[k] < hi) { lo = limits[k]; break; }
  if (lo === 0) lo = hi * 0.4;
  return round(lo + (hi - lo) * (0.15 + 0.75 * u));
}

/** A below-DL result: the stored value is the limit itself, marked below it (decision 4 keeps the marker). */
interface LabValue {
  value: number;
  belowDl?: boolean;
  detectionLimit?: number;
}

const below = (dl: number): LabValue => ({ value: dl, belowDl: true, detectionLimit: dl });

/** One routine sample (GB 3838 Table 1, 24 items) of a point in month `back` (0 = newest). */
function sample(code: string, story: SectionStory, back: number, month: number, rng: Rng, drinking: boolean): Record<string, LabValue> {
  const events = story.events?.[back] ?? {};
  const wobble = (c: WaterClass): WaterClass => {
    const x = rng.next();
    const shifted = x < 0.2 ? c - 1 : x > 0.9 ? c + 1 : c;
    // Wobble never makes a month worse than the story's base class: the bad months are the stories' own.
    return Math.max(1, Math.min(story.base, shifted)) as WaterClass;
  };
  const out: Record<string, LabValue> = {};
  // Water temperature: about 4 ℃ in January, 28 ℃ in July.
  out.w01010 = { value: round(16 - 12 * Math.cos((2 * Math.PI * (month - 0.5)) / 12) + 2 * (rng.next() - 0.5), 3) };
  out.w01001 = { value: round(7.3 + rng.next(), 3) };
  out.w01009 = { value: valueInClass("w01009", events.w01009 ?? Math.min(story.base, 3) as WaterClass, rng.next()) };
  for (const f of ORGANIC) {
    if (drinking && f === "w01018") continue; // 23 items at drinking sources: COD is not monitored there (reference §9)
    out[f] = { value: valueInClass(f, events[f] ?? wobble(story.base), rng.next()) };
  }
  out.w21001 = { value: round(1.5 + 3 * rng.next()) };
  out.w20122 = { value: round(0.002 + 0.008 * rng.next()) };
  out.w20123 = { value: round(0.005 + 0.035 * rng.next()) };
  out.w21017 = { value: valueInClass("w21017", events.w21017 ?? story.fluoride, rng.next()) };
  out.w20128 = below(0.0004);
  out.w20119 = { value: round(0.001 + 0.003 * rng.next()) };
  out.w20111 = below(0.00004);
  out.w20115 = below(0.0001);
  out.w20117 = below(0.004);
  out.w20120 = rng.next() < 0.5 ? below(0.001) : { value: round(0.001 + 0.003 * rng.next()) };
  out.w21016 = below(0.004);
  out.w23002 = below(0.0003);
  out.w22001 = { value: round(0.01 + 0.03 * rng.next()) };
  out.w19002 = rng.next() < 0.5 ? below(0.05) : { value: round(0.05 + 0.07 * rng.next()) };
  out.w21019 = below(0.005);
  out.w02003 = { value: round(story.base <= 2 ? 200 + 1500 * rng.next() : 1000 + 8000 * rng.next(), 2) };
  if (drinking) {
    const extra = TABLE2_EVENTS[code]?.[back] ?? {};
    for (const [f, v] of Object.entries(TABLE2_BASE)) out[f] = { value: extra[f] ?? round(v * (0.6 + 0.8 * rng.next())) };
  }
  return out;
}

/** A demo point as the history needs it. */
export interface HistoryPoint {
  id: string;
  code: string;
  kind: string;
  ecoFlowTarget: number | null;
}

const row = (pointId: string, factor: string, period: NewReading["period"], t: Date, v: LabValue & { cou?: number }, source: NewReading["source"]): NewReading => ({
  point_id: pointId, factor, period, t, value: v.value, flag: null, source, below_dl: v.belowDl ?? false,
  detection_limit: v.detectionLimit ?? null, original_value: null, original_unit: null, min_value: null, max_value: null,
  cou_value: v.cou ?? null, device_mn: null, packet_qn: null, author_id: null, reason: null, note: DEMO_NOTE,
});

/** The Beijing calendar month (1–12) and year of an instant. */
const beijingMonth = (t: number) => {
  const d = new Date(t + BEIJING);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
};

/**
 * The demo history up to `now`: 12 monthly samples (the 8th–14th of each month, 09:30 Beijing time, the newest in
 * the current month when that day has passed) of every section and intake, 400 days of daily flows at the flow
 * station and 365 days of intake flows. Deterministic for a given `now` day.
 */
export function demoHistory(points: readonly HistoryPoint[], now: Date): NewReading[] {
  const rows: NewReading[] = [];
  const today = Math.floor((now.getTime() + BEIJING) / DAY) * DAY - BEIJING; // 00:00 Beijing today
  for (const p of points) {
    const rng = seededRng(hashOf("demo-history", p.code));
    const story = STORIES[p.code];
    if (story) {
      const drinking = p.kind === "drinking_intake";
      const { y, m } = beijingMonth(now.getTime());
      for (let back = 0, found = 0; found < 12 && back < 13; back++) {
        const mm = ((m - 1 - back) % 12 + 12) % 12;
        const yy = y + Math.floor((m - 1 - back) / 12);
        const day = 8 + (hashOf(p.code) % 7);
        const t = Date.UTC(yy, mm, day, 9, 30) - BEIJING;
        if (t > now.getTime()) continue;
        const values = sample(p.code, story, found, mm + 1, rng, drinking);
        for (const [factor, v] of Object.entries(values)) rows.push(row(p.id, factor, "sample", new Date(t), v, "lab"));
        found++;
      }
    }
    if (p.kind === "drinking_intake") {
      const mean = INTAKE_FLOW[p.code] ?? 100;
      for (let d = 365; d >= 1; d--) {
        const flow = round(mean * (0.85 + 0.3 * rng.next()));
        rows.push(row(p.id, "w00000", "day", new Date(today - d * DAY), { value: flow, cou: Math.round(flow * 86.4) }, "manual"));
      }
    }
    if (p.kind === "flow_station" && p.ecoFlowTarget) {
      // Daily mean flow (L/s, HJ 212 w00000): high in late summer, lowest in February, when it dips under the target.
      const target = p.ecoFlowTarget * 1000;
      for (let d = 400; d >= 1; d--) {
        const t = today - d * DAY;
        const doy = (t + BEIJING - Date.UTC(new Date(t + BEIJING).getUTCFullYear(), 0, 1)) / DAY;
        const season = 1.45 + 0.55 * Math.cos((2 * Math.PI * (doy - 220)) / 365);
        rows.push(row(p.id, "w00000", "day", new Date(t), { value: round(target * season * (1 + 0.1 * rng.normal())) }, "manual"));
      }
    }
  }
  return rows;
}

/** The seed plan's year (中环攻坚办〔2022〕13号): its indicators are judged on this year's data. */
export const DEMO_PLAN_YEAR = 2022;

/**
 * The plan year's story, month (1–12) → factor → class: 大沙河出境 carries NH3-N at Ⅴ all year (1.5–2.0 mg/L every
 * month, so its annual mean is Ⅴ whatever the draw — the one section missing its Ⅳ target that year, the reason for
 * the campaign), and 白马门河 has a summer month of NH3-N at Ⅴ (its annual mean stays within Ⅳ). Everything else
 * follows the sections' usual stories.
 */
const PLAN_YEAR_EVENTS: Record<string, Record<number, Record<string, WaterClass>>> = {
  "ZZ-DSH-02": Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, { w21003: 5 as WaterClass }])),
  "ZZ-BMM-01": { 7: { w21003: 5 } },
};

/**
 * The plan year's monthly lab samples of every section and intake and the intakes' daily flows (演示数据), for the
 * months and days the recent history (demoHistory) does not already cover — so the plan's indicators
 * (地表水考核目标, 取水水质达标率) are computed from data. The backup intake's manganese month is October (the
 * history's "two months back" counted from December). Deterministic.
 */
export function demoPlanYear(points: readonly HistoryPoint[], now: Date, year = DEMO_PLAN_YEAR): NewReading[] {
  const rows: NewReading[] = [];
  const today = Math.floor((now.getTime() + BEIJING) / DAY) * DAY - BEIJING;
  // The recent history reaches at most 12 months back from now's (and its flows 365 days back).
  const { y, m } = beijingMonth(now.getTime());
  const historyFrom = Date.UTC(y, m - 1 - 12, 1) - BEIJING;
  for (const p of points) {
    const rng = seededRng(hashOf("demo-plan-year", p.code, String(year)));
    const usual = STORIES[p.code];
    if (usual) {
      const story: SectionStory = { ...usual, events: Object.fromEntries(Object.entries(PLAN_YEAR_EVENTS[p.code] ?? {}).map(([mm, e]) => [12 - Number(mm), e])) };
      for (let month = 1; month <= 12; month++) {
        const t = Date.UTC(year, month - 1, 8 + (hashOf(p.code) % 7), 9, 30) - BEIJING;
        if (t >= historyFrom || t > now.getTime()) continue;
        const values = sample(p.code, story, 12 - month, month, rng, p.kind === "drinking_intake");
        for (const [factor, v] of Object.entries(values)) rows.push(row(p.id, factor, "sample", new Date(t), v, "lab"));
      }
    }
    if (p.kind === "drinking_intake") {
      const mean = INTAKE_FLOW[p.code] ?? 100;
      for (let t = Date.UTC(year, 0, 1) - BEIJING; t < Date.UTC(year + 1, 0, 1) - BEIJING; t += DAY) {
        if (t >= today - 365 * DAY) break;
        const flow = round(mean * (0.85 + 0.3 * rng.next()));
        rows.push(row(p.id, "w00000", "day", new Date(t), { value: flow, cou: Math.round(flow * 86.4) }, "manual"));
      }
    }
  }
  return rows;
}
