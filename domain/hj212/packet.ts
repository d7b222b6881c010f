/**
 * @module HJ 212-2017 §6.4 Table 3 data segment: `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&`, and
 * §6.5 Flag bits (V5…V0 version, D split, A ack). Also reads HJ/T 212-2005 segments (no QN or Flag). Lenient where
 * real devices are sloppy but the meaning is clear (`,` between header fields, no `;` before `CP`, 13-digit QN) —
 * each leniency is reported as a warning; refuses with a structured reason otherwise. Never throws.
 */
import { parseCpRange, serialiseCp, type CpArea } from "./cp";
import { reject, type Rejection } from "./reasons";

/** Flag field split into its bits (§6.5: V5 V4 V3 V2 V1 V0 D A). */
export interface PacketFlag {
  /** The whole Flag value 0–255. */
  value: number;
  /** Version bits V5…V0: 0 = HJ/T 212-2005, 1 = HJ 212-2017. */
  version: number;
  /** A: the receiver must answer (9014/9013…). */
  a: boolean;
  /** D: the packet carries PNUM/PNO (split packet). */
  d: boolean;
}

/** A parsed data segment. Optional header fields are absent when not sent. */
export interface Packet {
  /** Request number YYYYMMDDhhmmsszzz. */
  qn?: string;
  /** System code (two characters). */
  st: string;
  /** Command code (four digits). */
  cn: string;
  /** Access password. */
  pw?: string;
  /** Device (DAQ) identifier. */
  mn?: string;
  /** Flag bits; absent in most 2005 packets. */
  flag?: PacketFlag;
  /** Total number of split packets. */
  pnum?: number;
  /** Number of this packet, 1…pnum. */
  pno?: number;
  /** The CP data area. */
  cp: CpArea;
  /** Header fields outside Table 3, in sending order. */
  extra: { key: string; value: string }[];
}

/** Leniencies accepted while parsing (stable ids). */
export type PacketWarning = "header.comma_separator" | "header.no_separator_before_cp" | "header.qn_not_17_digits" | "header.pnum_without_d" | "header.d_without_pnum";

/** Outcome of `parsePacket`. */
export type PacketResult =
  | { ok: true; packet: Packet; warnings: PacketWarning[] }
  | { ok: false; reason: Rejection };

/**
 * Splits a Flag value into its bits.
 * @example flagBits(5) // { value: 5, version: 1, a: true, d: false }
 */
export function flagBits(value: number): PacketFlag {
  return { value, version: value >>> 2, a: (value & 1) === 1, d: (value & 2) === 2 };
}

const allDigits = (s: string, min: number, max: number): boolean => {
  if (s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

const isUpperAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** `s[a, b)` without surrounding whitespace (one slice, none when nothing to trim). */
function trimmed(s: string, a: number, b: number): string {
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return s.slice(a, b);
}

/**
 * Parses a data segment (the text between the length and the CRC).
 * @example parsePacket("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&")
 */
export function parsePacket(segment: string): PacketResult {
  if (typeof segment !== "string") return { ok: false, reason: reject("packet.cp_missing", "not a string") };
  const cpAt = segment.indexOf("CP=&&");
  if (cpAt < 0) return { ok: false, reason: reject("packet.cp_missing") };
  const close = segment.lastIndexOf("&&");
  if (close < cpAt + 5) return { ok: false, reason: reject("packet.cp_unterminated") };
  if (close + 2 !== segment.length) return { ok: false, reason: reject("packet.cp_trailing", JSON.stringify(segment.slice(close + 2, close + 22))) };
  const warnings: PacketWarning[] = [];
  const extra: { key: string; value: string }[] = [];
  let headerEnd = cpAt;
  if (cpAt > 0) {
    const sep = segment.charCodeAt(cpAt - 1);
    if (sep === 59 || sep === 44) headerEnd--;
    else warnings.push("header.no_separator_before_cp");
  }
  let qn: string | undefined, st: string | undefined, cn: string | undefined, pw: string | undefined;
  let mn: string | undefined, flag: string | undefined, pnum: string | undefined, pno: string | undefined;
  let duplicate = "";
  let start = 0, comma = false;
  while (start < headerEnd) {
    let k = start, eq = -1;
    for (; k < headerEnd; k++) {
      const c = segment.charCodeAt(k);
      if (c === 59) break;
      if (c === 44) { comma = true; break; }
      if (c === 61 && eq < 0) eq = k;
    }
    if (k > start) {
      const key = trimmed(segment, start, eq < 0 ? k : eq);
      const value = eq < 0 ? "" : trimmed(segment, eq + 1, k);
      // a switch on the key instead of a Map: the header is parsed once per packet on the hot path
      switch (key) {
        case "QN": if (qn !== undefined) duplicate = key; qn = value; break;
        case "ST": if (st !== undefined) duplicate = key; st = value; break;
        case "CN": if (cn !== undefined) duplicate = key; cn = value; break;
        case "PW": if (pw !== undefined) duplicate = key; pw = value; break;
        case "MN": if (mn !== undefined) duplicate = key; mn = value; break;
        case "Flag": if (flag !== undefined) duplicate = key; flag = value; break;
        case "PNUM": if (pnum !== undefined) duplicate = key; pnum = value; break;
        case "PNO": if (pno !== undefined) duplicate = key; pno = value; break;
        // A second CP in the header ("CP= &&…", "XCP =&&…"): written back it would read as the CP area itself.
        case "CP": duplicate = key; break;
        default:
          if ((key + "=" + value).includes("CP=&&")) duplicate = "CP";
          else if (key.length || value.length) extra.push({ key, value });
      }
      if (duplicate) return { ok: false, reason: reject("packet.field_duplicate", duplicate) };
    }
    start = k + 1;
  }
  if (comma) warnings.push("header.comma_separator");

  if (st === undefined) return { ok: false, reason: reject("packet.field_missing", "ST") };
  if (st.length !== 2 || !isUpperAlnum(st.charCodeAt(0)) || !isUpperAlnum(st.charCodeAt(1)))
    return { ok: false, reason: reject("packet.field_invalid", `ST=${st}`) };
  if (cn === undefined) return { ok: false, reason: reject("packet.field_missing", "CN") };
  if (!allDigits(cn, 4, 4)) return { ok: false, reason: reject("packet.field_invalid", `CN=${cn}`) };
  const packet: Packet = { st, cn, cp: parseCpRange(segment, cpAt + 5, close), extra };
  if (qn !== undefined) {
    if (!allDigits(qn, 1, 20)) return { ok: false, reason: reject("packet.field_invalid", `QN=${qn}`) };
    if (qn.length !== 17) warnings.push("header.qn_not_17_digits");
    packet.qn = qn;
  }
  if (pw !== undefined) packet.pw = pw;
  if (mn !== undefined) {
    if (mn.length === 0 || mn.length > 24) return { ok: false, reason: reject("packet.field_invalid", `MN=${mn}`) };
    packet.mn = mn;
  }
  if (flag !== undefined) {
    if (!allDigits(flag, 1, 3) || Number(flag) > 255) return { ok: false, reason: reject("packet.field_invalid", `Flag=${flag}`) };
    packet.flag = flagBits(Number(flag));
  }
  // Flag D without PNUM/PNO occurs in the standard's own examples (2005 Flag=3 requests): read as unsplit
  if (packet.flag?.d && pnum === undefined && pno === undefined) warnings.push("header.d_without_pnum");
  else if (pnum !== undefined || pno !== undefined) {
    if (pnum === undefined) return { ok: false, reason: reject("packet.field_missing", "PNUM") };
    if (pno === undefined) return { ok: false, reason: reject("packet.field_missing", "PNO") };
    if (!allDigits(pnum, 1, 9) || Number(pnum) < 1) return { ok: false, reason: reject("packet.field_invalid", `PNUM=${pnum}`) };
    if (!allDigits(pno, 1, 9) || Number(pno) < 1 || Number(pno) > Number(pnum))
      return { ok: false, reason: reject("packet.field_invalid", `PNO=${pno} (PNUM=${pnum})`) };
    packet.pnum = Number(pnum);
    packet.pno = Number(pno);
    if (packet.flag && !packet.flag.d) warnings.push("header.pnum_without_d");
  }
  return { ok: true, packet, warnings };
}

/**
 * Writes a packet's data segment in Table 3 order (QN, ST, CN, PW, MN, Flag, PNUM, PNO, extras, CP).
 * `parsePacket(serialisePacket(p))` yields `p` again.
 * @example serialisePacket(parsePacket(segment).packet) === segment // for well-formed 2017 packets
 */
export function serialisePacket(p: Packet): string {
  let s = "";
  if (p.qn !== undefined) s += "QN=" + p.qn + ";";
  s += "ST=" + p.st + ";CN=" + p.cn + ";";
  if (p.pw !== undefined) s += "PW=" + p.pw + ";";
  if (p.mn !== undefined) s += "MN=" + p.mn + ";";
  if (p.flag !== undefined) s += "Flag=" + p.flag.value + ";";
  if (p.pnum !== undefined) s += "PNUM=" + p.pnum + ";";
  if (p.pno !== undefined) s += "PNO=" + p.pno + ";";
  for (const { key, value } of p.extra) s += key + "=" + value + ";";
  return s + "CP=&&" + serialiseCp(p.cp) + "&&";
}
