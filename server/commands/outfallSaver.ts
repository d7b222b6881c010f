/**
 * @module Registers or changes an 入河排污口 (查, 排查: 有口皆查、应查尽查): code, name, its HJ 1312-2023 type (a
 * description for 其他（未列明）), receiving water (a river of the register or a named water), the keeping unit,
 * 责任主体, location and coordinates, the day it was found. A new outfall may be registered at any stage (an
 * existing ledger brought in); afterwards the stage moves only through the lifecycle (outfallTransitioner), so a
 * save that tries to change it is refused. Audited with the fields that changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { outfallType } from "../../domain/registries/outfallTypes";
import { toIsoDate } from "../../domain/supervision/days";
import type { OutfallRow, OutfallStageValue, RemediationKindValue } from "../db/tables/registries";
import { findOutfallByCode, insertOutfall, updateOutfall } from "../repositories/outfall.repository";
import { findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** An outfall's fields; on update, absent fields stay (null clears). */
export interface OutfallInput {
  code?: string;
  name?: string;
  typeCode?: string;
  typeNote?: string | null;
  riverId?: string | null;
  receivingWater?: string | null;
  unitId?: string;
  responsibleParty?: string | null;
  location?: string | null;
  lon?: number | null;
  lat?: number | null;
  foundOn?: string;
  /** Only when registering (a ledger brought in); must equal the current stage after. */
  stage?: OutfallStageValue | null;
  stageSince?: string | null;
  remediationKind?: RemediationKindValue | null;
  /** 销号 day (new outfalls registered as closed only). */
  closedOn?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the outfall. */
export async function outfallSaver(ctx: CommandContext, existing: OutfallRow | undefined, p: OutfallInput): Promise<OutfallRow> {
  const f = {
    code: (p.code ?? existing?.code ?? "").trim(),
    name: (p.name ?? existing?.name ?? "").trim(),
    type_code: p.typeCode ?? existing?.type_code ?? "",
    type_note: pick(p.typeNote, existing?.type_note),
    river_id: pick(p.riverId, existing?.river_id),
    receiving_water: pick(p.receivingWater, existing?.receiving_water),
    unit_id: p.unitId ?? existing?.unit_id ?? "",
    responsible_party: pick(p.responsibleParty, existing?.responsible_party),
    location: pick(p.location, existing?.location),
    lon: pick(p.lon, existing?.lon),
    lat: pick(p.lat, existing?.lat),
    found_on: p.foundOn ?? existing?.found_on ?? toIsoDate(Date.now()),
    remediation_kind: existing ? existing.remediation_kind : (p.remediationKind ?? null),
    demo: p.demo ?? existing?.demo ?? false,
  };
  const issues: FieldIssue[] = [];
  if (!f.code) issues.push({ path: "code", message: "请填写编号" });
  if (!f.name) issues.push({ path: "name", message: "请填写名称" });
  if (!outfallType(f.type_code)) issues.push({ path: "typeCode", message: "请选择 HJ 1312-2023 排污口类型" });
  if (f.type_code === "other.unlisted" && !f.type_note?.trim()) issues.push({ path: "typeNote", message: "“其他（未列明）”须说明排口类型" });
  if (!f.river_id && !f.receiving_water?.trim()) issues.push({ path: "riverId", message: "请填写受纳水体" });
  if (f.river_id && !(await findRiver(ctx.trx, f.river_id))) issues.push({ path: "riverId", message: "河湖不存在" });
  if (!f.unit_id || !(await unitExists(ctx.trx, f.unit_id))) issues.push({ path: "unitId", message: "请选择责任单位" });
  if ((f.lon === null) !== (f.lat === null)) issues.push({ path: f.lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });
  if (existing && p.stage && p.stage !== existing.stage) issues.push({ path: "stage", message: "阶段须通过查、测、溯、治流程推进" });
  if (issues.length) throw ValidationError(issues);
  const same = await findOutfallByCode(ctx.trx, f.code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${f.code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const row = existing
    ? await updateOutfall(ctx.trx, existing.id, f)
    : await insertOutfall(ctx.trx, { ...f, stage: p.stage ?? "investigation", stage_since: p.stageSince ?? f.found_on, closed_on: p.stage === "closed" ? p.closedOn ?? p.stageSince ?? f.found_on : null });
  await audit(ctx, {
    action: existing ? "outfall.update" : "outfall.create",
    entityType: "outfall",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["code", "name", "type_code", "type_note", "river_id", "receiving_water", "unit_id", "responsible_party", "location", "lon", "lat", "found_on"]) }
      : { code: row.code, name: row.name, typeCode: row.type_code, stage: row.stage, foundOn: row.found_on },
  });
  return row;
}
