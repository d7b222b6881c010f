import { describe, expect, it } from "vitest";
import { flagBits, parsePacket, type Packet } from "./packet";
import { detectVersion, to2017Code, upgrade2005 } from "./version2005";

const packet = (segment: string): Packet => {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.reason.code);
  return r.packet;
};

describe("HJ/T 212-2005", () => {
  it.each([[undefined, "2005"], [0, "2005"], [3, "2005"], [4, "2017"], [7, "2017"], [8, null], [9, null]] as const)(
    "Flag %s → %s", (flag, version) => expect(detectVersion({ flag: flag === undefined ? undefined : flagBits(flag) })).toBe(version),
  );

  it.each([["B01", "w00000"], ["011", "w01018"], ["060", "w21003"], ["065", "w21001"], ["101", "w21011"], ["072", "w21017"], ["001", "w01001"], ["003", "w01012"], ["010", "w01017"], ["080", "w22001"], ["102", undefined]])(
    "%s → %s", (old, code) => expect(to2017Code(old, "2005")).toBe(code),
  );

  it("2017 codes pass through", () => expect(to2017Code("w21003", "2017")).toBe("w21003"));

  it("upgrades a 2005 packet: factor codes and the QN carried inside CP", () => {
    const p = upgrade2005(packet("ST=91;CN=9013;PW=123456;MN=88888880000001;CP=&&QN=20040516010101001;011-Rtd=1&&"));
    expect(p.qn).toBe("20040516010101001");
    expect(p.cp.other).toEqual([]);
    expect(p.cp.factors).toEqual([{ code: "w01018", fields: { Rtd: "1" } }]);
    const modern = packet("QN=1;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&011-Rtd=1&&");
    expect(upgrade2005(modern)).toBe(modern);
  });
});
