/**
 * @module Mutation fuzzing of the HJ 212 codec (issue 9 §4): packets from the corpus and the device log are mutated
 * (bytes changed, tokens such as `##`, `&&`, `CP=&&`, CR LF and lone surrogates inserted, cuts, splices, wrong
 * lengths) and fed to every entry point — `checkPacket`, `parsePacket` → `serialisePacket` → `parsePacket` (must be
 * stable), `readingsOf` (also after `upgrade2005`), the `Reassembler`, and a `Framer` reading the same packets as one
 * pipelined stream in random-size chunks (its buffer must stay bounded). Nothing may throw and no case may take
 * long. Used by the suite (100 000 cases) and by `npm run fuzz` (millions). Deterministic per seed.
 */
import { checkPacket } from "./check";
import { Framer, MAX_PACKET_BYTES } from "./frame";
import { parsePacket, serialisePacket } from "./packet";
import { readingsOf } from "./readings";
import { Reassembler } from "./reassemble";
import { upgrade2005 } from "./version2005";

/** mulberry32: deterministic, so a failure names its seed and case. */
export function fuzzRng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ["##", "&&", ";", ",", "=", "-", "CP=&&", "\r\n", "\r", "#", "0", "9", "Flag=", "PNUM=2;PNO=1;", "__proto__", "清", "\ud800", "\u0000", " ", "QN=", "SB1-RS="];

/**
 * One random mutation of `s`.
 * @example mutate("##0087QN=…", fuzzRng(1))
 */
export function mutate(s: string, r: () => number): string {
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

/** A fuzz run. */
export interface FuzzOptions {
  /** Seed of the run. */
  seed: number;
  /** Number of mutated packets. */
  cases: number;
  /** Well-formed packets to mutate (full text with `##`, length and CRC). */
  seeds: readonly string[];
  /** Called every 100 000 cases. */
  onProgress?: (done: number, stats: FuzzStats) => void;
}

/** What a run saw. */
export interface FuzzStats {
  cases: number;
  /** Mutants whose data segment still parsed. */
  parsed: number;
  /** Frames the stream framer cut. */
  frames: number;
  /** Largest framer buffer seen (bytes). */
  maxBuffered: number;
  /** Open split packets left in the reassembler (bounded by its maxOpen). */
  reassemblerOpen: number;
  /** The slowest case (ms) and its number. */
  slowestMs: number;
  slowestCase: number;
  /** The slowest case's input (time it again to tell a slow input from a garbage-collector pause). */
  slowestInput: string;
}

/** A case that broke the codec; `input` reproduces it (with the seed and case number). */
export class FuzzFailure extends Error {
  constructor(readonly seed: number, readonly caseNo: number, readonly input: string, cause: string) {
    super(`seed ${seed}, case ${caseNo}: ${cause} — input ${JSON.stringify(input)}`);
  }
}

/**
 * Runs `cases` mutated packets; throws a `FuzzFailure` on the first exception, unstable round trip or unbounded
 * buffer.
 * @example runFuzz({ seed: 20170501, cases: 100_000, seeds }).parsed // > 25 000
 */
export function runFuzz(o: FuzzOptions): FuzzStats {
  const stats = fuzzLoop(o);
  return stats;
}

/**
 * Milliseconds one input takes through the parser entry points (best of `times`): a slow fuzz case that is fast
 * here was a pause of the runtime, not the input.
 */
export function timeCase(input: string, times = 20): number {
  let best = Infinity;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    checkPacket(input);
    const p = parsePacket(input.slice(6, -4));
    if (p.ok) {
      parsePacket(serialisePacket(p.packet));
      readingsOf(p.packet);
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function fuzzLoop(o: FuzzOptions): FuzzStats {
  const r = fuzzRng(o.seed);
  const framer = new Framer();
  const reasm = new Reassembler({ maxOpen: 16 });
  const stats: FuzzStats = { cases: 0, parsed: 0, frames: 0, maxBuffered: 0, reassemblerOpen: 0, slowestMs: 0, slowestCase: -1, slowestInput: "" };
  const encoder = new TextEncoder();
  let stream = "";
  for (let i = 0; i < o.cases; i++) {
    let s = o.seeds[Math.floor(r() * o.seeds.length)];
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) s = mutate(s, r);
    const started = performance.now();
    try {
      checkPacket(s);
      const p = parsePacket(s.slice(6, -4));
      if (p.ok) {
        stats.parsed++;
        const text = serialisePacket(p.packet);
        const again = parsePacket(text);
        if (!again.ok || serialisePacket(again.packet) !== text) throw new Error("parse∘serialise is not stable");
        if (i % 500 === 0 && JSON.stringify(again.packet) !== JSON.stringify(p.packet)) throw new Error("re-parsed packet differs");
        readingsOf(p.packet);
        if (i % 4 === 0) readingsOf(upgrade2005(p.packet));
        reasm.add(p.packet, i);
      }
      stream += s + (r() < 0.8 ? "\r\n" : "");
      if (stream.length > 20_000) {
        // The same packets as one pipelined stream, cut into random-size reads.
        const bytes = encoder.encode(stream);
        for (let at = 0; at < bytes.length;) {
          const len = 1 + Math.floor(r() * 3000);
          for (const ev of framer.feed(bytes.subarray(at, at + len))) if (ev.type === "frame") stats.frames++;
          at += len;
          stats.maxBuffered = Math.max(stats.maxBuffered, framer.buffered);
          if (framer.buffered > MAX_PACKET_BYTES + 6) throw new Error(`framer holds ${framer.buffered} bytes`);
        }
        stream = "";
      }
    } catch (err) {
      throw new FuzzFailure(o.seed, i, s, (err as Error).message);
    }
    const ms = performance.now() - started;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestCase = i;
      stats.slowestInput = s;
    }
    stats.cases++;
    if (o.onProgress && (i + 1) % 100_000 === 0) o.onProgress(i + 1, stats);
  }
  stats.reassemblerOpen = reasm.open;
  return stats;
}
