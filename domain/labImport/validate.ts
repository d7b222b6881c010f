/**
 * @module Validates the rows of a lab-result sheet (columns.ts) into readings: each row becomes one value for a
 * point, factor and sampling time, in the factor's storage unit (units.ts), or an error naming the row and every
 * reason in Chinese. Pure: the caller passes the points to match against and the current time.
 */
import type { FactorCode } from "../standards/factors";
import { locateColumns, type LabColumn } from "./columns";
import { matchFactor } from "./factorMatch";
import { unitFactor, storageUnit } from "./units";
import { parseLabValue } from "./value";
import { formatShanghai, parseSampleTime } from "./time";

/** A point a 站点 cell may name. */
export interface LabPoint {
  id: string;
  /** Point code, matched case-insensitively. */
  code: string;
  /** Point name, matched exactly (spaces ignored). */
  name: string;
}

/** One valid row as a reading to store. */
export interface LabReading {
  /** Row number in the file (the header is row 1). */
  row: number;
  pointId: string;
  factor: FactorCode;
  /** Sampling instant. */
  t: Date;
  /** Value in the storage unit; the detection limit itself when `belowDl`. */
  value: number;
  belowDl: boolean;
  /** Detection limit in the storage unit, when given. */
  detectionLimit: number | null;
  /** The value and unit as the sheet wrote them (kept for review). */
  originalValue: number;
  originalUnit: string;
  /** The 备注 cell, or null. */
  note: string | null;
}

/** One bad row. */
export interface LabRowError {
  /** Row number in the file (the header is row 1). */
  row: number;
  /** Every reason, in Chinese. */
  reasons: string[];
  /** The row's cells as read, for the report. */
  cells: Partial<Record<LabColumn, string>>;
}

/** The outcome of validating a sheet. */
export interface LabValidation {
  /** Data rows read (blank rows not counted). */
  rows: number;
  readings: LabReading[];
  errors: LabRowError[];
  /** A problem with the whole file (missing columns, no rows); nothing can be imported. */
  fileError: string | null;
}

/** Options of `validateLabRows`. */
export interface LabValidateOptions {
  points: readonly LabPoint[];
  /** Now; samples more than a day after it are refused as typos. */
  now: Date;
}

// Unit conversion multiplies by powers of ten; 12 significant digits drop the binary noise (0.04 µg/L → 4e-5 mg/L).
const clean = (x: number) => Number(x.toPrecision(12));
const fold = (s: string) => s.replace(/[\s\u3000]/g, "").toLowerCase();
const EARLIEST = Date.UTC(1980, 0, 1);

/**
 * Validates a sheet given as rows of text cells, header first.
 * @example validateLabRows([["站点", "采样时间", "因子", "数值", "单位"], ["S01", "2024-05-06 09:30", "氨氮", "0.8", "mg/L"]], { points, now })
 */
export function validateLabRows(table: readonly (readonly string[])[], opts: LabValidateOptions): LabValidation {
  const empty = (fileError: string): LabValidation => ({ rows: 0, readings: [], errors: [], fileError });
  if (table.length === 0) return empty("文件为空");
  const located = locateColumns(table[0].map((c) => String(c ?? "")));
  if (!located.ok) return empty(`缺少列：${located.missing.join("、")}（模板列为 站点、采样时间、因子、数值、单位、检出限、备注）`);
  const { index } = located;
  const byCode = new Map<string, LabPoint[]>();
  const byName = new Map<string, LabPoint[]>();
  const add = (m: Map<string, LabPoint[]>, k: string, p: LabPoint) => m.set(k, [...(m.get(k) ?? []), p]);
  for (const p of opts.points) {
    add(byCode, fold(p.code), p);
    add(byName, fold(p.name), p);
  }
  const readings: LabReading[] = [];
  const errors: LabRowError[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for (let i = 1; i < table.length; i++) {
    const cellOf = (c: LabColumn) => (index[c] === undefined ? "" : String(table[i][index[c]!] ?? "").trim());
    const cells = Object.fromEntries(
      (Object.keys(index) as LabColumn[]).map((c) => [c, cellOf(c)]),
    ) as Partial<Record<LabColumn, string>>;
    if (Object.values(cells).every((v) => v === "")) continue;
    rows++;
    const row = i + 1;
    const reasons: string[] = [];

    const pointText = cellOf("站点");
    const pointMatches = pointText === "" ? [] : (byCode.get(fold(pointText)) ?? byName.get(fold(pointText)) ?? []);
    if (pointText === "") reasons.push("站点为空");
    else if (pointMatches.length === 0) reasons.push(`站点“${pointText}”不存在（按站点编码或名称匹配）`);
    else if (pointMatches.length > 1) reasons.push(`站点名称“${pointText}”对应多个站点，请改用站点编码`);

    const time = parseSampleTime(cellOf("采样时间"));
    if (!time.ok) reasons.push(cellOf("采样时间") === "" ? "采样时间为空" : time.reason);
    else if (time.t.getTime() > opts.now.getTime() + 86_400_000) reasons.push(`采样时间 ${formatShanghai(time.t)} 晚于当前时间`);
    else if (time.t.getTime() < EARLIEST) reasons.push(`采样时间 ${formatShanghai(time.t)} 早于 1980 年`);

    const factorText = cellOf("因子");
    const factor = matchFactor(factorText);
    if (factorText === "") reasons.push("因子为空");
    else if (!factor) reasons.push(`因子“${factorText}”无法识别（填写 HJ 212 编码如 w21003 或中文名称如 氨氮）`);

    const parsed = parseLabValue(cellOf("数值"), cellOf("检出限"));
    if (!parsed.ok) reasons.push(parsed.reason);
    const unitText = cellOf("单位");
    const unit = factor ? unitFactor(factor, unitText) : null;
    if (unit && !unit.ok) reasons.push(unit.reason);

    if (factor && parsed.ok && unit?.ok) {
      const value = parsed.value * unit.factor;
      if (factor === "w01001" && (value < 0 || value > 14)) reasons.push(`pH ${parsed.value} 不在 0–14 之间`);
      else if (factor !== "w01010" && value < 0) reasons.push(`数值 ${parsed.value} 为负数`);
    }

    if (reasons.length === 0 && time.ok && factor && parsed.ok && unit?.ok) {
      const point = pointMatches[0];
      const key = `${point.id}|${factor}|${time.t.getTime()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ row, reasons: [`与第 ${first} 行重复（同一站点、因子、采样时间）`], cells });
        continue;
      }
      seen.set(key, row);
      readings.push({
        row,
        pointId: point.id,
        factor,
        t: time.t,
        value: clean(parsed.value * unit.factor),
        belowDl: parsed.belowDl,
        detectionLimit: parsed.detectionLimit === null ? null : clean(parsed.detectionLimit * unit.factor),
        originalValue: parsed.value,
        originalUnit: unitText || storageUnit(factor),
        note: cellOf("备注") || null,
      });
    } else errors.push({ row, reasons, cells });
  }
  if (rows === 0) return empty("文件中没有数据行");
  return { rows, readings, errors, fileError: null };
}
