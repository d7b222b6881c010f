/**
 * @module Fault injection for the simulator, pure: what each fault does to the bytes of one packet. A packet gets
 * at most one fault, drawn by cumulative rates, so a test can attribute each defect:
 * - `badCrc`: the 4 CRC digits changed on the line (length and data segment intact) — the gateway answers 9011
 *   QnRtn=9; when that answer is lost with a dropped connection, the device resends the packet whole;
 * - `garbage`: 1–64 junk bytes (never `#`, CR or LF) written before the packet — the framer drops them and resyncs;
 * - `disconnect`: only a prefix of the packet is written, then the connection is dropped (resent whole afterwards);
 * - `retransmit`: the same packet, same QN, sent again later (the gateway stores it once and acknowledges both);
 * - `outOfOrder`: a minute/hour upload is held back and sent after newer ones (old DataTime, new QN).
 */
import { crcHex, parseCrcHex } from "../../domain/hj212";
import type { Rng } from "./random";

/** A fault kind. */
export type FaultKind = "badCrc" | "garbage" | "disconnect" | "retransmit" | "outOfOrder";

/** Every fault kind, in the order rates are accumulated. */
export const FAULT_KINDS: readonly FaultKind[] = ["badCrc", "garbage", "disconnect", "retransmit", "outOfOrder"];

/** Probability per packet of each fault (0–1; the sum must not exceed 1). */
export type FaultRates = Record<FaultKind, number>;

/** No faults. */
export const NO_FAULTS: FaultRates = { badCrc: 0, garbage: 0, disconnect: 0, retransmit: 0, outOfOrder: 0 };

/** Checks rates; returns an error message or null. */
export function faultRatesProblem(r: FaultRates): string | null {
  for (const k of FAULT_KINDS) if (!(r[k] >= 0 && r[k] <= 1)) return `fault rate ${k} must be between 0 and 1`;
  if (FAULT_KINDS.reduce((s, k) => s + r[k], 0) > 1 + 1e-9) return "fault rates add up to more than 1";
  return null;
}

/**
 * Draws the fault of one packet (or null). `outOfOrder` applies to minute/hour uploads only; a real-time packet
 * drawing it gets no fault.
 */
export function drawFault(rng: Rng, rates: FaultRates, periodUpload: boolean): FaultKind | null {
  let x = rng.next();
  for (const k of FAULT_KINDS) {
    if (x < rates[k]) return k === "outOfOrder" && !periodUpload ? null : k;
    x -= rates[k];
  }
  return null;
}

/**
 * The packet with a wrong CRC: the sent CRC plus a non-zero offset (mod 0x10000), still 4 upper-case hex digits.
 * @example withBadCrc("##0087…&&FF01\r\n", rng) // "##0087…&&3A7C\r\n"
 */
export function withBadCrc(packet: string, rng: Rng): string {
  const at = packet.length - 6;
  const crc = parseCrcHex(packet.slice(at, at + 4));
  const bad = (crc + 1 + Math.floor(rng.next() * 0xfffe)) & 0xffff;
  return packet.slice(0, at) + crcHex(bad) + packet.slice(at + 4);
}

/**
 * 1–64 junk bytes containing no `#` (so no false header), CR or LF.
 * @example garbageBytes(rng).includes(0x23) // false
 */
export function garbageBytes(rng: Rng): Uint8Array {
  const n = 1 + Math.floor(rng.next() * 64);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let b: number;
    do b = Math.floor(rng.next() * 256);
    while (b === 0x23 || b === 0x0d || b === 0x0a);
    out[i] = b;
  }
  return out;
}

/**
 * Where to cut a packet for a mid-packet disconnect: 1 … length−1 characters are written.
 */
export function cutPoint(packet: string, rng: Rng): number {
  return 1 + Math.floor(rng.next() * (packet.length - 1));
}
