/**
 * @module One-packet diagnosis for `qingliu hj212 check` and the UI: frames a packet given as text (HJ 212-2017
 * §6.3: `##`, length, CRC per Appendix A compared case-insensitively, CR LF optional), parses its data segment
 * (§6.4) and says whether Qingliu would accept it, with the first reason when not.
 */
import { splitPacketText } from "./frame";
import { parsePacket, type PacketWarning } from "./packet";
import { reject, type Rejection } from "./reasons";
import { detectVersion, type Hj212Version } from "./version2005";

/** Diagnosis of one packet. */
export interface CheckResult {
  /** Qingliu accepts the packet (framing, CRC, length, data segment, version, MN all good). */
  ok: boolean;
  /** First problem; null when ok. */
  reason: Rejection | null;
  /** CRC as sent equals the computed one (hex case ignored). */
  crcOk: boolean;
  /** Declared length equals the data segment's character or UTF-8 byte count. */
  lengthOk: boolean;
  /** Protocol version from the Flag bits; null when unknown or not parsed. */
  version: Hj212Version | null;
  /** System code, when parsed. */
  st: string | null;
  /** Command code, when parsed. */
  cn: string | null;
  /** Device id, when parsed. */
  mn: string | null;
  /** Request number, when sent. */
  qn: string | null;
  /** Leniencies (e.g. "crc.lower_case", "header.comma_separator"). */
  warnings: (PacketWarning | "crc.lower_case")[];
}

/**
 * Checks one packet line. Never throws.
 * @example checkPacket("##0087QN=20160801090000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&FF01").ok // true
 */
export function checkPacket(line: string): CheckResult {
  const res: CheckResult = { ok: false, reason: null, crcOk: false, lengthOk: false, version: null, st: null, cn: null, mn: null, qn: null, warnings: [] };
  if (typeof line !== "string") {
    res.reason = reject("frame.header_missing", "not a string");
    return res;
  }
  const frame = splitPacketText(line);
  res.crcOk = frame.crcOk;
  res.lengthOk = frame.lengthOk;
  if (frame.crcLowerCase) res.warnings.push("crc.lower_case");
  let reason = frame.reason;
  if (frame.declaredLength >= 0 && frame.segment.length) {
    const parsed = parsePacket(frame.segment);
    if (parsed.ok) {
      const p = parsed.packet;
      res.st = p.st;
      res.cn = p.cn;
      res.mn = p.mn ?? null;
      res.qn = p.qn ?? null;
      res.version = detectVersion(p);
      res.warnings.push(...parsed.warnings);
      if (!reason && res.version === null) reason = reject("packet.version_unsupported", `Flag=${p.flag?.value}`);
      if (!reason && p.mn === undefined) reason = reject("packet.field_missing", "MN");
      if (!reason && res.version === "2017" && p.qn === undefined) reason = reject("packet.field_missing", "QN");
      if (!reason && res.version === "2017" && p.pw === undefined) reason = reject("packet.field_missing", "PW");
    } else if (!reason) reason = parsed.reason;
  }
  res.reason = reason;
  res.ok = reason === null;
  return res;
}
