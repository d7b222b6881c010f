/**
 * @module Creates or changes a river of the register: a unique name, a kind, and optionally its course or outline
 * as GeoJSON (lines for rivers and canals, polygons for lakes and reservoirs — a lake may also be drawn as its
 * shoreline), its length (computed from the course when not given), basin and keeping unit. Audited with the
 * fields that changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { geometryProblem, lengthKm, type Geometry, type GeometryType } from "../../domain/registries/geo";
import type { RiverKind } from "../../domain/registries/rivers";
import type { RiverRow } from "../db/tables/registries";
import { findRiverByName, insertRiver, updateRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A river's fields; on update, absent fields stay (null clears). */
export interface RiverInput {
  name?: string;
  kind?: RiverKind;
  geometry?: Geometry | null;
  lengthKm?: number | null;
  basin?: string | null;
  unitId?: string | null;
  note?: string | null;
  /** Seeded demo data (the seed sets it; users do not). */
  demo?: boolean;
}

const ALLOWED: Record<RiverKind, GeometryType[]> = {
  river: ["LineString", "MultiLineString"],
  canal: ["LineString", "MultiLineString"],
  lake: ["Polygon", "MultiPolygon", "LineString"],
  reservoir: ["Polygon", "MultiPolygon", "LineString"],
};

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the river. */
export async function riverSaver(ctx: CommandContext, existing: RiverRow | undefined, p: RiverInput): Promise<RiverRow> {
  const name = (p.name ?? existing?.name ?? "").trim();
  const kind = p.kind ?? existing?.kind ?? "river";
  const geometry = pick(p.geometry, existing?.geometry as Geometry | null | undefined) as Geometry | null;
  const issues: FieldIssue[] = [];
  if (!name) issues.push({ path: "name", message: "请填写名称" });
  if (geometry) {
    const problem = geometryProblem(geometry, ALLOWED[kind]);
    if (problem) issues.push({ path: "geometry", message: problem });
  }
  const unitId = pick(p.unitId, existing?.unit_id);
  if (unitId && !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "单位不存在" });
  if (issues.length) throw ValidationError(issues);
  const same = await findRiverByName(ctx.trx, name);
  if (same && same.id !== existing?.id) throw Conflict(`河湖“${name}”已在名录中`, { issues: [{ path: "name", message: "名称已存在" }] });
  let length = pick(p.lengthKm, existing?.length_km);
  // A course given without a length: its length on the map, to 0.1 km.
  if (length === null && geometry && (geometry.type === "LineString" || geometry.type === "MultiLineString")) length = Math.round(lengthKm(geometry) * 10) / 10;
  const fields = {
    name, kind, geometry: geometry ? JSON.stringify(geometry) : null, length_km: length,
    basin: pick(p.basin, existing?.basin), unit_id: unitId, note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false,
  };
  const row = existing ? await updateRiver(ctx.trx, existing.id, fields) : await insertRiver(ctx.trx, fields);
  await audit(ctx, {
    action: existing ? "river.update" : "river.create",
    entityType: "river",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing ? { changes: changes(existing, row, ["name", "kind", "geometry", "length_km", "basin", "unit_id", "note"]) } : { name, kind, lengthKm: length },
  });
  return row;
}
