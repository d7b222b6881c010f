/**
 * @module Test helper: a real SMTP server on loopback (the `smtp-server` package) that requires a login and keeps
 * every message it accepts, and a small MIME reader for what nodemailer sends — RFC 2047 encoded words in headers,
 * multipart bodies, base64 and quoted-printable parts — so tests read subjects, text and attachment bytes back.
 */
import { SMTPServer } from "smtp-server";

/** One accepted message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A running mailbox. */
export interface TestMailbox {
  port: number;
  /** smtp://user:pass@127.0.0.1:port for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts the server; only `user` with `pass` may send, and addresses starting with "reject" are refused. */
export async function startTestMailbox(user = "qingliu", pass = "mail-secret-1"): Promise<TestMailbox> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP with AUTH on loopback: the test has no certificate to offer.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    // Clients still connected at close (pooled transports) are cut after a second, not the default 30 s.
    closeTimeout: 1_000,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error("535 authentication failed"));
    },
    // An address starting with "reject" is refused, like a mailbox that does not exist.
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith("reject")) cb(new Error("550 no such mailbox"));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        cb();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A MIME part: its headers (lower-case names, unfolded, encoded words decoded) and decoded body bytes. */
export interface MimePart {
  headers: Record<string, string>;
  body: Buffer;
  parts: MimePart[];
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=); adjacent words join without their space. */
export function decodeWords(v: string): string {
  if (!v.includes("=?")) return v;
  // Bytes of each word as latin1 characters, then the whole line read as UTF-8 (a character may span two words).
  const bytes = v.replace(/(\?=)\s+(=\?)/g, "$1$2").replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("latin1")
      : text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeBody(raw: string, encoding: string | undefined): Buffer {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(raw.replace(/\s+/g, ""), "base64");
  if (e === "quoted-printable") {
    const soft = raw.replace(/=\r?\n/g, "");
    return Buffer.from(soft.replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
  }
  return Buffer.from(raw, "latin1");
}

/** Parses a raw message (latin1 string of its bytes). */
export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const pieces = rest.split(`--${boundary}`).slice(1);
    const parts = pieces.filter((p) => !p.startsWith("--")).map((p) => parseMime(p.replace(/^\r?\n/, "").replace(/\r?\n$/, "")));
    return { headers, body: Buffer.alloc(0), parts };
  }
  return { headers, body: decodeBody(rest, headers["content-transfer-encoding"]), parts: [] };
}

/** Every leaf part of a message, depth first. */
export function leafParts(p: MimePart): MimePart[] {
  return p.parts.length ? p.parts.flatMap(leafParts) : [p];
}

/**
 * A header parameter (e.g. the `filename` of Content-Disposition), with RFC 2231 extended and continued values
 * (`filename*0*=utf-8''%E6%B0%B4…; filename*1*=…`) joined and decoded.
 */
export function headerParam(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const plain = new RegExp(`(?:^|;)\\s*${name}="?([^";]*)"?`, "i").exec(header);
  if (plain) return decodeWords(plain[1]);
  const pieces: [number, string, boolean][] = [];
  const re = new RegExp(`(?:^|;)\\s*${name}\\*(?:(\\d+)\\*?|)(\\*?)="?([^";]*)"?`, "gi");
  for (let m; (m = re.exec(header)); ) pieces.push([Number(m[1] ?? 0), m[3], true]);
  if (!pieces.length) return null;
  const joined = pieces.sort((a, b) => a[0] - b[0]).map((p) => p[1]).join("");
  const value = joined.replace(/^[^']*'[^']*'/, "");
  return Buffer.from(value.replace(/%([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}
