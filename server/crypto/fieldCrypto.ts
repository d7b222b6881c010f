/**
 * @module Encryption of personal fields at rest (reporters' contact details): AES-256-GCM (NIST SP 800-38D) with a
 * random 96-bit IV per value and the record's id as additional authenticated data, so a ciphertext copied onto
 * another record fails to decrypt. Stored as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Keyed lookup
 * hashes (HMAC-SHA-256) let the platform count complaints per phone or address without decrypting anything.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { keyId, masterKey, subkey, type MasterKey } from "./secretKey";

const b64 = (b: Buffer) => b.toString("base64url");

/** Encrypts `plaintext` bound to `context` (e.g. the complaint id). */
export function encryptField(plaintext: string, context: string, master: MasterKey = masterKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", subkey("field-encryption", master), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", keyId(master), b64(iv), b64(cipher.getAuthTag()), b64(ct)].join(".");
}

/** Decrypts a value from {@link encryptField}; throws when it was tampered with, moved, or made with another key. */
export function decryptField(stored: string, context: string, master: MasterKey = masterKey()): string {
  const parts = stored.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new Error("not an encrypted field");
  if (parts[1] !== keyId(master)) throw new Error(`encrypted with another key (${parts[1]}); set the QINGLIU_SECRET_KEY it was made with`);
  const decipher = createDecipheriv("aes-256-gcm", subkey("field-encryption", master), Buffer.from(parts[2], "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(parts[3], "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(parts[4], "base64url")), decipher.final()]).toString("utf8");
}

/** A keyed hash for lookups (same input → same hash under one key; useless without the key). */
export function lookupHash(kind: "contact" | "ip", value: string, master: MasterKey = masterKey()): string {
  return createHmac("sha256", subkey("lookup-hash", master)).update(`${kind}:${value}`).digest("hex");
}

/** The canonical form of a phone number or e-mail for {@link lookupHash}: digits of a phone, lower-case e-mail. */
export function normalizeContact(c: { phone?: string | null; email?: string | null }): string | null {
  const phone = c.phone?.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
  if (phone) return `tel:${phone}`;
  const email = c.email?.trim().toLowerCase();
  return email ? `mailto:${email}` : null;
}
