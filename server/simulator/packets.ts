/**
 * @module Upload packets of a simulated device, per HJ 212-2017: 2011 real-time data (`xxxxxx-Rtd`, DataTime =
 * sampling instant), 2051 minute and 2061 hour data (`-Min/-Avg/-Max`, DataTime = period start; enterprises add
 * `-Cou`: m³ of sewage for w00000 and kg of pollutant otherwise, Appendix D), every factor with `-Flag=N`.
 * Flag=5 (version 1 = 2017, A = 1: the platform answers 9014). Pure: no I/O.
 */
import { encodePacket, flagBits, formatHjTime, formatQn, type Factor, type Packet } from "../../domain/hj212";
import type { SimDevice } from "./devices";
import { formatValue, periodStats, valueAt } from "./values";

/** Upload commands the simulator sends. */
export type UploadCn = "2011" | "2051" | "2061";

/** Length of each period and the sampling step its statistics use. */
export const PERIODS: Readonly<Record<"2051" | "2061", { ms: number; stepMs: number }>> = {
  "2051": { ms: 60_000, stepMs: 10_000 },
  "2061": { ms: 3_600_000, stepMs: 60_000 },
};

/** Flag=5: HJ 212-2017, acknowledgement requested. */
export const UPLOAD_FLAG = 5;

function header(d: SimDevice, cn: UploadCn, qn: string, dataTime: number, factors: Factor[]): Packet {
  return {
    qn, st: d.st, cn, pw: d.pw, mn: d.mn, flag: flagBits(UPLOAD_FLAG),
    cp: { dataTime: formatHjTime(new Date(dataTime)), factors, devices: [], other: [] },
    extra: [],
  };
}

/**
 * 2011 real-time upload sampled at `t`.
 * @example realtimePacket(device, t, formatQn(new Date(t))).cp.factors[0] // { code: "w01001", fields: { Rtd: "7.61", Flag: "N" } }
 */
export function realtimePacket(d: SimDevice, t: number, qn: string): Packet {
  return header(d, "2011", qn, t, d.factors.map((f) => ({ code: f.code, fields: { Rtd: formatValue(valueAt(f, t), f.decimals), Flag: "N" } })));
}

/**
 * 2051 minute or 2061 hour upload of the period starting at `start`.
 * @example periodPacket(device, "2061", hourStart, qn).cp.dataTime // hour start, China time
 */
export function periodPacket(d: SimDevice, cn: "2051" | "2061", start: number, qn: string): Packet {
  const { ms, stepMs } = PERIODS[cn];
  const n = ms / stepMs;
  const stats = d.factors.map((f) => ({ f, s: periodStats(f, start, stepMs, n) }));
  // Appendix D: volume of the period (m³) from mean flow (L/s); load (kg) = concentration (mg/L) × volume / 1000
  const flow = stats.find((x) => x.f.code === "w00000");
  const volume = flow ? (flow.s.avg * ms) / 1000 / 1000 : null;
  const factors = stats.map(({ f, s }): Factor => {
    const fields: Record<string, string> = {
      Min: formatValue(s.min, f.decimals), Avg: formatValue(s.avg, f.decimals), Max: formatValue(s.max, f.decimals),
    };
    if (volume !== null) fields.Cou = formatValue(f.code === "w00000" ? volume : (s.avg * volume) / 1000, 3);
    fields.Flag = "N";
    return { code: f.code, fields };
  });
  return header(d, cn, qn, start, factors);
}

/**
 * Encodes an upload; throws if the data segment would exceed 1024 characters (never for the fleet's factor lists).
 */
export function encodeUpload(p: Packet): string {
  const text = encodePacket(p);
  if (text === null) throw new Error(`packet of ${p.mn} CN=${p.cn} exceeds 1024 characters`);
  return text;
}

/** QN of an instant (UTC+8), re-exported for the script's monotonic numbering. */
export const qnOf = (t: number) => formatQn(new Date(t));
