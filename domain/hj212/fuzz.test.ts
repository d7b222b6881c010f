import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPacket } from "./check";
import { Framer, MAX_PACKET_BYTES } from "./frame";
import { fuzzRng as rng, runFuzz } from "./fuzz";

const read = (name: string, col: number) =>
  readFileSync(new URL(`../../../shared/hj212/${name}`, import.meta.url), "utf8").split("\n").slice(1).filter((l) => l.trim()).map((l) => l.split("\t")[col]);
const seeds = [...read("corpus.tsv", 4), ...read("device-log.tsv", 2).filter((_, i) => i % 50 === 0)];

describe("fuzz: 100 000 mutated packets", () => {
  it("nothing throws, parse∘serialise is stable, the framer stays bounded", () => {
    const stats = runFuzz({ seed: 20170501, cases: 100_000, seeds });
    expect(stats.cases).toBe(100_000);
    expect(stats.parsed).toBeGreaterThan(25_000);
    expect(stats.frames).toBeGreaterThan(25_000);
    expect(stats.maxBuffered).toBeLessThanOrEqual(MAX_PACKET_BYTES + 6);
    expect(stats.reassemblerOpen).toBeLessThanOrEqual(16);
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
