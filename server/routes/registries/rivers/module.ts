/**
 * @module The river register (河湖名录) as a registry: rivers, lakes, reservoirs and canals with their course on
 * the map, basin, length and keeping unit; the detail page lists the river's chiefs by level, the monitoring points
 * on it and what every other registry has on it. Only the office (or the keeping unit) edits.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import type { RiverRow } from "../../../db/tables/registries";
import { RIVER_KIND_LABELS, RIVER_KINDS, optionsOf } from "../../../../domain/registries/rivers";
import type { Geometry } from "../../../../domain/registries/geo";
import { riverSaver } from "../../../commands/riverSaver";
import { allRivers, chiefsOfRivers, findRiver, findRiverByName, listRivers, pointsOnRiver } from "../../../repositories/river.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { unitLookup } from "../../../registries/refs";
import { REGISTRY_MODULES } from "../modules";
import { RiverCreate, RiverListQuery, RiverUpdate } from "./schema";
import type { z } from "zod";

const iso = (d: Date) => new Date(d).toISOString();

/** The river registry. */
export const riverModule: RegistryModule<RiverRow, z.infer<typeof RiverListQuery>, z.infer<typeof RiverCreate>> = {
  key: "rivers",
  entityType: "river",
  title: "河湖名录",
  filterSchema: RiverListQuery,
  list: (db, f) => listRivers(db, f),
  listAll: (db, f) => allRivers(db, f),
  find: findRiver,
  findByKey: (db, v) => findRiverByName(db, String(v.name ?? "")),
  async present(db, rows) {
    const [names, chiefs] = await Promise.all([namesOf(db, { unitIds: rows.map((r) => r.unit_id) }), chiefsOfRivers(db, rows.map((r) => r.id))]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      geometry: r.geometry,
      lengthKm: r.length_km,
      basin: r.basin,
      unitId: r.unit_id,
      unitName: r.unit_id ? names.units.get(r.unit_id) ?? null : null,
      note: r.note,
      demo: r.demo,
      chiefs: chiefs.filter((c) => c.river_id === r.id && c.active).map((c) => ({ id: c.id, level: c.level, name: c.name, position: c.position, reach: c.reach })),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    }));
  },
  async detail(db, row) {
    const [chiefs, points, linked] = await Promise.all([
      chiefsOfRivers(db, [row.id]),
      pointsOnRiver(db, row.id),
      Promise.all(REGISTRY_MODULES.filter((m) => m.onRiver).map(async (m) => ({ key: m.key, title: m.title, ...(await m.onRiver!(db, row.id)) }))),
    ]);
    return {
      allChiefs: chiefs.map((c) => ({ id: c.id, level: c.level, name: c.name, position: c.position, reach: c.reach, phone: c.phone, active: c.active })),
      points,
      registries: linked,
    };
  },
  feature: (r) => (r.geometry ? { type: "Feature", id: r.id, geometry: r.geometry as Geometry, properties: { name: r.name, kind: r.kind, demo: r.demo } } : null),
  scope: unitScope,
  createSchema: RiverCreate,
  updateSchema: RiverUpdate,
  unitOf: (input) => (input.unitId as string | null | undefined) ?? null,
  save: (ctx, existing, input) => riverSaver(ctx, existing, input),
  sheet: {
    spec: {
      sheetName: "河湖名录",
      keyColumn: "name",
      columns: [
        { key: "name", header: "名称", kind: "text", required: true, maxLength: 100, example: "大沙河", note: "河湖名称，名录内唯一；已有名称的行更新该河湖", width: 22 },
        { key: "kind", header: "类型", kind: "enum", required: true, options: optionsOf(RIVER_KIND_LABELS, RIVER_KINDS), example: "河流", note: "河湖类型", width: 8 },
        { key: "lengthKm", header: "长度(km)", kind: "number", min: 0, max: 100000, example: "13.2", note: "辖区内长度；留空且有线状空间位置时按位置计算", width: 10 },
        { key: "basin", header: "流域水系", kind: "text", maxLength: 100, example: "海河流域卫河水系", note: "所属流域或水系", width: 18 },
        { key: "unitId", header: "负责单位", kind: "ref", ref: "unit", example: "区农业农村局", note: "维护该记录的单位（单位全称或简称）", width: 20 },
        { key: "note", header: "备注", kind: "text", maxLength: 2000, example: "", note: "可选", width: 20 },
        { key: "geometry", header: "空间位置(GeoJSON)", kind: "text", maxLength: 30000, example: '{"type":"LineString","coordinates":[[113.128,35.205],[113.171,35.196]]}', note: "GeoJSON 几何（WGS-84 经纬度）：河流、渠道为 LineString，湖泊、水库为 Polygon", width: 40 },
      ],
    },
    refs: async (db: Kysely<DB>) => ({ unit: await unitLookup(db) }),
    toValues: (r) => ({ name: r.name, kind: r.kind, lengthKm: r.length_km, basin: r.basin, unitId: r.unit_id, note: r.note, geometry: r.geometry ? JSON.stringify(r.geometry) : null }),
  },
};
