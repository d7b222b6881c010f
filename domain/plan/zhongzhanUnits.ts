/**
 * @module The demo district's unit directory: 焦作市中站区 as named by the seed plan 中环攻坚办〔2022〕13号 —
 * 区直部门 (kind "department"), the city bureaus' 中站分局 ("branch"), the 攻坚办 ("office") — and the district's
 * nine 街道, labelled 办事处 as the seed does, with the 街道 names as aliases ("subdistrict"). The server seeds its
 * database from this list; city-level bodies the seed only reports to (市生态环境局, 市污染防治攻坚战办) are not in it.
 */
import type { PlanUnit } from "./types";

/** A directory entry with its kind. */
export interface ZhongzhanUnit extends PlanUnit {
  kind: "office" | "department" | "branch" | "subdistrict";
}

/** Area prefixes written before unit names in the district's documents. */
export const ZHONGZHAN_AREA_NAMES: readonly string[] = ["河南省", "焦作市", "中站区", "中站"];

const SUBDISTRICTS = ["府城", "冯封", "龙翔", "许衡", "李封", "王封", "朱村", "月山", "丹河"];

/** Units of 焦作市中站区, canonical names as the seed plan writes them. */
export const ZHONGZHAN_UNITS: readonly ZhongzhanUnit[] = [
  { name: "区污染防治攻坚战领导小组办公室", kind: "office", aliases: ["中站区污染防治攻坚战领导小组办公室", "区攻坚办", "攻坚办", "区攻坚战办", "区污染防治攻坚办", "中环攻坚办"] },
  { name: "中站生态环境分局", kind: "branch", aliases: ["中站生态环境局", "焦作市生态环境局中站分局", "生态环境分局", "中站环保分局"] },
  { name: "中站国土分局", kind: "branch", aliases: ["国土分局", "中站国土资源分局", "中站自然资源分局"] },
  { name: "中站规划分局", kind: "branch", aliases: ["规划分局"] },
  { name: "区住房和城乡建设局", kind: "department", aliases: ["住房和城乡建设局", "住房城乡建设局", "区住建局", "住建局"] },
  { name: "区发展和改革委员会", kind: "department", aliases: ["发展和改革委员会", "发展改革委", "区发改委", "发改委"] },
  { name: "区农业农村局", kind: "department", aliases: ["农业农村局", "区农业农村和水利局", "区水利局", "水利局"] },
  { name: "区城市管理局", kind: "department", aliases: ["城市管理局", "区城管局", "城管局"] },
  { name: "区交通运输局", kind: "department", aliases: ["交通运输局", "区交通局", "交通局"] },
  { name: "区卫生健康委员会", kind: "department", aliases: ["卫生健康委员会", "区卫健委", "卫健委", "卫生健康委"] },
  { name: "区财政局", kind: "department", aliases: ["财政局"] },
  { name: "区科技和工业信息化局", kind: "department", aliases: ["科技和工业信息化局", "区科工信局", "科工信局", "区工信局", "工信局"] },
  { name: "区机关事务管理局", kind: "department", aliases: ["机关事务管理局", "区机关事务局", "机关事务局"] },
  { name: "区应急管理局", kind: "department", aliases: ["应急管理局", "区应急局", "应急局"] },
  { name: "区公安局", kind: "department", aliases: ["公安局", "中站公安分局", "焦作市公安局中站分局"] },
  ...SUBDISTRICTS.map((s): ZhongzhanUnit => ({ name: `${s}办事处`, kind: "subdistrict", aliases: [`${s}街道`, `${s}街道办事处`, `${s}街道办`] })),
];
