/**
 * @module Records or changes an enterprise's figures for a year (seed plan task 13, reference §9): 工业用水量 (new-water
 * intake, m³), 工业增加值 (万元 at comparable prices) and optionally the water reused; one row per enterprise and
 * year. Audited on the enterprise-year with what changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import type { EnterpriseYearRow } from "../db/tables/enterprises";
import { findEnterprise, findYearOf, insertYear, updateYear } from "../repositories/enterprise.repository";
import { changes } from "../registries/diff";

/** An enterprise-year's fields; on update, absent fields stay (null clears). */
export interface YearInput {
  enterpriseId?: string;
  year?: number;
  waterM3?: number | null;
  valueAddedWan?: number | null;
  reusedM3?: number | null;
  note?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the figures. */
export async function enterpriseYearSaver(ctx: CommandContext, existing: EnterpriseYearRow | undefined, p: YearInput): Promise<EnterpriseYearRow> {
  const issues: FieldIssue[] = [];
  const enterpriseId = p.enterpriseId ?? existing?.enterprise_id ?? "";
  const year = p.year ?? existing?.year;
  const enterprise = enterpriseId ? await findEnterprise(ctx.trx, enterpriseId) : undefined;
  if (!enterprise) issues.push({ path: "enterpriseId", message: "请选择企业" });
  if (!year) issues.push({ path: "year", message: "请填写年度" });
  const water = pick(p.waterM3, existing?.water_m3);
  const value = pick(p.valueAddedWan, existing?.value_added_wan);
  if (water === null && value === null) issues.push({ path: "waterM3", message: "用水量和工业增加值至少填写一项" });
  if (issues.length) throw ValidationError(issues);
  const same = await findYearOf(ctx.trx, enterpriseId, year!);
  if (same && same.id !== existing?.id) throw Conflict(`${enterprise!.name} ${year} 年的数据已存在`, { issues: [{ path: "year", message: "该年度已有数据" }] });
  const fields = { enterprise_id: enterpriseId, year: year!, water_m3: water, value_added_wan: value, reused_m3: pick(p.reusedM3, existing?.reused_m3), note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false };
  const row = existing ? await updateYear(ctx.trx, existing.id, fields) : await insertYear(ctx.trx, fields);
  await audit(ctx, {
    action: existing ? "enterprise_year.update" : "enterprise_year.create",
    entityType: "enterprise_year",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing ? { changes: changes(existing, row, ["enterprise_id", "year", "water_m3", "value_added_wan", "reused_m3", "note"]) } : { enterprise: enterprise!.code, year, waterM3: water, valueAddedWan: value },
  });
  return row;
}
