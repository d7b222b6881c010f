/**
 * @module Checks of a reward claim (有奖举报, seed plan 保障措施(五)「落实有奖举报」) before it is paid: many claims from
 * one reporter, a reporter tied to the reported enterprise, near-duplicates of complaints already made, and bursts
 * of complaints from one network address. A flag never refuses a reward by itself; it sends the claim to review.
 */
import { metresBetween, type LonLat } from "./geo";
import { similarity } from "./text";

/** Thresholds of the checks (configurable per district). */
export interface FraudRules {
  /** Rewarded or pending claims of one reporter within `claimWindowDays` at or above which a claim is flagged. */
  maxClaimsPerReporter: number;
  claimWindowDays: number;
  /** Other complaints within this distance, this many days before, with at least this text similarity. */
  nearMetres: number;
  nearDays: number;
  nearSimilarity: number;
  /** Complaints from one address within `burstMinutes` at or above which each is flagged. */
  burstCount: number;
  burstMinutes: number;
}

/** The district defaults. */
export const DEFAULT_FRAUD_RULES: FraudRules = {
  maxClaimsPerReporter: 3, claimWindowDays: 365,
  nearMetres: 300, nearDays: 14, nearSimilarity: 0.6,
  burstCount: 3, burstMinutes: 60,
};

/** A complaint as the checks see it. */
export interface FraudComplaint {
  id: string;
  number: string;
  receivedAt: Date;
  categoryCode: string;
  description: string;
  location: LonLat | null;
  /** HMAC of the network address it came from. */
  ipHash: string | null;
  /** HMAC of the reporter's normalised phone / e-mail. */
  contactHash: string | null;
}

/** The reporter as given (decrypted for the check only) and the enterprise complained about. */
export interface FraudParties {
  reporter: { name?: string | null; phone?: string | null; email?: string | null } | null;
  enterprise: { name: string; phones: string[]; emails: string[]; people: string[]; domains: string[] } | null;
}

/** One reason to review. */
export type FraudFlag =
  | { kind: "many_claims"; count: number }
  | { kind: "tied_to_enterprise"; how: "phone" | "email" | "name" | "domain" }
  | { kind: "near_duplicate"; number: string; metres: number; similarity: number }
  | { kind: "burst"; count: number };

const digits = (s: string) => s.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");

/**
 * The flags of a claim on `c`.
 * @param claimsByReporter other claims (pending, approved or paid) of the same reporter in the window
 * @param others other complaints received around the same time (any reporter), for near-duplicates and bursts
 */
export function fraudFlags(
  c: FraudComplaint,
  parties: FraudParties,
  claimsByReporter: number,
  others: readonly FraudComplaint[],
  rules: FraudRules = DEFAULT_FRAUD_RULES,
): FraudFlag[] {
  const flags: FraudFlag[] = [];
  if (claimsByReporter + 1 > rules.maxClaimsPerReporter) flags.push({ kind: "many_claims", count: claimsByReporter + 1 });

  const r = parties.reporter, e = parties.enterprise;
  if (r && e) {
    const phone = r.phone ? digits(r.phone) : "";
    const email = r.email?.trim().toLowerCase() ?? "";
    const name = r.name?.trim() ?? "";
    if (phone && e.phones.some((p) => digits(p) === phone)) flags.push({ kind: "tied_to_enterprise", how: "phone" });
    else if (email && e.emails.some((x) => x.trim().toLowerCase() === email)) flags.push({ kind: "tied_to_enterprise", how: "email" });
    else if (email && e.domains.some((d) => email.endsWith(`@${d.toLowerCase()}`))) flags.push({ kind: "tied_to_enterprise", how: "domain" });
    else if (name.length >= 2 && e.people.some((p) => p.trim() === name)) flags.push({ kind: "tied_to_enterprise", how: "name" });
  }

  for (const o of others) {
    if (o.id === c.id || o.receivedAt >= c.receivedAt) continue;
    if (c.receivedAt.getTime() - o.receivedAt.getTime() > rules.nearDays * 86_400_000) continue;
    if (!c.location || !o.location) continue;
    const metres = metresBetween(c.location, o.location);
    const sim = similarity(c.description, o.description);
    if (metres <= rules.nearMetres && sim >= rules.nearSimilarity) {
      flags.push({ kind: "near_duplicate", number: o.number, metres: Math.round(metres), similarity: Math.round(sim * 100) / 100 });
      break;
    }
  }

  if (c.ipHash) {
    const window = rules.burstMinutes * 60_000;
    const burst = others.filter((o) => o.id !== c.id && o.ipHash === c.ipHash && Math.abs(o.receivedAt.getTime() - c.receivedAt.getTime()) <= window).length + 1;
    if (burst >= rules.burstCount) flags.push({ kind: "burst", count: burst });
  }
  return flags;
}
