/**
 * @module Typed readings from HJ 212 data uploads (HJ 212-2017 Table 9 CN 2011 real-time, 2051 minute, 2061 hour,
 * 2031 day; 2041 facility run time; 2081 DAQ restart) with §6.6 CP fields `-Rtd/-Min/-Avg/-Max/-Cou/-Flag`.
 * DataTime is the sampling instant (2011) or period start (2051/2061/2031), UTC+8. Values in µg/L or ng/L
 * (Table B.1 defaults for Hg, Cd, Cr6+, As, Pb, Se, alkyl mercury) are converted to mg/L; the sent value and unit
 * are kept. 2005 factor codes are mapped to 2017 codes. Every refused packet or item carries a `Rejection`.
 */
import { DATA_FLAGS, DATA_FLAGS_2005, UPLOAD_KINDS } from "./codes";
import { waterFactor } from "./factors";
import type { Packet } from "./packet";
import { reject, type Rejection } from "./reasons";
import { parseHjTime } from "./time";
import { detectVersion, to2017Code, type Hj212Version } from "./version2005";

/** Which statistic a reading is. */
export type ReadingKind = "rtd" | "min" | "avg" | "max" | "cou";

/** One measured value. */
export interface Reading {
  /** Device (DAQ) id. */
  mn: string;
  /** Upload command: 2011, 2051, 2061 or 2031. */
  cn: string;
  /** Request number of the upload, when sent. */
  qn?: string;
  /** Protocol version of the packet. */
  version: Hj212Version;
  /** DataTime as ISO 8601 with +08:00. */
  dataTime: string;
  /** 2017 factor code (2005 codes mapped). */
  factor: string;
  /** Factor code as sent. */
  originalFactor: string;
  /** Statistic. */
  kind: ReadingKind;
  /** Value in `unit`. */
  value: number;
  /** Value as sent, in `originalUnit`. */
  originalValue: number;
  /** Table B.1 default unit of the value as sent. */
  originalUnit: string;
  /** Unit of `value`: mg/L for converted µg/L and ng/L factors, else `originalUnit` (amount unit for `cou`). */
  unit: string;
  /** Data flag as sent (Table 8; 2005 letters such as P for 2005 packets), null when the packet sent none. */
  flag: string | null;
}

/** Run time of a treatment facility (CN 2041, `SBxxx-RT`). */
export interface FacilityRunTime {
  /** Facility id, e.g. "SB1". */
  id: string;
  /** Hours run that day (0–24). */
  hours: number;
}

/** What an upload packet yields. */
export interface ReadingsResult {
  /** Valid readings. */
  readings: Reading[];
  /** Facility run times (CN 2041). */
  facilities: FacilityRunTime[];
  /** DAQ restart time as ISO (CN 2081). */
  restartTime?: string;
  /** Refused packet or items; an item's refusal does not drop the packet's other items. */
  rejections: Rejection[];
}

const KIND_OF_FIELD: Readonly<Record<string, ReadingKind>> = { Rtd: "rtd", Min: "min", Avg: "avg", Max: "max", Cou: "cou" };

/**
 * Parses a decimal number as devices send it (`-1.5`, `.5`, `1e-3`); null for anything else, including "".
 * @example parseNumber("235.29") // 235.29
 */
export function parseNumber(s: string): number | null {
  let i = 0;
  const n = s.length;
  if (i < n && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
  let digits = 0;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) { i++; digits++; }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) { i++; digits++; }
  }
  if (!digits) return null;
  if (i < n && (s.charCodeAt(i) | 0x20) === 101) {
    i++;
    if (i < n && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
    const e0 = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === e0) return null;
  }
  if (i !== n) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

const fail = (r: Rejection): ReadingsResult => ({ readings: [], facilities: [], rejections: [r] });

/**
 * Typed readings of an upload packet (CN 2011/2051/2061/2031/2041/2081).
 * @example readingsOf(parsePacket(segment).packet).readings[0] // { factor: "w01018", kind: "rtd", value: 235.29, … }
 */
export function readingsOf(p: Packet): ReadingsResult {
  if (!Object.hasOwn(UPLOAD_KINDS, p.cn)) return fail(reject("reading.not_upload", `CN=${p.cn}`));
  const version = detectVersion(p);
  if (version === null) return fail(reject("packet.version_unsupported", `Flag=${p.flag?.value}`));
  if (!p.mn) return fail(reject("packet.field_missing", "MN"));
  if (p.cp.dataTime === undefined) return fail(reject("reading.datatime_missing"));
  const dataTime = parseHjTime(p.cp.dataTime);
  if (dataTime === null) return fail(reject("reading.datatime_invalid", p.cp.dataTime));
  const out: ReadingsResult = { readings: [], facilities: [], rejections: [] };
  if (p.cn === "2081") {
    const rt = p.cp.other.find((o) => o.key === "RestartTime");
    const iso = rt ? parseHjTime(rt.value) : null;
    if (rt && iso === null) out.rejections.push(reject("reading.datatime_invalid", `RestartTime=${rt.value}`));
    out.restartTime = iso ?? dataTime;
    return out;
  }
  if (p.cn === "2041") {
    for (const d of p.cp.devices) {
      if (d.fields.RT === undefined) continue;
      const hours = parseNumber(d.fields.RT);
      if (hours === null || hours < 0 || hours > 24) out.rejections.push(reject("reading.value_invalid", `${d.id}-RT=${d.fields.RT}`));
      else out.facilities.push({ id: d.id, hours });
    }
    return out;
  }
  const flags = version === "2005" ? FLAGS_2005 : DATA_FLAGS;
  for (const f of p.cp.factors) {
    const code = to2017Code(f.code, version);
    const info = code === undefined ? undefined : waterFactor(code);
    if (code === undefined || info === undefined) {
      out.rejections.push(reject("reading.factor_unknown", f.code));
      continue;
    }
    const flagText = f.fields.Flag;
    if (flagText !== undefined && !Object.hasOwn(flags, flagText)) {
      out.rejections.push(reject("reading.flag_invalid", `${f.code}-Flag=${flagText}`));
      continue;
    }
    for (const field in f.fields) {
      if (!Object.hasOwn(KIND_OF_FIELD, field)) continue;
      const kind = KIND_OF_FIELD[field];
      const raw = f.fields[field];
      const originalValue = parseNumber(raw);
      if (originalValue === null) {
        out.rejections.push(reject("reading.value_invalid", `${f.code}-${field}=${raw}`));
        continue;
      }
      const amount = kind === "cou";
      const originalUnit = amount ? (info.amountUnit ?? "") : info.unit;
      const divisor = amount ? undefined : info.mgDivisor;
      const reading: Reading = {
        mn: p.mn, cn: p.cn, version, dataTime,
        factor: code, originalFactor: f.code, kind,
        value: divisor ? originalValue / divisor : originalValue, originalValue, originalUnit,
        unit: divisor ? "mg/L" : originalUnit,
        flag: flagText ?? null,
      };
      if (p.qn !== undefined) reading.qn = p.qn;
      out.readings.push(reading);
    }
  }
  return out;
}

/** 2005 data flags: the 2017 letters except B, plus P (power failure). */
const FLAGS_2005: Readonly<Record<string, unknown>> = (() => {
  const { B: _b, ...rest } = DATA_FLAGS;
  return { ...rest, ...DATA_FLAGS_2005 };
})();
