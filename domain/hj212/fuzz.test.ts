import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPacket } from "./check";
import { Framer, MAX_PACKET_BYTES } from "./frame";
import { parsePacket, serialisePacket } from "./packet";
import { readingsOf } from "./readings";
import { Reassembler } from "./reassemble";
import { upgrade2005 } from "./version2005";

/** mulberry32: deterministic, so a failure names its seed and case. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const read = (name: string, col: number) =>
  readFileSync(new URL(`../../../shared/hj212/${name}`, import.meta.url), "utf8").split("\n").slice(1).filter((l) => l.trim()).map((l) => l.split("\t")[col]);
const seeds = [...read("corpus.tsv", 4), ...read("device-log.tsv", 2).filter((_, i) => i % 50 === 0)];

const TOKENS = ["##", "&&", ";", ",", "=", "-", "CP=&&", "\r\n", "\r", "#", "0", "9", "Flag=", "PNUM=2;PNO=1;", "__proto__", "清", "\ud800", "\u0000", " ", "QN=", "SB1-RS="];

/** One random mutation of `s`. */
function mutate(s: string, r: () => number): string {
  const at = Math.floor(r() * (s.length + 1));
  switch (Math.floor(r() * 7)) {
    case 0: return s.slice(0, at) + String.fromCharCode(Math.floor(r() * 128)) + s.slice(at + 1);
    case 1: return s.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + s.slice(at);
    case 2: return s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 8));
    case 3: return s.slice(0, at);
    case 4: { const b = Math.floor(r() * s.length); return s.slice(0, at) + s.slice(b, b + Math.floor(r() * 40)) + s.slice(at); }
    case 5: return "##" + String(Math.floor(r() * 10000)).padStart(4, "0") + s.slice(6);
    default: return s.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x10000)) + s.slice(at);
  }
}

describe("fuzz: 100 000 mutated packets", () => {
  it("nothing throws, parse∘serialise is stable, the framer stays bounded", () => {
    const r = rng(20170501);
    const framer = new Framer();
    const reasm = new Reassembler({ maxOpen: 16 });
    let parsed = 0, frames = 0, stream = "";
    for (let i = 0; i < 100_000; i++) {
      let s = seeds[Math.floor(r() * seeds.length)];
      const n = 1 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) s = mutate(s, r);
      checkPacket(s);
      const segment = s.slice(6, -4);
      const p = parsePacket(segment);
      if (p.ok) {
        parsed++;
        const text = serialisePacket(p.packet);
        const again = parsePacket(text);
        if (!again.ok || serialisePacket(again.packet) !== text) throw new Error(`case ${i}: unstable ${JSON.stringify(segment)}`);
        if (i % 500 === 0) expect(again.packet).toEqual(p.packet);
        readingsOf(p.packet);
        if (i % 4 === 0) readingsOf(upgrade2005(p.packet));
        reasm.add(p.packet, i);
      }
      stream += s + (r() < 0.8 ? "\r\n" : "");
      if (stream.length > 20_000) {
        // random chunking, as bytes
        const bytes = new TextEncoder().encode(stream);
        for (let at = 0; at < bytes.length;) {
          const len = 1 + Math.floor(r() * 3000);
          for (const ev of framer.feed(bytes.subarray(at, at + len))) if (ev.type === "frame") frames++;
          at += len;
          expect(framer.buffered).toBeLessThanOrEqual(MAX_PACKET_BYTES + 6);
        }
        stream = "";
      }
    }
    expect(parsed).toBeGreaterThan(25_000);
    expect(frames).toBeGreaterThan(25_000);
    expect(reasm.open).toBeLessThanOrEqual(16);
  }, 60_000);

  it("random bytes never throw and never grow the buffer", () => {
    const r = rng(1);
    const framer = new Framer();
    for (let i = 0; i < 2000; i++) {
      const b = new Uint8Array(Math.floor(r() * 2000));
      for (let k = 0; k < b.length; k++) b[k] = r() < 0.05 ? 35 : r() < 0.05 ? 13 : Math.floor(r() * 256);
      for (const _ of framer.feed(b));
      expect(framer.buffered).toBeLessThanOrEqual(MAX_PACKET_BYTES + 6);
      checkPacket(String.fromCharCode(...b.subarray(0, 500)));
    }
  });
});
