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

/** One problem of a setting: the field (`limits.perAddressPerHour`) and what is wrong, in Chinese. */
export interface PortalSettingProblem {
  path: string;
  message: string;
}

const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const range = (out: PortalSettingProblem[], path: string, v: unknown, min: number, max: number, what: string, integer = true) => {
  if (typeof v !== "number" || !Number.isFinite(v) || (integer && !int(v)) || v < min || v > max) {
    out.push({ path, message: `${what}应为 ${min}–${max} 之间的${integer ? "整数" : "数"}` });
  }
};

/**
 * Problems of portal settings (empty when they may be stored). Limits: at least 1 post per address an hour and per
 * contact a day (0 would shut the portal), a proof-of-work of 8–22 bits (below 8 it stops nothing, above 22 a phone
 * needs minutes), 1–10 photos of 100 KB–20 MB. Fraud checks: a window of 1–3650 days, similarity 0.1–1.
 * @example portalSettingsProblems({ ...DEFAULT_PORTAL_SETTINGS, limits: { ...DEFAULT_PORTAL_SETTINGS.limits, maxPhotos: 0 } })[0].path // "limits.maxPhotos"
 */
export function portalSettingsProblems(s: PortalSettings): PortalSettingProblem[] {
  const out: PortalSettingProblem[] = [];
  const l = s.limits, f = s.fraud;
  range(out, "limits.perAddressPerHour", l.perAddressPerHour, 1, 100_000, "每个网络地址每小时投诉数");
  range(out, "limits.perContactPerDay", l.perContactPerDay, 1, 100_000, "每个联系方式每天投诉数");
  range(out, "limits.perKeyPerHour", l.perKeyPerHour, 1, 100_000, "每个 Open311 密钥每小时提交数");
  range(out, "limits.challengeDifficulty", l.challengeDifficulty, 8, 22, "匿名提交验证难度（位）");
  range(out, "limits.maxPhotos", l.maxPhotos, 1, 10, "每条投诉照片数");
  range(out, "limits.maxPhotoBytes", l.maxPhotoBytes, 100 * 1024, 20 * 1024 * 1024, "单张照片字节数");
  range(out, "fraud.maxClaimsPerReporter", f.maxClaimsPerReporter, 1, 100, "同一举报人领奖次数上限");
  range(out, "fraud.claimWindowDays", f.claimWindowDays, 1, 3650, "领奖次数统计天数");
  range(out, "fraud.nearMetres", f.nearMetres, 1, 10_000, "相近投诉距离（米）");
  range(out, "fraud.nearDays", f.nearDays, 1, 365, "相近投诉天数");
  range(out, "fraud.nearSimilarity", f.nearSimilarity, 0.1, 1, "相近投诉文字相似度", false);
  range(out, "fraud.burstCount", f.burstCount, 1, 1000, "同一地址集中投诉条数");
  range(out, "fraud.burstMinutes", f.burstMinutes, 1, 1440, "集中投诉时间窗（分钟）");
  if (!/^[a-z0-9][a-z0-9.-]{1,99}$/i.test(s.jurisdictionId)) out.push({ path: "jurisdictionId", message: "辖区标识（jurisdiction_id）应为域名形式，如 zhongzhan.jiaozuo.gov.cn" });
  return out;
}
