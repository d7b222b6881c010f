/**
 * @module Problems of drinking-water sources (整治"回头看"，发现一处整治一处，动态清零) as a registry: source, zone,
 * category, how found, description, day found, responsible unit, deadline (red when past), rectification and
 * status; on the map where found. The detail page adds the lifecycle steps the actor may take.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema";
import type { DrinkingProblemRow } from "../../../db/tables/enterprises";
import {
  PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, PROBLEM_LIFECYCLE, PROBLEM_ORIGINS, PROBLEM_ORIGIN_LABELS, PROBLEM_PLACES, PROBLEM_PLACE_LABELS, PROBLEM_STATUSES,
} from "../../../../domain/registries/drinkingSource";
import { actionsFrom } from "../../../../domain/registries/lifecycle";
import { pointOf } from "../../../../domain/registries/geo";
import { optionsOf } from "../../../../domain/registries/rivers";
import { dayNumber, toIsoDate } from "../../../../domain/supervision/days";
import { drinkingProblemSaver } from "../../../commands/drinkingProblemSaver";
import { allProblems, findProblem, findProblemByCode, listProblems, sourceNameRows, sourceNames } from "../../../repositories/drinkingSource.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import { canPerform } from "../../../policies/registry.policy";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { lookupOf, unitLookup } from "../../../registries/refs";
import { ProblemCreate, ProblemListQuery, ProblemUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** Problems as the API shows them. */
export async function presentProblems(db: Kysely<DB>, rows: DrinkingProblemRow[]) {
  const [names, sources] = await Promise.all([namesOf(db, { unitIds: rows.map((r) => r.unit_id) }), sourceNames(db, rows.map((r) => r.source_id))]);
  const today = dayNumber(toIsoDate(Date.now()));
  return rows.map((r) => ({
    id: r.id, code: r.code, sourceId: r.source_id, sourceName: sources.get(r.source_id)?.name ?? null, place: r.place, category: r.category, origin: r.origin,
    description: r.description, foundOn: r.found_on, unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null, deadline: r.deadline,
    overdue: r.status !== "closed" && r.deadline !== null && dayNumber(r.deadline) < today,
    rectification: r.rectification, status: r.status, statusSince: r.status_since, lon: r.lon, lat: r.lat, demo: r.demo,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }));
}

/** The problem registry. */
export const drinkingProblemModule: RegistryModule<DrinkingProblemRow, z.infer<typeof ProblemListQuery>, z.infer<typeof ProblemCreate>> = {
  key: "drinking-problems",
  entityType: "drinking_problem",
  title: "水源地环境问题",
  filterSchema: ProblemListQuery,
  list: (db, f) => listProblems(db, f),
  listAll: (db, f) => allProblems(db, f),
  find: findProblem,
  findByKey: (db, v) => findProblemByCode(db, String(v.code ?? "")),
  present: presentProblems,
  async detail(_db, row, actor) {
    const scope = { unitId: row.unit_id };
    return {
      actions: actionsFrom(PROBLEM_LIFECYCLE, row.status).map((t) => ({ action: t.action, to: t.to, by: t.by, label: t.label, allowed: canPerform(actor, t.by, scope) })),
    };
  },
  feature: (r) => {
    const g = pointOf(r.lon, r.lat);
    return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, name: r.description.slice(0, 30), status: r.status, demo: r.demo } } : null;
  },
  scope: unitScope,
  createSchema: ProblemCreate,
  updateSchema: ProblemUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  save: (ctx, existing, input) => drinkingProblemSaver(ctx, existing, input),
  sheet: {
    spec: {
      sheetName: "水源地环境问题",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "SY-WT-2022-01", note: "问题编号，唯一；已有编号的行更新该问题", width: 16 },
        { key: "sourceId", header: "水源地", kind: "ref", ref: "source", required: true, example: "ZZ-SY-01", note: "水源地编号或名称", width: 22 },
        { key: "place", header: "所在区域", kind: "enum", required: true, options: optionsOf(PROBLEM_PLACE_LABELS, PROBLEM_PLACES), example: "二级保护区", note: "一级保护区、二级保护区、准保护区或保护区外", width: 12 },
        { key: "category", header: "问题类型", kind: "enum", required: true, options: optionsOf(PROBLEM_CATEGORY_LABELS, PROBLEM_CATEGORIES), example: "违法建设项目", note: "", width: 14 },
        { key: "origin", header: "发现途径", kind: "enum", required: true, options: optionsOf(PROBLEM_ORIGIN_LABELS, PROBLEM_ORIGINS), example: "整治“回头看”", note: "", width: 14 },
        { key: "description", header: "问题描述", kind: "text", required: true, maxLength: 2000, example: "保护区内存在养殖棚舍", note: "", width: 30 },
        { key: "foundOn", header: "发现日期", kind: "date", required: true, example: "2022-06-10", note: "YYYY-MM-DD", width: 12 },
        { key: "unitId", header: "责任单位", kind: "ref", ref: "unit", required: true, example: "府城办事处", note: "单位全称或简称", width: 18 },
        { key: "deadline", header: "整改期限", kind: "date", example: "2022-08-31", note: "YYYY-MM-DD", width: 12 },
        { key: "rectification", header: "整改情况", kind: "text", maxLength: 4000, example: "", note: "已采取的整改措施", width: 26 },
        { key: "status", header: "状态", kind: "enum", options: PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_LIFECYCLE.labels[s].zh })), example: "待整改", note: "仅新增时有效；已有问题的状态须通过办理流程变更", width: 12 },
        { key: "statusSince", header: "状态日期", kind: "date", example: "2022-06-10", note: "该状态开始的日期（仅新增时有效）", width: 12 },
        { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.19", note: "WGS-84", width: 10 },
        { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.25", note: "", width: 10 },
      ],
    },
    refs: async (db) => {
      const sources = await sourceNameRows(db);
      return { unit: await unitLookup(db), source: lookupOf(sources.map((s) => ({ id: s.id, name: s.code })), sources.map((s) => ({ id: s.id, name: s.name }))) };
    },
    toValues: (r) => ({
      code: r.code, sourceId: r.source_id, place: r.place, category: r.category, origin: r.origin, description: r.description, foundOn: r.found_on,
      unitId: r.unit_id, deadline: r.deadline, rectification: r.rectification, status: r.status, statusSince: r.status_since, lon: r.lon, lat: r.lat,
    }),
  },
};
