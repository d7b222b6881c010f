import { describe, expect, it } from "vitest";
import { parsePacket, type Packet } from "./packet";
import { parseNumber, readingsOf } from "./readings";

const packet = (segment: string): Packet => {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.reason.code);
  return r.packet;
};
const HEAD = "QN=20240301101000001;ST=21;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20240301090000;";

describe("readingsOf", () => {
  it("types every statistic with ISO DataTime (UTC+8) and flags", () => {
    const r = readingsOf(packet(HEAD + "w21003-Min=0.5,w21003-Avg=0.8,w21003-Max=1.2,w21003-Cou=3.1,w21003-Flag=M&&"));
    expect(r.rejections).toEqual([]);
    expect(r.readings.map((x) => [x.kind, x.value, x.unit, x.flag])).toEqual([
      ["min", 0.5, "mg/L", "M"], ["avg", 0.8, "mg/L", "M"], ["max", 1.2, "mg/L", "M"], ["cou", 3.1, "kg", "M"],
    ]);
    expect(r.readings[0]).toMatchObject({ mn: "010000A8900016F000169DC0", cn: "2061", qn: "20240301101000001", dataTime: "2024-03-01T09:00:00+08:00", factor: "w21003", version: "2017" });
  });

  it("converts µg/L and ng/L factors to mg/L and keeps what was sent", () => {
    const r = readingsOf(packet(HEAD + "w20111-Avg=0.08;w20120-Avg=50;w20113-Avg=20;w20128-Cou=1.5&&"));
    expect(r.readings.map((x) => [x.factor, x.value, x.unit, x.originalValue, x.originalUnit])).toEqual([
      ["w20111", 0.00008, "mg/L", 0.08, "µg/L"],
      ["w20120", 0.05, "mg/L", 50, "µg/L"],
      ["w20113", 0.00002, "mg/L", 20, "ng/L"],
      ["w20128", 1.5, "g", 1.5, "g"], // amounts are not concentrations
    ]);
  });

  it("maps 2005 codes and accepts 2005 flags", () => {
    const r = readingsOf(packet("ST=32;CN=2011;PW=123456;MN=88888880000001;CP=&&DataTime=20040516020111;B01-Rtd=100;060-Rtd=1.1,060-Flag=P;102-Rtd=2&&"));
    expect(r.readings.map((x) => [x.originalFactor, x.factor, x.unit, x.flag, x.version])).toEqual([
      ["B01", "w00000", "L/s", null, "2005"], ["060", "w21003", "mg/L", "P", "2005"],
    ]);
    expect(r.rejections.map((x) => [x.code, x.detail])).toEqual([["reading.factor_unknown", "102"]]);
  });

  it.each([
    ["QN=1;ST=21;CN=9014;PW=1;MN=1;Flag=4;CP=&&&&", "reading.not_upload"],
    ["QN=1;ST=21;CN=2011;PW=1;MN=1;Flag=8;CP=&&DataTime=20240301090000&&", "packet.version_unsupported"],
    ["QN=1;ST=21;CN=2011;PW=1;Flag=4;CP=&&DataTime=20240301090000&&", "packet.field_missing"],
    ["QN=1;ST=21;CN=2011;PW=1;MN=1;Flag=4;CP=&&w01018-Rtd=1&&", "reading.datatime_missing"],
    ["QN=1;ST=21;CN=2011;PW=1;MN=1;Flag=4;CP=&&DataTime=20240230090000&&", "reading.datatime_invalid"],
  ])("refuses %s with %s", (segment, code) => {
    expect(readingsOf(packet(segment)).rejections.map((r) => r.code)).toEqual([code]);
  });

  it("refuses bad items but keeps the good ones", () => {
    const r = readingsOf(packet(HEAD + "w01018-Avg=abc;w01018-Avg=1,w01018-Flag=X;a34004-Avg=5;w01001-Avg=7.2&&"));
    expect(r.rejections.map((x) => x.code)).toEqual(["reading.value_invalid", "reading.flag_invalid", "reading.factor_unknown"]);
    expect(r.readings.map((x) => [x.factor, x.value])).toEqual([["w01001", 7.2]]);
  });

  it("reads facility run times (2041) and restart time (2081)", () => {
    expect(readingsOf(packet("QN=1;ST=32;CN=2041;PW=1;MN=1;Flag=4;CP=&&DataTime=20160801000000;SB1-RT=1.1;SB2-RT=25&&"))).toMatchObject({
      facilities: [{ id: "SB1", hours: 1.1 }], rejections: [{ code: "reading.value_invalid" }],
    });
    expect(readingsOf(packet("QN=1;ST=21;CN=2081;PW=1;MN=1;Flag=5;CP=&&DataTime=20210412153445;RestartTime=20210412153445&&")).restartTime)
      .toBe("2021-04-12T15:34:45+08:00");
  });

  it.each([["1", 1], ["-1.5", -1.5], [".5", 0.5], ["1e-3", 0.001], ["", null], ["1,2", null], ["NaN", null], ["Infinity", null], [" 1", null], ["1e", null]])(
    "parseNumber(%j) → %s", (s, v) => expect(parseNumber(s)).toBe(v),
  );
});
