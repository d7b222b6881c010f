/**
 * @module HJ 212-2017 Appendix B Table B.1 water factor codes (based on HJ 525-2009) with Chinese names, default
 * units and the HJ/T 212-2005 code each replaced (reference §4.12). Factors whose default unit is µg/L or ng/L
 * are flagged so readings can be converted to mg/L.
 */

/** One water factor. */
export interface WaterFactor {
  /** 2017 code, e.g. "w21003". */
  code: string;
  /** Chinese name. */
  nameZh: string;
  /** Default concentration unit (flow: L/s; pH: ""). */
  unit: string;
  /** Unit of `-Cou` (amount over the period), when the table gives one. */
  amountUnit?: string;
  /** HJ/T 212-2005 code, when the 2005 table had one. */
  oldCode?: string;
  /** Divide a value in `unit` by this to get mg/L (1000 for µg/L, 1e6 for ng/L); absent when no conversion applies. */
  mgDivisor?: 1000 | 1_000_000;
  /** Not in Table B.1 but used by surface-water stations (w01003 turbidity). */
  nonStandard?: true;
}

const w = (code: string, nameZh: string, unit: string, oldCode?: string, amountUnit?: string): WaterFactor => ({
  code, nameZh, unit,
  ...(amountUnit ? { amountUnit } : {}),
  ...(oldCode ? { oldCode } : {}),
  ...(unit === "µg/L" ? { mgDivisor: 1000 as const } : unit === "ng/L" ? { mgDivisor: 1_000_000 as const } : {}),
});

/** Table B.1 water factors, keyed by 2017 code. */
export const WATER_FACTORS: Readonly<Record<string, WaterFactor>> = Object.fromEntries(
  [
    w("w00000", "污水", "L/s", "B01", "m³"),
    w("w01001", "pH值", "", "001"),
    w("w01002", "色度", "度", "002"),
    w("w01006", "溶解性总固体", "mg/L", undefined, "kg"),
    w("w01009", "溶解氧", "mg/L"),
    w("w01010", "水温", "℃"),
    w("w01012", "悬浮物", "mg/L", "003", "kg"),
    w("w01014", "电导率", "µS/cm"),
    w("w01017", "五日生化需氧量", "mg/L", "010", "kg"),
    w("w01018", "化学需氧量", "mg/L", "011", "kg"),
    w("w01019", "高锰酸盐指数", "mg/L", undefined, "kg"),
    w("w01020", "总有机碳", "mg/L", "015", "kg"),
    w("w02003", "粪大肠菌群", "个/L", "550"),
    w("w19002", "阴离子表面活性剂", "mg/L", "520", "kg"),
    w("w20111", "总汞", "µg/L", "020"),
    w("w20113", "烷基汞", "ng/L", "021"),
    w("w20115", "总镉", "µg/L", "022"),
    w("w20116", "总铬", "mg/L", "023"),
    w("w20117", "六价铬", "µg/L", "024"),
    w("w20119", "总砷", "µg/L", "026"),
    w("w20120", "总铅", "µg/L", "027"),
    w("w20121", "总镍", "mg/L", "028"),
    w("w20122", "总铜", "mg/L", "029"),
    w("w20123", "总锌", "mg/L", "030"),
    w("w20124", "总锰", "mg/L", "031"),
    w("w20125", "总铁", "mg/L", "032"),
    w("w20128", "总硒", "µg/L", "035", "g"),
    w("w21001", "总氮", "mg/L", "065", "kg"),
    w("w21003", "氨氮", "mg/L", "060", "kg"),
    w("w21006", "亚硝酸盐", "mg/L", "063", "kg"),
    w("w21007", "硝酸盐", "mg/L", "064", "kg"),
    w("w21011", "总磷", "mg/L", "101", "kg"),
    w("w21016", "氰化物", "mg/L", "070", "kg"),
    w("w21017", "氟化物", "mg/L", "072", "kg"),
    w("w21019", "硫化物", "mg/L", "071", "kg"),
    w("w21022", "氯化物", "mg/L", "090", "kg"),
    w("w21038", "硫酸盐", "mg/L", undefined, "kg"),
    w("w22001", "石油类", "mg/L", "080", "kg"),
    w("w23002", "挥发酚", "mg/L", "110", "kg"),
    w("w99001", "有机氮", "mg/L", "061", "kg"),
    { ...w("w01003", "浊度", "NTU"), nonStandard: true as const },
  ].map((f) => [f.code, f]),
);

/** HJ/T 212-2005 code → 2017 code, derived from Table B.1's old-code column. */
export const OLD_TO_NEW: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(WATER_FACTORS).filter((f) => f.oldCode).map((f) => [f.oldCode as string, f.code]),
);

/**
 * The factor for a 2017 code, or undefined.
 * @example waterFactor("w20111")?.mgDivisor // 1000
 */
export function waterFactor(code: string): WaterFactor | undefined {
  return Object.hasOwn(WATER_FACTORS, code) ? WATER_FACTORS[code] : undefined;
}
