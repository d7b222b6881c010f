/**
 * @module HJ 212-2017 §6.3 Table 2 packet assembly: `##` + 4-digit length + data segment + CRC (Appendix A) + CR LF.
 * The length written is the UTF-8 byte count (equal to the character count for the ASCII packets Qingliu emits,
 * project decision 7).
 */
import { crc16, crcHex } from "./crc";
import { MAX_SEGMENT, utf8Length } from "./frame";
import { serialisePacket, type Packet } from "./packet";

/**
 * Wraps a data segment into a packet, or returns null when it is longer than 1024.
 * @example encodeFrame("QN=…;CP=&&RtdInterval=30&&") // "##0101QN=…&&1C80\r\n"
 */
export function encodeFrame(segment: string): string | null {
  const n = utf8Length(segment);
  if (n > MAX_SEGMENT) return null;
  return "##" + String(n).padStart(4, "0") + segment + crcHex(crc16(segment)) + "\r\n";
}

/**
 * Serialises and frames a packet; null when its data segment would exceed 1024.
 * @example encodePacket(dataReply(upload))
 */
export function encodePacket(p: Packet): string | null {
  return encodeFrame(serialisePacket(p));
}
