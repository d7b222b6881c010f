/**
 * @module The facility registers, one module per kind (医疗机构, 污水处理厂, 尾矿库, 高速服务区, 湿地与生态工程), built
 * from the kind's declaration (domain/registries/facility.ts) over one table: the common fields, the kind's status
 * (overdue when past its deadline and not done) and attributes, and what follows from them — a medical
 * institution's GB 18466 table, a WWTP's load rate and the sludge shares of its newest sludge year (task 3:
 * landfill share; the years themselves: ./sludgeModule.ts).
 */
import type { z } from "zod";
import type { FacilityRow, WwtpSludgeYearRow } from "../../../db/tables/enterprises";
import { latestSludgeYears } from "../../../repositories/wwtpSludge.repository";
import { FACILITY_KINDS, FACILITY_SPECS, facilityOverdue, medicalStandard, sludgeShares, type FacilityKindSpec } from "../../../../domain/registries/facility";
import type { SheetColumn } from "../../../../domain/registries/sheet";
import { pointOf, type Geometry } from "../../../../domain/registries/geo";
import { toIsoDate } from "../../../../domain/supervision/days";
import { facilitySaver } from "../../../commands/facilitySaver";
import { allFacilities, findFacility, findFacilityByCode, listFacilities } from "../../../repositories/facility.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { riverLookup, unitLookup } from "../../../registries/refs";
import { facilityCreate, facilityListQuery } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** What follows from a facility's attributes. */
function derivedOf(spec: FacilityKindSpec, r: FacilityRow, sludge: WwtpSludgeYearRow | undefined) {
  const a = r.attrs as Record<string, unknown>;
  if (spec.kind === "medical") return { standard: medicalStandard(a) };
  if (spec.kind === "wwtp") {
    const capacity = num(a.capacityWanM3d);
    const load = num(a.loadWanM3d);
    return {
      loadRate: capacity && load !== null ? load / capacity : null,
      sludgeYear: sludge?.year ?? null,
      sludge: sludge ? sludgeShares({ producedT: sludge.produced_t, landfillT: sludge.landfill_t, incinerationT: sludge.incineration_t, coprocessT: sludge.coprocess_t, reuseT: sludge.reuse_t }) : null,
    };
  }
  return {};
}

/** Facilities as the API shows them (any kinds). */
export async function presentFacilities(db: Kysely<DB>, rows: FacilityRow[]) {
  const [names, sludge] = await Promise.all([
    namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id) }),
    latestSludgeYears(db, rows.filter((r) => r.kind === "wwtp").map((r) => r.id)),
  ]);
  const today = toIsoDate(Date.now());
  return rows.map((r) => {
    const spec = FACILITY_SPECS[r.kind];
    return {
      ...(r.attrs as Record<string, unknown>),
      id: r.id, kind: r.kind, registry: spec.key, code: r.code, name: r.name, unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null,
      riverId: r.river_id, riverName: r.river_id ? names.rivers.get(r.river_id) ?? null : null, address: r.address, lon: r.lon, lat: r.lat,
      geometry: r.geometry, status: r.status, deadline: r.deadline, completedOn: r.completed_on, overdue: facilityOverdue(r.kind, r.status, r.deadline, today),
      derived: derivedOf(spec, r, sludge.get(r.id)), note: r.note, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    };
  });
}

/** The sheet columns of a kind: the common ones, the outline for eco projects, the kind's attributes, the note. */
function columnsOf(spec: FacilityKindSpec): SheetColumn[] {
  const status: SheetColumn = {
    key: "status", header: "状态", kind: "enum", required: true, options: spec.statuses.map((s) => ({ value: s.value, label: s.label.zh })),
    example: spec.statuses[0].label.zh, note: spec.statuses.map((s) => s.label.zh).join("、"), width: 14,
  };
  return [
    { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: spec.codeExample, note: "编号，唯一；已有编号的行更新该记录", width: 12 },
    { key: "name", header: "名称", kind: "text", required: true, maxLength: 100, example: "", note: "", width: 24 },
    { key: "unitId", header: "责任单位", kind: "ref", ref: "unit", required: true, example: "中站生态环境分局", note: "单位全称或简称", width: 18 },
    { key: "riverId", header: "所在河湖", kind: "ref", ref: "river", example: "", note: "河湖名录中的名称（受纳水体）", width: 14 },
    { key: "address", header: "地址", kind: "text", maxLength: 200, example: "", note: "", width: 20 },
    { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.18", note: "WGS-84", width: 10 },
    { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.22", note: "", width: 10 },
    status,
    { key: "deadline", header: "完成期限", kind: "date", example: "", note: "YYYY-MM-DD", width: 12 },
    { key: "completedOn", header: "完成日期", kind: "date", example: "", note: "完成后填写", width: 12 },
    ...(spec.geometry ? [{ key: "geometry", header: "范围(GeoJSON)", kind: "text", maxLength: 30000, example: "", note: "GeoJSON Polygon 或 LineString（WGS-84）", width: 30 } as SheetColumn] : []),
    ...spec.fields.map((f): SheetColumn => ({
      key: f.key, header: f.unit ? `${f.label.zh}(${f.unit})` : f.label.zh, kind: f.kind, required: f.required,
      options: f.options?.map((o) => ({ value: o.value, label: o.label.zh })), min: f.min, max: f.max, maxLength: f.maxLength,
      example: f.example, note: f.note, width: Math.max(10, f.label.zh.length * 2 + 4),
    })),
    { key: "note", header: "备注", kind: "text", maxLength: 2000, example: "", note: "可选", width: 20 },
  ];
}

type Input = z.infer<ReturnType<typeof facilityCreate>>;
type Filter = z.infer<ReturnType<typeof facilityListQuery>>;

/** The registry of one kind. */
export function facilityModule(spec: FacilityKindSpec): RegistryModule<FacilityRow, Filter, Input> {
  const create = facilityCreate(spec);
  const filter = (f: Filter) => ({ ...f, kind: spec.kind, today: toIsoDate(Date.now()), done: spec.done });
  const columns = columnsOf(spec);
  return {
    key: spec.key,
    entityType: spec.entityType,
    title: spec.title.zh,
    filterSchema: facilityListQuery(spec),
    list: (db, f) => listFacilities(db, filter(f)),
    listAll: (db, f) => allFacilities(db, filter(f)),
    find: (db, id) => findFacility(db, id, spec.kind),
    findByKey: (db, v) => findFacilityByCode(db, spec.kind, String(v.code ?? "")),
    present: presentFacilities,
    feature: (r) => {
      const g = (spec.geometry ? (r.geometry as Geometry | null) : null) ?? pointOf(r.lon, r.lat);
      return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, name: r.name, status: r.status, overdue: facilityOverdue(r.kind, r.status, r.deadline, toIsoDate(Date.now())), demo: r.demo } } : null;
    },
    scope: unitScope,
    createSchema: create,
    updateSchema: create.partial(),
    unitOf: (input) => (input.unitId as string | undefined) ?? null,
    save: (ctx, existing, input) => facilitySaver(ctx, spec, existing, input),
    async onRiver(db, riverId) {
      const rows = await allFacilities(db, { kind: spec.kind, riverId });
      return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: r.name, status: r.status })) };
    },
    sheet: {
      spec: { sheetName: spec.title.zh.replace(/[、，]/g, "和"), keyColumn: "code", columns },
      refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db) }),
      toValues: (r) => ({
        ...Object.fromEntries(spec.fields.map((f) => [f.key, (r.attrs as Record<string, unknown>)[f.key] ?? null])),
        code: r.code, name: r.name, unitId: r.unit_id, riverId: r.river_id, address: r.address, lon: r.lon, lat: r.lat, status: r.status,
        deadline: r.deadline, completedOn: r.completed_on, geometry: spec.geometry && r.geometry ? JSON.stringify(r.geometry) : null, note: r.note,
      }),
    },
  };
}

/** Every kind's module, in menu order. */
export const FACILITY_MODULES = FACILITY_KINDS.map((k) => facilityModule(FACILITY_SPECS[k]));
