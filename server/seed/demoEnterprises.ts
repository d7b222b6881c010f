/**
 * @module Demo data of the second group of registries (演示数据, every name marked （演示）, every record demo): the
 * two drinking-water sources of the demo intakes with protection zones drawn along the demo 南水北调总干渠 and 新河
 * courses and their 回头看 problems (one source 动态清零); fluoride enterprises with and without fluoride online
 * monitoring (task 18) — the demo outlet ZZ-OUT-01 with its device, two new demo outlets without one — and other
 * enterprises, with water use and value added for 2020–2022 (task 13: about −4% against 2020); medical
 * institutions with the seed's 2022-10-31 deadline for 二级 (task 16), the district WWTP with its sludge routes
 * (task 3), a tailings pond, an expressway service area and toll station (task 19), and the wetland and eco
 * projects of task 9. Called once from server/seed/demo.ts after the registries seed; credit codes are made up
 * (valid check characters, 演示).
 */
import type { CommandContext } from "../context";
import { creditCheckChar } from "../../domain/registries/enterprise";
import { FACILITY_SPECS, type FacilityKind } from "../../domain/registries/facility";
import { presetLimits } from "../../domain/registries/dischargePresets";
import type { Geometry, Position } from "../../domain/registries/geo";
import { DEMO_RIVER_RECORDS } from "../../domain/registries/demoRivers";
import { drinkingSourceSaver } from "../commands/drinkingSourceSaver";
import { drinkingProblemSaver } from "../commands/drinkingProblemSaver";
import { enterpriseSaver } from "../commands/enterpriseSaver";
import { enterpriseYearSaver } from "../commands/enterpriseYearSaver";
import { wwtpSludgeSaver } from "../commands/wwtpSludgeSaver";
import { facilitySaver } from "../commands/facilitySaver";
import { permitLimitSetter } from "../commands/permitLimitSetter";
import { pointSaver } from "../commands/pointSaver";
import { findRiverByName } from "../repositories/river.repository";
import { findPoint } from "../repositories/point.repository";

const ECO = "中站生态环境分局";

/** The latitude of a course at a longitude (linear between vertices). */
function latAt(course: readonly Position[], lon: number): number {
  for (let i = 1; i < course.length; i++) {
    const [a, b] = [course[i - 1], course[i]];
    if (lon >= a[0] && lon <= b[0]) return a[1] + ((lon - a[0]) / (b[0] - a[0])) * (b[1] - a[1]);
  }
  return course[lon < course[0][0] ? 0 : course.length - 1][1];
}

/** A strip along a course between two longitudes, `half` degrees of latitude either side. */
function strip(course: readonly Position[], from: number, to: number, half: number): Geometry {
  const xs = Array.from({ length: 9 }, (_, i) => Math.round((from + ((to - from) * i) / 8) * 1e5) / 1e5);
  const north = xs.map((x): Position => [x, Math.round((latAt(course, x) + half) * 1e5) / 1e5]);
  const south = [...xs].reverse().map((x): Position => [x, Math.round((latAt(course, x) - half) * 1e5) / 1e5]);
  return { type: "Polygon", coordinates: [[...north, ...south, north[0]]] };
}

const courseOf = (name: string) => DEMO_RIVER_RECORDS.find((r) => r.name === name)!.coordinates;

/** A made-up credit code with a valid check character: 9141080 + `body` (10 characters). */
const credit = (body: string) => `9141080${body}${creditCheckChar(`9141080${body}`)}`;

/** Seeds the demo records of the second group; `unitIds` maps unit names to ids. */
export async function seedDemoEnterprises(ctx: CommandContext, unitIds: Map<string, string>): Promise<void> {
  const unit = (name: string) => {
    const id = unitIds.get(name);
    if (!id) throw new Error(`demo unit missing: ${name}`);
    return id;
  };
  const river = async (name: string) => (await findRiverByName(ctx.trx, name))?.id ?? null;

  // ── Drinking-water sources ──
  const canal = courseOf("南水北调总干渠中站段");
  const xinhe = courseOf("新河");
  const s1 = await drinkingSourceSaver(ctx, undefined, {
    code: "ZZ-SY-01", name: "南水北调总干渠府城水源地（演示）", sourceKind: "river", level: "city", riverId: await river("南水北调总干渠中站段"),
    unitId: unit(ECO), waterWorks: "府城水厂（演示）", populationWan: 12, capacityWanM3d: 5, approval: "保护区划定批复（演示）", standardized: true,
    zone1: strip(canal, 113.185, 113.205, 0.0012), zone2: strip(canal, 113.175, 113.215, 0.007), zone3: strip(canal, 113.16, 113.23, 0.014),
    intakeCodes: ["ZZ-DW-01"], note: "演示数据：保护区范围为示意，非划定成果", demo: true,
  });
  const s2 = await drinkingSourceSaver(ctx, undefined, {
    code: "ZZ-SY-02", name: "新河备用水源地（演示）", sourceKind: "river", level: "county", riverId: await river("新河"), unitId: unit(ECO),
    waterWorks: "备用水厂（演示）", populationWan: 3, capacityWanM3d: 1, standardized: false,
    zone1: strip(xinhe, 113.209, 113.219, 0.0015), zone2: strip(xinhe, 113.2, 113.226, 0.005), intakeCodes: ["ZZ-DW-02"],
    note: "演示数据：保护区范围为示意，非划定成果", demo: true,
  });
  const problems: Parameters<typeof drinkingProblemSaver>[2][] = [
    { code: "ZZ-SY-WT-01", sourceId: s1.id, place: "zone2", category: "tourism", origin: "review", description: "二级保护区内农家乐餐饮废水未收集（演示）", foundOn: "2022-05-20", unitId: unit("府城办事处"), deadline: "2022-07-31", rectification: "已关停并清理，废水收集设施已拆除（演示）", status: "closed", statusSince: "2022-07-25", lon: 113.19, lat: 35.258 },
    { code: "ZZ-SY-WT-02", sourceId: s1.id, place: "zone1", category: "other", origin: "review", description: "一级保护区隔离防护网破损（演示）", foundOn: "2022-06-15", unitId: unit(ECO), deadline: "2022-09-30", status: "rectifying", statusSince: "2022-06-20", lon: 113.196, lat: 35.2535 },
    { code: "ZZ-SY-WT-03", sourceId: s1.id, place: "zone2", category: "waste", origin: "patrol", description: "二级保护区内建筑垃圾堆放（演示）", foundOn: "2022-08-02", unitId: unit("府城办事处"), deadline: "2022-08-31", status: "open", statusSince: "2022-08-02", lon: 113.207, lat: 35.251 },
    { code: "ZZ-SY-WT-04", sourceId: s2.id, place: "zone2", category: "agriculture", origin: "review", description: "二级保护区内畜禽散养（演示）", foundOn: "2022-05-25", unitId: unit("区农业农村局"), deadline: "2022-06-30", rectification: "已清退养殖户，场地复绿（演示）", status: "closed", statusSince: "2022-06-28", lon: 113.216, lat: 35.231 },
  ];
  for (const p of problems) await drinkingProblemSaver(ctx, undefined, { ...p, demo: true });

  // ── Enterprises and their outlets ──
  const outlet = async (code: string, name: string, waterBody: string, lon: number, lat: number) =>
    (await pointSaver(ctx, { code, name, kind: "outlet", waterBody, lon, lat, unitId: unit(ECO) })).point;
  await outlet("ZZ-OUT-02", "某钛白粉企业废水总排口（演示）", "白马门河", 113.146, 35.2175);
  await outlet("ZZ-OUT-03", "某铝材加工企业废水排口（演示）", "大沙河", 113.186, 35.2005);
  const E: { code: string; name: string; credit: string; permitClass: "key" | "simplified" | "registration" | null; industry: string; river: string; pollutants: string[]; fluoride: boolean; declared?: string[]; outlets: string[]; lon: number; lat: number; years: [number, number, number]; value: [number, number, number] }[] = [
    { code: "ZZ-QY-001", name: "某氟化工有限公司（演示）", credit: credit("MA3X00001A"), permitClass: "key", industry: "无机化学原料制造", river: "白马门河", pollutants: ["w01018", "w21003", "w21017"], fluoride: true, outlets: ["ZZ-OUT-01"], lon: 113.139, lat: 35.2235, years: [320_000, 316_000, 309_000], value: [21_000, 21_600, 22_000] },
    { code: "ZZ-QY-002", name: "某钛白粉有限公司（演示）", credit: credit("MA3X00002B"), permitClass: "key", industry: "涂料、油墨、颜料及类似产品制造", river: "白马门河", pollutants: ["w01018", "w21003", "w21017", "w01012"], fluoride: true, outlets: ["ZZ-OUT-02"], lon: 113.144, lat: 35.219, years: [540_000, 548_000, 552_000], value: [36_000, 36_600, 37_000] },
    { code: "ZZ-QY-003", name: "某铝材加工有限公司（演示）", credit: credit("MA3X00003C"), permitClass: "simplified", industry: "铝压延加工", river: "大沙河", pollutants: ["w01018", "w21017"], fluoride: true, declared: ["w21017"], outlets: ["ZZ-OUT-03"], lon: 113.184, lat: 35.2025, years: [86_000, 85_000, 83_500], value: [9_800, 9_900, 10_000] },
    { code: "ZZ-QY-004", name: "某食品有限公司（演示）", credit: credit("MA3X00004D"), permitClass: "registration", industry: "方便食品制造", river: "大沙河", pollutants: ["w01018", "w21003"], fluoride: false, outlets: [], lon: 113.2, lat: 35.205, years: [64_000, 63_000, 61_000], value: [5_200, 5_250, 5_300] },
    { code: "ZZ-QY-005", name: "某纸业有限公司（演示）", credit: credit("MA3X00005E"), permitClass: "simplified", industry: "纸制品制造", river: "新河", pollutants: ["w01018", "w21003", "w21011"], fluoride: false, outlets: [], lon: 113.222, lat: 35.222, years: [150_000, 146_000, 141_000], value: [8_000, 8_050, 8_100] },
  ];
  for (const e of E) {
    const row = await enterpriseSaver(ctx, undefined, {
      code: e.code, name: e.name, creditCode: e.credit, permitNo: e.permitClass && e.permitClass !== "registration" ? `${e.credit}001V` : null, permitClass: e.permitClass,
      permitValidTo: e.permitClass === "key" ? "2025-12-31" : null, industry: e.industry, unitId: unit(ECO), riverId: await river(e.river), pollutants: e.pollutants,
      fluoride: e.fluoride, declaredMonitors: e.declared ?? [], outletCodes: e.outlets, lon: e.lon, lat: e.lat, note: "演示数据", demo: true,
    });
    for (const [i, year] of [2020, 2021, 2022].entries()) {
      await enterpriseYearSaver(ctx, undefined, { enterpriseId: row.id, year, waterM3: e.years[i], valueAddedWan: e.value[i], note: "演示数据", demo: true });
    }
    for (const code of e.outlets.filter((c) => c !== "ZZ-OUT-01")) {
      // The fluoride limit of GB 8978-1996 Table 4 (一级, 其他排污单位) as the demo permit's.
      const point = (await ctx.trx.selectFrom("monitoring_points").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
      await permitLimitSetter(ctx, { enterprise: row, point: (await findPoint(ctx.trx, point))!, limits: presetLimits({ standard: "gb8978F", grade: "1", scope: "other" }) });
    }
  }

  // ── Facilities ──
  const F: { kind: FacilityKind; v: Record<string, unknown> }[] = [
    { kind: "medical", v: { code: "ZZ-YL-01", name: "区人民医院（演示）", status: "compliant", deadline: "2022-10-31", completedOn: "2022-09-28", level: "2", category: "general", beds: 320, capacityM3d: 400, process: "二级生化处理＋消毒（演示）", disinfection: "chlorineDioxide", discharge: "sewer", lon: 113.172, lat: 35.215 } },
    { kind: "medical", v: { code: "ZZ-YL-02", name: "区中医院（演示）", status: "rectifying", deadline: "2022-10-31", level: "2", category: "tcm", beds: 180, capacityM3d: 150, disinfection: "hypochlorite", discharge: "sewer", lon: 113.181, lat: 35.219 } },
    { kind: "medical", v: { code: "ZZ-YL-03", name: "区妇幼保健院（演示）", status: "insufficient", deadline: "2022-10-31", level: "2", category: "specialist", beds: 90, capacityM3d: 40, discharge: "sewer", lon: 113.165, lat: 35.212 } },
    { kind: "medical", v: { code: "ZZ-YL-04", name: "府城社区卫生服务中心（演示）", status: "none", level: "1", category: "community", beds: 12, discharge: "sewer", lon: 113.158, lat: 35.207 } },
    { kind: "wwtp", v: { code: "ZZ-WS-01", name: "中站区污水处理厂（演示）", status: "running", capacityWanM3d: 4, loadWanM3d: 3.3, grade: "1A", builtYear: 2009, reclaimedWanM3y: 210, river: "大沙河", lon: 113.226, lat: 35.186 } },
    { kind: "tailings", v: { code: "ZZ-WK-01", name: "某铝土矿尾矿库（演示）", status: "inUse", grade: "4", safety: "normal", capacityWanM3: 160, mineral: "铝土矿尾矿", waterSource: false, lastInspection: "2022-06-15", hazards: "排洪井周边淤积（演示）", hazardsRectified: true, lon: 113.128, lat: 35.262 } },
    { kind: "serviceArea", v: { code: "ZZ-FW-01", name: "焦晋高速中站服务区（演示）", status: "rectifying", deadline: "2022-12-31", siteKind: "serviceArea", expressway: "焦晋高速（演示）", capacityM3d: 150, process: "A²/O＋人工湿地（演示）", outlet: "water", reuse: true, lastCheck: "2022-07-20", lon: 113.241, lat: 35.258 } },
    { kind: "serviceArea", v: { code: "ZZ-FW-02", name: "中站收费站（演示）", status: "compliant", siteKind: "toll", expressway: "焦晋高速（演示）", capacityM3d: 20, outlet: "sewer", reuse: false, lastCheck: "2022-07-20", lon: 113.232, lat: 35.25 } },
    { kind: "eco", v: { code: "ZZ-ST-01", name: "大沙河湿地公园（演示）", status: "completed", completedOn: "2021-10-01", ecoKind: "wetlandPark", areaHa: 42, investmentWan: 3800, startYear: 2019, finishYear: 2021, river: "大沙河", geometry: strip(courseOf("大沙河"), 113.19, 113.212, 0.0022) } },
    { kind: "eco", v: { code: "ZZ-ST-02", name: "新河生态治理工程（演示）", status: "planned", ecoKind: "restoration", lengthKm: 6.5, investmentWan: 12_000, startYear: 2023, finishYear: 2025, river: "新河", geometry: { type: "LineString", coordinates: xinhe.slice(0, 6) } } },
    { kind: "eco", v: { code: "ZZ-ST-03", name: "白马门河入河口人工湿地（演示）", status: "building", deadline: "2023-06-30", ecoKind: "constructedWetland", areaHa: 18, treatmentM3d: 20_000, investmentWan: 4600, startYear: 2022, finishYear: 2023, river: "白马门河", geometry: strip(courseOf("白马门河"), 113.149, 113.153, 0.0016) } },
  ];
  // The plant's sludge by year (task 3: landfill cut from 2400 t to 600 t as incineration and co-processing grew).
  const SLUDGE: [number, number, number, number, number, number][] = [
    [2020, 5300, 2400, 1900, 600, 400], [2021, 5450, 1500, 2400, 1100, 450], [2022, 5600, 600, 2900, 1600, 500],
  ];
  for (const f of F) {
    const { river: riverName, ...v } = f.v as Record<string, unknown> & { river?: string };
    const saved = await facilitySaver(ctx, FACILITY_SPECS[f.kind], undefined, {
      ...v, unitId: unit(f.kind === "medical" ? "区卫生健康委员会" : f.kind === "serviceArea" ? "区交通运输局" : f.kind === "wwtp" ? "区住房和城乡建设局" : f.kind === "tailings" ? "区应急管理局" : "区农业农村局"),
      riverId: riverName ? await river(riverName) : null, note: "演示数据", demo: true,
    });
    if (f.kind !== "wwtp") continue;
    for (const [year, producedT, landfillT, incinerationT, coprocessT, reuseT] of SLUDGE) {
      await wwtpSludgeSaver(ctx, undefined, { facilityId: saved.id, year, producedT, landfillT, incinerationT, coprocessT, reuseT, note: "演示数据", demo: true });
    }
  }
}
