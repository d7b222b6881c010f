/**
 * @module Enterprises (企业与排污许可) as a registry: permit number and class, industry, pollutants (涉氟企业
 * flagged), supervising unit, receiving water, outlets and the online monitors per factor they carry; on the map
 * where they are. The detail page adds each outlet's permit limits and devices, and the enterprise's yearly water
 * use and value added.
 */
import type { z } from "zod";
import type { EnterpriseRow } from "../../../db/tables/enterprises";
import { PERMIT_CLASS_LABELS, PERMIT_CLASSES, pollutantName, writePollutants } from "../../../../domain/registries/enterprise";
import { pointOf } from "../../../../domain/registries/geo";
import { optionsOf } from "../../../../domain/registries/rivers";
import { enterpriseSaver } from "../../../commands/enterpriseSaver";
import { allEnterprises, allYears, findEnterprise, findEnterpriseByCode, limitsOfPoints, listEnterprises } from "../../../repositories/enterprise.repository";
import { namesOf } from "../../../repositories/registryRefs.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { riverLookup, unitLookup } from "../../../registries/refs";
import { monitoringOf } from "./monitors";
import { canManageMonitoring } from "../../../policies/monitoring.policy";
import { EnterpriseCreate, EnterpriseListQuery, EnterpriseUpdate } from "./schema";
import { presentYears } from "./yearModule";

const iso = (d: Date) => new Date(d).toISOString();

/** The enterprise registry. */
export const enterpriseModule: RegistryModule<EnterpriseRow, z.infer<typeof EnterpriseListQuery>, z.infer<typeof EnterpriseCreate>> = {
  key: "enterprises",
  entityType: "enterprise",
  title: "企业与排污许可",
  filterSchema: EnterpriseListQuery,
  list: (db, f) => listEnterprises(db, f),
  listAll: (db, f) => allEnterprises(db, f),
  find: findEnterprise,
  findByKey: (db, v) => findEnterpriseByCode(db, String(v.code ?? "")),
  async present(db, rows) {
    const [names, monitoring] = await Promise.all([namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id) }), monitoringOf(db, rows)]);
    return rows.map((r) => {
      const m = monitoring.get(r.id)!;
      return {
        id: r.id, code: r.code, name: r.name, creditCode: r.credit_code, permitNo: r.permit_no, permitClass: r.permit_class, permitValidTo: r.permit_valid_to,
        industry: r.industry, address: r.address, lon: r.lon, lat: r.lat,
        riverId: r.river_id, riverName: r.river_id ? names.rivers.get(r.river_id) ?? null : null,
        unitId: r.unit_id, unitName: names.units.get(r.unit_id) ?? null,
        pollutants: r.pollutants.map((code) => ({ code, name: pollutantName(code) })), fluoride: r.fluoride, declaredMonitors: r.declared_monitors,
        outlets: m.outlets.map((o) => ({ id: o.id, code: o.code, name: o.name })),
        monitors: m.monitors.map((x) => ({ ...x, name: pollutantName(x.factor) })), fluorideState: m.fluorideState,
        note: r.note, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
      };
    });
  },
  async detail(db, row, actor) {
    const [monitoring, years] = await Promise.all([monitoringOf(db, [row]), allYears(db, { enterpriseId: row.id })]);
    const m = monitoring.get(row.id)!;
    const limits = await limitsOfPoints(db, m.outlets.map((o) => o.id));
    return {
      outletDetails: m.outlets.map((o) => ({
        id: o.id, code: o.code, name: o.name, lon: o.lon, lat: o.lat, waterBody: o.water_body, active: o.active,
        limits: limits.filter((l) => l.point_id === o.id).map((l) => ({ factor: l.factor, name: pollutantName(l.factor), upperLimit: l.upper_limit, lowerLimit: l.lower_limit, unit: l.unit, basis: l.basis })),
        devices: m.devices.filter((d) => d.pointId === o.id),
      })),
      years: await presentYears(db, years),
      // Devices are the monitoring area's: whether the actor may register one there.
      canRegisterDevice: canManageMonitoring(actor),
    };
  },
  feature: (r) => {
    const g = pointOf(r.lon, r.lat);
    return g ? { type: "Feature", id: r.id, geometry: g, properties: { code: r.code, name: r.name, fluoride: r.fluoride, demo: r.demo } } : null;
  },
  scope: unitScope,
  createSchema: EnterpriseCreate,
  updateSchema: EnterpriseUpdate,
  unitOf: (input) => (input.unitId as string | undefined) ?? null,
  save: (ctx, existing, input) => enterpriseSaver(ctx, existing, input),
  async onRiver(db, riverId) {
    const rows = await allEnterprises(db, { riverId });
    return { total: rows.length, items: rows.map((r) => ({ id: r.id, name: r.name })) };
  },
  sheet: {
    spec: {
      sheetName: "企业与排污许可",
      keyColumn: "code",
      columns: [
        { key: "code", header: "编号", kind: "text", required: true, maxLength: 40, example: "ZZ-QY-001", note: "企业编号，唯一；已有编号的行更新该企业", width: 12 },
        { key: "name", header: "企业名称", kind: "text", required: true, maxLength: 100, example: "某化工有限公司", note: "营业执照上的名称，唯一", width: 26 },
        { key: "creditCode", header: "统一社会信用代码", kind: "text", maxLength: 18, example: "91410800MA3XXXXXXX", note: "18 位，校验位须正确", width: 22 },
        { key: "permitNo", header: "排污许可证编号", kind: "text", maxLength: 30, example: "91410800MA3XXXXXXX001V", note: "统一社会信用代码加顺序码", width: 26 },
        { key: "permitClass", header: "许可管理类别", kind: "enum", options: optionsOf(PERMIT_CLASS_LABELS, PERMIT_CLASSES), example: "重点管理", note: "重点管理、简化管理或登记管理", width: 12 },
        { key: "permitValidTo", header: "许可证有效期至", kind: "date", example: "2026-12-31", note: "YYYY-MM-DD", width: 12 },
        { key: "industry", header: "行业类别", kind: "text", maxLength: 100, example: "无机化学原料制造", note: "国民经济行业分类", width: 18 },
        { key: "address", header: "地址", kind: "text", maxLength: 200, example: "中站区某路 1 号", note: "", width: 20 },
        { key: "unitId", header: "监管单位", kind: "ref", ref: "unit", required: true, example: "中站生态环境分局", note: "单位全称或简称", width: 18 },
        { key: "riverId", header: "受纳水体", kind: "ref", ref: "river", example: "白马门河", note: "河湖名录中的名称", width: 14 },
        { key: "pollutants", header: "排放污染物", kind: "text", maxLength: 1000, example: "化学需氧量、氨氮、氟化物", note: "污染物名称或 HJ 212 编码，用“、”分隔", width: 26 },
        { key: "fluoride", header: "涉氟企业", kind: "boolean", example: "是", note: "排放氟化物的企业须填“是”", width: 8 },
        { key: "declaredMonitors", header: "已装在线监测(申报)", kind: "text", maxLength: 1000, example: "", note: "已安装但未接入本平台的在线监测因子，用“、”分隔", width: 22 },
        { key: "outletCodes", header: "排口(站点编码)", kind: "text", maxLength: 500, example: "ZZ-OUT-01", note: "监测站点中的排口编码，多个用“、”分隔", width: 16 },
        { key: "lon", header: "经度", kind: "number", min: -180, max: 180, example: "113.158", note: "WGS-84", width: 10 },
        { key: "lat", header: "纬度", kind: "number", min: -90, max: 90, example: "35.221", note: "", width: 10 },
        { key: "note", header: "备注", kind: "text", maxLength: 2000, example: "", note: "可选", width: 20 },
      ],
    },
    refs: async (db) => ({ unit: await unitLookup(db), river: await riverLookup(db) }),
    toValues: (r) => ({
      code: r.code, name: r.name, creditCode: r.credit_code, permitNo: r.permit_no, permitClass: r.permit_class, permitValidTo: r.permit_valid_to,
      industry: r.industry, address: r.address, unitId: r.unit_id, riverId: r.river_id,
      pollutants: r.pollutants.length ? writePollutants(r.pollutants) : null, fluoride: r.fluoride,
      declaredMonitors: r.declared_monitors.length ? writePollutants(r.declared_monitors) : null,
      outletCodes: r.outlet_codes, lon: r.lon, lat: r.lat, note: r.note,
    }),
  },
};
