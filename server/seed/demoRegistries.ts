/**
 * @module Demo registries of the demo district (演示数据): the river register from the shared demo courses
 * (domain/registries/demoRivers.ts — 大沙河, 白马门河, 新河, 南水北调总干渠中站段, approximate geometry near Zhongzhan,
 * Jiaozuo), the demo monitoring points linked to their rivers, and a 河湖长 directory whose people are marked
 * （演示）. Every record carries demo = true and the UI tags it 演示. Called once from server/seed/demo.ts.
 */
import type { CommandContext } from "../context";
import { DEMO_RIVER_RECORDS } from "../../domain/registries/demoRivers";
import type { ChiefLevel } from "../../domain/registries/rivers";
import { riverSaver } from "../commands/riverSaver";
import { riverChiefSaver } from "../commands/riverChiefSaver";
import { linkPointsByWaterBody } from "../repositories/river.repository";
import { findUserByUsername } from "../repositories/user.repository";

/** Demo chiefs: river, level, name, position, reach, keeping unit, platform account. */
const DEMO_CHIEFS: { river: string; level: ChiefLevel; name: string; position: string; reach: string | null; unit: string; username?: string }[] = [
  { river: "大沙河", level: "district", name: "赵河长（演示）", position: "区委书记", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "大沙河", level: "subdistrict", name: "府城办事处河长（演示）", position: "府城办事处主任", reach: "府城办事处段", unit: "府城办事处", username: "river.chief" },
  { river: "大沙河", level: "village", name: "李村河长（演示）", position: "府城办事处某村党支部书记", reach: "某村段", unit: "府城办事处" },
  { river: "白马门河", level: "district", name: "钱河长（演示）", position: "区长", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "白马门河", level: "subdistrict", name: "府城办事处河长（演示）", position: "府城办事处主任", reach: "府城办事处段", unit: "府城办事处", username: "river.chief" },
  { river: "新河", level: "district", name: "孙河长（演示）", position: "区委副书记", reach: null, unit: "区污染防治攻坚战领导小组办公室" },
  { river: "新河", level: "subdistrict", name: "冯封办事处河长（演示）", position: "冯封办事处主任", reach: "冯封办事处段", unit: "冯封办事处" },
  { river: "南水北调总干渠中站段", level: "district", name: "周河长（演示）", position: "副区长", reach: "中站段", unit: "区污染防治攻坚战领导小组办公室" },
];

/** What the demo registries created, for the other demo seeds. */
export interface DemoRegistryIds {
  rivers: Map<string, string>;
  chiefs: Map<string, string>;
}

/** Seeds the demo registries; `unitIds` maps unit names to ids. */
export async function seedDemoRegistries(ctx: CommandContext, unitIds: Map<string, string>): Promise<DemoRegistryIds> {
  const rivers = new Map<string, string>();
  for (const r of DEMO_RIVER_RECORDS) {
    const row = await riverSaver(ctx, undefined, {
      name: r.name, kind: r.kind, geometry: { type: "LineString", coordinates: r.coordinates }, basin: r.basin,
      unitId: unitIds.get("区农业农村局") ?? null, note: "演示数据：位置为示意，非测绘成果", demo: true,
    });
    rivers.set(r.name, row.id);
    await linkPointsByWaterBody(ctx.trx, row.id, r.waterBody);
  }
  const chiefs = new Map<string, string>();
  for (const c of DEMO_CHIEFS) {
    const user = c.username ? await findUserByUsername(ctx.trx, c.username) : undefined;
    const row = await riverChiefSaver(ctx, undefined, {
      riverId: rivers.get(c.river)!, level: c.level, name: c.name, position: c.position, reach: c.reach,
      phone: null, userId: user?.id ?? null, unitId: unitIds.get(c.unit) ?? null, demo: true,
    });
    chiefs.set(`${c.river}/${c.level}`, row.id);
  }
  return { rivers, chiefs };
}
