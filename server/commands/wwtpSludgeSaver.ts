/**
 * @module Records or changes a WWTP's sludge for a year (seed plan task 3: 压减污泥填埋规模): produced and disposed of
 * by route, the routes together not above what was produced (domain/registries/facility.ts `sludgeProblem`); one
 * row per plant and year. Audited on the sludge year with what changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import type { WwtpSludgeYearRow } from "../db/tables/enterprises";
import { findFacility } from "../repositories/facility.repository";
import { findSludgeYearOf, insertSludgeYear, updateSludgeYear } from "../repositories/wwtpSludge.repository";
import { changes } from "../registries/diff";
import { sludgeProblem } from "../../domain/registries/facility";

/** A sludge year's fields; on update, absent fields stay (null clears). */
export interface SludgeInput {
  facilityId?: string;
  year?: number;
  producedT?: number | null;
  landfillT?: number | null;
  incinerationT?: number | null;
  coprocessT?: number | null;
  reuseT?: number | null;
  note?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the figures. */
export async function wwtpSludgeSaver(ctx: CommandContext, existing: WwtpSludgeYearRow | undefined, p: SludgeInput): Promise<WwtpSludgeYearRow> {
  const issues: FieldIssue[] = [];
  const facilityId = p.facilityId ?? existing?.facility_id ?? "";
  const year = p.year ?? existing?.year;
  const plant = facilityId ? await findFacility(ctx.trx, facilityId, "wwtp") : undefined;
  if (!plant) issues.push({ path: "facilityId", message: "请选择污水处理厂" });
  if (!year) issues.push({ path: "year", message: "请填写年度" });
  const fig = {
    produced_t: pick(p.producedT, existing?.produced_t), landfill_t: pick(p.landfillT, existing?.landfill_t), incineration_t: pick(p.incinerationT, existing?.incineration_t),
    coprocess_t: pick(p.coprocessT, existing?.coprocess_t), reuse_t: pick(p.reuseT, existing?.reuse_t),
  };
  if (fig.produced_t === null) issues.push({ path: "producedT", message: "请填写污泥产生量" });
  else {
    const problem = sludgeProblem({ producedT: fig.produced_t, landfillT: fig.landfill_t, incinerationT: fig.incineration_t, coprocessT: fig.coprocess_t, reuseT: fig.reuse_t });
    if (problem) issues.push({ path: "landfillT", message: problem });
  }
  if (issues.length) throw ValidationError(issues);
  const same = await findSludgeYearOf(ctx.trx, facilityId, year!);
  if (same && same.id !== existing?.id) throw Conflict(`${plant!.name} ${year} 年的污泥数据已存在`, { issues: [{ path: "year", message: "该年度已有数据" }] });
  const fields = { facility_id: facilityId, year: year!, ...fig, note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false };
  const row = existing ? await updateSludgeYear(ctx.trx, existing.id, fields) : await insertSludgeYear(ctx.trx, fields);
  await audit(ctx, {
    action: existing ? "wwtp_sludge_year.update" : "wwtp_sludge_year.create",
    entityType: "wwtp_sludge_year",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing
      ? { changes: changes(existing, row, ["facility_id", "year", "produced_t", "landfill_t", "incineration_t", "coprocess_t", "reuse_t", "note"]) }
      : { plant: plant!.code, year, ...fig },
  });
  return row;
}
