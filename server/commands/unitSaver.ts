/**
 * @module Creates or changes a unit of the directory and its aliases. A name or alias names one unit only.
 */
import type { UnitKind } from "../db/schema";
import { audit, type CommandContext } from "../context";
import { Conflict } from "../errors";
import {
  findUnit,
  insertUnit,
  replaceAliases,
  takenUnitNames,
  updateUnit,
  type UnitWithAliases,
} from "../repositories/unit.repository";

/** A unit's fields; on update, absent fields stay. */
export interface UnitSaverProps {
  /** The unit to change; absent to create one. */
  unit?: UnitWithAliases;
  name?: string;
  kind?: UnitKind;
  aliases?: string[];
  sort?: number;
}

/** Saves the unit; a name or alias already used by another unit is a conflict. */
export async function unitSaver(ctx: CommandContext, p: UnitSaverProps): Promise<UnitWithAliases> {
  const name = (p.name ?? p.unit?.name)!;
  const aliases = [...new Set((p.aliases ?? p.unit?.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== name))];
  const taken = await takenUnitNames(ctx.trx, [name, ...aliases], p.unit?.id);
  if (taken.length) throw Conflict(`名称已被其他单位使用：${taken.join("、")}`, { taken });
  if (!p.unit) {
    const unit = await insertUnit(ctx.trx, { name, kind: p.kind!, sort: p.sort, aliases });
    await audit(ctx, { action: "unit.create", entityType: "unit", entityId: unit.id, unitId: unit.id, data: { name, kind: unit.kind, aliases } });
    return unit;
  }
  await updateUnit(ctx.trx, p.unit.id, { name, kind: p.kind ?? p.unit.kind });
  await replaceAliases(ctx.trx, p.unit.id, aliases);
  await audit(ctx, {
    action: "unit.update",
    entityType: "unit",
    entityId: p.unit.id,
    unitId: p.unit.id,
    data: {
      before: { name: p.unit.name, kind: p.unit.kind, aliases: p.unit.aliases },
      after: { name, kind: p.kind ?? p.unit.kind, aliases },
    },
  });
  return (await findUnit(ctx.trx, p.unit.id))!;
}
