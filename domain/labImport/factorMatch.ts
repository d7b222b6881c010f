/**
 * @module Finds the factor a lab sheet names: an HJ 212-2017 code (dissolved-metal aliases and HJ/T 212-2005 codes
 * followed), the Chinese name of standards/factors.ts, or a common short name (NH3-N, CODMn, 汞 for 总汞 …).
 */
import { FACTORS, canonicalCode, type FactorCode } from "../standards/factors";

// Short names labs write; matched after normalisation (no spaces, lower case, full-width folded).
const SHORT: Record<string, FactorCode> = {
  ph: "w01001", "ph值": "w01001", do: "w01009", 水温: "w01010", bod5: "w01017", bod: "w01017", 生化需氧量: "w01017",
  cod: "w01018", codcr: "w01018", codmn: "w01019", 高锰酸钾指数: "w01019", "nh3-n": "w21003", "nh3n": "w21003",
  "氨氮(nh3-n)": "w21003", tp: "w21011", tn: "w21001", las: "w19002", 六价铬: "w20117", "cr6+": "w20117",
  粪大肠杆菌: "w02003", 硝酸盐氮: "w21007", "石油": "w22001",
};

const fold = (s: string) =>
  s
    .trim()
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .toLowerCase();

const BY_NAME = new Map<string, FactorCode>();
const BY_OLD = new Map<string, FactorCode>();
for (const info of Object.values(FACTORS)) {
  BY_NAME.set(fold(info.nameZh), info.code);
  BY_NAME.set(fold(info.nameEn), info.code);
  // 汞 for 总汞, 镉 for 总镉 …: GB 3838 Table 1 names the element alone.
  if (info.nameZh.startsWith("总") && info.heavyMetal) BY_NAME.set(fold(info.nameZh.slice(1)), info.code);
  if (info.oldCode) BY_OLD.set(info.oldCode, info.code);
}
for (const [k, v] of Object.entries(SHORT)) BY_NAME.set(fold(k), v);

/**
 * The catalogue code for what a sheet writes in its 因子 column, or undefined.
 * @example matchFactor("氨氮") // "w21003"
 * @example matchFactor("w20142") // "w20111" (dissolved mercury is assessed as mercury)
 */
export function matchFactor(text: string): FactorCode | undefined {
  const t = fold(text);
  if (t === "") return undefined;
  const byCode = canonicalCode(t);
  if (byCode) return byCode;
  if (/^\d{3}$/.test(t)) return BY_OLD.get(t);
  // "氨氮（以N计）" and "总磷(以P计)": the parenthesised basis does not change the factor.
  return BY_NAME.get(t) ?? BY_NAME.get(t.replace(/\(.*\)$/, ""));
}
