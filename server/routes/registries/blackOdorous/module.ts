/**
 * @module Black-odorous water bodies (黑臭水体) as a registry: the list with 主责部门, 河湖长 and 达标期限, status and
 * the latest graded round; on the map their stretches coloured by grade; the detail page adds the rounds with the
 * guide's reasons, the lifecycle steps the actor may take and the follow-up tasks.
 */
import type { z } from "zod";
import type { BlackOdorousBodyRow } from "../../../db/tables/registries";
import { BODY_KIND_LABELS, BODY_KINDS, BODY_LIFECYCLE, BODY_STATUSES, eliminationProblem, pastDeadline } from "../../../../domain/blackOdorous/lifecycle";
import { GRADE_LABELS } from "../../../../domain/blackOdorous/thresholds";
import { actionsFrom } from "../../../../domain/registries/lifecycle";
import { optionsOf } from "../../../../domain/registries/rivers";
import { toIsoDate } from "../../../../domain/supervision/days";
import type { Geometry } from "../../../../domain/registries/geo";
import { blackOdorousBodySaver } from "../../../commands/blackOdorousBodySaver";
import { allBodies, bodiesOnRiver, findBody, findBodyByCode, listBodies, listRounds } from "../../../repositories/blackOdorous.repository";
import { chiefUsersByRiver, namesOf } from "../../../repositories/registryRefs.repository";
import { listRegistryTasks } from "../../../repositories/registryTask.repository";
import { canPerform } from "../../../policies/registry.policy";
import type { RegistryModule } from "../../../registries/definition";
import { presentTask } from "../../../registries/present";
import { chiefLookup, riverLookup, unitLookup } from "../../../registries/refs";
import { BodyCreate, BodyListQuery, BodyUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();
const GRADES = ["light", "severe"] as const;

/** The black-odorous registry. */
export const blackOdorousModule: RegistryModule<BlackOdorousBodyRow, z.infer<typeof BodyListQuery>, z.infer<typeof BodyCreate>> = {
  key: "black-odorous",
  entityType: "black_odorous_body",
  title: "黑臭水体清单",
  filterSchema: BodyListQuery,
  list: (db, f) => listBodies(db, f),
  listAll: (db, f) => allBodies(db, f),
  find: findBody,
  findByKey: (db, v) => findBodyByCode(db, String(v.code ?? "")),
  async present(db, rows) {
    const names = await namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id), chiefIds: rows.map((r) => r.chief_id) });
    const today = toIsoDate(Date.now());
    return rows.map((r) => {
      const chief = r.chief_id ? names.chiefs.get(r.chief_id) : undefined;
      return {
        id: r.id, code: r.code, name: r.name, bodyKind: r.body_kind, riverId: r.river_id, riverName: r.river_id ? names.rivers.get(r.river_id) ?? null : null,
        unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null,
        chief: chief ? { id: chief.id, name: chief.name, position: chief.position, level: chief.level } : null,
        location: r.location, geometry: r.geometry, lengthKm: r.length_km, areaKm2: r.area_km2, deadline: r.deadline,
        status: r.status, statusSince: r.status_since, identifiedGrade: r.identified_grade, measures: r.measures,
        latestGrade: r.latest_grade, latestSampledTo: r.latest_sampled_to, overdue: pastDeadline(r.status, r.deadline, today),
        demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
      };
    });
  },
  async detail(db, row, actor) {
    const [rounds, tasks, scope] = await Promise.all([
      listRounds(db, row.id),
      listRegistryTasks(db, { registry: "black_odorous_body", recordId: row.id, limit: 50 }),
      blackOdorousModule.scope(db, [row]).then((m) => m.get(row.id)!),
    ]);
    const latest = row.latest_grade && row.latest_sampled_to ? { grade: row.latest_grade, sampledTo: row.latest_sampled_to } : null;
    return {
      rounds: rounds.map((r) => ({
        id: r.id, sampledFrom: r.sampled_from, sampledTo: r.sampled_to, grade: r.grade, relapse: r.relapse, fileName: r.file_name,
        importedBy: r.imported_by_name, importedAt: iso(r.imported_at), result: r.result,
      })),
      actions: actionsFrom(BODY_LIFECYCLE, row.status).map((t) => ({
        action: t.action, to: t.to, by: t.by, label: t.label, allowed: canPerform(actor, t.by, scope),
        problem: t.action === "eliminate" ? eliminationProblem(latest, row.status_since) : null,
      })),
      tasks: tasks.map(presentTask),
    };
  },
  feature: (r) =>
    r.geometry
      ? { type: "Feature", id: r.id, geometry: r.geometry as Geometry, properties: { code: r.code, name: r.name, status: r.status, grade: r.latest_grade ?? r.identified_grade, demo: r.demo } }
      : null,
  async scope(db, rows) {
    const chiefs = await chiefUsersByRiver(db, rows.map((r) => r.river_id));
    return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, chiefUserIds: r.river_id ? chiefs.get(r.river_id) ?? [] : [] }]));
  },
  createSchema: BodyCreate,
  updateSchema: BodyUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  save: (ctx, existing, input) => blackOdorousBodySaver(ctx, existing, input),
  async onRiver(db, riverId) {
    const rows = await bodiesOnRiver(db, riverId);
    return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: r.name, status: r.status })) };
  },
  sheet: {
    spec: {
      sheetName: "黑臭水体清单",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "ZZ-HC-01", note: "清单编号，唯一；已有编号的行更新该水体", width: 12 },
        { key: "name", header: "名称", kind: "text", required: true, maxLength: 100, example: "白马门河（建成区段）", note: "水体名称", width: 24 },
        { key: "bodyKind", header: "类型", kind: "enum", options: optionsOf(BODY_KIND_LABELS, BODY_KINDS), example: "河流", note: "留空为河流", width: 8 },
        { key: "riverId", header: "所在河湖", kind: "ref", ref: "river", example: "白马门河", note: "河湖名录中的名称", width: 16 },
        { key: "location", header: "起止点", kind: "text", maxLength: 200, example: "人民路桥至入大沙河口", note: "位置描述", width: 24 },
        { key: "lengthKm", header: "长度(km)", kind: "number", min: 0, max: 1000, example: "1.8", note: "河流、沟渠填写", width: 10 },
        { key: "areaKm2", header: "面积(km²)", kind: "number", min: 0, max: 1000, example: "", note: "湖泊、坑塘填写", width: 10 },
        { key: "unitId", header: "主责部门", kind: "ref", ref: "unit", required: true, example: "区住房和城乡建设局", note: "单位全称或简称", width: 18 },
        { key: "chiefId", header: "河湖长", kind: "ref", ref: "chief", example: "钱河长（演示）", note: "所在河湖的河湖长姓名；重名时写作“姓名（河湖）”", width: 16 },
        { key: "deadline", header: "达标期限", kind: "date", example: "2022-12-31", note: "YYYY-MM-DD", width: 12 },
        { key: "status", header: "状态", kind: "enum", options: BODY_STATUSES.map((s) => ({ value: s, label: BODY_LIFECYCLE.labels[s].zh })), example: "已排查认定", note: "仅新增时有效；已有水体的状态须通过办理流程变更", width: 12 },
        { key: "statusSince", header: "状态日期", kind: "date", example: "2022-05-20", note: "该状态开始的日期（仅新增时有效）", width: 12 },
        { key: "identifiedGrade", header: "认定黑臭程度", kind: "enum", options: GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g].zh })), example: "轻度黑臭", note: "排查认定时的程度", width: 12 },
        { key: "measures", header: "治理措施", kind: "text", maxLength: 4000, example: "控源截污、清淤疏浚、生态修复", note: "可选", width: 30 },
        { key: "geometry", header: "空间位置(GeoJSON)", kind: "text", maxLength: 30000, example: '{"type":"LineString","coordinates":[[113.149,35.2145],[113.153,35.2005]]}', note: "WGS-84 经纬度：河段为 LineString，坑塘为 Polygon", width: 40 },
      ],
    },
    refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db), chief: await chiefLookup(db) }),
    toValues: (r) => ({
      code: r.code, name: r.name, bodyKind: r.body_kind, riverId: r.river_id, location: r.location, lengthKm: r.length_km, areaKm2: r.area_km2,
      unitId: r.unit_id, chiefId: r.chief_id, deadline: r.deadline, status: r.status, statusSince: r.status_since, identifiedGrade: r.identified_grade,
      measures: r.measures, geometry: r.geometry ? JSON.stringify(r.geometry) : null,
    }),
  },
};
