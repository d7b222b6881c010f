/**
 * @module 入河排污口 as a registry: each outfall with its HJ 1312-2023 type, receiving water, 责任主体 and stage of
 * 查 → 测 → 溯 → 治 → 销号; points on the map coloured by stage; the detail page adds the sampling records, the trace
 * graph (checked), the plan with its measures, and the steps the actor may take with what each still needs.
 */
import type { z } from "zod";
import type { OutfallRow } from "../../../db/tables/registries";
import { OUTFALL_LIFECYCLE, OUTFALL_STAGES, REMEDIATION_KINDS, REMEDIATION_LABELS, stageProblems } from "../../../../domain/registries/outfallLifecycle";
import { OUTFALL_TYPES, outfallTypeLabel } from "../../../../domain/registries/outfallTypes";
import { checkTrace } from "../../../../domain/registries/traceGraph";
import { actionsFrom } from "../../../../domain/registries/lifecycle";
import { optionsOf } from "../../../../domain/registries/rivers";
import { pointOf } from "../../../../domain/registries/geo";
import { outfallSaver } from "../../../commands/outfallSaver";
import { outfallFacts } from "../../../commands/outfallTransitioner";
import { allOutfalls, findOutfall, findOutfallByCode, findPlan, listOutfalls, listTests, listTraceNodes, outfallsOnRiver } from "../../../repositories/outfall.repository";
import { chiefUsersByRiver, namesOf } from "../../../repositories/registryRefs.repository";
import { canPerform } from "../../../policies/registry.policy";
import type { RegistryModule } from "../../../registries/definition";
import { riverLookup, unitLookup } from "../../../registries/refs";
import { OutfallCreate, OutfallListQuery, OutfallUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** The outfall registry. */
export const outfallModule: RegistryModule<OutfallRow, z.infer<typeof OutfallListQuery>, z.infer<typeof OutfallCreate>> = {
  key: "outfalls",
  entityType: "outfall",
  title: "入河排污口台账",
  filterSchema: OutfallListQuery,
  list: (db, f) => listOutfalls(db, f),
  listAll: (db, f) => allOutfalls(db, f),
  find: findOutfall,
  findByKey: (db, v) => findOutfallByCode(db, String(v.code ?? "")),
  async present(db, rows) {
    const names = await namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id) });
    return rows.map((r) => ({
      id: r.id, code: r.code, name: r.name, typeCode: r.type_code, typeLabel: outfallTypeLabel(r.type_code), typeNote: r.type_note,
      riverId: r.river_id, riverName: r.river_id ? names.rivers.get(r.river_id) ?? null : null, receivingWater: r.receiving_water,
      unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null, responsibleParty: r.responsible_party, location: r.location,
      lon: r.lon, lat: r.lat, foundOn: r.found_on, stage: r.stage, stageSince: r.stage_since, remediationKind: r.remediation_kind,
      closedOn: r.closed_on, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    }));
  },
  async detail(db, row, actor) {
    const [tests, nodes, plan, facts, scope] = await Promise.all([
      listTests(db, row.id), listTraceNodes(db, row.id), findPlan(db, row.id), outfallFacts(db, row), outfallModule.scope(db, [row]).then((m) => m.get(row.id)!),
    ]);
    const names = await namesOf(db, { unitIds: plan?.measures.map((m) => m.unit_id) ?? [] });
    const trace = checkTrace(nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, downstreamId: n.downstream_id })));
    return {
      tests: tests.map((t) => ({ id: t.id, sampledOn: t.sampled_on, flowing: t.flowing, cod: t.cod, ammonia: t.ammonia, totalPhosphorus: t.total_phosphorus, flowM3d: t.flow_m3d, conclusion: t.conclusion, note: t.note })),
      trace: { nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, downstreamId: n.downstream_id, note: n.note })), complete: trace.complete, open: trace.open.map((x) => x.zh), depth: trace.depth },
      plan: plan && {
        remediationKind: plan.remediation_kind, goal: plan.goal, updatedAt: iso(plan.updated_at),
        measures: plan.measures.map((m) => ({ id: m.id, seq: m.seq, text: m.text, unitId: m.unit_id, unitName: m.unit_id ? names.units.get(m.unit_id) ?? null : null, deadline: m.deadline, doneOn: m.done_on, note: m.note })),
      },
      actions: actionsFrom(OUTFALL_LIFECYCLE, row.stage).map((t) => ({ action: t.action, to: t.to, by: t.by, label: t.label, allowed: canPerform(actor, t.by, scope), problems: stageProblems(t.action, facts) })),
      editable: row.stage !== "review" && row.stage !== "closed",
    };
  },
  feature: (r) => {
    const g = pointOf(r.lon, r.lat);
    return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, name: r.name, stage: r.stage, typeCode: r.type_code, demo: r.demo } } : null;
  },
  async scope(db, rows) {
    const chiefs = await chiefUsersByRiver(db, rows.map((r) => r.river_id));
    return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, chiefUserIds: r.river_id ? chiefs.get(r.river_id) ?? [] : [] }]));
  },
  createSchema: OutfallCreate,
  updateSchema: OutfallUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  save: (ctx, existing, input) => outfallSaver(ctx, existing, input),
  async onRiver(db, riverId) {
    const rows = await outfallsOnRiver(db, riverId);
    return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: r.name, status: r.stage })) };
  },
  sheet: {
    spec: {
      sheetName: "入河排污口台账",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "ZZ-PWK-001", note: "台账编号，唯一；已有编号的行更新该排口", width: 14 },
        { key: "name", header: "名称", kind: "text", required: true, maxLength: 100, example: "某企业雨水排口", note: "排口名称", width: 22 },
        { key: "typeCode", header: "排口类型", kind: "enum", required: true, options: OUTFALL_TYPES.map((x) => ({ value: x.code, label: outfallTypeLabel(x.code) })), example: "工业排污口／工矿企业雨洪排口／工业企业雨洪排口", note: "HJ 1312-2023 分类，写到最细一级，各级用“／”分隔", width: 40 },
        { key: "typeNote", header: "类型说明", kind: "text", maxLength: 100, example: "", note: "类型为“其他（未列明）”时必填", width: 14 },
        { key: "riverId", header: "受纳水体", kind: "ref", ref: "river", example: "白马门河", note: "河湖名录中的名称；不在名录中的水体填“其他受纳水体”", width: 16 },
        { key: "receivingWater", header: "其他受纳水体", kind: "text", maxLength: 100, example: "", note: "受纳水体不在名录中时填写", width: 14 },
        { key: "unitId", header: "责任单位", kind: "ref", ref: "unit", required: true, example: "中站生态环境分局", note: "负责排查整治的单位", width: 18 },
        { key: "responsibleParty", header: "责任主体", kind: "text", maxLength: 100, example: "某化工有限公司", note: "溯源确定的责任主体", width: 18 },
        { key: "location", header: "位置", kind: "text", maxLength: 200, example: "白马门河左岸人民路桥下游 50 米", note: "位置描述", width: 24 },
        { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.1452", note: "WGS-84 十进制度", width: 10 },
        { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.2201", note: "WGS-84 十进制度", width: 10 },
        { key: "foundOn", header: "排查日期", kind: "date", required: true, example: "2022-04-15", note: "YYYY-MM-DD", width: 12 },
        { key: "stage", header: "阶段", kind: "enum", options: OUTFALL_STAGES.map((s) => ({ value: s, label: OUTFALL_LIFECYCLE.labels[s].zh })), example: "查（排查）", note: "仅新增时有效；已有排口须按查、测、溯、治流程推进", width: 12 },
        { key: "stageSince", header: "阶段日期", kind: "date", example: "", note: "该阶段开始的日期（仅新增时有效）", width: 12 },
        { key: "remediationKind", header: "整治类型", kind: "enum", options: optionsOf(REMEDIATION_LABELS, REMEDIATION_KINDS), example: "", note: "仅新增时有效", width: 10 },
        { key: "closedOn", header: "销号日期", kind: "date", example: "", note: "阶段为已销号时填写（仅新增时有效）", width: 12 },
      ],
    },
    refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db) }),
    toValues: (r) => ({
      code: r.code, name: r.name, typeCode: r.type_code, typeNote: r.type_note, riverId: r.river_id, receivingWater: r.receiving_water, unitId: r.unit_id,
      responsibleParty: r.responsible_party, location: r.location, lon: r.lon, lat: r.lat, foundOn: r.found_on, stage: r.stage, stageSince: r.stage_since,
      remediationKind: r.remediation_kind, closedOn: r.closed_on,
    }),
  },
};
