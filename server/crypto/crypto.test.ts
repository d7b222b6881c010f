import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkChallenge, issueChallenge, solveChallenge } from "./challenge";
import { decryptField, encryptField, lookupHash, normalizeContact } from "./fieldCrypto";
import { readMasterKey, subkey } from "./secretKey";

const KEY_A = readMasterKey({ QINGLIU_SECRET_KEY: "11".repeat(32) });
const KEY_B = readMasterKey({ QINGLIU_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") });

describe("field encryption", () => {
  it("round-trips and is AES-256-GCM underneath", () => {
    const stored = encryptField('{"phone":"13912345678"}', "complaint-1", KEY_A);
    expect(stored).not.toContain("1391234");
    expect(decryptField(stored, "complaint-1", KEY_A)).toBe('{"phone":"13912345678"}');
    // Decrypt by hand with the HKDF subkey: proves the format is plain GCM (IV 12 bytes, tag 16, AAD = context).
    const [, , iv, tag, ct] = stored.split(".");
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag, "base64url")).toHaveLength(16);
    const d = createDecipheriv("aes-256-gcm", subkey("field-encryption", KEY_A), Buffer.from(iv, "base64url"));
    d.setAAD(Buffer.from("complaint-1"));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    expect(Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString()).toBe('{"phone":"13912345678"}');
  });
  it("uses a fresh IV each time", () => {
    expect(encryptField("x", "c", KEY_A)).not.toBe(encryptField("x", "c", KEY_A));
  });
  it("refuses another record, another key and a flipped bit", () => {
    const stored = encryptField("secret", "complaint-1", KEY_A);
    expect(() => decryptField(stored, "complaint-2", KEY_A)).toThrow();
    expect(() => decryptField(stored, "complaint-1", KEY_B)).toThrow(/another key/);
    const parts = stored.split(".");
    const ct = Buffer.from(parts[4], "base64url");
    ct[0] ^= 1;
    parts[4] = ct.toString("base64url");
    expect(() => decryptField(parts.join("."), "complaint-1", KEY_A)).toThrow();
  });
  it("reads hex and base64 keys and rejects short ones", () => {
    expect(KEY_A.demo).toBe(false);
    expect(readMasterKey({}).demo).toBe(true);
    expect(() => readMasterKey({ QINGLIU_SECRET_KEY: "abcd" })).toThrow(/32 bytes/);
  });
  it("hashes contacts for lookups, keyed", () => {
    expect(normalizeContact({ phone: "+86 139-1234-5678" })).toBe("tel:13912345678");
    expect(normalizeContact({ email: " Zhang@Example.com " })).toBe("mailto:zhang@example.com");
    expect(normalizeContact({})).toBeNull();
    expect(lookupHash("contact", "tel:13912345678", KEY_A)).toBe(lookupHash("contact", "tel:13912345678", KEY_A));
    expect(lookupHash("contact", "tel:13912345678", KEY_A)).not.toBe(lookupHash("contact", "tel:13912345678", KEY_B));
    expect(lookupHash("contact", "x", KEY_A)).not.toBe(lookupHash("ip", "x", KEY_A));
  });
});

describe("challenge", () => {
  it("accepts a solved challenge and refuses unsolved, forged and expired ones", () => {
    const now = new Date("2024-05-01T00:00:00Z");
    const c = issueChallenge(now, 8);
    const counter = solveChallenge(c);
    expect(checkChallenge(c.token, counter, now)).toMatchObject({ ok: true });
    // A counter that does not give 8 zero bits: find one.
    let bad = 0;
    while (checkChallenge(c.token, String(bad), now).ok) bad++;
    expect(checkChallenge(c.token, String(bad), now)).toEqual({ ok: false, reason: "work" });
    const [payload] = c.token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ n: "x", e: Date.now() + 1e9, d: 0 })).toString("base64url")}.${c.token.split(".")[1]}`;
    expect(checkChallenge(forged, "0", now)).toEqual({ ok: false, reason: "signature" });
    expect(checkChallenge(`${payload}`, "0", now)).toEqual({ ok: false, reason: "malformed" });
    expect(checkChallenge(c.token, counter, new Date(now.getTime() + 11 * 60_000))).toEqual({ ok: false, reason: "expired" });
  });
});
