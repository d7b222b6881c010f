/**
 * @module Section class by the single-factor method of 《地表水环境质量评价办法（试行）》(环办〔2011〕22号) §2.1:
 * the worst class among the 21 routine items of GB 3838 Table 1 (水温, 总氮, 粪大肠菌群 excluded and evaluated
 * separately; 总氮 only for 湖、库). Periods (day/month/year) are classed from period means (aggregate.ts).
 */
import { canonicalCode, type FactorCode } from "../standards/factors";
import { TABLE1, classOfValue, type WaterBody, type WaterClass } from "../standards/gb3838";
import { meanSample, plainValues, type PeriodValue, type ReadingSample } from "./aggregate";
import { mainPollutants, type MainPollutant } from "./pollutants";

/** One sample: concentrations in mg/L (fecal coliform 个/L, pH dimensionless) keyed by HJ 212 code. */
export type Sample = Readonly<Record<string, number>>;

/** The 21 routine items of the 办法 (GB 3838 Table 1 minus 水温, 总氮, 粪大肠菌群), in Table 1 order. */
export const ROUTINE_CODES: readonly FactorCode[] = [
  "w01001", "w01009", "w01019", "w01018", "w01017", "w21003", "w21011", "w20122", "w20123", "w21017", "w20128",
  "w20119", "w20111", "w20115", "w20117", "w20120", "w21016", "w23002", "w22001", "w19002", "w21019",
];

/** Reference items evaluated separately (参考指标): 水温 (no class), 总氮 (湖、库 only), 粪大肠菌群. */
export const SEPARATE_CODES: readonly FactorCode[] = ["w01010", "w21001", "w02003"];

/** How a section is classed. */
export interface SectionOptions {
  /** River or lake/reservoir (river-type reservoirs are evaluated as rivers, 办法 §2.2). */
  body: WaterBody;
  /**
   * Put lake TN into the class (some local practice). Default false: the 办法 treats TN as a reference item
   * evaluated separately.
   */
  lakeTotalNitrogenInClass?: boolean;
}

/** Result of classing one sample or period. */
export interface SectionResult {
  /** Worst class of the routine items present; null when none is present. */
  class: WaterClass | null;
  /** Class of each routine item present. */
  perFactor: Partial<Record<FactorCode, WaterClass>>;
  /** Class of each separately evaluated item present that has a standard (lake TN, fecal coliform). */
  separate: Partial<Record<FactorCode, WaterClass>>;
  /** Up to three main pollutants; empty when the class is Ⅰ–Ⅲ (办法 §2.3). */
  mainPollutants: MainPollutant[];
}

/**
 * Re-keys a sample by catalogue code (dissolved-metal aliases → total codes) and drops unknown codes.
 * Throws when a code and its alias are both present.
 */
export function normaliseSample(sample: Sample): Partial<Record<FactorCode, number>> {
  const out: Partial<Record<FactorCode, number>> = {};
  for (const raw in sample) {
    const code = canonicalCode(raw);
    if (!code) continue;
    const value = sample[raw];
    if (out[code] !== undefined) throw new RangeError(`${raw}: the same item is given twice (as ${code} too)`);
    out[code] = value;
  }
  return out;
}

/** The codes that take part in the class for these options. */
export function classCodes(options: SectionOptions): readonly FactorCode[] {
  return options.body === "lake" && options.lakeTotalNitrogenInClass ? [...ROUTINE_CODES, "w21001"] : ROUTINE_CODES;
}

const ROUTINE = new Set<FactorCode>(ROUTINE_CODES);
const SEPARATE = new Set<FactorCode>(SEPARATE_CODES);

/**
 * Classes one sample (or one set of period means).
 * @example classifySample({ w01009: 4.8, w21003: 1.2 }, { body: "river" }).class // 4 (DO Ⅳ, NH3-N Ⅳ)
 */
export function classifySample(sample: Sample, options: SectionOptions): SectionResult {
  const values = normaliseSample(sample);
  const lakeTn = options.body === "lake" && options.lakeTotalNitrogenInClass === true;
  const perFactor: SectionResult["perFactor"] = {};
  const separate: SectionResult["separate"] = {};
  let worst: WaterClass | null = null;
  // Walk Table 1 in order, so results (and JSON built from them) list items the same way whatever the input order.
  for (const { code } of TABLE1) {
    const value = values[code];
    if (value === undefined) continue;
    const c = classOfValue(code, value, options.body);
    if (c === null) continue;
    if (ROUTINE.has(code) || (lakeTn && code === "w21001")) {
      perFactor[code] = c;
      if (worst === null || c > worst) worst = c;
    } else if (SEPARATE.has(code)) separate[code] = c;
  }
  const main = worst !== null && worst > 3 ? mainPollutants(values, perFactor, options.body) : [];
  return { class: worst, perFactor, separate, mainPollutants: main };
}

/** Result of classing a period: the class of the period means, plus those means. */
export interface PeriodResult extends SectionResult {
  /** Period mean of each factor (below-DL and abnormal rules in aggregate.ts). */
  means: Record<string, PeriodValue>;
  /** True when any underlying value of a factor that takes part in the class is abnormal. */
  abnormal: boolean;
}

/**
 * Classes a day, month or year from the arithmetic means of its samples (办法 §2.1 time rules): mean first, then
 * the single-factor class of the means — not the worst of the per-sample classes.
 */
export function classifyPeriod(samples: readonly ReadingSample[], options: SectionOptions): PeriodResult {
  const means = meanSample(samples);
  const result = classifySample(plainValues(means), options);
  const abnormal = Object.entries(means).some(([raw, m]) => {
    const code = canonicalCode(raw);
    return m.abnormal && code !== undefined && code in result.perFactor;
  });
  return { ...result, means, abnormal };
}
