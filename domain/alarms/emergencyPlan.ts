/**
 * @module The template of a river emergency plan (一河一策一图) — response steps any district river needs when a section
 * alarms severely, in the usual order of a water-pollution emergency response: verify, trace upstream, warn
 * downstream receptors, contain, report, monitor until lifted. A template, to be adapted per river by the office; the
 * contact chain comes from the river's 河湖长 (district, sub-district, village) followed by the plan's own contacts.
 */

/** One response step. */
export interface PlanStepText {
  title: string;
  detail: string;
  owner: string;
}

/** A response step of a stored plan (the template's shape). */
export type PlanStep = PlanStepText;

/** A contact of a plan's chain after the river chiefs. */
export interface PlanContact {
  name: string;
  role: string;
  phone: string | null;
  userId: string | null;
}

/** The template's steps. */
export const DEFAULT_PLAN_STEPS: readonly PlanStepText[] = [
  { title: "核实报警", detail: "调取在线数据、设备状态和视频，立即安排人员到断面现场采样复核，确认是否为真实污染。", owner: "中站生态环境分局" },
  { title: "排查上游排污口和企业", detail: "按“一图”所示自断面向上游逐一排查入河排污口和涉水企业，发现超标排放的责令立即停止，固定证据。", owner: "中站生态环境分局" },
  { title: "预警下游饮用水水源地", detail: "通知下游水源地管理单位和水厂加密取水口监测，水质异常时停止取水、启用备用水源。", owner: "区水利局" },
  { title: "拦截处置", detail: "根据污染物性质采取筑坝拦截、导流、稀释或投加药剂等措施，防止污染扩散。", owner: "属地办事处" },
  { title: "信息报告", detail: "按规定时限向区政府和上级生态环境部门报告，统一口径对外发布信息。", owner: "区污染防治攻坚战领导小组办公室" },
  { title: "跟踪监测与解除", detail: "加密监测至断面和下游连续达标，经核实后解除应急状态，形成处置报告。", owner: "中站生态环境分局" },
];

/** The title of a river's plan. */
export const planTitle = (riverName: string) => `${riverName}突发水污染事件应急处置方案`;
