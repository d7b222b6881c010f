/**
 * @module Types of 入河排污口 by HJ 1312-2023《入河入海排污口监督管理技术指南 排污口分类》(approved 2023-10-26, in
 * force 2023-11-01; reference §6): 工业排污口, 城镇污水处理厂排污口, 农业排口, 其他排口, each divided into second-
 * and, for 工矿企业 outfalls, third-level types. A type code names the most specific level the standard has. The
 * list of 其他排口 second-level types seen in the sources is truncated (reference §6 "…"), so only the listed ones
 * are coded, and 其他（未列明） takes the rest with a description.
 */

/** One type, with its level names (third level absent where the standard has none). */
export interface OutfallType {
  code: string;
  level1: string;
  level2: string;
  level3: string | null;
}

const t = (code: string, level1: string, level2: string, level3: string | null = null): OutfallType => ({ code, level1, level2, level3 });

/** Every coded type. */
export const OUTFALL_TYPES: readonly OutfallType[] = [
  t("industrial.enterprise.factory", "工业排污口", "工矿企业排污口", "工业企业排污口"),
  t("industrial.enterprise.mine", "工业排污口", "工矿企业排污口", "矿山排污口"),
  t("industrial.enterprise.tailings", "工业排污口", "工矿企业排污口", "尾矿库排污口"),
  t("industrial.storm.factory", "工业排污口", "工矿企业雨洪排口", "工业企业雨洪排口"),
  t("industrial.storm.mine", "工业排污口", "工矿企业雨洪排口", "矿山雨洪排口"),
  t("industrial.storm.tailings", "工业排污口", "工矿企业雨洪排口", "尾矿库雨洪排口"),
  t("industrial.parkWwtp", "工业排污口", "工业及其他各类园区污水处理厂排污口"),
  t("industrial.parkWwtpStorm", "工业排污口", "工业及其他各类园区污水处理厂雨洪排口"),
  t("urbanWwtp", "城镇污水处理厂排污口", "城镇污水处理厂排污口"),
  t("agricultural.livestock", "农业排口", "规模化畜禽养殖排污口"),
  t("agricultural.aquaculture", "农业排口", "规模化水产养殖排污口"),
  t("other.irrigation", "其他排口", "大中型灌区排口"),
  t("other.port", "其他排口", "港口码头排口"),
  t("other.smallLivestock", "其他排口", "规模以下畜禽养殖排污口"),
  t("other.smallAquaculture", "其他排口", "规模以下水产养殖排污口"),
  t("other.ruralWwtp", "其他排口", "农村污水处理设施排污口"),
  t("other.ruralScattered", "其他排口", "农村生活污水散排口"),
  t("other.unlisted", "其他排口", "其他（未列明）"),
];

/** Type codes. */
export const OUTFALL_TYPE_CODES = OUTFALL_TYPES.map((x) => x.code);

/** The type of a code, or undefined. */
export const outfallType = (code: string) => OUTFALL_TYPES.find((x) => x.code === code);

/**
 * The full name of a type, levels joined by "／".
 * @example outfallTypeLabel("industrial.enterprise.factory") // "工业排污口／工矿企业排污口／工业企业排污口"
 */
export function outfallTypeLabel(code: string): string {
  const x = outfallType(code);
  return x ? [x.level1, x.level2, x.level3].filter(Boolean).join("／") : code;
}

/** The first-level names in order. */
export const OUTFALL_LEVEL1 = [...new Set(OUTFALL_TYPES.map((x) => x.level1))];
