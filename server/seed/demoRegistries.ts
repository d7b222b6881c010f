/**
 * @module Demo registries of the demo district (演示数据): the river register from the shared demo courses
 * (domain/registries/demoRivers.ts — 大沙河, 白马门河, 新河, 南水北调总干渠中站段, approximate geometry near Zhongzhan,
 * Jiaozuo), the demo monitoring points linked to their rivers, and a 河湖长 directory whose people are marked
 * （演示）, and the black-odorous list (one body eliminated, one under treatment with a graded round, one pond
 * identified). Every record carries demo = true and the UI tags it 演示. Called once from server/seed/demo.ts.
 */
import type { CommandContext } from "../context";
import { DEMO_RIVER_RECORDS } from "../../domain/registries/demoRivers";
import type { ChiefLevel } from "../../domain/registries/rivers";
import { riverSaver } from "../commands/riverSaver";
import { riverChiefSaver } from "../commands/riverChiefSaver";
import { linkPointsByWaterBody } from "../repositories/river.repository";
import { findUserByUsername } from "../repositories/user.repository";
import { blackOdorousBodySaver } from "../commands/blackOdorousBodySaver";
import { blackOdorousTransitioner } from "../commands/blackOdorousTransitioner";
import { samplingRoundImporter } from "../commands/samplingRoundImporter";
import { checkSamplingSheet } from "../../domain/blackOdorous/samplingSheet";
import { outfallSaver } from "../commands/outfallSaver";
import { fourChaosProblemSaver } from "../commands/fourChaosProblemSaver";
import { outfallPlanSaver, outfallTestRecorder, outfallTraceSaver } from "../commands/outfallRecorder";


/** Demo chiefs: river, level, name, position, reach, keeping unit, platform account. */
const DEMO_CHIEFS: { river: string; level: ChiefLevel; name: string; position: string; reach: string | null; unit: string; username?: string }[] = [
  { river: "大沙河", level: "district", name: "赵河长（演示）", position: "区委书记", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "大沙河", level: "subdistrict", name: "府城办事处河长（演示）", position: "府城办事处主任", reach: "府城办事处段", unit: "府城办事处", username: "river.chief" },
  { river: "大沙河", level: "village", name: "李村河长（演示）", position: "府城办事处某村党支部书记", reach: "某村段", unit: "府城办事处" },
  { river: "白马门河", level: "district", name: "钱河长（演示）", position: "区长", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "白马门河", level: "subdistrict", name: "府城办事处河长（演示）", position: "府城办事处主任", reach: "府城办事处段", unit: "府城办事处", username: "river.chief" },
  { river: "新河", level: "district", name: "孙河长（演示）", position: "区委副书记", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "新河", level: "subdistrict", name: "冯封办事处河长（演示）", position: "冯封办事处主任", reach: "冯封办事处段", unit: "冯封办事处" },
  { river: "南水北调总干渠中站段", level: "district", name: "周河长（演示）", position: "副区长", reach: "中站段", unit: "区污染防治攻坚战领导小组办公室" },
];

/** What the demo registries created, for the other demo seeds. */
export interface DemoRegistryIds {
  rivers: Map<string, string>;
  chiefs: Map<string, string>;
}

/** Seeds the demo registries; `unitIds` maps unit names to ids. */
export async function seedDemoRegistries(ctx: CommandContext, unitIds: Map<string, string>): Promise<DemoRegistryIds> {
  const rivers = new Map<string, string>();
  for (const r of DEMO_RIVER_RECORDS) {
    const row = await riverSaver(ctx, undefined, {
      name: r.name, kind: r.kind, geometry: { type: "LineString", coordinates: r.coordinates }, basin: r.basin,
      unitId: unitIds.get("区农业农村局") ?? null, note: "演示数据：位置为示意，非测绘成果", demo: true,
    });
    rivers.set(r.name, row.id);
    await linkPointsByWaterBody(ctx.trx, row.id, r.waterBody);
  }
  const chiefs = new Map<string, string>();
  for (const c of DEMO_CHIEFS) {
    const user = c.username ? await findUserByUsername(ctx.trx, c.username) : undefined;
    const row = await riverChiefSaver(ctx, undefined, {
      riverId: rivers.get(c.river)!, level: c.level, name: c.name, position: c.position, reach: c.reach,
      phone: null, userId: user?.id ?? null, unitId: unitIds.get(c.unit) ?? null, demo: true,
    });
    chiefs.set(`${c.river}/${c.level}`, row.id);
  }
  const ids = { rivers, chiefs };
  await seedDemoBlackOdorous(ctx, unitIds, ids);
  await seedDemoOutfalls(ctx, unitIds, ids);
  await seedDemoFourChaos(ctx, unitIds, ids);
  return ids;
}

/** Sampling rows of a demo round: three points, three days, NH3-N per point; the other indicators as given. */
function demoRound(days: string[], nh3: number[], other = { sd: "35", do: "4.5", orp: "120" }): string[][] {
  const header = ["点位编号", "沿程序号", "采样日期", "水深(cm)", "透明度(cm)", "溶解氧(mg/L)", "氧化还原电位(mV)", "氨氮(mg/L)"];
  return [header, ...days.flatMap((d) => nh3.map((v, i) => [`P${i + 1}`, String(i + 1), d, "60", other.sd, other.do, other.orp, String(v)]))];
}

/** Seeds the demo black-odorous list (演示): one eliminated, one under treatment, one identified. */
export async function seedDemoBlackOdorous(ctx: CommandContext, unitIds: Map<string, string>, ids: DemoRegistryIds) {
  const unit = (name: string) => unitIds.get(name)!;
  const bodies = [
    {
      code: "ZZ-HC-01", name: "白马门河（建成区段）（演示）", river: "白马门河", chief: "白马门河/district", unit: "区住房和城乡建设局",
      location: "人民路桥至入大沙河口（示意）", deadline: "2021-12-31", status: "eliminated" as const, statusSince: "2021-10-15", grade: "light" as const,
      coordinates: [[113.149, 35.2145], [113.151, 35.2085], [113.153, 35.2005]] as [number, number][], measures: "控源截污、清淤疏浚、生态补水（演示）",
      round: demoRound(["2021-09-20", "2021-09-24", "2021-09-28"], [3.1, 2.4, 2.0]),
    },
    {
      code: "ZZ-HC-02", name: "新河（冯封段）（演示）", river: "新河", chief: "新河/subdistrict", unit: "中站生态环境分局",
      location: "冯封办事处段（示意）", deadline: "2022-12-31", status: "underTreatment" as const, statusSince: "2022-03-01", grade: "severe" as const,
      coordinates: [[113.196, 35.2365], [113.205, 35.232], [113.216, 35.2255]] as [number, number][], measures: "雨污分流改造、排污口整治（演示）",
      round: demoRound(["2022-05-10", "2022-05-13", "2022-05-16"], [11.5, 9.2, 6.0], { sd: "22", do: "1.6", orp: "-40" }),
    },
  ];
  for (const b of bodies) {
    const body = await blackOdorousBodySaver(ctx, undefined, {
      code: b.code, name: b.name, bodyKind: "river", riverId: ids.rivers.get(b.river) ?? null, unitId: unit(b.unit), chiefId: ids.chiefs.get(b.chief) ?? null,
      location: b.location, geometry: { type: "LineString", coordinates: b.coordinates }, deadline: b.deadline, status: "underTreatment",
      statusSince: b.status === "eliminated" ? "2021-03-01" : b.statusSince, identifiedGrade: b.grade, measures: b.measures, demo: true,
    });
    // The round is graded as imported, then the office's step brings the body to its demo status.
    const r = await samplingRoundImporter(ctx, { body, check: checkSamplingSheet(b.round), fileName: "演示数据", bytes: null, files: null, today: b.statusSince });
    if (b.status === "eliminated") await blackOdorousTransitioner(ctx, { body: r.body, action: "eliminate", note: "经监测及公众评议，已消除黑臭（演示）", today: b.statusSince });
  }
  await blackOdorousBodySaver(ctx, undefined, {
    code: "ZZ-HC-03", name: "府城某坑塘（演示）", bodyKind: "pond", riverId: ids.rivers.get("大沙河") ?? null, unitId: unit("府城办事处"),
    chiefId: ids.chiefs.get("大沙河/subdistrict") ?? null, location: "大沙河北岸（示意）", deadline: "2023-06-30", status: "identified", statusSince: "2022-05-20",
    identifiedGrade: "light", areaKm2: 0.02, demo: true,
    geometry: { type: "Polygon", coordinates: [[[113.178, 35.1975], [113.1815, 35.1975], [113.1815, 35.1995], [113.178, 35.1995], [113.178, 35.1975]]] },
  });
}

/** Seeds demo outfalls (演示) at different stages of 查测溯治. */
export async function seedDemoOutfalls(ctx: CommandContext, unitIds: Map<string, string>, ids: DemoRegistryIds) {
  const eco = unitIds.get("中站生态环境分局")!;
  const river = (n: string) => ids.rivers.get(n) ?? null;
  const fluoride = await outfallSaver(ctx, undefined, {
    code: "ZZ-PWK-001", name: "某涉氟企业雨水排口（演示）", typeCode: "industrial.storm.factory", riverId: river("白马门河"), unitId: eco,
    location: "白马门河右岸（示意）", lon: 113.1425, lat: 35.2235, foundOn: "2022-04-12", stage: "tracing", stageSince: "2022-05-20", demo: true,
  });
  await outfallTestRecorder(ctx, fluoride, { sampledOn: "2022-05-18", flowing: true, cod: 64, ammonia: 6.2, totalPhosphorus: 0.9, flowM3d: 120, conclusion: "exceeds", note: "旱天有水，疑似雨污混接（演示）" });
  await outfallTraceSaver(ctx, fluoride, [
    { key: "p1", kind: "pipe", label: "厂区雨水管网（演示）", downstream: null, note: null },
    { key: "e1", kind: "enterprise", label: "某涉氟企业（演示）", downstream: "p1", note: null },
    { key: "d1", kind: "drain", label: "厂外明渠（演示）", downstream: "p1", note: "上游待排查" },
  ]);
  const wwtp = await outfallSaver(ctx, undefined, {
    code: "ZZ-PWK-002", name: "某城镇污水处理厂排污口（演示）", typeCode: "urbanWwtp", riverId: river("大沙河"), unitId: eco,
    responsibleParty: "某污水处理有限公司（演示）", location: "大沙河左岸（示意）", lon: 113.2015, lat: 35.1888, foundOn: "2022-03-02",
    stage: "remediation", stageSince: "2022-04-01", remediationKind: "standardize", demo: true,
  });
  await outfallTestRecorder(ctx, wwtp, { sampledOn: "2022-03-10", flowing: true, cod: 28, ammonia: 1.2, totalPhosphorus: 0.3, flowM3d: 20000, conclusion: "compliant", note: null });
  await outfallTraceSaver(ctx, wwtp, [
    { key: "p", kind: "pipe", label: "厂区尾水管（演示）", downstream: null, note: null },
    { key: "s", kind: "source", label: "城区生活污水（演示）", downstream: "p", note: null },
  ]);
  await outfallPlanSaver(ctx, wwtp, {
    remediationKind: "standardize", goal: "按 HJ 1309-2023 完成规范化建设（演示）",
    measures: [
      { text: "设置排口标识牌", unitId: eco, deadline: "2022-06-30", doneOn: "2022-06-15", note: null },
      { text: "建设采样检查井并接入在线监控", unitId: eco, deadline: "2022-09-30", doneOn: null, note: null },
    ],
  });
  await outfallSaver(ctx, undefined, {
    code: "ZZ-PWK-003", name: "府城某村生活污水散排口（演示）", typeCode: "other.ruralScattered", riverId: river("大沙河"), unitId: unitIds.get("府城办事处")!,
    location: "大沙河北岸某村（示意）", lon: 113.1635, lat: 35.1995, foundOn: "2022-05-06", demo: true,
  });
}

/** Seeds demo 清四乱 problems (演示): one closed, one awaiting verification, one being rectified, one overdue. */
export async function seedDemoFourChaos(ctx: CommandContext, unitIds: Map<string, string>, ids: DemoRegistryIds) {
  const problems = [
    { code: "ZZ-SL-2022-001", category: "dumping" as const, subtype: "乱扔乱堆垃圾", river: "大沙河", chief: "大沙河/subdistrict", unit: "府城办事处", source: "patrol" as const,
      foundOn: "2022-04-18", deadline: "2022-05-18", status: "closed" as const, statusSince: "2022-05-16", lon: 113.166, lat: 35.1985, location: "大沙河府城段北岸（示意）", description: "河道管理范围内堆放生活垃圾约 5 立方米（演示）" },
    { code: "ZZ-SL-2022-002", category: "construction" as const, subtype: "违法违规建设涉河项目", river: "白马门河", chief: "白马门河/subdistrict", unit: "府城办事处", source: "inspection" as const,
      foundOn: "2022-05-09", deadline: "2022-07-31", status: "rectified" as const, statusSince: "2022-06-20", lon: 113.1505, lat: 35.2105, location: "白马门河右岸（示意）", description: "未经许可搭建临时彩钢板房一处（演示）" },
    { code: "ZZ-SL-2022-003", category: "mining" as const, subtype: "非法取土", river: "新河", chief: "新河/subdistrict", unit: "冯封办事处", source: "complaint" as const,
      foundOn: "2022-05-26", deadline: "2022-06-30", status: "rectifying" as const, statusSince: "2022-06-01", lon: 113.2105, lat: 35.2295, location: "新河冯封段（示意）", description: "河滩地疑似非法取土，面积约 200 平方米（演示）" },
    { code: "ZZ-SL-2022-004", category: "occupation" as const, subtype: "非法侵占水域、滩地", river: "新河", chief: "新河/subdistrict", unit: "冯封办事处", source: "patrol" as const,
      foundOn: "2022-06-08", deadline: "2022-07-08", status: "open" as const, statusSince: "2022-06-08", lon: 113.2285, lat: 35.2135, location: "新河下游左岸（示意）", description: "滩地种植高秆作物阻碍行洪（演示）" },
  ];
  for (const p of problems)
    await fourChaosProblemSaver(ctx, undefined, {
      code: p.code, category: p.category, subtype: p.subtype, riverId: ids.rivers.get(p.river)!, chiefId: ids.chiefs.get(p.chief) ?? null, unitId: unitIds.get(p.unit)!,
      source: p.source, foundOn: p.foundOn, deadline: p.deadline, status: p.status, statusSince: p.statusSince, lon: p.lon, lat: p.lat, location: p.location,
      description: p.description, severity: "general", demo: true,
    });
}
