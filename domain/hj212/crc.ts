/**
 * @module HJ 212-2017 Appendix A CRC16 (reference §4.3) over the data segment only. Register 0xFFFF; per byte
 * `crc = (crc >> 8) ^ byte`, then 8 × (shift right, xor 0xA001 when the dropped bit was 1). NOT CRC-16/MODBUS
 * (which xors the byte into the whole register). Because only the high byte of the register survives each step,
 * the next register value depends on one 8-bit index, so a 256-entry table computes it exactly.
 */

/** Register value after one byte, indexed by `(crc >> 8) ^ byte` (exported for the framer's inner loop). */
export const CRC_TABLE: Uint16Array = /* @__PURE__ */ (() => {
  const t = new Uint16Array(256);
  for (let v = 0; v < 256; v++) {
    let c = v;
    for (let i = 0; i < 8; i++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[v] = c;
  }
  return t;
})();

const HEX = "0123456789ABCDEF";

/**
 * Bit-by-bit transcription of Appendix A; kept as the reference the table version is tested against.
 * @example crc16Reference(new TextEncoder().encode("123456789")) // 0x2F80
 */
export function crc16Reference(bytes: ArrayLike<number>): number {
  let crc = 0xffff;
  for (let k = 0; k < bytes.length; k++) {
    crc = (crc >>> 8) ^ bytes[k];
    for (let i = 0; i < 8; i++) {
      const lsb = crc & 1;
      crc >>>= 1;
      if (lsb) crc ^= 0xa001;
    }
  }
  return crc;
}

/**
 * CRC of `bytes[start, end)` (table-driven, equal to `crc16Reference`).
 * @example crc16Bytes(bytes, 6, bytes.length - 6)
 */
export function crc16Bytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let k = start; k < end; k++) crc = CRC_TABLE[(crc >>> 8) ^ bytes[k]];
  return crc;
}

/**
 * CRC of the UTF-8 encoding of `text` (ASCII fast path; other characters are encoded on the fly, lone
 * surrogates as U+FFFD like TextEncoder).
 * @example crc16("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&") // 0x1C80
 */
export function crc16(text: string): number {
  let crc = 0xffff;
  for (let k = 0; k < text.length; k++) {
    let c = text.charCodeAt(k);
    if (c < 0x80) {
      crc = CRC_TABLE[(crc >>> 8) ^ c];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const lo = text.charCodeAt(k + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        k++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      crc = CRC_TABLE[(crc >>> 8) ^ (0xc0 | (c >> 6))];
    } else if (c < 0x10000) {
      crc = CRC_TABLE[(crc >>> 8) ^ (0xe0 | (c >> 12))];
      crc = CRC_TABLE[(crc >>> 8) ^ (0x80 | ((c >> 6) & 0x3f))];
    } else {
      crc = CRC_TABLE[(crc >>> 8) ^ (0xf0 | (c >> 18))];
      crc = CRC_TABLE[(crc >>> 8) ^ (0x80 | ((c >> 12) & 0x3f))];
      crc = CRC_TABLE[(crc >>> 8) ^ (0x80 | ((c >> 6) & 0x3f))];
    }
    crc = CRC_TABLE[(crc >>> 8) ^ (0x80 | (c & 0x3f))];
  }
  return crc;
}

/**
 * Formats a CRC as the standard writes it: 4 upper-case hex digits, high byte first.
 * @example crcHex(0x1c80) // "1C80"
 */
export function crcHex(crc: number): string {
  return HEX[(crc >>> 12) & 15] + HEX[(crc >>> 8) & 15] + HEX[(crc >>> 4) & 15] + HEX[crc & 15];
}

/** Value of one hex digit char code (either case), or -1. */
export function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * Parses 4 hex digits (either case) starting at `at` of a string or byte array; -1 when any is not hex.
 * @example parseCrcHex("1c80") // 0x1C80
 */
export function parseCrcHex(src: string | Uint8Array, at = 0): number {
  if (at < 0 || at + 4 > src.length) return -1;
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const d = hexDigit(typeof src === "string" ? src.charCodeAt(at + i) : src[at + i]);
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}
