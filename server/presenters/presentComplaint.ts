/**
 * @module How complaints, their events, photos and rewards appear in API responses. Two faces: the public one
 * (number, category, state, masked description, location rounded to about 100 m, the unit handling it, public
 * notes, metadata-free photos — no reporter, no staff names, no internal notes) and the staff one (everything but
 * the contact, which only the audited reveal returns).
 */
import type { ComplaintEventRow, ComplaintPhotoRow, ComplaintView } from "../repositories/complaint.repository";
import type { RewardView, TierRow } from "../repositories/reward.repository";
import type { CategoryRow, TemplateRow } from "../repositories/complaintCatalog.repository";
import { isOpen, open311Status } from "../../domain/complaints/states";
import { publicText } from "../../domain/complaints/text";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
/** About 100 m: enough to see where the problem is, not whose door it is. */
const coarse = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** A category for the public form and Open311. */
export function presentCategory(c: CategoryRow, staff = false) {
  return {
    code: c.code, name: c.name, description: c.description, group: c.group_name, keywords: c.keywords,
    deadlineDays: c.deadline_days, unitName: c.unit_name, rewardEligible: c.reward_eligible,
    ...(staff ? { unitId: c.unit_id, open311Type: c.open311_type, sort: c.sort, active: c.active } : {}),
  };
}

/** Public photo URLs of a complaint. */
const publicPhotos = (number: string, photos: ComplaintPhotoRow[]) =>
  photos.map((p) => ({ url: `/api/public/complaints/${number}/photos/${p.sort}`, contentType: p.content_type, size: p.size }));

/** A public event: what happened, when, and the public note. */
export function presentPublicEvent(e: ComplaintEventRow) {
  return { at: iso(e.at), kind: e.kind, toState: e.to_state, note: e.public_note };
}

/** A complaint as the public sees it. */
export function presentPublicComplaint(c: ComplaintView, photos: ComplaintPhotoRow[] = [], events?: ComplaintEventRow[]) {
  return {
    number: c.number,
    categoryCode: c.category_code,
    categoryName: c.category_name,
    state: c.state,
    open: isOpen(c.state),
    description: c.public_description,
    address: c.address ? publicText(c.address) : null,
    lat: coarse(c.lat),
    lon: coarse(c.lon),
    unitName: c.unit_name,
    riverName: c.river_name,
    receivedAt: iso(c.received_at),
    updatedAt: iso(c.updated_at),
    dueAt: iso(c.due_at),
    closedAt: iso(c.closed_at),
    photos: publicPhotos(c.number, photos),
    ...(events ? { events: events.filter((e) => e.public_note || e.kind !== "merged").map(presentPublicEvent) } : {}),
  };
}

/** A complaint as staff see it (no contact: that needs the audited reveal). */
export function presentStaffComplaint(c: ComplaintView, photos: ComplaintPhotoRow[] = [], events?: ComplaintEventRow[], now = new Date()) {
  return {
    id: c.id,
    number: c.number,
    categoryCode: c.category_code,
    categoryName: c.category_name,
    state: c.state,
    open311Status: open311Status(c.state),
    description: c.description,
    publicDescription: c.public_description,
    address: c.address,
    lat: c.lat,
    lon: c.lon,
    subject: c.subject,
    unitId: c.unit_id,
    unitName: c.unit_name,
    riverId: c.river_id,
    riverName: c.river_name,
    riverChiefUserId: c.river_chief_user_id,
    duplicateOf: c.duplicate_of,
    confirmed: c.confirmed,
    source: c.source,
    anonymous: c.anonymous,
    hasContact: c.contact_ciphertext !== null,
    wantsReward: c.wants_reward,
    reopenCount: c.reopen_count,
    receivedAt: iso(c.received_at),
    dueAt: iso(c.due_at),
    overdue: isOpen(c.state) && new Date(c.due_at) < now,
    updatedAt: iso(c.updated_at),
    closedAt: iso(c.closed_at),
    photoCount: Number(c.photo_count),
    photos: photos.map((p) => ({ sort: p.sort, contentType: p.content_type, size: p.size, publicUrl: `/api/complaints/${c.id}/photos/${p.sort}`, originalUrl: `/api/complaints/${c.id}/photos/${p.sort}?copy=original` })),
    attributes: c.attributes,
    ...(events ? {
      events: events.map((e) => ({ id: e.id, at: iso(e.at), kind: e.kind, fromState: e.from_state, toState: e.to_state, actorName: e.actor_name, unitId: e.unit_id, publicNote: e.public_note, internalNote: e.internal_note, data: e.data })),
    } : {}),
  };
}

/** A response template. */
export function presentTemplate(t: TemplateRow) {
  return { id: t.id, categoryCode: t.category_code, step: t.step, title: t.title, body: t.body, sort: t.sort };
}

/** A reward tier. */
export function presentTier(t: TierRow) {
  return { id: t.id, name: t.name, amount: Number(t.amount), criteria: t.criteria, categoryCode: t.category_code, active: t.active, sort: t.sort };
}

/** A reward. */
export function presentReward(r: RewardView) {
  return {
    id: r.id, complaintId: r.complaint_id, complaintNumber: r.complaint_number, categoryCode: r.category_code,
    tierId: r.tier_id, tierName: r.tier_name, amount: Number(r.amount), state: r.state, flags: r.flags, reviewNote: r.review_note,
    proposedBy: r.proposed_by, proposedAt: iso(r.proposed_at), decidedBy: r.decided_by, decidedAt: iso(r.decided_at), rejectReason: r.reject_reason,
    paidAt: iso(r.paid_at), payoutMethod: r.payout_method, payoutReference: r.payout_reference,
  };
}

/** What the reporter reads about their reward (no staff, no flags). */
export function presentReporterReward(r: RewardView | undefined) {
  return r ? { state: r.state, amount: Number(r.amount), tierName: r.tier_name, paidAt: iso(r.paid_at) } : null;
}
