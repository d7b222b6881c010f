/**
 * @module HJ 212-2017 §6.5 split packets (Flag D = 1, PNUM total, PNO 1…PNUM): collects the parts of one logical
 * packet — same MN, QN, ST and CN — and merges their CP areas in PNO order. Bounded: at most `maxOpen` sets are held
 * and each expires after `timeoutMs` (the standard's execution timeout after the first sub-packet, §6.7.1).
 */
import type { CpArea } from "./cp";
import { flagBits, serialisePacket, type Packet } from "./packet";
import { reject, type Rejection } from "./reasons";

/** What adding one packet produced. */
export type ReassemblyResult =
  | { status: "complete"; packet: Packet }
  | { status: "pending"; received: number; total: number }
  | { status: "rejected"; reason: Rejection };

interface OpenSet {
  total: number;
  parts: (Packet | undefined)[];
  texts: (string | undefined)[];
  received: number;
  firstAt: number;
}

/** Options of a `Reassembler`. */
export interface ReassemblerOptions {
  /** How long a set may stay incomplete (ms); default 10 s × 3 tries (reference §4.11 GPRS defaults). */
  timeoutMs?: number;
  /** Most sets held at once; the oldest is dropped beyond it. Default 64. */
  maxOpen?: number;
  /** Largest PNUM accepted. Default 9999. */
  maxParts?: number;
}

const keyOf = (p: Packet) => `${p.mn ?? ""}\u0000${p.qn ?? ""}\u0000${p.st}\u0000${p.cn}`;

/** Merges CP areas in order: time fields from the first part that has them, lists concatenated. */
function mergeCp(parts: Packet[]): CpArea {
  const cp: CpArea = { factors: [], devices: [], other: [] };
  for (const { cp: c } of parts) {
    if (cp.dataTime === undefined && c.dataTime !== undefined) cp.dataTime = c.dataTime;
    if (cp.beginTime === undefined && c.beginTime !== undefined) cp.beginTime = c.beginTime;
    if (cp.endTime === undefined && c.endTime !== undefined) cp.endTime = c.endTime;
    cp.factors.push(...c.factors);
    cp.devices.push(...c.devices);
    cp.other.push(...c.other);
  }
  return cp;
}

/**
 * Collects split packets of one connection. Packets without PNUM pass straight through as complete.
 * @example
 * const r = new Reassembler();
 * const out = r.add(packet, Date.now());
 * if (out.status === "complete") store(out.packet);
 */
export class Reassembler {
  private readonly sets = new Map<string, OpenSet>();
  private readonly timeoutMs: number;
  private readonly maxOpen: number;
  private readonly maxParts: number;

  constructor(opts: ReassemblerOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxOpen = opts.maxOpen ?? 64;
    this.maxParts = opts.maxParts ?? 9999;
  }

  /** Number of incomplete sets held. */
  get open(): number {
    return this.sets.size;
  }

  /** Adds one parsed packet received at `now` (ms). */
  add(p: Packet, now: number): ReassemblyResult {
    if (p.pnum === undefined || p.pno === undefined) return { status: "complete", packet: p };
    if (p.pnum > this.maxParts) return { status: "rejected", reason: reject("split.out_of_range", `PNUM=${p.pnum}`) };
    if (p.pno < 1 || p.pno > p.pnum) return { status: "rejected", reason: reject("split.out_of_range", `PNO=${p.pno}`) };
    const key = keyOf(p);
    let set = this.sets.get(key);
    if (set && now - set.firstAt > this.timeoutMs) {
      this.sets.delete(key);
      set = undefined;
    }
    if (!set) {
      if (this.sets.size >= this.maxOpen) this.sets.delete(this.sets.keys().next().value as string);
      set = { total: p.pnum, parts: [], texts: [], received: 0, firstAt: now };
      this.sets.set(key, set);
    }
    if (set.total !== p.pnum) return { status: "rejected", reason: reject("split.inconsistent", `PNUM ${p.pnum} vs ${set.total}`) };
    const text = serialisePacket(p);
    const at = p.pno - 1;
    if (set.texts[at] !== undefined) {
      if (set.texts[at] !== text) return { status: "rejected", reason: reject("split.duplicate", `PNO=${p.pno}`) };
    } else {
      set.parts[at] = p;
      set.texts[at] = text;
      set.received++;
    }
    if (set.received < set.total) return { status: "pending", received: set.received, total: set.total };
    this.sets.delete(key);
    const parts = set.parts as Packet[];
    const first = parts[0];
    const merged: Packet = { ...first, cp: mergeCp(parts), extra: first.extra.slice() };
    delete merged.pnum;
    delete merged.pno;
    if (first.flag) merged.flag = flagBits(first.flag.value & ~2);
    return { status: "complete", packet: merged };
  }

  /** Drops sets older than the timeout at `now`, returning one `split.expired` rejection per dropped set. */
  expire(now: number): Rejection[] {
    const out: Rejection[] = [];
    for (const [key, set] of this.sets) {
      if (now - set.firstAt > this.timeoutMs) {
        this.sets.delete(key);
        out.push(reject("split.expired", `${set.received}/${set.total} parts`));
      }
    }
    return out;
  }
}
