/**
 * @module Deterministic randomness for the simulator: a seeded generator (mulberry32) for decisions taken in order
 * (device parameters, faults), and stateless hashing of (seed, index) to normal deviates for values that must be the
 * same whenever they are computed (the noise at a given second does not depend on what was computed before).
 */

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  /** Next uniform number in [0, 1). */
  next(): number;
  /** Next standard normal deviate. */
  normal(): number;
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
}

/** Final avalanche of MurmurHash3: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 32-bit hash of strings and numbers (FNV-1a over their text, then fmix).
 * @example hashOf(1, "QLSIM0001", "w21003") // same number on every run
 */
export function hashOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // separator, so ("ab","c") ≠ ("a","bc")
  }
  return fmix(h);
}

/** Hash of a 32-bit seed and a non-negative integer below 2^32 (e.g. epoch seconds). */
export function hash2(seed: number, n: number): number {
  return fmix((seed ^ Math.imul(n >>> 0, 0x9e3779b1)) + Math.imul(seed, 0x85ebca77));
}

const toUnit = (h: number) => (h + 0.5) / 4294967296; // (0, 1): never 0, so log() is finite

/**
 * Standard normal deviate for (seed, n), by Box–Muller on two hashes.
 * @example hashNormal(seed, Math.floor(t / 1000)) // noise of second t
 */
export function hashNormal(seed: number, n: number): number {
  const u1 = toUnit(hash2(seed, n));
  const u2 = toUnit(hash2(seed ^ 0x5bd1e995, n));
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * mulberry32: a small, fast generator, good enough for simulation.
 * @example const rng = seededRng(hashOf(seed, mn)); rng.next()
 */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}
