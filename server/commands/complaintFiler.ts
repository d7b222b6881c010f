/**
 * @module Files a complaint from the public (web form or Open311) — seed plan 保障措施(五)「畅通投诉举报渠道」: checks
 * the category, the location and the photos (JPEG/PNG by their bytes, size and count limits), enforces the rate
 * limits per network address, contact and API key, keeps each photo twice (original for staff; a metadata-free copy
 * for everyone else), encrypts the contact with the complaint's id as associated data, routes it (category → unit and
 * deadline; location → river → river chief) and records the first event. The audit entry carries no personal data.
 */
import { randomBytes, randomUUID, createHash } from "node:crypto";
import { audit, type CommandContext } from "../context";
import { RateLimited, ValidationError, type FieldIssue } from "../errors";
import { encryptField, lookupHash, normalizeContact } from "../crypto/fieldCrypto";
import { stripExif, ImageFormatError } from "../documents/stripExif";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { countRecent, insertComplaint, insertEvent, insertPhotos, nextComplaintNumber } from "../repositories/complaint.repository";
import { findCategory, routingChiefs, routingRivers } from "../repositories/complaintCatalog.repository";
import { notifyOffice } from "../notify/notifier";
import { chiefFor, dueAt, nearestRiver } from "../../domain/complaints/routing";
import { publicText } from "../../domain/complaints/text";
import { receiptFromBytes } from "../../domain/complaints/receipt";
import type { PortalSettings } from "../../domain/complaints/settings";

/** A reporter's contact, all optional. */
export interface ReporterContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** What is filed. */
export interface ComplaintFilerProps {
  categoryCode: string;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** The enterprise or site complained about. */
  subject: string | null;
  /** Keep the reporter's identity from the handling unit (the office still sees the contact, for rewards). */
  anonymous: boolean;
  contact: ReporterContact | null;
  wantsReward: boolean;
  photos: Buffer[];
  source: "web" | "open311";
  open311KeyId: string | null;
  /** The network address it came from (only its keyed hash is stored). */
  ip: string | null;
  attributes?: Record<string, unknown>;
  at: Date;
  files: FileStore;
  settings: PortalSettings;
}

/** The receipt code is returned once, to the reporter; only its hash is kept. */
export const receiptHash = (code: string) => createHash("sha256").update(`receipt:${code}`).digest("hex");

/** Files the complaint; returns it with the reporter's receipt code. */
export async function complaintFiler(ctx: CommandContext, p: ComplaintFilerProps) {
  const issues: FieldIssue[] = [];
  const category = await findCategory(ctx.trx, p.categoryCode);
  if (!category || !category.active) issues.push({ path: "categoryCode", message: "请选择问题类别" });
  if ((p.lat === null) !== (p.lon === null)) issues.push({ path: "lat", message: "经纬度须同时提供" });
  if (p.lat === null && !p.address?.trim()) issues.push({ path: "address", message: "请在地图上选点或填写地址" });
  if (p.photos.length > p.settings.limits.maxPhotos) issues.push({ path: "photos", message: `最多上传 ${p.settings.limits.maxPhotos} 张照片` });
  const contact = p.contact && (p.contact.name?.trim() || p.contact.phone?.trim() || p.contact.email?.trim()) ? p.contact : null;
  if (p.wantsReward && !(contact?.phone?.trim() || contact?.email?.trim())) issues.push({ path: "contact.phone", message: "申请奖励须留下电话或邮箱" });
  const stripped = p.photos.map((bytes, i) => {
    if (bytes.length > p.settings.limits.maxPhotoBytes) {
      issues.push({ path: `photos.${i}`, message: `单张照片不能超过 ${Math.round(p.settings.limits.maxPhotoBytes / 1024 / 1024)} MB` });
      return null;
    }
    try {
      return stripExif(bytes);
    } catch (e) {
      if (!(e instanceof ImageFormatError)) throw e;
      issues.push({ path: `photos.${i}`, message: "只接受 JPEG 或 PNG 照片（文件可能已损坏）" });
      return null;
    }
  });
  if (issues.length) throw ValidationError(issues);

  // Rate limits: per address and per contact (web), per key (Open311). Counted from stored complaints, so they hold
  // across processes; a race lets one extra through, which is harmless.
  const ipHash = p.ip ? lookupHash("ip", p.ip) : null;
  const contactKey = contact ? normalizeContact(contact) : null;
  const contactHash = contactKey ? lookupHash("contact", contactKey) : null;
  const hourAgo = new Date(p.at.getTime() - 3_600_000);
  if (p.source === "web" && ipHash && (await countRecent(ctx.trx, { ipHash }, hourAgo)) >= p.settings.limits.perAddressPerHour) throw RateLimited(3600);
  if (contactHash && (await countRecent(ctx.trx, { contactHash }, new Date(p.at.getTime() - 86_400_000))) >= p.settings.limits.perContactPerDay) throw RateLimited(86_400);
  if (p.open311KeyId && (await countRecent(ctx.trx, { keyId: p.open311KeyId }, hourAgo)) >= p.settings.limits.perKeyPerHour) throw RateLimited(3600);

  const id = randomUUID();
  const receipt = receiptFromBytes(randomBytes(12));
  const number = await nextComplaintNumber(ctx.trx, Number(new Date(p.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)));
  let river: { id: string; name: string } | null = null;
  let chief: { id: string; userId: string | null } | null = null;
  if (p.lat !== null && p.lon !== null) {
    const near = nearestRiver({ lat: p.lat, lon: p.lon }, await routingRivers(ctx.trx));
    if (near) {
      river = { id: near.river.id, name: near.river.name };
      const c = chiefFor(near.river.id, await routingChiefs(ctx.trx, near.river.id));
      if (c) chief = { id: c.id, userId: c.userId };
    }
  }
  const complaint = await insertComplaint(ctx.trx, {
    id, number, receipt_hash: receiptHash(receipt),
    open311_token: p.source === "open311" && category!.open311_type === "batch" ? randomBytes(9).toString("base64url") : null,
    category_code: category!.code, description: p.description, public_description: publicText(p.description),
    address: p.address?.trim() || null, lat: p.lat, lon: p.lon, subject: p.subject?.trim() || null,
    unit_id: category!.unit_id, river_id: river?.id ?? null, river_name: river?.name ?? null,
    river_chief_id: chief?.id ?? null, river_chief_user_id: chief?.userId ?? null,
    source: p.source, open311_key_id: p.open311KeyId, anonymous: p.anonymous, wants_reward: p.wantsReward,
    contact_ciphertext: contact ? encryptField(JSON.stringify({ name: contact.name?.trim() || null, phone: contact.phone?.trim() || null, email: contact.email?.trim() || null }), id) : null,
    contact_hash: contactHash, ip_hash: ipHash, attributes: p.attributes ?? {},
    received_at: p.at, due_at: dueAt(p.at, category!.deadline_days),
  } as Parameters<typeof insertComplaint>[1] & { id: string });
  const photoRows = [];
  for (const [i, s] of stripped.entries()) {
    const original = p.photos[i];
    const contentType = s!.type === "png" ? "image/png" : "image/jpeg";
    const originalSha = p.files.put(original);
    const publicSha = p.files.put(s!.bytes);
    await insertFileRow(ctx.trx, { sha256: originalSha, size: original.length, contentType });
    await insertFileRow(ctx.trx, { sha256: publicSha, size: s!.bytes.length, contentType });
    photoRows.push({ complaint_id: id, sort: i, original_sha256: originalSha, public_sha256: publicSha, content_type: contentType, size: s!.bytes.length });
  }
  await insertPhotos(ctx.trx, photoRows);
  await insertEvent(ctx.trx, {
    complaint_id: id, at: p.at, kind: "received", from_state: null, to_state: "received", actor_id: null, actor_name: null, unit_id: null,
    public_note: `已受理，编号 ${number}，将于${category!.deadline_days}日内办理。`, internal_note: null,
    data: { source: p.source, routedUnitId: category!.unit_id, riverId: river?.id ?? null },
  });
  await audit(ctx, {
    action: "complaint.file", entityType: "complaint", entityId: id, unitId: category!.unit_id,
    data: { number, category: category!.code, source: p.source, photos: photoRows.length, anonymous: p.anonymous, hasContact: contact !== null, wantsReward: p.wantsReward, riverId: river?.id ?? null },
  });
  await notifyOffice(ctx.trx, {
    kind: "complaint.received", title: `新投诉 ${number}：${category!.name}`, body: publicText(p.description).slice(0, 120),
    data: { complaintId: id }, dedupeKey: `complaint:${id}:received`,
  });
  return { complaint, receipt };
}
