/**
 * @module The outbound channels the supervision jobs send on when they are not handed their own: the SMS channel
 * (written to the log until a gateway contract exists). This is the one seam where a deployment's channels are
 * assembled — the SMTP channel (channel.ts `SmtpChannel`, `SMTP_URL`, `users.email`) is added here by the
 * production wiring, so every job picks it up.
 */
import pino from "pino";
import { LogChannel, type NotificationChannel } from "./channel";

let extra: NotificationChannel[] = [];

/** The channels in force: SMS-to-log plus any registered with {@link registerChannels}. */
export function defaultChannels(): NotificationChannel[] {
  return [new LogChannel("sms", pino({ name: "notify" })), ...extra];
}

/** Adds channels for every later job run (e.g. SMTP when the process is configured for it). */
export function registerChannels(channels: NotificationChannel[]): void {
  extra = [...extra, ...channels];
}
