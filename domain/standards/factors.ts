/**
 * @module Water factor catalogue keyed by HJ 212-2017 factor codes (Table B.1, based on HJ 525-2009), with the
 * GB 3838-2002 item each code stands for. Units are HJ 212 defaults; assessment functions expect mg/L (see
 * `toMgPerL`), because six metal codes default to µg/L while GB 3838 limits are mg/L.
 */

/** HJ 212-2017 codes of the factors Qingliu assesses (primary codes; aliases in `FACTOR_ALIASES`). */
export type FactorCode =
  | "w01001" | "w01009" | "w01010" | "w01017" | "w01018" | "w01019"
  | "w02003" | "w19002"
  | "w20111" | "w20115" | "w20117" | "w20119" | "w20120" | "w20121" | "w20122" | "w20123" | "w20124" | "w20125" | "w20128"
  | "w21001" | "w21003" | "w21007" | "w21011" | "w21016" | "w21017" | "w21019" | "w21022" | "w21038"
  | "w22001" | "w23002";

/** One catalogue entry. */
export interface FactorInfo {
  /** HJ 212-2017 code, e.g. "w21003". */
  code: FactorCode;
  /** Chinese name as in GB 3838 / HJ 212. */
  nameZh: string;
  /** English name. */
  nameEn: string;
  /** HJ 212-2017 default concentration unit ("" for dimensionless pH). */
  unit: string;
  /** HJ/T 212-2005 code, where the 2005 table had one. */
  oldCode?: string;
  /** Heavy metal (or metalloid arsenic) — listed first among main pollutants when exceeding (办法 §2.3). */
  heavyMetal: boolean;
  /** Cyanide — listed first among main pollutants when exceeding (办法 §2.3). */
  cyanide: boolean;
}

const f = (
  code: FactorCode, nameZh: string, nameEn: string, unit: string, oldCode?: string, kind?: "metal" | "cyanide",
): FactorInfo => ({ code, nameZh, nameEn, unit, ...(oldCode ? { oldCode } : {}), heavyMetal: kind === "metal", cyanide: kind === "cyanide" });

/** Every factor, keyed by code. Codes and default units from HJ 212-2017 Table B.1 (reference §4.12). */
export const FACTORS: Readonly<Record<FactorCode, FactorInfo>> = {
  w01001: f("w01001", "pH", "pH", "", "001"),
  w01009: f("w01009", "溶解氧", "dissolved oxygen", "mg/L"),
  w01010: f("w01010", "水温", "water temperature", "℃"),
  w01017: f("w01017", "五日生化需氧量", "BOD5", "mg/L", "010"),
  w01018: f("w01018", "化学需氧量", "COD", "mg/L", "011"),
  w01019: f("w01019", "高锰酸盐指数", "permanganate index (CODMn)", "mg/L"),
  w02003: f("w02003", "粪大肠菌群", "fecal coliform", "个/L", "550"),
  w19002: f("w19002", "阴离子表面活性剂", "anionic surfactant (LAS)", "mg/L", "520"),
  w20111: f("w20111", "总汞", "mercury", "µg/L", "020", "metal"),
  w20115: f("w20115", "总镉", "cadmium", "µg/L", "022", "metal"),
  w20117: f("w20117", "六价铬", "hexavalent chromium", "µg/L", "024", "metal"),
  w20119: f("w20119", "总砷", "arsenic", "µg/L", "026", "metal"),
  w20120: f("w20120", "总铅", "lead", "µg/L", "027", "metal"),
  w20121: f("w20121", "总镍", "nickel", "mg/L", "028", "metal"),
  w20122: f("w20122", "总铜", "copper", "mg/L", "029", "metal"),
  w20123: f("w20123", "总锌", "zinc", "mg/L", "030", "metal"),
  w20124: f("w20124", "总锰", "manganese", "mg/L", "031"),
  w20125: f("w20125", "总铁", "iron", "mg/L", "032"),
  w20128: f("w20128", "总硒", "selenium", "µg/L", "035"),
  w21001: f("w21001", "总氮", "total nitrogen", "mg/L", "065"),
  w21003: f("w21003", "氨氮", "ammonia nitrogen", "mg/L", "060"),
  w21007: f("w21007", "硝酸盐", "nitrate (as N)", "mg/L", "064"),
  w21011: f("w21011", "总磷", "total phosphorus", "mg/L", "101"),
  w21016: f("w21016", "氰化物", "cyanide", "mg/L", "070", "cyanide"),
  w21017: f("w21017", "氟化物", "fluoride", "mg/L", "072"),
  w21019: f("w21019", "硫化物", "sulfide", "mg/L", "071"),
  w21022: f("w21022", "氯化物", "chloride", "mg/L", "090"),
  w21038: f("w21038", "硫酸盐", "sulfate", "mg/L"),
  w22001: f("w22001", "石油类", "petroleum", "mg/L", "080"),
  w23002: f("w23002", "挥发酚", "volatile phenol", "mg/L", "110"),
};

/**
 * Dissolved-metal codes of HJ 212 Table B.1 mapped to the total-metal code Qingliu keys GB 3838 items by
 * (GB 3838 names the element only; reference §1.1 lists both codes per item).
 */
export const FACTOR_ALIASES: Readonly<Record<string, FactorCode>> = {
  w20138: "w20122", // 铜
  w20139: "w20123", // 锌
  w20140: "w20128", // 硒
  w20141: "w20119", // 砷
  w20142: "w20111", // 汞
  w20143: "w20115", // 镉
  w20144: "w20120", // 铅
};

/** True when `code` is a catalogue code (aliases excluded). */
export function isFactorCode(code: string): code is FactorCode {
  return Object.hasOwn(FACTORS, code);
}

/**
 * The catalogue code for `code`, following aliases; undefined when unknown.
 * @example canonicalCode("w20142") // "w20111"
 */
export function canonicalCode(code: string): FactorCode | undefined {
  return isFactorCode(code) ? code : FACTOR_ALIASES[code];
}

/**
 * Converts a value in the factor's HJ 212 default unit to mg/L (µg/L ÷ 1000); other units pass through.
 * @example toMgPerL("w20111", 0.08) // 0.00008
 */
export function toMgPerL(code: FactorCode, value: number): number {
  return FACTORS[code].unit === "µg/L" ? value / 1000 : value;
}
