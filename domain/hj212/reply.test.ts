import { describe, expect, it } from "vitest";
import { encodePacket } from "./encode";
import { parsePacket, serialisePacket, type Packet } from "./packet";
import { dataReply, exeReply, historyRequest, minIntervalRequest, noticeReply, qnReply, rtdIntervalRequest, timeSyncRequest } from "./reply";

const packet = (segment: string): Packet => {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.reason.code);
  return r.packet;
};
const MN = "010000A8900016F000169DC0";
const request = packet(`QN=20160801085857223;ST=32;CN=1062;PW=123456;MN=${MN};Flag=5;CP=&&RtdInterval=30&&`);
const h = { qn: "20160801085857223", st: "32", pw: "100000", mn: MN };

describe("replies", () => {
  it("9011 equals the standard's example, CRC 1B00", () => {
    expect(encodePacket(qnReply(request, 1))).toBe(`##0094QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=${MN};Flag=4;CP=&&QnRtn=1&&1B00\r\n`);
  });

  it("9012, 9013, 9014 follow the standard's examples", () => {
    expect(serialisePacket(exeReply(request, 1))).toBe(`QN=20160801085857223;ST=91;CN=9012;PW=123456;MN=${MN};Flag=4;CP=&&ExeRtn=1&&`);
    expect(serialisePacket(noticeReply(request))).toBe(`QN=20160801085857223;ST=91;CN=9013;PW=123456;MN=${MN};Flag=4;CP=&&&&`);
    const upload = packet(`QN=20160801090000001;ST=32;CN=2061;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20160801080000;w01018-Avg=1&&`);
    expect(encodePacket(dataReply(upload))).toBe(`##0087QN=20160801090000001;ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&FF01\r\n`);
  });

  it("answers 2005 packets in the 2005 form (QN inside CP)", () => {
    const old = packet("QN=20040516010101001;ST=32;CN=1012;PW=123456;MN=88888880000001;Flag=3;CP=&&SystemTime=20040516010101&&");
    // the 2005 standard's own 9011 example, CRC 7200 in corpus.tsv
    expect(encodePacket(qnReply(old, 1))).toBe("##0084ST=91;CN=9011;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001;QnRtn=1&&7200\r\n");
  });
});

describe("requests", () => {
  it("1062 equals the standard's example, CRC 1C80", () => {
    expect(encodePacket(rtdIntervalRequest(h, 30)!)).toBe(`##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=${MN};Flag=5;CP=&&RtdInterval=30&&1C80\r\n`);
    expect(rtdIntervalRequest(h, 29)).toBeNull();
    expect(rtdIntervalRequest(h, 3601)).toBeNull();
  });

  it("1064 allows only the standard's minute intervals", () => {
    expect(serialisePacket(minIntervalRequest(h, 10)!)).toContain(";CN=1064;PW=100000;MN=" + MN + ";Flag=5;CP=&&MinInterval=10&&");
    expect(minIntervalRequest(h, 7)).toBeNull();
  });

  it("1012 sets the time in UTC+8", () => {
    const p = timeSyncRequest({ ...h, ack: false }, new Date("2016-08-01T00:58:57Z"), "w01018");
    expect(serialisePacket(p)).toBe(`QN=20160801085857223;ST=32;CN=1012;PW=100000;MN=${MN};Flag=4;CP=&&PolId=w01018;SystemTime=20160801085857&&`);
  });

  it("history requests carry BeginTime,EndTime", () => {
    const p = historyRequest(h, "2061", new Date("2016-07-31T16:00:00Z"), new Date("2016-08-01T15:59:59Z"))!;
    expect(serialisePacket(p)).toMatch(/;CN=2061;.*CP=&&BeginTime=20160801000000,EndTime=20160801235959&&$/);
    expect(historyRequest(h, "2051", new Date(2), new Date(1))).toBeNull();
  });
});
