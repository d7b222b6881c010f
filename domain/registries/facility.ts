/**
 * @module Facilities of the campaign as registries, one per kind, declared as data so that the server's schemas
 * and sheets and the web's forms and columns come from one place:
 * - 医疗机构 (seed plan task 16: 补齐医疗机构污水处理设施短板, 二级医疗机构 by 2022-10-31): level, kind, beds, sewage
 *   facility status and deadline, and which GB 18466-2005 table applies (./medicalStandard below).
 * - 城镇污水处理厂 (tasks 2, 3, 14): capacity and load, GB 18918-2002 discharge grade, reclaimed water; the sludge
 *   produced and disposed of by route is kept per year beside the plant (task 3: 压减污泥填埋规模; routes may not
 *   exceed what was produced — `sludgeProblem`; the registry wwtp-sludge-years).
 * - 尾矿库 (task 15: 尾矿库等风险隐患排查整治): grade (等别), safety level, capacity, hazards and their rectification.
 * - 高速公路服务区、收费站 (task 19): sewage facility, where the water goes, reuse, last check.
 * - 湿地与生态工程 (task 9): kind, area or length, investment, years, outline on the map.
 * Every kind has a status of its own; a record past its deadline and not in a finished status is overdue.
 */
import type { Label } from "./lifecycle";
import { dayNumber } from "../supervision/days";

/** The kinds, in menu order. */
export const FACILITY_KINDS = ["medical", "wwtp", "tailings", "serviceArea", "eco"] as const;
/** One kind. */
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** One option of an enum field; statuses say how they read (bad / in progress / fine / neither). */
export interface FieldOption {
  value: string;
  label: Label;
  tone?: "bad" | "warn" | "ok" | "neutral";
}

/** A kind-specific field (stored in the record's attributes). */
export interface FacilityField {
  key: string;
  label: Label;
  kind: "text" | "number" | "integer" | "date" | "enum" | "boolean";
  options?: readonly FieldOption[];
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Unit shown after numbers, e.g. "万m³/d". */
  unit?: string;
  /** Template example. */
  example: string;
  /** Template note. */
  note: string;
}

/** One kind as a registry. */
export interface FacilityKindSpec {
  kind: FacilityKind;
  /** URL segment (/api/registries/<key>, /registries/facilities/<key>). */
  key: string;
  /** Audit entity type. */
  entityType: string;
  title: Label;
  /** Business key prefix of the template example. */
  codeExample: string;
  statuses: readonly FieldOption[];
  /** Statuses in which a deadline no longer matters. */
  done: readonly string[];
  /** Whether the record has an outline or course (GeoJSON) besides its point. */
  geometry: boolean;
  fields: readonly FacilityField[];
}

const o = (value: string, zh: string, en: string, tone?: FieldOption["tone"]): FieldOption => ({ value, label: { zh, en }, ...(tone ? { tone } : {}) });
const L = (zh: string, en: string): Label => ({ zh, en });

/** GB 18918-2002 grades as options. */
const GRADE_OPTIONS = [o("1A", "一级A", "grade 1-A"), o("1B", "一级B", "grade 1-B"), o("2", "二级", "grade 2"), o("3", "三级", "grade 3")];

/** Every kind. */
export const FACILITY_SPECS: Readonly<Record<FacilityKind, FacilityKindSpec>> = {
  medical: {
    kind: "medical", key: "medical-institutions", entityType: "medical_institution", title: L("医疗机构", "Medical institutions"), codeExample: "YL-001",
    statuses: [o("none", "未建处理设施", "no facility", "bad"), o("insufficient", "处理能力不足", "insufficient", "bad"), o("rectifying", "整改中", "rectifying", "warn"), o("compliant", "已建成达标运行", "compliant", "ok")],
    done: ["compliant"], geometry: false,
    fields: [
      { key: "level", label: L("医院等级", "Level"), kind: "enum", required: true, options: [o("1", "一级", "grade 1"), o("2", "二级", "grade 2"), o("3", "三级", "grade 3"), o("none", "未定级", "ungraded")], example: "二级", note: "一级、二级、三级或未定级" },
      {
        key: "category", label: L("机构类别", "Category"), kind: "enum", required: true,
        options: [o("general", "综合医院", "general hospital"), o("tcm", "中医医院", "TCM hospital"), o("specialist", "专科医院", "specialist hospital"), o("infectious", "传染病医院", "infectious-disease hospital"), o("tuberculosis", "结核病医院", "tuberculosis hospital"), o("community", "社区卫生服务中心", "community health centre"), o("township", "乡镇卫生院", "township health centre"), o("clinic", "门诊部、诊所", "clinic")],
        example: "综合医院", note: "传染病、结核病医院执行 GB 18466 表1",
      },
      { key: "beds", label: L("床位数", "Beds"), kind: "integer", min: 0, max: 100000, unit: "张", example: "260", note: "编制床位" },
      { key: "capacityM3d", label: L("设计处理能力", "Capacity"), kind: "number", min: 0, max: 1e6, unit: "m³/d", example: "300", note: "污水处理设施设计规模" },
      { key: "process", label: L("处理工艺", "Process"), kind: "text", maxLength: 200, example: "二级生化处理＋消毒", note: "可选" },
      { key: "disinfection", label: L("消毒方式", "Disinfection"), kind: "enum", options: [o("hypochlorite", "次氯酸钠", "sodium hypochlorite"), o("chlorineDioxide", "二氧化氯", "chlorine dioxide"), o("uv", "紫外线", "UV"), o("ozone", "臭氧", "ozone"), o("other", "其他", "other")], example: "二氧化氯", note: "可选" },
      { key: "discharge", label: L("排放去向", "Discharge"), kind: "enum", options: [o("sewer", "纳入市政管网", "public sewer"), o("water", "直接排入水体", "receiving water")], example: "纳入市政管网", note: "决定执行排放标准或预处理标准" },
    ],
  },
  wwtp: {
    kind: "wwtp", key: "wwtps", entityType: "wwtp", title: L("污水处理厂", "Wastewater treatment plants"), codeExample: "WS-001",
    statuses: [o("planned", "规划", "planned", "neutral"), o("building", "在建", "under construction", "warn"), o("running", "运行", "running", "ok"), o("suspended", "停运", "suspended", "bad")],
    done: ["running"], geometry: false,
    fields: [
      { key: "capacityWanM3d", label: L("设计规模", "Design capacity"), kind: "number", required: true, min: 0, max: 1000, unit: "万m³/d", example: "4", note: "万立方米/日" },
      { key: "loadWanM3d", label: L("实际处理量", "Actual flow"), kind: "number", min: 0, max: 1000, unit: "万m³/d", example: "3.2", note: "年均日处理量" },
      { key: "grade", label: L("排放标准", "Discharge grade"), kind: "enum", required: true, options: GRADE_OPTIONS, example: "一级A", note: "GB 18918-2002 执行级别" },
      { key: "builtYear", label: L("建成年份", "Built"), kind: "integer", min: 1950, max: 2100, example: "2009", note: "2005 年及以前建成的总磷限值不同" },
      { key: "reclaimedWanM3y", label: L("再生水利用量", "Reclaimed water"), kind: "number", min: 0, max: 1e6, unit: "万m³/年", example: "180", note: "任务14：污水资源化利用" },
    ],
  },
  tailings: {
    kind: "tailings", key: "tailings-ponds", entityType: "tailings_pond", title: L("尾矿库", "Tailings ponds"), codeExample: "WK-001",
    statuses: [o("inUse", "在用", "in use", "neutral"), o("suspended", "停用", "suspended", "neutral"), o("closing", "闭库治理中", "being closed", "warn"), o("closed", "已闭库", "closed", "ok")],
    done: ["closed"], geometry: false,
    fields: [
      { key: "grade", label: L("等别", "Grade"), kind: "enum", required: true, options: [o("1", "一等", "1st"), o("2", "二等", "2nd"), o("3", "三等", "3rd"), o("4", "四等", "4th"), o("5", "五等", "5th")], example: "四等", note: "按总库容和坝高确定" },
      { key: "safety", label: L("安全度", "Safety"), kind: "enum", required: true, options: [o("normal", "正常库", "normal"), o("sick", "病库", "defective"), o("danger", "险库", "dangerous"), o("critical", "危库", "critical")], example: "正常库", note: "最近一次安全现状评价结论" },
      { key: "capacityWanM3", label: L("总库容", "Capacity"), kind: "number", min: 0, max: 1e6, unit: "万m³", example: "120", note: "设计总库容" },
      { key: "mineral", label: L("尾矿种类", "Tailings"), kind: "text", maxLength: 100, example: "铝土矿尾矿", note: "可选" },
      { key: "waterSource", label: L("位于水源保护区汇水范围", "In a source catchment"), kind: "boolean", example: "否", note: "南水北调中线工程水源区“一废一品一库”监管" },
      { key: "lastInspection", label: L("最近排查日期", "Last inspection"), kind: "date", example: "2022-06-15", note: "YYYY-MM-DD" },
      { key: "hazards", label: L("隐患问题", "Hazards"), kind: "text", maxLength: 2000, example: "排洪设施淤堵", note: "排查发现的问题；无则留空" },
      { key: "hazardsRectified", label: L("隐患已整改", "Hazards rectified"), kind: "boolean", example: "否", note: "有隐患时填写" },
    ],
  },
  serviceArea: {
    kind: "serviceArea", key: "service-areas", entityType: "service_area", title: L("高速服务区、收费站", "Expressway service areas"), codeExample: "FW-001",
    statuses: [o("none", "无处理设施", "no facility", "bad"), o("substandard", "未稳定达标", "not compliant", "bad"), o("rectifying", "整改中", "rectifying", "warn"), o("compliant", "稳定达标", "compliant", "ok")],
    done: ["compliant"], geometry: false,
    fields: [
      { key: "siteKind", label: L("类型", "Kind"), kind: "enum", required: true, options: [o("serviceArea", "服务区", "service area"), o("toll", "收费站", "toll station")], example: "服务区", note: "" },
      { key: "expressway", label: L("所在高速", "Expressway"), kind: "text", required: true, maxLength: 100, example: "焦晋高速", note: "高速公路名称" },
      { key: "capacityM3d", label: L("处理能力", "Capacity"), kind: "number", min: 0, max: 1e5, unit: "m³/d", example: "150", note: "污水处理设施设计规模" },
      { key: "process", label: L("处理工艺", "Process"), kind: "text", maxLength: 200, example: "A²/O＋人工湿地", note: "可选" },
      { key: "outlet", label: L("出水去向", "Effluent"), kind: "enum", options: [o("sewer", "纳入市政管网", "public sewer"), o("reuse", "全部回用", "fully reused"), o("water", "排入水体", "receiving water"), o("haul", "收集清运", "hauled away")], example: "排入水体", note: "" },
      { key: "reuse", label: L("资源化利用", "Reuse"), kind: "boolean", example: "是", note: "绿化、冲厕等回用" },
      { key: "lastCheck", label: L("最近检查日期", "Last check"), kind: "date", example: "2022-07-20", note: "日常监管检查" },
    ],
  },
  eco: {
    kind: "eco", key: "eco-projects", entityType: "eco_project", title: L("湿地与生态工程", "Wetlands and eco projects"), codeExample: "ST-001",
    statuses: [o("planned", "谋划", "planned", "neutral"), o("building", "在建", "under construction", "warn"), o("completed", "建成", "completed", "ok")],
    done: ["completed"], geometry: true,
    fields: [
      {
        key: "ecoKind", label: L("工程类型", "Kind"), kind: "enum", required: true,
        options: [o("wetlandPark", "湿地公园", "wetland park"), o("constructedWetland", "人工湿地水质净化", "constructed wetland"), o("buffer", "生态缓冲带", "riparian buffer"), o("connectivity", "水系连通", "water connectivity"), o("restoration", "河湖生态治理", "river restoration"), o("conservation", "水源涵养", "water conservation")],
        example: "人工湿地水质净化", note: "",
      },
      { key: "areaHa", label: L("面积", "Area"), kind: "number", min: 0, max: 1e6, unit: "公顷", example: "35", note: "湿地、缓冲带填写" },
      { key: "lengthKm", label: L("长度", "Length"), kind: "number", min: 0, max: 1e4, unit: "km", example: "", note: "水系连通、河道治理填写" },
      { key: "treatmentM3d", label: L("净化规模", "Treatment"), kind: "number", min: 0, max: 1e7, unit: "m³/d", example: "20000", note: "人工湿地填写" },
      { key: "investmentWan", label: L("总投资", "Investment"), kind: "number", min: 0, max: 1e8, unit: "万元", example: "5600", note: "" },
      { key: "startYear", label: L("开工年份", "Start"), kind: "integer", min: 1990, max: 2100, example: "2022", note: "" },
      { key: "finishYear", label: L("完工年份", "Finish"), kind: "integer", min: 1990, max: 2100, example: "2023", note: "" },
    ],
  },
};

/** The spec of a URL key. */
export const facilitySpecByKey = (key: string) => Object.values(FACILITY_SPECS).find((s) => s.key === key);

/** How a status of a kind reads (bad, in progress, fine, neither). */
export const facilityStatusTone = (kind: FacilityKind, status: string) => FACILITY_SPECS[kind].statuses.find((s) => s.value === status)?.tone ?? "neutral";

/** The label of a status of a kind (the value itself when unknown). */
export const facilityStatusLabel = (kind: FacilityKind, status: string) => FACILITY_SPECS[kind].statuses.find((s) => s.value === status)?.label ?? { zh: status, en: status };

/**
 * Whether a record is past its deadline without being done.
 * @example facilityOverdue("medical", "rectifying", "2022-10-31", "2022-11-01") // true
 */
export function facilityOverdue(kind: FacilityKind, status: string, deadline: string | null, today: string): boolean {
  return deadline !== null && !FACILITY_SPECS[kind].done.includes(status) && dayNumber(deadline) < dayNumber(today);
}

/** The GB 18466-2005 table a medical institution's effluent is judged by. */
export type MedicalStandard = "t1" | "t2discharge" | "t2pretreatment" | "disinfection";

/**
 * Which GB 18466-2005 standard applies (reference §5.3): Table 1 for 传染病、结核病 institutions; Table 2 for the
 * others with ≥ 20 beds — 排放标准 when discharging into water, 预处理标准 into a public sewer with a WWTP; smaller
 * ones disinfect before discharge. Null when the category is not known.
 * @example medicalStandard({ category: "general", beds: 260, discharge: "sewer" }) // "t2pretreatment"
 */
export function medicalStandard(a: { category?: unknown; beds?: unknown; discharge?: unknown }): MedicalStandard | null {
  if (a.category === "infectious" || a.category === "tuberculosis") return "t1";
  if (typeof a.category !== "string") return null;
  if (typeof a.beds === "number" && a.beds < 20) return "disinfection";
  return a.discharge === "water" ? "t2discharge" : "t2pretreatment";
}

/** Sludge of a WWTP in its year. */
export interface SludgeFigures {
  producedT: number | null;
  landfillT: number | null;
  incinerationT: number | null;
  coprocessT: number | null;
  reuseT: number | null;
}

/**
 * What is wrong with a WWTP's sludge figures: the routes together may not exceed what was produced (0.1% for
 * rounding); routes without a production figure are refused.
 * @example sludgeProblem({ producedT: 100, landfillT: 60, incinerationT: 50, coprocessT: null, reuseT: null }) // "各处置方式合计 110 t，超过污泥产生量 100 t"
 */
export function sludgeProblem(s: SludgeFigures): string | null {
  const routes = [s.landfillT, s.incinerationT, s.coprocessT, s.reuseT];
  const sum = routes.reduce<number>((a, v) => a + (v ?? 0), 0);
  if (s.producedT === null) return routes.some((v) => v !== null) ? "填写处置量时须填写污泥产生量" : null;
  return sum > s.producedT * 1.001 ? `各处置方式合计 ${Math.round(sum * 100) / 100} t，超过污泥产生量 ${s.producedT} t` : null;
}

/**
 * Shares of a WWTP's sludge: landfilled and safely disposed (incineration, co-processing, beneficial use) of what
 * was produced; null without a production figure.
 * @example sludgeShares({ producedT: 200, landfillT: 50, incinerationT: 100, coprocessT: 30, reuseT: null }) // { landfill: 0.25, safe: 0.65 }
 */
export function sludgeShares(s: SludgeFigures): { landfill: number; safe: number } | null {
  if (!s.producedT) return null;
  return { landfill: (s.landfillT ?? 0) / s.producedT, safe: ((s.incinerationT ?? 0) + (s.coprocessT ?? 0) + (s.reuseT ?? 0)) / s.producedT };
}
