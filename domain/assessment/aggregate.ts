/**
 * @module Period means for assessment: 《地表水环境质量评价办法（试行）》§2.1 (a period is classed from the arithmetic
 * mean of its values), 环办监测函〔2020〕82号 item 7 and SL 219-2013 §12.2.5 (a value below the detection limit
 * counts as ½·DL in means and classification, 0 in loads/totals — project decision 4), and HJ 212-2017 App. C
 * (for water, a period value is abnormal if any value under it is).
 */

/** One measured value. */
export interface Reading {
  /** The value; when `belowDetectionLimit` is set, the detection limit itself (stored as "<DL"). */
  value: number;
  /** The result was below the detection limit (未检出). */
  belowDetectionLimit?: boolean;
  /** Abnormal data (HJ 212 flag other than N; see `isAbnormalFlag`). */
  abnormal?: boolean;
}

/** A sample whose values are plain numbers (normal, above DL) or readings; keyed by HJ 212 code. */
export type ReadingSample = Readonly<Record<string, number | Reading>>;

/** The mean of one factor over a period. */
export interface PeriodValue {
  /** Arithmetic mean, below-DL values taken as ½·DL. */
  mean: number;
  /** Number of values averaged. */
  count: number;
  /** Some value in the period was abnormal. */
  abnormal: boolean;
  /** Every value in the period was below its detection limit (keep the "<DL" marker on the result). */
  belowDetectionLimit: boolean;
}

/** Period lengths `periodKey` understands. */
export type Period = "day" | "month" | "year";

const asReading = (r: number | Reading): Reading => (typeof r === "number" ? { value: r } : r);

/** True for an HJ 212-2017 data flag other than N (正常): F, M, S, D, C, T, B. */
export function isAbnormalFlag(flag: string): boolean {
  return flag !== "N";
}

/** The value a reading contributes to means and classification: ½·DL when below the detection limit. */
export function meanValue(r: number | Reading): number {
  const x = asReading(r);
  return x.belowDetectionLimit ? x.value / 2 : x.value;
}

/** The value a reading contributes to loads and totals: 0 when below the detection limit. */
export function loadValue(r: number | Reading): number {
  const x = asReading(r);
  return x.belowDetectionLimit ? 0 : x.value;
}

/**
 * Mean of one factor's readings over a period; null when there are none.
 * @example periodMean([0.4, { value: 0.02, belowDetectionLimit: true }]).mean // 0.205 — (0.4 + 0.01) / 2
 */
export function periodMean(readings: readonly (number | Reading)[]): PeriodValue | null {
  if (readings.length === 0) return null;
  let sum = 0;
  let abnormal = false;
  let allBelow = true;
  for (const r of readings) {
    const x = asReading(r);
    sum += meanValue(x);
    abnormal ||= x.abnormal === true;
    allBelow &&= x.belowDetectionLimit === true;
  }
  return { mean: sum / readings.length, count: readings.length, abnormal, belowDetectionLimit: allBelow };
}

/** Per-factor period means of several samples (each factor averaged over the samples that have it). */
export function meanSample(samples: readonly ReadingSample[]): Record<string, PeriodValue> {
  const byCode = new Map<string, (number | Reading)[]>();
  for (const s of samples) {
    for (const [code, r] of Object.entries(s)) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push(r);
    }
  }
  const out: Record<string, PeriodValue> = {};
  for (const [code, list] of byCode) out[code] = periodMean(list)!;
  return out;
}

/** The means alone, ready for classing. */
export function plainValues(means: Readonly<Record<string, PeriodValue>>): Record<string, number> {
  return Object.fromEntries(Object.entries(means).map(([code, m]) => [code, m.mean]));
}

/**
 * A period mean as a reading for the next level up (day → month → year), keeping the abnormal and "<DL"
 * markers. An all-below-DL mean is given back as its (mean) detection limit so it is not halved twice.
 */
export function asPeriodReading(m: PeriodValue): Reading {
  return m.belowDetectionLimit
    ? { value: m.mean * 2, belowDetectionLimit: true, abnormal: m.abnormal }
    : { value: m.mean, abnormal: m.abnormal };
}

/** Means of a set of samples as one sample of readings (see `asPeriodReading`). */
export function asPeriodSample(means: Readonly<Record<string, PeriodValue>>): ReadingSample {
  return Object.fromEntries(Object.entries(means).map(([code, m]) => [code, asPeriodReading(m)]));
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}/;

/**
 * The period a local (Asia/Shanghai) ISO time belongs to — "2024-05-01T08:00" → "2024-05-01" / "2024-05" /
 * "2024". Times must be local: a UTC instant would put 00:00–08:00 Beijing time into the previous day.
 */
export function periodKey(time: string, period: Period): string {
  if (!LOCAL_TIME.test(time)) throw new RangeError(`time must start with YYYY-MM-DD, got "${time}"`);
  return time.slice(0, period === "day" ? 10 : period === "month" ? 7 : 4);
}

/** Groups timed items by period key, in first-seen order. */
export function groupByPeriod<T extends { time: string }>(items: readonly T[], period: Period): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = periodKey(item.time, period);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(item);
  }
  return groups;
}
