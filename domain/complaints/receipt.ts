/**
 * @module Receipt codes (回执码) a reporter uses to follow a complaint: 12 symbols of Crockford's Base32 (no I, L, O,
 * U), shown in groups of four. Typing is forgiving: case, spaces and dashes are ignored, O reads as 0 and I/L as 1.
 */

/** The alphabet (Crockford Base32). */
export const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Symbols in a code (60 bits). */
export const RECEIPT_LENGTH = 12;

/**
 * The canonical form of a typed code, or null when it cannot be one.
 * @example normalizeReceipt("ab1c-o2de fghj") // "AB1C02DEFGHJ"
 */
export function normalizeReceipt(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== RECEIPT_LENGTH) return null;
  for (const ch of s) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return s;
}

/** A code from 12 random bytes (each taken modulo 32 — 256 is a multiple of 32, so uniform). */
export function receiptFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_LENGTH) throw new Error("need 12 bytes");
  let s = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) s += RECEIPT_ALPHABET[bytes[i] % 32];
  return s;
}

/** The code in groups of four, e.g. AB1C-02DE-FGHJ. */
export function formatReceipt(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** Leading zero bits of a hash (proof-of-work of the anonymous-post challenge). */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) { n += 8; continue; }
    return n + Math.clz32(b) - 24;
  }
  return n;
}
