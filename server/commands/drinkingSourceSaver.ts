/**
 * @module Creates or changes a 集中式饮用水水源地 (seed plan 三(二)5): code and name, kind and level, the water it
 * takes from, keeping unit, water works, population and capacity, the zones' approval, 规范化建设, the three
 * protection zones (polygons, nested: 一级 in 二级 in 准保护区) and its intakes — monitoring points of kind
 * drinking_intake named by their codes, each the intake of one source only. Audited with what changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { geometryProblem, type Geometry } from "../../domain/registries/geo";
import { zoneNestingProblems, ZONES, type SourceKind, type SourceLevel, type Zone } from "../../domain/registries/drinkingSource";
import type { DrinkingSourceRow } from "../db/tables/enterprises";
import { findSource, findSourceByCode, insertSource, intakesOf, pointsByCodes, replaceIntakes, updateSource } from "../repositories/drinkingSource.repository";
import { findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** A source's fields; on update, absent fields stay (null clears). */
export interface SourceInput {
  code?: string;
  name?: string;
  sourceKind?: SourceKind;
  level?: SourceLevel;
  riverId?: string | null;
  unitId?: string;
  waterWorks?: string | null;
  populationWan?: number | null;
  capacityWanM3d?: number | null;
  approval?: string | null;
  standardized?: boolean | null;
  zone1?: Geometry | null;
  zone2?: Geometry | null;
  zone3?: Geometry | null;
  lon?: number | null;
  lat?: number | null;
  /** Codes of the intake points (replaces the list). */
  intakeCodes?: string[] | null;
  note?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);
const COLUMN: Record<Zone, "zone1" | "zone2" | "zone3"> = { zone1: "zone1", zone2: "zone2", zone3: "zone3" };

/** Saves the source and its intakes. */
export async function drinkingSourceSaver(ctx: CommandContext, existing: DrinkingSourceRow | undefined, p: SourceInput): Promise<DrinkingSourceRow> {
  const issues: FieldIssue[] = [];
  const code = (p.code ?? existing?.code ?? "").trim();
  const name = (p.name ?? existing?.name ?? "").trim();
  const unitId = p.unitId ?? existing?.unit_id ?? "";
  const riverId = pick(p.riverId, existing?.river_id);
  const kind = p.sourceKind ?? existing?.source_kind;
  const level = p.level ?? existing?.level;
  if (!code) issues.push({ path: "code", message: "请填写编号" });
  if (!name) issues.push({ path: "name", message: "请填写名称" });
  if (!kind) issues.push({ path: "sourceKind", message: "请选择水源类型" });
  if (!level) issues.push({ path: "level", message: "请选择水源级别" });
  if (!unitId || !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "请选择负责单位" });
  if (riverId && !(await findRiver(ctx.trx, riverId))) issues.push({ path: "riverId", message: "河湖不存在" });
  const zones = Object.fromEntries(ZONES.map((z) => [z, pick(p[z], existing?.[COLUMN[z]] as Geometry | null | undefined) as Geometry | null])) as Record<Zone, Geometry | null>;
  for (const z of ZONES) {
    const problem = zones[z] ? geometryProblem(zones[z], ["Polygon", "MultiPolygon"]) : null;
    if (problem) issues.push({ path: z, message: problem });
  }
  if (!issues.some((i) => ZONES.includes(i.path as Zone))) for (const x of zoneNestingProblems(zones)) issues.push({ path: x.zone, message: x.message });
  const lon = pick(p.lon, existing?.lon);
  const lat = pick(p.lat, existing?.lat);
  if ((lon === null) !== (lat === null)) issues.push({ path: lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });

  // Intakes: drinking_intake points, not already another source's.
  let intakeIds: string[] | null = null;
  if (p.intakeCodes !== undefined && p.intakeCodes !== null) {
    const codes = [...new Set(p.intakeCodes.map((c) => c.trim()).filter(Boolean))];
    const points = await pointsByCodes(ctx.trx, codes);
    const problems: string[] = [];
    for (const c of codes) {
      const pt = points.find((x) => x.code.toLowerCase() === c.toLowerCase());
      if (!pt) problems.push(`站点“${c}”不存在`);
      else if (pt.kind !== "drinking_intake") problems.push(`站点“${c}”不是饮用水取水口`);
      else if (pt.source_id && pt.source_id !== existing?.id) problems.push(`取水口“${c}”已属于其他水源地`);
    }
    if (problems.length) issues.push({ path: "intakeCodes", message: problems.join("；") });
    intakeIds = points.map((x) => x.id);
  } else if (p.intakeCodes === null && existing) intakeIds = [];
  if (issues.length) throw ValidationError(issues);

  const same = await findSourceByCode(ctx.trx, code);
  if (same && same.id !== existing?.id) throw Conflict(`编号“${code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const json = (g: Geometry | null) => (g ? JSON.stringify(g) : null);
  const fields = {
    code, name, source_kind: kind!, level: level!, river_id: riverId, unit_id: unitId,
    water_works: pick(p.waterWorks, existing?.water_works), population_wan: pick(p.populationWan, existing?.population_wan),
    capacity_wan_m3_d: pick(p.capacityWanM3d, existing?.capacity_wan_m3_d), approval: pick(p.approval, existing?.approval),
    standardized: p.standardized ?? existing?.standardized ?? false,
    zone1: json(zones.zone1), zone2: json(zones.zone2), zone3: json(zones.zone3), lon, lat,
    note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false,
  };
  const before = existing ? (await intakesOf(ctx.trx, [existing.id])).map((i) => i.code) : [];
  let row = existing ? await updateSource(ctx.trx, existing.id, fields) : await insertSource(ctx.trx, fields);
  if (intakeIds) {
    await replaceIntakes(ctx.trx, row.id, intakeIds);
    row = (await findSource(ctx.trx, row.id))!;
  }
  const after = intakeIds ? (await intakesOf(ctx.trx, [row.id])).map((i) => i.code) : before;
  const changed = existing
    ? changes(existing, row, ["code", "name", "source_kind", "level", "river_id", "unit_id", "water_works", "population_wan", "capacity_wan_m3_d", "approval", "standardized", "zone1", "zone2", "zone3", "lon", "lat", "note"])
    : {};
  if (JSON.stringify(before) !== JSON.stringify(after)) changed.intakes = [before, after];
  await audit(ctx, {
    action: existing ? "drinking_source.update" : "drinking_source.create",
    entityType: "drinking_source",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing ? { changes: changed } : { code, name, kind, level, unitId, intakes: after, zones: ZONES.filter((z) => zones[z]) },
  });
  return row;
}
