/**
 * @module Enterprise-years (企业年度用水与工业增加值, seed plan task 13) as a registry: per enterprise and year its
 * 工业用水量 (new-water intake, m³), 工业增加值 (万元, comparable prices), reused water, and its own
 * 万元工业增加值用水量; the rows feed the district's intensity (enterprise.repository.ts `waterUseIntensity`).
 * A row belongs to its enterprise's supervising unit.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema";
import type { EnterpriseYearRow } from "../../../db/tables/enterprises";
import { enterpriseYearSaver } from "../../../commands/enterpriseYearSaver";
import { allYears, enterpriseNameRows, findEnterprise, findYear, findYearOf, listYears } from "../../../repositories/enterprise.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { lookupOf } from "../../../registries/refs";
import { YearCreate, YearListQuery, YearUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** Enterprise-years as the API shows them. */
export async function presentYears(db: Kysely<DB>, rows: EnterpriseYearRow[]) {
  const names = new Map((await enterpriseNameRows(db)).map((e) => [e.id, e]));
  return rows.map((r) => ({
    id: r.id, enterpriseId: r.enterprise_id, enterpriseCode: names.get(r.enterprise_id)?.code ?? null, enterpriseName: names.get(r.enterprise_id)?.name ?? null,
    unitId: r.unit_id, year: r.year, waterM3: r.water_m3, valueAddedWan: r.value_added_wan, reusedM3: r.reused_m3,
    intensity: r.water_m3 !== null && r.value_added_wan ? r.water_m3 / r.value_added_wan : null,
    note: r.note, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }));
}

/** The enterprise-year registry. */
export const enterpriseYearModule: RegistryModule<EnterpriseYearRow, z.infer<typeof YearListQuery>, z.infer<typeof YearCreate>> = {
  key: "enterprise-years",
  entityType: "enterprise_year",
  title: "企业用水与工业增加值",
  filterSchema: YearListQuery,
  list: (db, f) => listYears(db, f),
  listAll: (db, f) => allYears(db, f),
  find: findYear,
  findByKey: (db, v) => (typeof v.enterpriseId === "string" && typeof v.year === "number" ? findYearOf(db, v.enterpriseId, v.year) : Promise.resolve(undefined)),
  present: presentYears,
  scope: unitScope,
  createSchema: YearCreate,
  updateSchema: YearUpdate,
  // A row belongs to its enterprise's supervising unit.
  unitOf: (input, db) => unitOfEnterprise(db, input.enterpriseId),
  save: (ctx, existing, input) => enterpriseYearSaver(ctx, existing, input),
  sheet: {
    spec: {
      sheetName: "企业用水与工业增加值",
      keyColumn: "enterpriseId",
      uniqueBy: ["enterpriseId", "year"],
      columns: [
        { key: "enterpriseId", header: "企业", kind: "ref", ref: "enterprise", required: true, example: "ZZ-QY-001", note: "企业编号或名称", width: 22 },
        { key: "year", header: "年度", kind: "integer", required: true, min: 2000, max: 2100, example: "2022", note: "", width: 8 },
        { key: "waterM3", header: "工业用水量(m³)", kind: "number", min: 0, example: "125000", note: "新水取用量（含冷却水，不含重复利用）", width: 16 },
        { key: "valueAddedWan", header: "工业增加值(万元)", kind: "number", min: 0, example: "12800", note: "按可比价计", width: 16 },
        { key: "reusedM3", header: "重复利用水量(m³)", kind: "number", min: 0, example: "", note: "可选", width: 16 },
        { key: "note", header: "备注", kind: "text", maxLength: 1000, example: "", note: "可选", width: 20 },
      ],
    },
    refs: async (db) => {
      const rows = await enterpriseNameRows(db);
      return { enterprise: lookupOf(rows.map((e) => ({ id: e.id, name: e.code })), rows.map((e) => ({ id: e.id, name: e.name }))) };
    },
    toValues: (r) => ({ enterpriseId: r.enterprise_id, year: r.year, waterM3: r.water_m3, valueAddedWan: r.value_added_wan, reusedM3: r.reused_m3, note: r.note }),
  },
};

/** The supervising unit of an enterprise (the unit an enterprise-year belongs to). */
export async function unitOfEnterprise(db: Kysely<DB>, enterpriseId: unknown): Promise<string | null> {
  return typeof enterpriseId === "string" ? (await findEnterprise(db, enterpriseId))?.unit_id ?? null : null;
}
