/**
 * @module How a simulated data logger answers the platform's requests (HJ 212-2017 §6.7.2, reference §4.11):
 * request → 9011 QnRtn=1 → data (for history requests) → 9012 ExeRtn. Set-time (1012) and interval settings
 * (1062/1064) are accepted; history requests 2051/2061 with BeginTime/EndTime are answered with the minute or hour
 * data of every period starting in the window (at most `MAX_HISTORY_PACKETS`, oldest first), each carrying the
 * request's QN, then ExeRtn=1 — or ExeRtn=100 (没有数据) when the window holds no whole period yet. Other requests
 * get QnRtn=2 (请求被拒绝). Pure: returns the packets to write.
 */
import { encodePacket, exeReply, parseHjTime, qnReply, type Packet } from "../../domain/hj212";
import type { SimDevice } from "./devices";
import { PERIODS, encodeUpload, periodPacket } from "./packets";

/** Most data packets one history request is answered with (a month of hours, a day of minutes). */
export const MAX_HISTORY_PACKETS = 1440;

/** Requests a simulated device accepts. */
const SETTINGS = new Set(["1012", "1062", "1064"]);

/** Whether a packet from the platform is a request the device must answer (not a reply to the device's own data). */
export function isRequest(p: Packet): boolean {
  const n = Number(p.cn);
  return p.st !== "91" && n >= 1000 && n < 4000;
}

/**
 * The packets a device writes in answer to a request, in order; `now` (epoch ms) is the device's clock — history
 * ends at the last whole period before it.
 * @example answerRequest(device, timeSync, Date.now()).length // 2: 9011 QnRtn=1, 9012 ExeRtn=1
 */
export function answerRequest(device: SimDevice, req: Packet, now: number): string[] {
  const out = (p: Packet) => encodePacket(p)!;
  if (SETTINGS.has(req.cn)) return [out(qnReply(req, 1)), out(exeReply(req, 1))];
  if (req.cn !== "2051" && req.cn !== "2061") return [out(qnReply(req, 2))];
  const begin = req.cp.beginTime ? parseHjTime(req.cp.beginTime) : null;
  const end = req.cp.endTime ? parseHjTime(req.cp.endTime) : null;
  if (!begin || !end || Date.parse(end) < Date.parse(begin)) return [out(qnReply(req, 2))];
  const { ms } = PERIODS[req.cn];
  const data: string[] = [];
  const last = Math.min(Date.parse(end), now - ms);
  for (let t = Math.ceil(Date.parse(begin) / ms) * ms; t <= last && data.length < MAX_HISTORY_PACKETS; t += ms) {
    data.push(encodeUpload(periodPacket(device, req.cn, t, req.qn!)));
  }
  return [out(qnReply(req, 1)), ...data, out(exeReply(req, data.length ? 1 : 100))];
}
