/**
 * @module The office's configuration of complaints, each change audited: categories (handling unit, deadline,
 * Open311 type), response templates, reward tiers, and Open311 API keys (the key is shown once; only its SHA-256 is
 * stored).
 */
import { createHash, randomBytes } from "node:crypto";
import { audit, type CommandContext } from "../context";
import { NotFound, ValidationError } from "../errors";
import { findCategory, findTemplate, insertTemplate, updateTemplate, upsertCategory } from "../repositories/complaintCatalog.repository";
import { findTier, insertKey, insertTier, revokeKey, updateTier } from "../repositories/reward.repository";
import { findUnit } from "../repositories/unit.repository";

/** The hash under which an Open311 key is stored. */
export const apiKeyHash = (key: string) => createHash("sha256").update(`open311:${key}`).digest("hex");

/** Changes a category. */
export async function categorySaver(ctx: CommandContext, code: string, p: { name?: string; description?: string; unitId?: string | null; deadlineDays?: number; open311Type?: "realtime" | "batch"; rewardEligible?: boolean; active?: boolean }) {
  const c = await findCategory(ctx.trx, code);
  if (!c) throw NotFound("类别不存在");
  if (p.unitId && !(await findUnit(ctx.trx, p.unitId))) throw ValidationError([{ path: "unitId", message: "单位不存在" }]);
  const { unit_name: _n, ...row } = c;
  const next = {
    ...row, name: p.name ?? c.name, description: p.description ?? c.description, unit_id: p.unitId === undefined ? c.unit_id : p.unitId,
    deadline_days: p.deadlineDays ?? c.deadline_days, open311_type: p.open311Type ?? c.open311_type, reward_eligible: p.rewardEligible ?? c.reward_eligible, active: p.active ?? c.active,
  };
  await upsertCategory(ctx.trx, next);
  await audit(ctx, { action: "complaint.category.update", entityType: "complaint_category", entityId: null, data: { code, ...p } });
  return next;
}

/** Creates or changes a response template. */
export async function templateSaver(ctx: CommandContext, id: string | null, p: { step: string; categoryCode: string | null; title: string; body: string; sort: number }) {
  if (p.categoryCode && !(await findCategory(ctx.trx, p.categoryCode))) throw ValidationError([{ path: "categoryCode", message: "类别不存在" }]);
  const v = { step: p.step, category_code: p.categoryCode, title: p.title, body: p.body, sort: p.sort };
  let t;
  if (id) {
    if (!(await findTemplate(ctx.trx, id))) throw NotFound("模板不存在");
    t = await updateTemplate(ctx.trx, id, v);
  } else t = await insertTemplate(ctx.trx, v);
  await audit(ctx, { action: id ? "complaint.template.update" : "complaint.template.create", entityType: "complaint_template", entityId: t!.id, data: { step: p.step, title: p.title } });
  return t!;
}

/** Creates or changes a reward tier. */
export async function tierSaver(ctx: CommandContext, id: string | null, p: Partial<{ name: string; amount: number; criteria: string; categoryCode: string | null; active: boolean; sort: number }>) {
  if (p.categoryCode && !(await findCategory(ctx.trx, p.categoryCode))) throw ValidationError([{ path: "categoryCode", message: "类别不存在" }]);
  const v = {
    ...(p.name !== undefined ? { name: p.name } : {}), ...(p.amount !== undefined ? { amount: p.amount } : {}),
    ...(p.criteria !== undefined ? { criteria: p.criteria } : {}), ...(p.categoryCode !== undefined ? { category_code: p.categoryCode } : {}),
    ...(p.active !== undefined ? { active: p.active } : {}), ...(p.sort !== undefined ? { sort: p.sort } : {}),
  };
  let t;
  if (id) {
    if (!(await findTier(ctx.trx, id))) throw NotFound("奖励档次不存在");
    t = await updateTier(ctx.trx, id, v);
  } else t = await insertTier(ctx.trx, { name: p.name!, amount: p.amount!, criteria: p.criteria ?? "", category_code: p.categoryCode ?? null, active: p.active ?? true, sort: p.sort ?? 0 });
  await audit(ctx, { action: id ? "reward.tier.update" : "reward.tier.create", entityType: "reward_tier", entityId: t!.id, data: { ...p } });
  return t!;
}

/** Issues an Open311 API key; returns it once. */
export async function open311KeyIssuer(ctx: CommandContext, p: { name: string }) {
  const key = `ql_${randomBytes(24).toString("base64url")}`;
  const row = await insertKey(ctx.trx, { name: p.name, key_hash: apiKeyHash(key), created_by: ctx.actor?.id ?? null });
  await audit(ctx, { action: "open311.key.create", entityType: "open311_key", entityId: row.id, data: { name: p.name } });
  return { row, key };
}

/** Revokes an Open311 API key. */
export async function open311KeyRevoker(ctx: CommandContext, p: { id: string; at: Date }) {
  const row = await revokeKey(ctx.trx, p.id, p.at);
  if (!row) throw NotFound("密钥不存在或已停用");
  await audit(ctx, { action: "open311.key.revoke", entityType: "open311_key", entityId: row.id, data: { name: row.name } });
  return row;
}
