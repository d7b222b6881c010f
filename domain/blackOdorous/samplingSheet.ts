/**
 * @module The sampling-round sheet of a black-odorous water body (《城市黑臭水体整治工作指南》2015 水质检测与判定,
 * reference §3.2): one row per point and sampling day, with the four indicators (透明度, 溶解氧, 氧化还原电位, 氨氮)
 * and the water depth (for the shallow-water transparency rule). Rows are read with the registry sheet reader;
 * this module checks what the guide's grading needs — each point keeps one position along the body, each row has
 * at least one indicator — and arranges the rows as points in order with their rounds, ready for gradeWaterBody.
 */
import { parseSheet, type ParsedSheet, type SheetRowError, type SheetSpec } from "../registries/sheet";
import type { PointSample } from "./point";
import { INDICATORS } from "./thresholds";
import type { MonitoringPoint } from "./waterBody";

/** The sheet's columns. */
export const SAMPLING_SHEET: SheetSpec = {
  sheetName: "黑臭水体监测",
  keyColumn: "point",
  uniqueBy: ["point", "date"],
  columns: [
    { key: "point", header: "点位编号", kind: "text", required: true, maxLength: 40, example: "P1", note: "监测点编号，同一点位各次采样编号相同", width: 12 },
    { key: "order", header: "沿程序号", kind: "integer", required: true, min: 1, max: 999, example: "1", note: "点位沿水体的先后顺序（1、2、3…），用于判定连续重度黑臭点位", width: 10 },
    { key: "date", header: "采样日期", kind: "date", required: true, example: "2022-06-01", note: "YYYY-MM-DD；指南要求每 1～7 日采样一次，至少 3 次", width: 14 },
    { key: "depthCm", header: "水深(cm)", kind: "number", min: 0.1, max: 10000, example: "80", note: "水深不足 25 cm 时，透明度按水深的 40% 判定", width: 10 },
    { key: "transparency", header: "透明度(cm)", kind: "number", min: 0, max: 10000, example: "18", note: "轻度 25～10，重度 <10", width: 12 },
    { key: "dissolvedOxygen", header: "溶解氧(mg/L)", kind: "number", min: 0, max: 50, example: "1.2", note: "轻度 0.2～2.0，重度 <0.2", width: 12 },
    { key: "orp", header: "氧化还原电位(mV)", kind: "number", min: -2000, max: 2000, example: "-60", note: "轻度 −200～50，重度 <−200", width: 16 },
    { key: "ammonia", header: "氨氮(mg/L)", kind: "number", min: 0, max: 1000, example: "9.5", note: "轻度 8.0～15，重度 >15", width: 12 },
    { key: "note", header: "备注", kind: "text", maxLength: 200, example: "", note: "可选", width: 20 },
  ],
};

/** One sample row as stored. */
export interface SampleRow {
  /** Sheet row. */
  row: number;
  point: string;
  order: number;
  date: string;
  depthCm: number | null;
  transparency: number | null;
  dissolvedOxygen: number | null;
  orp: number | null;
  ammonia: number | null;
  note: string | null;
}

/** A checked sampling sheet. */
export interface SamplingCheck {
  rows: number;
  samples: SampleRow[];
  errors: SheetRowError[];
  fileError: string | null;
  /** First and last sampling day (null without samples). */
  sampledFrom: string | null;
  sampledTo: string | null;
}

/** Checks a sampling sheet's text rows. Every bad row is reported; `samples` holds the good rows only. */
export function checkSamplingSheet(table: readonly (readonly string[])[]): SamplingCheck {
  const parsed: ParsedSheet = parseSheet(SAMPLING_SHEET, table);
  const errors = [...parsed.errors];
  const samples: SampleRow[] = [];
  const orderOf = new Map<string, { order: number; row: number }>();
  const pointAt = new Map<number, { point: string; row: number }>();
  for (const g of parsed.good) {
    const v = g.values;
    const s: SampleRow = {
      row: g.row, point: v.point as string, order: v.order as number, date: v.date as string,
      depthCm: v.depthCm as number | null, transparency: v.transparency as number | null,
      dissolvedOxygen: v.dissolvedOxygen as number | null, orp: v.orp as number | null, ammonia: v.ammonia as number | null,
      note: v.note as string | null,
    };
    const reasons: string[] = [];
    if (INDICATORS.every((i) => s[i] === null)) reasons.push("透明度、溶解氧、氧化还原电位、氨氮至少填一项");
    const known = orderOf.get(s.point);
    if (known && known.order !== s.order) reasons.push(`沿程序号：点位 ${s.point} 在第 ${known.row} 行为 ${known.order}，同一点位须一致`);
    const other = pointAt.get(s.order);
    if (other && other.point !== s.point) reasons.push(`沿程序号：${s.order} 已用于第 ${other.row} 行的点位 ${other.point}`);
    if (reasons.length) {
      errors.push({ row: g.row, reasons, cells: Object.fromEntries(SAMPLING_SHEET.columns.map((c) => [c.header, v[c.key] === null ? "" : String(v[c.key])])) });
      continue;
    }
    if (!known) orderOf.set(s.point, { order: s.order, row: g.row });
    if (!other) pointAt.set(s.order, { point: s.point, row: g.row });
    samples.push(s);
  }
  errors.sort((a, b) => a.row - b.row);
  const days = samples.map((s) => s.date).sort();
  return { rows: parsed.rows, samples, errors, fileError: parsed.fileError, sampledFrom: days[0] ?? null, sampledTo: days[days.length - 1] ?? null };
}

/**
 * The samples as points in order along the body (by 沿程序号), each with its rounds in date order — the input of
 * gradeWaterBody. Empty indicator cells are left out of the sample.
 */
export function pointsOf(samples: readonly SampleRow[]): MonitoringPoint[] {
  const byPoint = new Map<string, SampleRow[]>();
  for (const s of samples) byPoint.set(s.point, [...(byPoint.get(s.point) ?? []), s]);
  return [...byPoint.entries()]
    .sort((a, b) => a[1][0].order - b[1][0].order)
    .map(([id, rows]) => ({
      id,
      samples: [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((r) => {
        const p: PointSample = { date: r.date };
        if (r.depthCm !== null) p.depthCm = r.depthCm;
        for (const i of INDICATORS) if (r[i] !== null) p[i] = r[i]!;
        return p;
      }),
    }));
}
