import { describe, expect, it } from "vitest";
import { historyRequest, minIntervalRequest, parsePacket, splitPacketText, timeSyncRequest, type Packet, type RequestHeader } from "../../domain/hj212";
import { buildFleet, DEFAULT_FLEET } from "./devices";
import { answerRequest, isRequest } from "./requests";

const [device] = buildFleet({ ...DEFAULT_FLEET, devices: 1 });
const h: RequestHeader = { qn: "20240601103000000", st: "21", pw: device.pw, mn: device.mn };
const parsed = (text: string): Packet => {
  const r = parsePacket(splitPacketText(text).segment);
  if (!r.ok) throw new Error(r.reason.code);
  return r.packet;
};
const value = (p: Packet, key: string) => p.cp.other.find((o) => o.key === key)?.value;
const NOW = Date.parse("2024-06-01T10:30:00+08:00");

describe("simulated device answers the platform's requests", () => {
  it("set-time and interval requests: 9011 QnRtn=1 then 9012 ExeRtn=1, echoing the QN", () => {
    for (const req of [timeSyncRequest(h, new Date(NOW)), minIntervalRequest(h, 10)!]) {
      expect(isRequest(req)).toBe(true);
      const out = answerRequest(device, req, NOW).map(parsed);
      expect(out.map((p) => [p.cn, p.qn, value(p, "QnRtn") ?? value(p, "ExeRtn")])).toEqual([["9011", h.qn, "1"], ["9012", h.qn, "1"]]);
    }
  });

  it("an hour-history request: the hours that began in the window and have ended, with the request's QN, then ExeRtn=1", () => {
    // 07:15–10:30 on a device whose clock says 10:30: hours 08:00, 09:00 (10:00–11:00 has not ended; 07:00 began before).
    const req = historyRequest(h, "2061", new Date("2024-06-01T07:15:00+08:00"), new Date("2024-06-01T10:30:00+08:00"))!;
    const out = answerRequest(device, req, NOW).map(parsed);
    expect(out.map((p) => p.cn)).toEqual(["9011", "2061", "2061", "9012"]);
    expect(out.slice(1, 3).map((p) => p.cp.dataTime)).toEqual(["20240601080000", "20240601090000"]);
    expect(out.every((p) => p.qn === h.qn)).toBe(true);
    expect(value(out[3], "ExeRtn")).toBe("1");
  });

  it("a window with no whole period answers ExeRtn=100 (没有数据); an unsupported request is refused with QnRtn=2", () => {
    const empty = answerRequest(device, historyRequest(h, "2061", new Date(NOW - 600_000), new Date(NOW))!, NOW).map(parsed);
    expect(empty.map((p) => [p.cn, value(p, "QnRtn") ?? value(p, "ExeRtn")])).toEqual([["9011", "1"], ["9012", "100"]]);
    const day = answerRequest(device, historyRequest(h, "2031", new Date(NOW - 5 * 86_400_000), new Date(NOW))!, NOW).map(parsed);
    expect(day.map((p) => [p.cn, value(p, "QnRtn")])).toEqual([["9011", "2"]]);
  });

  it("replies from the platform are not requests", () => {
    expect(isRequest({ st: "91", cn: "9014", cp: { factors: [], devices: [], other: [] }, extra: [] })).toBe(false);
  });
});
