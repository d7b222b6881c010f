/**
 * @module HJ 212-2017 §6.7 exchanges and Appendix C examples: replies 9011 请求应答 (QnRtn), 9012 执行结果
 * (ExeRtn), 9013 通知应答, 9014 数据应答 — ST=91, Flag=4, echoing the request's QN, PW and MN — and host requests
 * 1012 set time, 1062 real-time interval, 1064 minute interval, 2031/2041/2051/2061 history with BeginTime/EndTime.
 * 2005 replies keep the 2005 form (Flag=0 or none, request QN inside CP — reference §4.14).
 */
import type { ExeRtn, QnRtn } from "./codes";
import { flagBits, type Packet } from "./packet";
import { emptyCp, type CpArea } from "./cp";
import { formatHjTime } from "./time";
import { detectVersion } from "./version2005";

/** The header fields a reply copies from the packet it answers. */
type Answered = Pick<Packet, "qn" | "pw" | "mn" | "flag">;

function reply(to: Answered, cn: string, other: CpArea["other"]): Packet {
  const cp: CpArea = { ...emptyCp(), other };
  const p: Packet = { st: "91", cn, cp, extra: [] };
  if (detectVersion(to) === "2005") {
    // 2005 form: request QN travels inside CP
    if (to.qn !== undefined) cp.other = [{ key: "QN", value: to.qn }, ...other];
    if (to.flag) p.flag = flagBits(0);
  } else {
    if (to.qn !== undefined) p.qn = to.qn;
    p.flag = flagBits(4);
  }
  if (to.pw !== undefined) p.pw = to.pw;
  if (to.mn !== undefined) p.mn = to.mn;
  return p;
}

/**
 * 9011 请求应答: answers a host request with a QnRtn (1 = ready to execute … 9 = CRC error, 100 = unknown).
 * @example qnReply(request, 1) // ST=91;CN=9011;…;Flag=4;CP=&&QnRtn=1&&
 */
export function qnReply(request: Answered, qnRtn: QnRtn): Packet {
  return reply(request, "9011", [{ key: "QnRtn", value: String(qnRtn) }]);
}

/**
 * 9012 执行结果: reports the outcome of an executed request (1 = success … 100 = no data).
 * @example exeReply(request, 1) // …CN=9012…CP=&&ExeRtn=1&&
 */
export function exeReply(request: Answered, exeRtn: ExeRtn): Packet {
  return reply(request, "9012", [{ key: "ExeRtn", value: String(exeRtn) }]);
}

/**
 * 9013 通知应答: acknowledges a notice (e.g. 1013 time-calibration request, 2081 restart).
 * @example noticeReply(notice) // …CN=9013…CP=&&&&
 */
export function noticeReply(notice: Answered): Packet {
  return reply(notice, "9013", []);
}

/**
 * 9014 数据应答: acknowledges a data upload that had Flag A = 1.
 * @example dataReply(upload) // …CN=9014…CP=&&&&
 */
export function dataReply(upload: Answered): Packet {
  return reply(upload, "9014", []);
}

/** Header of a host request. */
export interface RequestHeader {
  /** Request number (`formatQn(new Date())`). */
  qn: string;
  /** System code of the target (e.g. "32"). */
  st: string;
  /** The field machine's access password. */
  pw: string;
  /** The field machine's MN. */
  mn: string;
  /** Ask for a 9011 answer (Flag A); default true. */
  ack?: boolean;
}

function request(h: RequestHeader, cn: string, cp: Partial<CpArea>): Packet {
  return {
    qn: h.qn, st: h.st, cn, pw: h.pw, mn: h.mn, flag: flagBits(h.ack === false ? 4 : 5),
    cp: { ...emptyCp(), ...cp }, extra: [],
  };
}

/**
 * 1012 设置现场机时间: sets the field machine's clock (UTC+8), optionally of one instrument (PolId).
 * @example timeSyncRequest(h, new Date()) // CN=1012…CP=&&SystemTime=20160801085857&&
 */
export function timeSyncRequest(h: RequestHeader, time: Date, polId?: string): Packet {
  const other = [{ key: "SystemTime", value: formatHjTime(time) }];
  if (polId !== undefined) other.unshift({ key: "PolId", value: polId });
  return request(h, "1012", { other });
}

/**
 * 1062 设置实时数据间隔 (30–3600 s); null when outside that range.
 * @example rtdIntervalRequest(h, 30) // CN=1062…CP=&&RtdInterval=30&&
 */
export function rtdIntervalRequest(h: RequestHeader, seconds: number): Packet | null {
  if (!Number.isInteger(seconds) || seconds < 30 || seconds > 3600) return null;
  return request(h, "1062", { other: [{ key: "RtdInterval", value: String(seconds) }] });
}

/** Minute-data intervals the standard allows (minutes). */
export const MIN_INTERVALS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30] as const;

/**
 * 1064 设置分钟数据间隔 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 min); null otherwise.
 * @example minIntervalRequest(h, 10) // CN=1064…CP=&&MinInterval=10&&
 */
export function minIntervalRequest(h: RequestHeader, minutes: number): Packet | null {
  if (!(MIN_INTERVALS as readonly number[]).includes(minutes)) return null;
  return request(h, "1064", { other: [{ key: "MinInterval", value: String(minutes) }] });
}

/**
 * History request: 2051 minute, 2061 hour, 2031 day, 2041 facility run-time day data between two instants
 * (UTC+8, inclusive); null when `end` is before `begin`.
 * @example historyRequest(h, "2061", from, to) // CN=2061…CP=&&BeginTime=…,EndTime=…&&
 */
export function historyRequest(h: RequestHeader, cn: "2051" | "2061" | "2031" | "2041", begin: Date, end: Date): Packet | null {
  if (!(end.getTime() >= begin.getTime())) return null;
  return request(h, cn, { beginTime: formatHjTime(begin), endTime: formatHjTime(end) });
}
