import { describe, expect, it } from "vitest";
import { parsePacket, serialisePacket, type Packet } from "./packet";
import { Reassembler } from "./reassemble";

const packet = (segment: string): Packet => {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.reason.code);
  return r.packet;
};
const part = (pno: number, body: string, pnum = 2, qn = "20160801085857534") =>
  packet(`QN=${qn};ST=32;CN=2061;PW=123456;MN=1;Flag=7;PNUM=${pnum};PNO=${pno};CP=&&DataTime=20160801080000;${body}&&`);

describe("Reassembler", () => {
  it("merges parts in PNO order whatever the arrival order", () => {
    const r = new Reassembler();
    expect(r.add(part(2, "w01001-Avg=7.5"), 0)).toEqual({ status: "pending", received: 1, total: 2 });
    const done = r.add(part(1, "w00000-Avg=17.5"), 1);
    if (done.status !== "complete") throw new Error(done.status);
    expect(serialisePacket(done.packet)).toBe("QN=20160801085857534;ST=32;CN=2061;PW=123456;MN=1;Flag=5;CP=&&DataTime=20160801080000;w00000-Avg=17.5;w01001-Avg=7.5&&");
    expect(r.open).toBe(0);
  });

  it("passes unsplit packets through and ignores identical retransmissions", () => {
    const r = new Reassembler();
    const plain = packet("QN=1;ST=32;CN=2011;PW=1;MN=1;Flag=5;CP=&&&&");
    expect(r.add(plain, 0)).toEqual({ status: "complete", packet: plain });
    r.add(part(1, "a-Avg=1"), 0);
    expect(r.add(part(1, "a-Avg=1"), 0).status).toBe("pending");
    expect(r.add(part(1, "a-Avg=2"), 0)).toMatchObject({ status: "rejected", reason: { code: "split.duplicate" } });
    expect(r.add(part(2, "a-Avg=2", 3), 0)).toMatchObject({ status: "rejected", reason: { code: "split.inconsistent" } });
  });

  it("expires incomplete sets and bounds how many it holds", () => {
    const r = new Reassembler({ timeoutMs: 1000, maxOpen: 3 });
    for (let i = 0; i < 10; i++) r.add(part(1, "a-Avg=1", 2, String(i)), 0);
    expect(r.open).toBe(3);
    expect(r.expire(2000).map((x) => x.code)).toEqual(["split.expired", "split.expired", "split.expired"]);
    expect(r.open).toBe(0);
    expect(new Reassembler({ maxParts: 10 }).add(part(1, "", 11), 0)).toMatchObject({ status: "rejected", reason: { code: "split.out_of_range" } });
  });
});
