/**
 * @module Drinking-water sources (集中式饮用水水源地) as a registry: kind, level, the water it takes from, keeping
 * unit, water works, population and capacity, approval and 规范化建设, the three protection zones on the map, its
 * intakes (monitoring points of kind drinking_intake) and the 动态清零 count of its open problems; the detail page
 * adds the problems and this year's compliance from monitoring.
 */
import type { z } from "zod";
import type { DrinkingSourceRow } from "../../../db/tables/enterprises";
import { areaKm2, problemBoard, SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_LEVEL_LABELS, SOURCE_LEVELS, ZONES } from "../../../../domain/registries/drinkingSource";
import { pointOf, type Geometry } from "../../../../domain/registries/geo";
import { optionsOf } from "../../../../domain/registries/rivers";
import { toIsoDate } from "../../../../domain/supervision/days";
import { drinkingSourceSaver } from "../../../commands/drinkingSourceSaver";
import { allProblems, allSources, findSource, findSourceByCode, intakesOf, listSources, problemsOfSources } from "../../../repositories/drinkingSource.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { riverLookup, unitLookup } from "../../../registries/refs";
import { defaultPeriod, sourcesCompliance } from "./compliance";
import { presentProblems } from "./problemModule";
import { SourceCreate, SourceListQuery, SourceUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Where a source is on the map: its outermost zone, else its position. */
export function sourceGeometry(r: DrinkingSourceRow): Geometry | null {
  return ((r.zone3 ?? r.zone2 ?? r.zone1) as Geometry | null) ?? pointOf(r.lon, r.lat);
}

/** The drinking-water source registry. */
export const drinkingSourceModule: RegistryModule<DrinkingSourceRow, z.infer<typeof SourceListQuery>, z.infer<typeof SourceCreate>> = {
  key: "drinking-sources",
  entityType: "drinking_source",
  title: "饮用水水源地",
  filterSchema: SourceListQuery,
  list: (db, f) => listSources(db, f),
  listAll: (db, f) => allSources(db, f),
  find: findSource,
  findByKey: (db, v) => findSourceByCode(db, String(v.code ?? "")),
  async present(db, rows) {
    const ids = rows.map((r) => r.id);
    const [names, intakes, problems] = await Promise.all([
      namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id) }),
      intakesOf(db, ids),
      problemsOfSources(db, ids),
    ]);
    const board = problemBoard(ids, problems.map((p) => ({ sourceId: p.source_id, status: p.status, deadline: p.deadline })), toIsoDate(Date.now()));
    return rows.map((r) => ({
      id: r.id, code: r.code, name: r.name, sourceKind: r.source_kind, level: r.level,
      riverId: r.river_id, riverName: r.river_id ? names.rivers.get(r.river_id) ?? null : null,
      unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null,
      waterWorks: r.water_works, populationWan: r.population_wan, capacityWanM3d: r.capacity_wan_m3_d, approval: r.approval, standardized: r.standardized,
      zone1: r.zone1, zone2: r.zone2, zone3: r.zone3,
      zoneAreas: Object.fromEntries(ZONES.map((z) => [z, r[z] ? round(areaKm2(r[z] as Geometry)) : null])),
      lon: r.lon, lat: r.lat,
      intakes: intakes.filter((i) => i.source_id === r.id).map((i) => ({ pointId: i.point_id, code: i.code, name: i.name, lon: i.lon, lat: i.lat })),
      problems: board.get(r.id)!,
      note: r.note, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    }));
  },
  async detail(db, row) {
    const [problems, compliance] = await Promise.all([allProblems(db, { sourceId: row.id }), sourcesCompliance(db, [row.id], defaultPeriod())]);
    return { problemList: await presentProblems(db, problems), compliance: { from: compliance.from, to: compliance.to, ...compliance.sources[0] } };
  },
  feature: (r) => {
    const g = sourceGeometry(r);
    return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, name: r.name, level: r.level, demo: r.demo } } : null;
  },
  scope: unitScope,
  createSchema: SourceCreate,
  updateSchema: SourceUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  save: (ctx, existing, input) => drinkingSourceSaver(ctx, existing, input),
  async onRiver(db, riverId) {
    const rows = await allSources(db, { riverId });
    return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: r.name })) };
  },
  sheet: {
    spec: {
      sheetName: "饮用水水源地",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "ZZ-SY-01", note: "水源地编号，唯一；已有编号的行更新该水源地", width: 12 },
        { key: "name", header: "名称", kind: "text", required: true, maxLength: 100, example: "南水北调总干渠府城水源地", note: "水源地名称", width: 26 },
        { key: "sourceKind", header: "类型", kind: "enum", required: true, options: optionsOf(SOURCE_KIND_LABELS, SOURCE_KINDS), example: "河流型", note: "河流型、湖泊型、水库型或地下水型", width: 10 },
        { key: "level", header: "级别", kind: "enum", required: true, options: optionsOf(SOURCE_LEVEL_LABELS, SOURCE_LEVELS), example: "城市级", note: "城市级、县级或乡镇级（千吨万人）", width: 12 },
        { key: "riverId", header: "取水河湖", kind: "ref", ref: "river", example: "南水北调总干渠中站段", note: "河湖名录中的名称；地下水型留空", width: 18 },
        { key: "unitId", header: "负责单位", kind: "ref", ref: "unit", required: true, example: "中站生态环境分局", note: "单位全称或简称", width: 18 },
        { key: "waterWorks", header: "供水水厂", kind: "text", maxLength: 100, example: "府城水厂", note: "可选", width: 14 },
        { key: "populationWan", header: "服务人口(万人)", kind: "number", min: 0, max: 10000, example: "12", note: "可选", width: 10 },
        { key: "capacityWanM3d", header: "设计取水规模(万m³/d)", kind: "number", min: 0, max: 10000, example: "5", note: "可选", width: 12 },
        { key: "approval", header: "保护区批复文号", kind: "text", maxLength: 200, example: "豫政文〔2019〕XX号", note: "保护区划定（调整）批复", width: 18 },
        { key: "standardized", header: "规范化建设完成", kind: "boolean", example: "是", note: "标志标牌、隔离防护等是否完成", width: 10 },
        { key: "intakeCodes", header: "取水口(站点编码)", kind: "text", maxLength: 500, example: "ZZ-DW-01", note: "监测站点中的饮用水取水口编码，多个用“、”分隔", width: 18 },
        { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.196", note: "未绘制保护区时的位置（WGS-84）", width: 10 },
        { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.248", note: "", width: 10 },
        { key: "zone1", header: "一级保护区(GeoJSON)", kind: "text", maxLength: 30000, example: "", note: "GeoJSON Polygon（WGS-84 经纬度）；须位于二级保护区内", width: 30 },
        { key: "zone2", header: "二级保护区(GeoJSON)", kind: "text", maxLength: 30000, example: "", note: "GeoJSON Polygon；须位于准保护区内", width: 30 },
        { key: "zone3", header: "准保护区(GeoJSON)", kind: "text", maxLength: 30000, example: "", note: "GeoJSON Polygon（可选）", width: 30 },
        { key: "note", header: "备注", kind: "text", maxLength: 2000, example: "", note: "可选", width: 20 },
      ],
    },
    refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db) }),
    toValues: (r) => ({
      code: r.code, name: r.name, sourceKind: r.source_kind, level: r.level, riverId: r.river_id, unitId: r.unit_id, waterWorks: r.water_works,
      populationWan: r.population_wan, capacityWanM3d: r.capacity_wan_m3_d, approval: r.approval, standardized: r.standardized,
      intakeCodes: r.intake_codes,
      lon: r.lon, lat: r.lat, zone1: r.zone1 ? JSON.stringify(r.zone1) : null, zone2: r.zone2 ? JSON.stringify(r.zone2) : null, zone3: r.zone3 ? JSON.stringify(r.zone3) : null, note: r.note,
    }),
  },
};
