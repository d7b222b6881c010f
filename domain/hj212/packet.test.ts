import { describe, expect, it } from "vitest";
import { parseCp, serialiseCp } from "./cp";
import { parsePacket, serialisePacket } from "./packet";

const MIN = "QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801084000;" +
  "w00000-Cou=10.5,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8&&";

describe("parsePacket", () => {
  it("reads header, Flag bits and the CP area (standard example C.x 2051)", () => {
    const r = parsePacket(MIN);
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.packet).toMatchObject({
      qn: "20160801085000001", st: "32", cn: "2051", pw: "123456", mn: "010000A8900016F000169DC0",
      flag: { value: 5, version: 1, a: true, d: false },
    });
    expect(r.packet.cp.dataTime).toBe("20160801084000");
    expect(r.packet.cp.factors).toEqual([
      { code: "w00000", fields: { Cou: "10.5", Min: "16.4", Avg: "17.5", Max: "20.1", Flag: "N" } },
      { code: "w01001", fields: { Min: "7.1", Avg: "7.5", Max: "7.8" } },
    ]);
    expect(serialisePacket(r.packet)).toBe(MIN);
  });

  it("reads split headers, facilities, history windows and plain parameters", () => {
    const r = parsePacket("QN=1;ST=32;CN=2061;PW=1;MN=1;Flag=7;PNUM=2;PNO=1;CP=&&BeginTime=20160801000000,EndTime=20160801235959;SB1-RS=1;SB1-RT=2.5;PolId=w01018&&");
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.packet).toMatchObject({ pnum: 2, pno: 1, flag: { d: true, a: true } });
    expect(r.packet.cp).toMatchObject({ beginTime: "20160801000000", endTime: "20160801235959", other: [{ key: "PolId", value: "w01018" }] });
    expect(r.packet.cp.devices).toEqual([{ id: "SB1", fields: { RS: "1" } }, { id: "SB1", fields: { RT: "2.5" } }]);
  });

  it.each([
    ["ST=32;CN=2011", "packet.cp_missing"],
    ["ST=32;CN=2011;CP=&&a=1", "packet.cp_unterminated"],
    ["ST=32;CN=2011;CP=&&a=1&&x", "packet.cp_trailing"],
    ["CN=2011;CP=&&&&", "packet.field_missing"],
    ["ST=3;CN=2011;CP=&&&&", "packet.field_invalid"],
    ["ST=32;CN=20x1;CP=&&&&", "packet.field_invalid"],
    ["ST=32;CN=2011;Flag=256;CP=&&&&", "packet.field_invalid"],
    ["ST=32;CN=2011;QN=12a;CP=&&&&", "packet.field_invalid"],
    ["ST=32;CN=2011;PNUM=2;CP=&&&&", "packet.field_missing"],
    ["ST=32;CN=2011;PNUM=2;PNO=3;CP=&&&&", "packet.field_invalid"],
    ["ST=32;ST=32;CN=2011;CP=&&&&", "packet.field_duplicate"],
    ["ST=32;CN=2011;MN=0123456789012345678901234;CP=&&&&", "packet.field_invalid"],
  ])("%s → %s", (segment, code) => {
    expect(parsePacket(segment)).toMatchObject({ ok: false, reason: { code } });
  });

  it("reports leniencies as warnings", () => {
    expect(parsePacket("QN=1617936069734,ST=21;CN=1011;Flag=7CP=&&&&")).toMatchObject({
      ok: true, warnings: ["header.no_separator_before_cp", "header.comma_separator", "header.qn_not_17_digits", "header.d_without_pnum"],
    });
  });

  it("keeps a field named __proto__ as data", () => {
    const cp = parseCp("w01-__proto__=1");
    expect(Object.keys(cp.factors[0].fields)).toEqual(["__proto__"]);
    expect(parseCp(serialiseCp(cp))).toEqual(cp);
  });

  it("trims spaces and keeps repeated parameters", () => {
    const cp = parseCp(" PolID=101,CTime=04,CTime=10; i13005-Info =40 ");
    expect(cp.other).toEqual([{ key: "PolID", value: "101" }, { key: "CTime", value: "04" }, { key: "CTime", value: "10" }]);
    expect(cp.factors).toEqual([{ code: "i13005", fields: { Info: "40" } }]);
  });
});

describe("a second CP in the header", () => {
  it.each([
    "QN=20210409144811357;ST=21;CN=9014;PW=123456;CP= &&&&D2;MN=A1;Flag=5;CP=&&&&", // found by npm run fuzz, seed 7
    "QN=20210409144811357;ST=21;CN=9014;XCP =&&x;PW=123456;MN=A1;Flag=5;CP=&&&&",
  ])("is refused as a duplicate field, since written back it would be read as the CP area: %s", (segment) => {
    const r = parsePacket(segment);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatchObject({ code: "packet.field_duplicate", detail: "CP" });
  });
});
