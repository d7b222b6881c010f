/**
 * @module WWTP sludge years (污水处理厂污泥产生与处置, seed plan task 3: 压减污泥填埋规模) as a registry: per plant and
 * year the sludge produced and disposed of by landfill, incineration, co-processing and beneficial use, with the
 * landfill and safe-disposal shares. A row belongs to its plant's unit; the plant's page shows the newest year.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema";
import type { WwtpSludgeYearRow } from "../../../db/tables/enterprises";
import { wwtpSludgeSaver } from "../../../commands/wwtpSludgeSaver";
import { allFacilities, findFacility } from "../../../repositories/facility.repository";
import { allSludgeYears, findSludgeYear, findSludgeYearOf, listSludgeYears } from "../../../repositories/wwtpSludge.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { lookupOf } from "../../../registries/refs";
import { sludgeShares } from "../../../../domain/registries/facility";
import { SludgeCreate, SludgeListQuery, SludgeUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** Sludge years as the API shows them, with the plant and the shares. */
export async function presentSludgeYears(db: Kysely<DB>, rows: WwtpSludgeYearRow[]) {
  const plants = new Map((await allFacilities(db, { kind: "wwtp" })).map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id, facilityId: r.facility_id, facilityCode: plants.get(r.facility_id)?.code ?? null, facilityName: plants.get(r.facility_id)?.name ?? null,
    unitId: r.unit_id, year: r.year, producedT: r.produced_t, landfillT: r.landfill_t, incinerationT: r.incineration_t, coprocessT: r.coprocess_t, reuseT: r.reuse_t,
    shares: sludgeShares({ producedT: r.produced_t, landfillT: r.landfill_t, incinerationT: r.incineration_t, coprocessT: r.coprocess_t, reuseT: r.reuse_t }),
    note: r.note, demo: r.demo, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }));
}

const t = (key: string, header: string, note: string, example: string) => ({ key, header: `${header}(t)`, kind: "number" as const, min: 0, max: 1e7, example, note, width: 14 });

/** The sludge-year registry. */
export const wwtpSludgeModule: RegistryModule<WwtpSludgeYearRow, z.infer<typeof SludgeListQuery>, z.infer<typeof SludgeCreate>> = {
  key: "wwtp-sludge-years",
  entityType: "wwtp_sludge_year",
  title: "污水处理厂污泥处置",
  filterSchema: SludgeListQuery,
  list: (db, f) => listSludgeYears(db, f),
  listAll: (db, f) => allSludgeYears(db, f),
  find: findSludgeYear,
  findByKey: (db, v) => (typeof v.facilityId === "string" && typeof v.year === "number" ? findSludgeYearOf(db, v.facilityId, v.year) : Promise.resolve(undefined)),
  present: presentSludgeYears,
  scope: unitScope,
  createSchema: SludgeCreate,
  updateSchema: SludgeUpdate,
  // A row belongs to its plant's unit (any facility's, so that the saver can say it is not a WWTP).
  unitOf: async (input, db) => (typeof input.facilityId === "string" ? (await findFacility(db, input.facilityId))?.unit_id ?? null : null),
  save: (ctx, existing, input) => wwtpSludgeSaver(ctx, existing, input),
  sheet: {
    spec: {
      sheetName: "污水处理厂污泥处置",
      keyColumn: "facilityId",
      uniqueBy: ["facilityId", "year"],
      columns: [
        { key: "facilityId", header: "污水处理厂", kind: "ref", ref: "wwtp", required: true, example: "WS-001", note: "污水处理厂编号或名称", width: 22 },
        { key: "year", header: "年度", kind: "integer", required: true, min: 2000, max: 2100, example: "2022", note: "", width: 8 },
        t("producedT", "污泥产生量", "按含水率 80% 计；必填", "5200"),
        t("landfillT", "填埋处置量", "任务3：压减填埋规模", "800"),
        t("incinerationT", "焚烧处置量", "含生物质利用＋焚烧", "2400"),
        t("coprocessT", "协同处置量", "垃圾焚烧发电厂、水泥窑、燃煤电厂协同处置", "1500"),
        t("reuseT", "资源化利用量", "土地利用、建材利用等；各处置量合计不超过产生量", "500"),
        { key: "note", header: "备注", kind: "text", maxLength: 1000, example: "", note: "可选", width: 20 },
      ],
    },
    refs: async (db) => {
      const rows = await allFacilities(db, { kind: "wwtp" });
      return { wwtp: lookupOf(rows.map((f) => ({ id: f.id, name: f.code })), rows.map((f) => ({ id: f.id, name: f.name }))) };
    },
    toValues: (r) => ({ facilityId: r.facility_id, year: r.year, producedT: r.produced_t, landfillT: r.landfill_t, incinerationT: r.incineration_t, coprocessT: r.coprocess_t, reuseT: r.reuse_t, note: r.note }),
  },
};
