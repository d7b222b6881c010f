/**
 * @module Creates or changes an entry of the 河湖长 directory: a person at a level (区级 / 街道级 / 村级) for a river
 * or a reach of it, with position and contact, optionally linked to a platform account (which then receives the
 * river's notifications and may verify 清四乱 problems on it) and to the unit that keeps the entry. One entry per
 * person per river. Audited with the fields that changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import type { ChiefLevel } from "../../domain/registries/rivers";
import type { RiverChiefRow } from "../db/tables/registries";
import { findChiefByName, findRiver, insertChief, updateChief, userExists } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A chief's fields; on update, absent fields stay (null clears). */
export interface ChiefInput {
  riverId?: string;
  level?: ChiefLevel;
  name?: string;
  position?: string;
  reach?: string | null;
  phone?: string | null;
  userId?: string | null;
  unitId?: string | null;
  active?: boolean;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the chief. */
export async function riverChiefSaver(ctx: CommandContext, existing: RiverChiefRow | undefined, p: ChiefInput): Promise<RiverChiefRow> {
  const f = {
    river_id: p.riverId ?? existing?.river_id ?? "",
    level: p.level ?? existing?.level ?? "district",
    name: (p.name ?? existing?.name ?? "").trim(),
    position: (p.position ?? existing?.position ?? "").trim(),
    reach: pick(p.reach, existing?.reach),
    phone: pick(p.phone, existing?.phone),
    user_id: pick(p.userId, existing?.user_id),
    unit_id: pick(p.unitId, existing?.unit_id),
    active: p.active ?? existing?.active ?? true,
    demo: p.demo ?? existing?.demo ?? false,
  };
  const issues: FieldIssue[] = [];
  if (!f.name) issues.push({ path: "name", message: "请填写姓名" });
  if (!f.position) issues.push({ path: "position", message: "请填写职务" });
  if (!f.river_id || !(await findRiver(ctx.trx, f.river_id))) issues.push({ path: "riverId", message: "河湖不存在" });
  if (f.user_id && !(await userExists(ctx.trx, f.user_id))) issues.push({ path: "userId", message: "账号不存在" });
  if (f.unit_id && !(await unitExists(ctx.trx, f.unit_id))) issues.push({ path: "unitId", message: "单位不存在" });
  if (issues.length) throw ValidationError(issues);
  const same = await findChiefByName(ctx.trx, f.river_id, f.name);
  if (same && same.id !== existing?.id) throw Conflict(`该河湖已有河湖长“${f.name}”`, { issues: [{ path: "name", message: "该河湖已有同名河湖长" }] });
  const row = existing ? await updateChief(ctx.trx, existing.id, f) : await insertChief(ctx.trx, f);
  await audit(ctx, {
    action: existing ? "river_chief.update" : "river_chief.create",
    entityType: "river_chief",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["river_id", "level", "name", "position", "reach", "phone", "user_id", "unit_id", "active"]) }
      : { riverId: row.river_id, level: row.level, name: row.name, position: row.position },
  });
  return row;
}
