/**
 * @module Random tokens for sessions and CSRF, and the comparisons that must not leak timing.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random token of 32 bytes. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 hex of a token: what the database stores in place of the token. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time string equality. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
