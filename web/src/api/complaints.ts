/**
 * @module /api/public/* (the public site: complaints, goals, water quality, registries' public lists, exposures) and
 * /api/complaints, /api/rewards, /api/open311/keys (staff). Photos travel as base64 in JSON. The anonymous-post
 * challenge is solved here with Web Crypto (SHA-256 until the hash has the asked-for leading zero bits).
 */
import { ApiError, request, type Query } from "./client";
import type { Policies } from "./types";

/** States of a complaint (domain/complaints/states.ts). */
export type ComplaintState = "received" | "dispatched" | "investigating" | "resolved" | "closed_not_fixed" | "duplicate" | "invalid";
/** Every state in flow order. */
export const COMPLAINT_STATES: ComplaintState[] = ["received", "dispatched", "investigating", "resolved", "closed_not_fixed", "duplicate", "invalid"];
/** Steps staff take. */
export type Transition = "dispatch" | "redispatch" | "investigate" | "returnToOffice" | "resolve" | "closeNotFixed" | "markInvalid";
/** Actions of a complaint's policy. */
export type ComplaintAction = "read" | "triage" | "handle" | "viewContact" | "viewOriginalPhotos" | "proposeReward";

/** A category. */
export interface ComplaintCategory {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string;
  deadlineDays: number;
  unitName: string | null;
  rewardEligible: boolean;
  unitId?: string | null;
  open311Type?: "realtime" | "batch";
  active?: boolean;
}

/** A public event. */
export interface PublicEvent {
  at: string;
  kind: string;
  toState: ComplaintState | null;
  note: string | null;
}

/** A complaint as the public sees it. */
export interface PublicComplaint {
  number: string;
  categoryCode: string;
  categoryName: string;
  state: ComplaintState;
  open: boolean;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  unitName: string | null;
  riverName: string | null;
  receivedAt: string;
  updatedAt: string;
  dueAt: string;
  closedAt: string | null;
  photos: { url: string; contentType: string; size: number }[];
  events?: PublicEvent[];
  metres?: number;
  similarity?: number | null;
}

/** What the reporter sees with the receipt code. */
export interface TrackedComplaint extends PublicComplaint {
  anonymous: boolean;
  wantsReward: boolean;
  reopenCount: number;
  canReopen: boolean;
  reopenRefusal: "state" | "window" | "count" | null;
  mergedInto: { number: string; state: ComplaintState } | null;
  reward: { state: "proposed" | "approved" | "rejected" | "paid"; amount: number; tierName: string; paidAt: string | null } | null;
}

/** A new complaint. */
export interface NewComplaint {
  categoryCode: string;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  subject: string | null;
  anonymous: boolean;
  contact: { name?: string; phone?: string; email?: string } | null;
  wantsReward: boolean;
  photos: { fileName: string; contentBase64: string }[];
}

/** A challenge from the server. */
interface Challenge {
  token: string;
  difficulty: number;
}

function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) { n += 8; continue; }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/** Solves a challenge: the first counter whose SHA-256(token ":" counter) has `difficulty` leading zero bits. */
export async function solveChallenge(c: Challenge): Promise<string> {
  const enc = new TextEncoder();
  for (let i = 0; ; i++) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(`${c.token}:${i}`)));
    if (leadingZeroBits(digest) >= c.difficulty) return String(i);
  }
}

/** A fresh solved challenge. */
async function answer() {
  const { data } = await request<Challenge>("GET", "/api/public/complaints/challenge");
  return { token: data.token, counter: await solveChallenge(data) };
}

/** Public categories. */
export const publicCategories = () => request<ComplaintCategory[]>("GET", "/api/public/complaints/categories");
/** Files a complaint (solves the challenge first); returns the receipt code and the public record. */
export async function fileComplaint(c: NewComplaint) {
  return request<{ receipt: string; complaint: PublicComplaint }>("POST", "/api/public/complaints", { body: { ...c, challenge: await answer() } });
}
/** Similar open complaints near a point. */
export const similarComplaints = (q: { lat: number; lon: number; categoryCode?: string; text?: string }) =>
  request<PublicComplaint[]>("GET", "/api/public/complaints/similar", { query: q as Query });
/** The reporter's view by receipt code. */
export const trackComplaint = (receipt: string) => request<TrackedComplaint>("POST", "/api/public/complaints/track", { body: { receipt } });
/** Reopens with the receipt code. */
export async function reopenComplaint(receipt: string, reason: string) {
  return request<TrackedComplaint>("POST", "/api/public/complaints/reopen", { body: { receipt, reason, challenge: await answer() } });
}
/** The public complaint map. */
export const publicComplaints = (q: { open?: "1"; categoryCode?: string } = {}) =>
  request<PublicComplaint[]>("GET", "/api/public/complaints", { query: q }) as Promise<{ ok: true; data: PublicComplaint[]; counts?: Record<string, number> }>;
/** One public complaint. */
export const publicComplaint = (number: string) => request<PublicComplaint>("GET", `/api/public/complaints/${encodeURIComponent(number)}`);

/** An indicator on the public site. */
export interface PublicIndicator {
  code: string;
  name: string;
  unit: string;
  comparison: "at_least" | "at_most" | "decrease" | "increase";
  target: number;
  targetYear: number;
  baselineYear: number | null;
  goalText: string | null;
  value: number | null;
  period: string | null;
  light: "green" | "amber" | "red" | "none";
  achieved: number | null;
  shortfall: number | null;
  /** basis "reviewed" when computed from (reviewed) monitoring data on the fly. */
  source: { kind: string; document: string | null; method: string; formula: string; recordedAt: string | null; basis?: "reviewed" | null } | null;
}

/** The landing page's data. */
export interface PublicOverview {
  plan: { title: string; docNumber: string | null; year: number; issuedOn: string | null } | null;
  goals: { id: string; text: string; targets: { indicator: string; value: number; unit: string; comparison: string }[] }[];
  indicators: PublicIndicator[];
  complaints: Record<string, number>;
}
/** Goals, indicators, complaint counts. */
export const publicOverview = () => request<PublicOverview>("GET", "/api/public/overview");

/** One section's month on the public site. */
export interface PublicSection {
  code: string;
  name: string;
  kind: string;
  waterBody: string | null;
  lat: number;
  lon: number;
  targetClass: number | null;
  class: number | null;
  attainment: boolean | null;
  /** Classes worse than the target (0 when attained). */
  classesShort: number | null;
  mainPollutants: { code: string; name?: string; multiple?: number | null }[];
  index: number | null;
  rank: number | null;
  /** Reviewed basis: what was left out (pending review, rejected) and what the used values were. */
  provenance: {
    basis: "reviewed"; period: string | null; samples: number; readings: number; rule: string;
    excluded: { pending: number; rejected: number };
    used: { passed: number; accepted: number; corrected: number; unchecked: number };
  };
  detail?: { means: Record<string, number>; perFactor: Record<string, number>; cwqiItems: Record<string, number>; factorsOverTarget: unknown[] };
}
/** The water-quality month. */
export const publicWater = (month?: string) =>
  request<{ month: string; months: string[]; rules: Record<string, string>; basis: { kind: "reviewed"; excluded: { pending: number; rejected: number }; unchecked: number }; sections: PublicSection[] }>("GET", "/api/public/water-quality", { query: { month } });
/** One section with its means. */
export const publicWaterPoint = (code: string, month?: string) =>
  request<{ month: string; rules: Record<string, string>; section: PublicSection }>("GET", `/api/public/water-quality/${encodeURIComponent(code)}`, { query: { month } });

/** A registry's public list (served by the registries area); null while that API does not exist yet. */
export async function publicRegistry(path: string): Promise<Record<string, unknown>[] | null> {
  try {
    const r = await request<unknown>("GET", `/api/public/registries/${path}`);
    const d = r.data as unknown;
    if (Array.isArray(d)) return d as Record<string, unknown>[];
    if (d && typeof d === "object") for (const v of Object.values(d)) if (Array.isArray(v)) return v as Record<string, unknown>[];
    return [];
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** A stage of an outfall's 查→测→溯→治→销号 lifecycle. */
export type OutfallStage = "investigation" | "monitoring" | "tracing" | "remediation" | "review" | "closed";
/** The registries area's public outfall progress. */
export const publicOutfallProgress = () =>
  request<{
    total: number;
    byStage: Partial<Record<OutfallStage, number>>;
    byRemediationKind: Record<string, number>;
    items: { code: string; name: string; river: string | null; type: string; stage: OutfallStage; stageLabel: string; remediationLabel: string | null; closedOn: string | null }[];
  }>("GET", "/api/public/registries/outfalls/progress");
/** The registries area's public 清四乱 progress: the dynamic-zero board per river and each problem. */
export const publicFourChaosProgress = () =>
  request<{
    totals: { total: number; open: number; overdue: number; clearedRivers: number; rivers: number };
    rivers: { river: string; total: number; closed: number; open: number; overdue: number; cleared: boolean }[];
    items: { code: string; category: string; subtype: string | null; river: string | null; source: string; foundOn: string; deadline: string | null; statusLabel: string; closedOn: string | null }[];
  }>("GET", "/api/public/registries/four-chaos/progress");

/** The supervision area's public exposure (曝光) list. */
export const publicExposures = () =>
  request<{ id: string; unitName: string; taskNumber: string; taskTitle: string; since: string; resolvedOn: string | null }[]>("GET", "/api/public/exposures");

// ── Staff

/** A complaint as staff see it. */
export interface StaffComplaint {
  id: string;
  number: string;
  categoryCode: string;
  categoryName: string;
  state: ComplaintState;
  description: string;
  publicDescription: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  subject: string | null;
  unitId: string | null;
  unitName: string | null;
  riverName: string | null;
  duplicateOf: string | null;
  confirmed: boolean;
  source: "web" | "open311" | "staff";
  anonymous: boolean;
  hasContact: boolean;
  wantsReward: boolean;
  reopenCount: number;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  closedAt: string | null;
  photoCount: number;
  photos: { sort: number; publicUrl: string; originalUrl: string }[];
  events?: { id: string; at: string; kind: string; fromState: string | null; toState: string | null; actorName: string | null; publicNote: string | null; internalNote: string | null }[];
  duplicates?: { id: string; number: string }[];
}

/** Staff list. */
export const listComplaints = (q: { state?: string; q?: string; overdue?: "1"; categoryCode?: string } = {}) =>
  request<StaffComplaint[], ComplaintAction>("GET", "/api/complaints", { query: q });
/** One complaint with its events. */
export const getComplaint = (id: string) => request<StaffComplaint, ComplaintAction>("GET", `/api/complaints/${id}`);
/** One step. */
export const transitionComplaint = (id: string, body: { transition: Transition; unitId?: string; note?: string | null; internalNote?: string | null; confirmed?: boolean }) =>
  request<StaffComplaint, ComplaintAction>("POST", `/api/complaints/${id}/transitions`, { body });
/** Merges into another complaint (number). */
export const mergeComplaint = (id: string, into: string, note?: string) => request<StaffComplaint, ComplaintAction>("POST", `/api/complaints/${id}/merge`, { body: { into, note } });
/** Reveals the contact (audited). */
export const revealContact = (id: string, reason: string) =>
  request<{ name: string | null; phone: string | null; email: string | null } | null>("POST", `/api/complaints/${id}/contact`, { body: { reason } });

/** A response template. */
export interface ResponseTemplate {
  id: string;
  categoryCode: string | null;
  step: string;
  title: string;
  body: string;
  sort: number;
}
export const listTemplates = () => request<ResponseTemplate[]>("GET", "/api/complaints/templates");
export const createTemplate = (body: Omit<ResponseTemplate, "id">) => request<ResponseTemplate>("POST", "/api/complaints/templates", { body });
export const staffCategories = () => request<ComplaintCategory[]>("GET", "/api/complaints/categories");
export const updateCategory = (code: string, body: { unitId?: string | null; deadlineDays?: number; active?: boolean }) =>
  request<ComplaintCategory>("PATCH", `/api/complaints/categories/${code}`, { body });

/** A reward tier. */
export interface RewardTier {
  id: string;
  name: string;
  amount: number;
  criteria: string;
  categoryCode: string | null;
  active: boolean;
}
/** A reward. */
export interface Reward {
  id: string;
  complaintId: string;
  complaintNumber: string;
  tierName: string;
  amount: number;
  state: "proposed" | "approved" | "rejected" | "paid";
  flags: { kind: string; count?: number; number?: string; how?: string; metres?: number; similarity?: number }[];
  reviewNote: string | null;
  proposedAt: string;
  decidedAt: string | null;
  rejectReason: string | null;
  paidAt: string | null;
  payoutMethod: string | null;
  payoutReference: string | null;
}
export const listTiers = () => request<RewardTier[]>("GET", "/api/rewards/tiers");
export const createTier = (body: { name: string; amount: number; criteria?: string }) => request<RewardTier>("POST", "/api/rewards/tiers", { body });
/** Changes a tier (amount, criteria, active …). */
export const updateTier = (id: string, body: Partial<{ name: string; amount: number; criteria: string; active: boolean }>) => request<RewardTier>("PATCH", `/api/rewards/tiers/${id}`, { body });

/** The portal's settings (rate limits, challenge, photo limits, fraud-check thresholds). */
export interface PortalSettings {
  limits: { perAddressPerHour: number; perContactPerDay: number; perKeyPerHour: number; challengeDifficulty: number; maxPhotos: number; maxPhotoBytes: number };
  fraud: { maxClaimsPerReporter: number; claimWindowDays: number; nearMetres: number; nearDays: number; nearSimilarity: number; burstCount: number; burstMinutes: number };
  jurisdictionId: string;
}
export const getPortalSettings = () => request<PortalSettings>("GET", "/api/complaints/settings");
export const savePortalSettings = (body: Partial<PortalSettings>) => request<PortalSettings>("PUT", "/api/complaints/settings", { body });
export const listRewards = () => request<Reward[]>("GET", "/api/rewards");
export const proposeReward = (complaintId: string, tierId: string) => request<Reward>("POST", `/api/complaints/${complaintId}/reward`, { body: { tierId } });
export const reviewReward = (id: string, note: string) => request<Reward>("POST", `/api/rewards/${id}/review`, { body: { note } });
export const decideReward = (id: string, approve: boolean, reason?: string) => request<Reward>("POST", `/api/rewards/${id}/decision`, { body: { approve, reason } });
export const payReward = (id: string, method: string, reference: string) => request<Reward>("POST", `/api/rewards/${id}/payout`, { body: { method, reference } });

/** An Open311 key (the key itself only once, when created). */
export interface ApiKey {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
export const listKeys = () => request<ApiKey[]>("GET", "/api/open311/keys");
export const createKey = (name: string) => request<{ id: string; name: string; key: string }>("POST", "/api/open311/keys", { body: { name } });
export const revokeKey = (id: string) => request<{ id: string }>("POST", `/api/open311/keys/${id}/revoke`, { body: {} });

/** Reads a file as base64 (no data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Policies of a list. */
export type ComplaintPolicies = Policies<ComplaintAction>;
