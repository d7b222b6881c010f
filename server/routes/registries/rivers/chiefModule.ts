/**
 * @module The 河湖长 directory as a registry: one entry per person per river, by level (区级 / 街道级 / 村级), with
 * position, reach, contact (staff only), platform account and keeping unit (which edits it, with the office).
 */
import type { z } from "zod";
import type { RiverChiefRow } from "../../../db/tables/registries";
import { CHIEF_LEVEL_LABELS, CHIEF_LEVELS, optionsOf } from "../../../../domain/registries/rivers";
import { riverChiefSaver } from "../../../commands/riverChiefSaver";
import { allChiefs, findChief, findChiefByName, listChiefs } from "../../../repositories/river.repository";
import { namesOf, usernamesOf } from "../../../repositories/registryRefs.repository";
import type { RegistryModule } from "../../../registries/definition";
import { unitScope } from "../../../registries/definition";
import { riverLookup, unitLookup, userLookup } from "../../../registries/refs";
import { ChiefCreate, ChiefListQuery, ChiefUpdate } from "./schema";

const iso = (d: Date) => new Date(d).toISOString();

/** The 河湖长 registry. */
export const riverChiefModule: RegistryModule<RiverChiefRow, z.infer<typeof ChiefListQuery>, z.infer<typeof ChiefCreate>> = {
  key: "river-chiefs",
  entityType: "river_chief",
  title: "河湖长名录",
  filterSchema: ChiefListQuery,
  list: (db, f) => listChiefs(db, f),
  listAll: (db, f) => allChiefs(db, f),
  find: findChief,
  findByKey: (db, v) => (typeof v.riverId === "string" && typeof v.name === "string" ? findChiefByName(db, v.riverId, v.name) : Promise.resolve(undefined)),
  async present(db, rows) {
    const names = await namesOf(db, { unitIds: rows.map((r) => r.unit_id), riverIds: rows.map((r) => r.river_id) });
    const users = await usernamesOf(db, rows.map((r) => r.user_id));
    return rows.map((r) => ({
      id: r.id,
      riverId: r.river_id,
      riverName: names.rivers.get(r.river_id) ?? null,
      level: r.level,
      name: r.name,
      position: r.position,
      reach: r.reach,
      phone: r.phone,
      userId: r.user_id,
      username: r.user_id ? users.get(r.user_id) ?? null : null,
      unitId: r.unit_id,
      unitName: r.unit_id ? names.units.get(r.unit_id) ?? null : null,
      active: r.active,
      demo: r.demo,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    }));
  },
  scope: unitScope,
  createSchema: ChiefCreate,
  updateSchema: ChiefUpdate,
  unitOf: (input) => (input.unitId as string | null | undefined) ?? null,
  save: (ctx, existing, input) => riverChiefSaver(ctx, existing, input),
  sheet: {
    spec: {
      sheetName: "河湖长名录",
      keyColumn: "name",
      uniqueBy: ["riverId", "name"],
      columns: [
        { key: "riverId", header: "河湖", kind: "ref", ref: "river", required: true, example: "大沙河", note: "河湖名录中的名称", width: 20 },
        { key: "level", header: "级别", kind: "enum", required: true, options: optionsOf(CHIEF_LEVEL_LABELS, CHIEF_LEVELS), example: "区级河湖长", note: "河湖长级别", width: 14 },
        { key: "name", header: "姓名", kind: "text", required: true, maxLength: 40, example: "张某某", note: "同一河湖的同名记录将被更新", width: 10 },
        { key: "position", header: "职务", kind: "text", required: true, maxLength: 100, example: "区委副书记", note: "现任职务", width: 20 },
        { key: "reach", header: "负责河段", kind: "text", maxLength: 100, example: "府城办事处段", note: "留空表示全河（湖）", width: 16 },
        { key: "phone", header: "联系电话", kind: "text", maxLength: 30, example: "0391-0000000", note: "仅内部可见，不对外公开", width: 16 },
        { key: "userId", header: "平台账号", kind: "ref", ref: "user", example: "river.chief", note: "河湖长在本平台的用户名（接收预警、核查问题）", width: 14 },
        { key: "unitId", header: "所属单位", kind: "ref", ref: "unit", example: "府城办事处", note: "维护该记录的单位", width: 18 },
        { key: "active", header: "在任", kind: "boolean", example: "是", note: "是 / 否；留空为是", width: 6 },
      ],
    },
    refs: async (db) => ({ river: await riverLookup(db), unit: await unitLookup(db), user: await userLookup(db) }),
    toValues: (r) => ({ riverId: r.river_id, level: r.level, name: r.name, position: r.position, reach: r.reach, phone: r.phone, userId: r.user_id, unitId: r.unit_id, active: r.active }),
  },
};
