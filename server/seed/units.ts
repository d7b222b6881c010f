/**
 * @module The demo district's unit directory (temporary until domain/plan/zhongzhanUnits lands).
 */
/** Units of the demo district. */
export const DEMO_UNITS: { name: string; kind: string; aliases: string[] }[] = [
  { name: "区污染防治攻坚战领导小组办公室", kind: "office", aliases: ["区攻坚办", "攻坚办"] },
  { name: "中站生态环境分局", kind: "branch", aliases: ["中站生态环境局"] },
  { name: "区农业农村局", kind: "department", aliases: ["农业农村局"] },
  { name: "府城办事处", kind: "subdistrict", aliases: ["府城街道"] },
];
