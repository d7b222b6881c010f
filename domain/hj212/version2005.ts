/**
 * @module HJ/T 212-2005 compatibility (reference §4.14, project decision 10): detects the protocol version from the
 * Flag version bits (§6.5: 000000 = 2005, 000001 = 2017; no Flag at all = 2005) and maps 2005 pollutant codes to
 * Table B.1 codes (`B01` → `w00000`, `011` → `w01018`, `060` → `w21003` …).
 */
import type { Packet } from "./packet";
import { OLD_TO_NEW } from "./factors";

/** Protocol versions the codec accepts. */
export type Hj212Version = "2017" | "2005";

/**
 * The packet's protocol version, or null when the Flag carries version bits the codec does not know (e.g. 2, which
 * a third-party library uses for HJ 212-2025).
 * @example detectVersion(parsePacket("ST=32;CN=2011;PW=1;MN=1;CP=&&&&").packet) // "2005"
 */
export function detectVersion(p: Pick<Packet, "flag">): Hj212Version | null {
  if (!p.flag) return "2005";
  if (p.flag.version === 1) return "2017";
  if (p.flag.version === 0) return "2005";
  return null;
}

/**
 * The 2017 code for a factor code of the given version (2017 codes pass through; unknown 2005 codes give undefined).
 * @example to2017Code("060", "2005") // "w21003"
 */
export function to2017Code(code: string, version: Hj212Version): string | undefined {
  if (version === "2017") return code;
  if (Object.hasOwn(OLD_TO_NEW, code)) return OLD_TO_NEW[code];
  // 2005 devices that already send w-codes
  return code.length === 6 && code.charCodeAt(0) === 119 ? code : undefined;
}

/**
 * A copy of a 2005 packet with its factor codes mapped to 2017 codes (unmappable codes kept as sent) and, for 2005
 * replies that carry the request QN inside CP (`CP=&&QN=…;QnRtn=1&&`), that QN lifted into the header.
 * 2017 packets are returned unchanged.
 */
export function upgrade2005(p: Packet): Packet {
  if (detectVersion(p) !== "2005") return p;
  const factors = p.cp.factors.map((f) => ({ code: to2017Code(f.code, "2005") ?? f.code, fields: { ...f.fields } }));
  const qnParam = p.cp.other.find((o) => o.key === "QN");
  const other = qnParam && p.qn === undefined ? p.cp.other.filter((o) => o !== qnParam) : p.cp.other.slice();
  const out: Packet = { ...p, cp: { ...p.cp, factors, other }, extra: p.extra.slice() };
  if (qnParam && p.qn === undefined) out.qn = qnParam.value;
  return out;
}
