/**
 * @module The challenge of anonymous posts (no third-party service): a signed proof-of-work. The server hands out a
 * token `<payload>.<HMAC>` whose payload carries a random nonce, an expiry and a difficulty; the client finds a
 * counter such that SHA-256(token ":" counter) starts with `difficulty` zero bits (≈ 2^difficulty hashes — a
 * fraction of a second for one person, a real cost for a flood) and posts both. Each token is accepted once
 * (the caller records its hash).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { leadingZeroBits } from "../../domain/complaints/receipt";
import { subkey } from "./secretKey";

/** Default difficulty in bits (≈ 16 000 hashes on average). */
export const DEFAULT_DIFFICULTY = 14;
/** How long a challenge stays valid. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** A challenge as handed to the client. */
export interface Challenge {
  token: string;
  difficulty: number;
  expiresAt: string;
}

const sign = (payload: string) => createHmac("sha256", subkey("challenge")).update(payload).digest("base64url");

/** A new challenge. */
export function issueChallenge(now = new Date(), difficulty = DEFAULT_DIFFICULTY): Challenge {
  const exp = now.getTime() + CHALLENGE_TTL_MS;
  const payload = Buffer.from(JSON.stringify({ n: randomBytes(12).toString("base64url"), e: exp, d: difficulty })).toString("base64url");
  return { token: `${payload}.${sign(payload)}`, difficulty, expiresAt: new Date(exp).toISOString() };
}

/** Why a solution is refused, or null with the token's hash (to record it as used) when it is accepted. */
export function checkChallenge(token: string, counter: string, now = new Date()): { ok: true; tokenHash: string; expiresAt: Date } | { ok: false; reason: "malformed" | "signature" | "expired" | "work" } {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined || !/^\d{1,12}$/.test(counter)) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
  let claims: { e: number; d: number };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.e !== "number" || claims.e < now.getTime()) return { ok: false, reason: "expired" };
  const digest = createHash("sha256").update(`${token}:${counter}`).digest();
  if (leadingZeroBits(digest) < claims.d) return { ok: false, reason: "work" };
  return { ok: true, tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(claims.e) };
}

/** Solves a challenge by brute force (tests, the CLI, and clients written in Node). */
export function solveChallenge(c: Pick<Challenge, "token" | "difficulty">): string {
  for (let i = 0; ; i++) {
    if (leadingZeroBits(createHash("sha256").update(`${c.token}:${i}`).digest()) >= c.difficulty) return String(i);
  }
}
