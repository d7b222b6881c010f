/**
 * @module Maps API error ids (server/errors.ts) to UI messages in the current language. The server's own Chinese
 * `message` is used only for ids this client does not know yet.
 */
import { ApiError } from "../api/client";
import type { MessageKey, Translate } from "./index";

const KNOWN_IDS = new Set([
  "auth.required",
  "auth.invalid_credentials",
  "auth.locked",
  "auth.csrf",
  "auth.password_incorrect",
  "forbidden",
  "not_found",
  "validation",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "bad_json",
  "unavailable",
  "internal",
  "network",
  "complaint.challenge",
  "complaint.state",
  "complaint.reopen_refused",
  "complaint.receipt_unknown",
  "reward.refused",
  "mail.not_configured",
  "report.future_period",
  "device.offline",
  "round.closed",
  "ladder.reason_required",
]);

/**
 * A user-facing message for any thrown value.
 * @example message.error(errorMessage(err, t))
 */
export function errorMessage(err: unknown, t: Translate): string {
  if (!(err instanceof ApiError)) return t("error.unknown");
  if (err.id === "auth.locked") {
    const seconds = Number((err.data as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
    if (Number.isFinite(seconds) && seconds > 0) return t("login.lockedMinutes", { minutes: Math.ceil(seconds / 60) });
  }
  // A conflict or validation message from the server names the exact problem (e.g. which username is taken);
  // it is Chinese, so prefer it in Chinese and fall back to the generic text in English.
  if ((err.id === "conflict" || err.id === "validation") && err.message && t.lang === "zh") return err.message;
  if (KNOWN_IDS.has(err.id)) {
    const text = t(`error.${err.id}` as MessageKey);
    return err.id === "internal" && err.correlationId ? `${text}（${t("common.correlationId", { id: err.correlationId })}）` : text;
  }
  return err.message || t("error.unknown");
}
