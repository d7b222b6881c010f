/**
 * @module Creates or changes an enterprise of the register: code, name (unique), 统一社会信用代码 (check character),
 * 排污许可证编号 and class, validity, industry, address and position, receiving water, keeping unit, pollutants with
 * the 涉氟 rule, declared online monitors, and its outlets — monitoring points of kind outlet named by their codes,
 * each belonging to one enterprise (monitoring_points.enterprise_id). Audited with what changed.
 */
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError, type FieldIssue } from "../errors";
import { creditCodeProblem, fluorideProblem, sortPollutants, type PermitClass } from "../../domain/registries/enterprise";
import type { EnterpriseRow } from "../db/tables/enterprises";
import { enterpriseClash, findEnterprise, findEnterpriseByCode, insertEnterprise, outletsOf, pointsByCodes, setOutlets, updateEnterprise } from "../repositories/enterprise.repository";
import { findRiver } from "../repositories/river.repository";
import { unitExists } from "../repositories/registryRefs.repository";
import { changes } from "../registries/diff";

/** An enterprise's fields; on update, absent fields stay (null clears). */
export interface EnterpriseInput {
  code?: string;
  name?: string;
  creditCode?: string | null;
  permitNo?: string | null;
  permitClass?: PermitClass | null;
  permitValidTo?: string | null;
  industry?: string | null;
  address?: string | null;
  lon?: number | null;
  lat?: number | null;
  riverId?: string | null;
  unitId?: string;
  /** HJ 212 codes. */
  pollutants?: string[] | null;
  fluoride?: boolean | null;
  declaredMonitors?: string[] | null;
  /** Codes of the outlet points (replaces the list). */
  outletCodes?: string[] | null;
  note?: string | null;
  demo?: boolean;
}

const pick = <T>(v: T | undefined, old: T | undefined): T | null => (v !== undefined ? v : old !== undefined ? old : null);

/** Saves the enterprise and its outlets. */
export async function enterpriseSaver(ctx: CommandContext, existing: EnterpriseRow | undefined, p: EnterpriseInput): Promise<EnterpriseRow> {
  const issues: FieldIssue[] = [];
  const code = (p.code ?? existing?.code ?? "").trim();
  const name = (p.name ?? existing?.name ?? "").trim();
  const unitId = p.unitId ?? existing?.unit_id ?? "";
  const riverId = pick(p.riverId, existing?.river_id);
  const creditCode = pick(p.creditCode, existing?.credit_code)?.trim().toUpperCase() || null;
  const permitNo = pick(p.permitNo, existing?.permit_no)?.trim().toUpperCase() || null;
  const pollutants = sortPollutants(p.pollutants !== undefined ? p.pollutants ?? [] : existing?.pollutants ?? []);
  const declared = sortPollutants(p.declaredMonitors !== undefined ? p.declaredMonitors ?? [] : existing?.declared_monitors ?? []);
  const fluoride = p.fluoride ?? existing?.fluoride ?? false;
  if (!code) issues.push({ path: "code", message: "请填写编号" });
  if (!name) issues.push({ path: "name", message: "请填写企业名称" });
  if (!unitId || !(await unitExists(ctx.trx, unitId))) issues.push({ path: "unitId", message: "请选择监管单位" });
  if (riverId && !(await findRiver(ctx.trx, riverId))) issues.push({ path: "riverId", message: "河湖不存在" });
  const creditProblem = creditCode ? creditCodeProblem(creditCode) : null;
  if (creditProblem) issues.push({ path: "creditCode", message: creditProblem });
  // 排污许可证编号: the holder's credit code followed by a sequence (e.g. …001V); only its shape is checked.
  if (permitNo && !/^[0-9A-Z]{18}[0-9A-Z]{1,8}$/.test(permitNo)) issues.push({ path: "permitNo", message: "排污许可证编号应为统一社会信用代码加顺序码（如 914108…001V）" });
  if (permitNo && creditCode && !permitNo.startsWith(creditCode)) issues.push({ path: "permitNo", message: "排污许可证编号的前 18 位应为该企业的统一社会信用代码" });
  const permitClass = pick(p.permitClass, existing?.permit_class);
  if (permitNo && !permitClass) issues.push({ path: "permitClass", message: "有排污许可证编号时须选择管理类别" });
  const f = fluorideProblem(pollutants, fluoride);
  if (f) issues.push({ path: "fluoride", message: f });
  const lon = pick(p.lon, existing?.lon);
  const lat = pick(p.lat, existing?.lat);
  if ((lon === null) !== (lat === null)) issues.push({ path: lon === null ? "lon" : "lat", message: "经度和纬度须同时填写" });

  let outletIds: string[] | null = null;
  if (p.outletCodes !== undefined && p.outletCodes !== null) {
    const codes = [...new Set(p.outletCodes.map((c) => c.trim()).filter(Boolean))];
    const points = await pointsByCodes(ctx.trx, codes);
    const problems: string[] = [];
    for (const c of codes) {
      const pt = points.find((x) => x.code.toLowerCase() === c.toLowerCase());
      if (!pt) problems.push(`站点“${c}”不存在`);
      else if (pt.kind !== "outlet") problems.push(`站点“${c}”不是排口`);
      else if (pt.enterprise_id && pt.enterprise_id !== existing?.id) problems.push(`排口“${c}”已属于其他企业`);
    }
    if (problems.length) issues.push({ path: "outletCodes", message: problems.join("；") });
    outletIds = points.map((x) => x.id);
  } else if (p.outletCodes === null && existing) outletIds = [];
  if (issues.length) throw ValidationError(issues);

  const sameCode = await findEnterpriseByCode(ctx.trx, code);
  if (sameCode && sameCode.id !== existing?.id) throw Conflict(`编号“${code}”已存在`, { issues: [{ path: "code", message: "编号已存在" }] });
  const clash = await enterpriseClash(ctx.trx, { id: existing?.id, name, creditCode, permitNo });
  if (clash) {
    const [path, what] = clash.name === name ? ["name", "企业名称"] : clash.credit_code === creditCode ? ["creditCode", "统一社会信用代码"] : ["permitNo", "排污许可证编号"];
    throw Conflict(`${what}已被“${clash.name}”（${clash.code}）使用`, { issues: [{ path, message: `已被${clash.code}使用` }] });
  }
  const fields = {
    code, name, credit_code: creditCode, permit_no: permitNo, permit_class: permitClass, permit_valid_to: pick(p.permitValidTo, existing?.permit_valid_to),
    industry: pick(p.industry, existing?.industry), address: pick(p.address, existing?.address), lon, lat, river_id: riverId, unit_id: unitId,
    pollutants, fluoride, declared_monitors: declared, note: pick(p.note, existing?.note), demo: p.demo ?? existing?.demo ?? false,
  };
  const before = existing ? (await outletsOf(ctx.trx, [existing.id])).map((o) => o.code) : [];
  let row = existing ? await updateEnterprise(ctx.trx, existing.id, fields) : await insertEnterprise(ctx.trx, fields);
  if (outletIds) {
    await setOutlets(ctx.trx, row.id, outletIds);
    row = (await findEnterprise(ctx.trx, row.id))!;
  }
  const after = outletIds ? (await outletsOf(ctx.trx, [row.id])).map((o) => o.code) : before;
  const changed = existing
    ? changes(existing, row, ["code", "name", "credit_code", "permit_no", "permit_class", "permit_valid_to", "industry", "address", "lon", "lat", "river_id", "unit_id", "pollutants", "fluoride", "declared_monitors", "note"])
    : {};
  if (JSON.stringify(before) !== JSON.stringify(after)) changed.outlets = [before, after];
  await audit(ctx, {
    action: existing ? "enterprise.update" : "enterprise.create",
    entityType: "enterprise",
    entityId: row.id,
    unitId: row.unit_id,
    data: existing ? { changes: changed } : { code, name, permitNo, fluoride, pollutants, outlets: after },
  });
  return row;
}
