/**
 * @module Outbound notification channels. The inbox (the `notifications` table) is always written; channels carry
 * a copy outside the platform. The platform ships a log channel (the SMS default: a gateway contract is a
 * deployment matter) and an SMTP channel over a transport with nodemailer's `sendMail` shape; ./mail.ts makes the
 * nodemailer transport from SMTP_URL and registers the channel (./channels.ts) when the process is configured.
 */

/** One message to one person. */
export interface OutboundMessage {
  userId: string;
  username: string;
  title: string;
  body: string;
  /** The notification's kind, e.g. `deadline.reminder`. */
  kind: string;
}

/** Somewhere messages go. */
export interface NotificationChannel {
  /** Channel name for logs, e.g. "sms". */
  readonly name: string;
  /** Sends one message; throws when it could not. */
  send(message: OutboundMessage): Promise<void>;
}

/** A logger with pino's `info` shape. */
export interface InfoLogger {
  info(obj: object, msg?: string): void;
}

/**
 * Writes each message to the log instead of sending it.
 * @example new LogChannel("sms", pino())
 */
export class LogChannel implements NotificationChannel {
  constructor(readonly name: string, private log: InfoLogger) {}
  async send(m: OutboundMessage) {
    this.log.info({ channel: this.name, to: m.username, kind: m.kind, title: m.title }, m.body);
  }
}

/** A file attached to a mail (the monthly reports). */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** The part of a nodemailer transport the SMTP channel uses. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; attachments?: MailAttachment[] }): Promise<unknown>;
}

/** E-mail over SMTP: needs a transport and a way to find a user's address (users without one are skipped). */
export class SmtpChannel implements NotificationChannel {
  readonly name = "email";
  constructor(
    private transport: MailTransport,
    private from: string,
    private addressOf: (userId: string) => Promise<string | null>,
  ) {}
  async send(m: OutboundMessage) {
    const to = await this.addressOf(m.userId);
    if (!to) return;
    await this.transport.sendMail({ from: this.from, to, subject: m.title, text: m.body });
  }
}

/**
 * Sends each message on every channel after the notifications committed. A failing channel is reported and does
 * not stop the others: the inbox already holds the message.
 */
export async function deliver(
  channels: readonly NotificationChannel[], messages: readonly OutboundMessage[],
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const m of messages) {
    for (const c of channels) {
      try {
        await c.send(m);
        sent++;
      } catch {
        failed++;
      }
    }
  }
  return { sent, failed };
}
