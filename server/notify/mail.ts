/**
 * @module Outgoing mail: a nodemailer transport from SMTP_URL (smtp://user:pass@host:587 upgrades with STARTTLS when
 * the server offers it; smtps://…:465 is TLS from the start), the {@link Mailer} the report task and routes send
 * attachments with, and the process wiring — {@link configureMail} registers the SMTP notification channel
 * (./channels.ts) and the mailer once, at start, when SMTP_URL is set. Without it nothing is mailed and
 * {@link defaultMailer} is null.
 */
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { MailConfig } from "../env";
import { userEmail } from "../repositories/user.repository";
import { SmtpChannel, type MailAttachment, type MailTransport } from "./channel";
import { registerChannels } from "./channels";

/** One mail to one address. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** Sends mail from the configured sender. */
export class Mailer {
  constructor(
    readonly transport: MailTransport,
    readonly from: string,
  ) {}

  /** Closes the pooled connections (shutdown, tests). */
  close(): void {
    (this.transport as { close?: () => void }).close?.();
  }

  /** Sends one mail; throws when the server refuses it or cannot be reached. */
  async send(m: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
  }
}

/**
 * A nodemailer transport for `smtpUrl`. Connections are pooled (a report mailed to twenty people uses one), and a
 * server that does not answer fails the send within 30 s instead of holding a job.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/** A mailer for the configuration. */
export function mailerFor(config: MailConfig): Mailer {
  return new Mailer(createMailTransport(config.smtpUrl), config.from);
}

let configured: Mailer | null = null;

/**
 * Wires mail into the process: the SMTP notification channel (users' `email`; users without one are skipped) for
 * every job that sends notifications, and the mailer for reports. Call once at start, before the worker builds its
 * tasks; a second call returns the first mailer.
 */
export function configureMail(config: MailConfig, db: Kysely<DB>): Mailer {
  if (configured) return configured;
  const mailer = mailerFor(config);
  registerChannels([new SmtpChannel(mailer.transport, mailer.from, (userId) => userEmail(db, userId))]);
  configured = mailer;
  return mailer;
}

/** The process's mailer when SMTP_URL is configured, else null. */
export function defaultMailer(): Mailer | null {
  return configured;
}
