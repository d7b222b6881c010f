/**
 * @module The demo district created on first start of an empty database: the units of the seed plan
 * (区直部门, 分局, 办事处, 攻坚办) with their aliases, one demo user per role, a demo monitoring network, and the seed
 * plan itself (19 tasks) imported. Passwords are random unless
 * DEMO_PASSWORD is set; they are returned so the caller prints them once.
 */
import { randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Role, UnitKind } from "../db/schema";
import { unitSaver } from "../commands/unitSaver";
import { userCreator } from "../commands/userCreator";
import { countUnits } from "../repositories/unit.repository";
import { DEMO_UNITS } from "./units";
import { seedDemoMonitoring } from "./demoMonitoring";
import { seedDemoQuality } from "./demoQuality";
import { seedDemoRegistries } from "./demoRegistries";
import { seedDemoEnterprises } from "./demoEnterprises";
import { seedDemoPublic } from "./demoPublic";
import { seedDemoPlan } from "../plans/demoPlan";
export { SEED_PLAN_TEXT } from "../plans/demoPlan";

/** A demo account as printed to the console. */
export interface DemoCredential {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unit: string;
}

/** The demo accounts: one per role. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: "admin", displayName: "攻坚办管理员", role: "office_admin", unit: "区污染防治攻坚战领导小组办公室" },
  { username: "eco.head", displayName: "生态环境分局负责人", role: "unit_head", unit: "中站生态环境分局" },
  { username: "eco.staff", displayName: "生态环境分局工作人员", role: "unit_staff", unit: "中站生态环境分局" },
  { username: "operator", displayName: "监测运维人员", role: "monitoring_operator", unit: "中站生态环境分局" },
  { username: "river.chief", displayName: "府城办事处河长", role: "river_chief", unit: "府城办事处" },
  { username: "auditor", displayName: "审计员", role: "auditor", unit: "区污染防治攻坚战领导小组办公室" },
];

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
function randomPassword(): string {
  return Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * Creates the demo district if the database has no units yet; returns the credentials created, or null when the
 * database already had data. Everything is one transaction, audited as the system.
 */
export async function seedDemoDistrict(db: Kysely<DB>, fixedPassword?: string): Promise<DemoCredential[] | null> {
  return db.transaction().execute(async (trx) => {
    if ((await countUnits(trx)) > 0) return null;
    const ctx = { trx, actor: { id: null, name: "系统（演示数据）" }, ip: null, correlationId: "seed" };
    const ids = new Map<string, string>();
    for (const [i, u] of DEMO_UNITS.entries()) {
      const unit = await unitSaver(ctx, { name: u.name, kind: u.kind as UnitKind, aliases: [...u.aliases], sort: i });
      ids.set(u.name, unit.id);
    }
    const creds: DemoCredential[] = [];
    for (const d of DEMO_USERS) {
      const password = fixedPassword ?? randomPassword();
      const unitId = ids.get(d.unit);
      if (!unitId) throw new Error(`demo unit missing: ${d.unit}`);
      await userCreator(ctx, {
        username: d.username,
        displayName: d.displayName,
        password,
        roles: [d.role],
        unitIds: [unitId],
        mustChangePassword: false,
      });
      creds.push({ ...d, password });
    }
    await seedDemoMonitoring(ctx, ids);
    await seedDemoQuality(ctx);
    await seedDemoRegistries(ctx, ids);
    await seedDemoEnterprises(ctx, ids);
    await seedDemoPublic(ctx, ids);
    await seedDemoPlan(ctx);
    return creds;
  });
}
