/**
 * @module 清四乱 problems as a registry: category and sub-type, river, place, source, 责任单位, 河湖长, deadline and
 * status of 发现一处、清理一处、销号一处; points on the map coloured by status. A river chief may report a problem
 * found on their own river's patrol; the detail page adds the steps the actor may take with what each still needs.
 */
import type { z } from "zod";
import type { FourChaosProblemRow } from "../../../db/tables/registries";
import { CHAOS_CATALOGUE, CHAOS_CATEGORIES, CHAOS_LIFECYCLE, CHAOS_SEVERITIES, CHAOS_SEVERITY_LABELS, CHAOS_SOURCE_LABELS, CHAOS_SOURCES, CHAOS_STATUSES, chaosProblems } from "../../../../domain/registries/fourChaos";
import { actionsFrom } from "../../../../domain/registries/lifecycle";
import { optionsOf } from "../../../../domain/registries/rivers";
import { pointOf } from "../../../../domain/registries/geo";
import { dayNumber, toIsoDate } from "../../../../domain/supervision/days";
import { fourChaosProblemSaver } from "../../../commands/fourChaosProblemSaver";
import { allProblems, findProblem, findProblemByCode, listProblems, problemsOnRiver } from "../../../repositories/fourChaos.repository";
import { countAttachments } from "../../../repositories/registryAttachment.repository";
import { chiefUsersByRiver, namesOf } from "../../../repositories/registryRefs.repository";
import { has } from "../../../policies/cancan";
import { canCreateAny, canCreateRecord, canPerform } from "../../../policies/registry.policy";
import type { RegistryModule } from "../../../registries/definition";
import { chiefLookup, riverLookup, unitLookup } from "../../../registries/refs";
import { ProblemCreate, ProblemListQuery, ProblemUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** The 清四乱 registry. */
export const fourChaosModule: RegistryModule<FourChaosProblemRow, z.infer<typeof ProblemListQuery>, z.infer<typeof ProblemCreate>> = {
  key: "four-chaos",
  entityType: "four_chaos_problem",
  title: "清四乱问题台账",
  filterSchema: ProblemListQuery,
  list: (db, f) => listProblems(db, f),
  listAll: (db, f) => allProblems(db, f),
  find: findProblem,
  findByKey: (db, v) => findProblemByCode(db, String(v.code ?? "")),
  async present(db, rows) {
    const names = await namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id), chiefIds: rows.map((r) => r.chief_id) });
    const today = dayNumber(toIsoDate(Date.now()));
    return rows.map((r) => {
      const chief = r.chief_id ? names.chiefs.get(r.chief_id) : undefined;
      return {
        id: r.id, code: r.code, category: r.category, subtype: r.subtype, riverId: r.river_id, riverName: names.rivers.get(r.river_id) ?? null,
        location: r.location, lon: r.lon, lat: r.lat, source: r.source, foundOn: r.found_on, description: r.description, severity: r.severity,
        unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null, chief: chief ? { id: chief.id, name: chief.name, position: chief.position, level: chief.level } : null,
        deadline: r.deadline, status: r.status, statusSince: r.status_since, rectification: r.rectification, rectifiedOn: r.rectified_on,
        verifiedOn: r.verified_on, closedOn: r.closed_on, overdue: r.status !== "closed" && r.deadline !== null && dayNumber(r.deadline) < today,
        demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
      };
    });
  },
  async detail(db, row, actor) {
    const [scope, files] = await Promise.all([fourChaosModule.scope(db, [row]).then((m) => m.get(row.id)!), countAttachments(db, "four_chaos_problem", row.id)]);
    return {
      actions: actionsFrom(CHAOS_LIFECYCLE, row.status).map((t) => ({
        action: t.action, to: t.to, by: t.by, label: t.label, allowed: canPerform(actor, t.by, scope),
        // Rejecting needs a reason typed in the dialog; submitting may bring its 整改情况 along.
        problems: t.action === "rejectVerification" ? [] : chaosProblems(t.action, { rectification: t.action === "submitRectification" ? row.rectification ?? "…" : row.rectification, rectificationPhotos: files.rectification, note: null }),
      })),
    };
  },
  feature: (r) => {
    const g = pointOf(r.lon, r.lat);
    return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, category: r.category, subtype: r.subtype, status: r.status, demo: r.demo } } : null;
  },
  async scope(db, rows) {
    const chiefs = await chiefUsersByRiver(db, rows.map((r) => r.river_id));
    return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, chiefUserIds: chiefs.get(r.river_id) ?? [] }]));
  },
  createSchema: ProblemCreate,
  updateSchema: ProblemUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  // A river chief reports what their patrol finds on their own rivers, for whichever unit must rectify it.
  async canCreate(db, actor, input) {
    if (canCreateRecord(actor, input.unitId ?? null)) return true;
    if (!has(actor, "river_chief") || !input.riverId) return false;
    return ((await chiefUsersByRiver(db, [input.riverId])).get(input.riverId) ?? []).includes(actor.id);
  },
  canCreateSome: (actor) => canCreateAny(actor) || has(actor, "river_chief"),
  save: (ctx, existing, input) => fourChaosProblemSaver(ctx, existing, input),
  async onRiver(db, riverId) {
    const rows = await problemsOnRiver(db, riverId);
    return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: `${r.code} ${r.subtype}`, status: r.status })) };
  },
  sheet: {
    spec: {
      sheetName: "清四乱问题台账",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "ZZ-SL-2022-001", note: "问题编号，唯一；已有编号的行更新该问题", width: 16 },
        { key: "category", header: "类别", kind: "enum", required: true, options: CHAOS_CATEGORIES.map((c) => ({ value: c, label: CHAOS_CATALOGUE[c].zh })), example: "乱堆", note: "乱占、乱采、乱堆、乱建", width: 8 },
        { key: "subtype", header: "问题子类", kind: "text", required: true, maxLength: 60, example: "乱扔乱堆垃圾", note: CHAOS_CATEGORIES.map((c) => `${CHAOS_CATALOGUE[c].zh}：${CHAOS_CATALOGUE[c].subtypes.join("、")}`).join("；"), width: 26 },
        { key: "riverId", header: "河湖", kind: "ref", ref: "river", required: true, example: "大沙河", note: "河湖名录中的名称", width: 14 },
        { key: "location", header: "位置", kind: "text", maxLength: 200, example: "府城段左岸", note: "位置描述", width: 20 },
        { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.172", note: "WGS-84 十进制度", width: 10 },
        { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.1968", note: "WGS-84 十进制度", width: 10 },
        { key: "source", header: "问题来源", kind: "enum", required: true, options: optionsOf(CHAOS_SOURCE_LABELS, CHAOS_SOURCES), example: "河湖长巡河", note: "河湖长巡河、群众举报、督查检查", width: 12 },
        { key: "foundOn", header: "发现日期", kind: "date", required: true, example: "2022-05-12", note: "YYYY-MM-DD", width: 12 },
        { key: "description", header: "问题描述", kind: "text", required: true, maxLength: 2000, example: "河道管理范围内堆放建筑垃圾约 30 立方米", note: "", width: 32 },
        { key: "severity", header: "严重程度", kind: "enum", options: optionsOf(CHAOS_SEVERITY_LABELS, CHAOS_SEVERITIES), example: "一般", note: "可选：一般、较严重、重大", width: 10 },
        { key: "unitId", header: "责任单位", kind: "ref", ref: "unit", required: true, example: "府城办事处", note: "负责整改的单位", width: 16 },
        { key: "chiefId", header: "河湖长", kind: "ref", ref: "chief", example: "", note: "该河湖的河湖长；重名时写作“姓名（河湖）”", width: 16 },
        { key: "deadline", header: "整改期限", kind: "date", example: "2022-06-30", note: "不早于发现日期", width: 12 },
        { key: "status", header: "状态", kind: "enum", options: CHAOS_STATUSES.map((s) => ({ value: s, label: CHAOS_LIFECYCLE.labels[s].zh })), example: "待整改", note: "仅新增时有效；已有问题须按整改、核查、销号流程办理", width: 12 },
        { key: "statusSince", header: "状态日期", kind: "date", example: "", note: "该状态开始的日期（仅新增时有效）", width: 12 },
        { key: "rectification", header: "整改情况", kind: "text", maxLength: 4000, example: "", note: "已整改的问题填写（仅新增时有效）", width: 24 },
        { key: "rectifiedOn", header: "整改完成日期", kind: "date", example: "", note: "仅新增时有效", width: 12 },
        { key: "verifiedOn", header: "核查日期", kind: "date", example: "", note: "仅新增时有效", width: 12 },
        { key: "closedOn", header: "销号日期", kind: "date", example: "", note: "仅新增时有效", width: 12 },
      ],
    },
    refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db), chief: await chiefLookup(db) }),
    toValues: (r) => ({
      code: r.code, category: r.category, subtype: r.subtype, riverId: r.river_id, location: r.location, lon: r.lon, lat: r.lat, source: r.source,
      foundOn: r.found_on, description: r.description, severity: r.severity, unitId: r.unit_id, chiefId: r.chief_id, deadline: r.deadline,
      status: r.status, statusSince: r.status_since, rectification: r.rectification, rectifiedOn: r.rectified_on, verifiedOn: r.verified_on, closedOn: r.closed_on,
    }),
  },
};
