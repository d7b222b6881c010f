/**
 * @module Settings of the public portal's abuse protection and checks, with the district defaults; a stored value
 * overrides field by field (so a new setting gets its default in old databases).
 */
import { DEFAULT_FRAUD_RULES, type FraudRules } from "./fraud";

/** Limits on public posts. */
export interface PortalLimits {
  /** Complaints from one network address per hour. */
  perAddressPerHour: number;
  /** Complaints with one phone / e-mail per day. */
  perContactPerDay: number;
  /** Open311 posts per API key per hour. */
  perKeyPerHour: number;
  /** Leading zero bits of the anonymous-post proof-of-work. */
  challengeDifficulty: number;
  /** Photos per complaint and bytes per photo. */
  maxPhotos: number;
  maxPhotoBytes: number;
}

/** Every setting. */
export interface PortalSettings {
  limits: PortalLimits;
  fraud: FraudRules;
  /** The Open311 jurisdiction_id this endpoint serves (one jurisdiction). */
  jurisdictionId: string;
}

/** The defaults. */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  limits: { perAddressPerHour: 5, perContactPerDay: 5, perKeyPerHour: 600, challengeDifficulty: 14, maxPhotos: 3, maxPhotoBytes: 5 * 1024 * 1024 },
  fraud: DEFAULT_FRAUD_RULES,
  jurisdictionId: "zhongzhan.jiaozuo.gov.cn",
};

/** The stored value over the defaults, key by key. */
export function mergeSettings(stored: Partial<{ limits: Partial<PortalLimits>; fraud: Partial<FraudRules>; jurisdictionId: string }> | undefined): PortalSettings {
  return {
    limits: { ...DEFAULT_PORTAL_SETTINGS.limits, ...(stored?.limits ?? {}) },
    fraud: { ...DEFAULT_PORTAL_SETTINGS.fraud, ...(stored?.fraud ?? {}) },
    jurisdictionId: stored?.jurisdictionId ?? DEFAULT_PORTAL_SETTINGS.jurisdictionId,
  };
}
