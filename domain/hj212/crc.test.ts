import { describe, expect, it } from "vitest";
import { crc16, crc16Bytes, crc16Reference, crcHex, parseCrcHex } from "./crc";

const enc = (s: string) => new TextEncoder().encode(s);

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("HJ 212 Appendix A CRC16", () => {
  // reference §4.3 worked examples (the first is the standard's own)
  it.each([
    ["QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&", "1C80"],
    ["QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&", "1B00"],
    ["QN=20160801090000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&", "FF01"],
    ["123456789", "2F80"],
  ])("%s → %s", (segment, hex) => {
    expect(crcHex(crc16(segment))).toBe(hex);
    expect(crcHex(crc16Reference(enc(segment)))).toBe(hex);
    expect(crcHex(crc16Bytes(enc(segment)))).toBe(hex);
  });

  it("is not CRC-16/MODBUS (which gives 4B37 for 123456789)", () => {
    expect(crc16("123456789")).not.toBe(0x4b37);
  });

  it("table version equals the bitwise reference on 20 000 random inputs, and has only 256 values", () => {
    const r = rng(212);
    const seen = new Set<number>();
    let differ = 0;
    for (let i = 0; i < 20_000; i++) {
      const b = new Uint8Array(1 + Math.floor(r() * 64));
      for (let k = 0; k < b.length; k++) b[k] = Math.floor(r() * 256);
      const c = crc16Bytes(b);
      if (c !== crc16Reference(b)) differ++;
      seen.add(c);
    }
    expect(differ).toBe(0);
    expect(seen.size).toBeLessThanOrEqual(256);
  });

  it("string CRC equals the CRC of the UTF-8 bytes (Chinese, emoji, lone surrogate)", () => {
    for (const s of ["DataTime=1;i13004-Info=清流站", "a😀b", "x\ud800y", "\udc00"]) expect(crc16(s)).toBe(crc16Reference(enc(s)));
  });

  it("empty segment keeps the initial register", () => expect(crc16("")).toBe(0xffff));

  it("parses hex in either case and refuses non-hex", () => {
    expect(parseCrcHex("1c80")).toBe(0x1c80);
    expect(parseCrcHex("1C80")).toBe(0x1c80);
    expect(parseCrcHex("1G80")).toBe(-1);
    expect(parseCrcHex("1C8")).toBe(-1);
    expect(parseCrcHex(enc("xxFF01"), 2)).toBe(0xff01);
  });
});
