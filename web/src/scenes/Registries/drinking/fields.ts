/**
 * @module Names of the stored fields of the second group's records, for their history ("changed 服务人口 …"), in
 * both languages; fields the registries area names already (name, code, unit_id …) are left to it.
 */
import type { Lang } from "../../../i18n";

type Names = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

/** Drinking-water sources. */
export const SOURCE_FIELD_NAMES: Names = {
  zh: { source_kind: "水源类型", water_works: "供水水厂", population_wan: "服务人口", capacity_wan_m3_d: "设计取水规模", approval: "保护区批复", standardized: "规范化建设", zone1: "一级保护区", zone2: "二级保护区", zone3: "准保护区", intakes: "取水口" },
  en: { source_kind: "kind", water_works: "water works", population_wan: "population", capacity_wan_m3_d: "capacity", approval: "approval", standardized: "standardisation", zone1: "first-grade zone", zone2: "second-grade zone", zone3: "quasi-protection zone", intakes: "intakes" },
};

/** Problems of sources. */
export const PROBLEM_FIELD_NAMES: Names = {
  zh: { source_id: "水源地", place: "所在区域", origin: "发现途径", found_on: "发现日期" },
  en: { source_id: "source", place: "place", origin: "found by", found_on: "found on" },
};

/** Enterprises. */
export const ENTERPRISE_FIELD_NAMES: Names = {
  zh: { credit_code: "统一社会信用代码", permit_no: "排污许可证编号", permit_class: "许可管理类别", permit_valid_to: "许可证有效期", industry: "行业类别", address: "地址", pollutants: "排放污染物", fluoride: "涉氟企业", declared_monitors: "申报在线监测", outlets: "排口" },
  en: { credit_code: "credit code", permit_no: "permit number", permit_class: "permit class", permit_valid_to: "permit valid to", industry: "industry", address: "address", pollutants: "pollutants", fluoride: "fluoride flag", declared_monitors: "declared monitors", outlets: "outlets" },
};

/** Enterprise-years. */
export const YEAR_FIELD_NAMES: Names = {
  zh: { enterprise_id: "企业", year: "年度", water_m3: "工业用水量", value_added_wan: "工业增加值", reused_m3: "重复利用水量" },
  en: { enterprise_id: "enterprise", year: "year", water_m3: "water use", value_added_wan: "value added", reused_m3: "water reused" },
};

/** Facilities' common fields (their attributes are named by their kind's declaration). */
export const FACILITY_FIELD_NAMES: Names = {
  zh: { status: "状态", completed_on: "完成日期", address: "地址" },
  en: { status: "status", completed_on: "completed on", address: "address" },
};
